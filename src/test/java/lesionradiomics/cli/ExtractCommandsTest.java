package lesionradiomics.cli;

import lesionradiomics.fiji.AsImagePlus;
import lesionradiomics.fiji.ExtractLesionFeatures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.io.Csv;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.LesionTable;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.progress.Progress;

/** The front ends over the demo data: CLI, SciJava command, and the join with the lesion table and its errors. */
class ExtractCommandsTest {

	static final Path DEMO = Path.of("test-data");

	@TempDir
	Path dir;

	static String stderrOf(Runnable r) {
		PrintStream old = System.err, oldOut = System.out;
		ByteArrayOutputStream buf = new ByteArrayOutputStream();
		System.setErr(new PrintStream(buf, true));
		System.setOut(new PrintStream(new ByteArrayOutputStream(), true)); // tables a command prints: tests are quiet
		try {
			r.run();
		} finally {
			System.setErr(old);
			System.setOut(oldOut);
		}
		return buf.toString();
	}

	@Test
	void cliExtractsEveryListedLesionOfThePatient() throws IOException {
		Path out = dir.resolve("f.csv");
		int[] code = new int[1];
		stderrOf(() -> code[0] = Cli.run("extract", "--image", DEMO.resolve("P04_image.nrrd").toString(), "--labels",
				DEMO.resolve("P04_labels.nrrd").toString(), "--lesions", DEMO.resolve("lesions.csv").toString(), "--patient", "P04",
				"--threads", "2", "--out", out.toString()));
		assertEquals(0, code[0]);
		List<List<String>> rows = Csv.read(out);
		long listed = LesionTable.read(DEMO.resolve("lesions.csv")).forPatient("P04").lesions().size();
		assertEquals(listed + 1, rows.size());
		assertEquals(List.of("patient", "label", "site"), rows.get(0).subList(0, 3));
		assertEquals(111, rows.get(0).size());
		assertEquals("texture", rows.get(0).get(3), "the lesion table's further columns are kept beside the features");
		assertEquals("original_shape_Elongation", rows.get(0).get(4));
		assertEquals("P04", rows.get(1).get(0));
	}

	@Test
	void cliReportsBadInputInOneLineWithExitCode2() {
		String err = stderrOf(() -> assertEquals(2, Cli.run("extract", "--image", "missing.nrrd", "--labels", "x.nrrd", "--out", dir.resolve("o.csv").toString())));
		assertTrue(err.startsWith("error: ") && err.contains("missing.nrrd") && err.contains("not found"), err);
		assertEquals(1, err.trim().lines().count(), err);
		err = stderrOf(() -> assertEquals(2, Cli.run("extract", "--image", DEMO.resolve("P04_image.nrrd").toString(), "--labels",
				DEMO.resolve("P04_labels.nrrd").toString(), "--lesions", DEMO.resolve("lesions.csv").toString(), "--out", dir.resolve("o.csv").toString())));
		assertTrue(err.contains("6 patients") && err.contains("--patient"), err);
		stderrOf(() -> assertEquals(0, Cli.run("extract", "--help"))); // the usage text (stdout) is kept out of the test log
	}

	@Test
	void labelMapOnAnotherGridIsRejectedNamingBothFiles() throws IOException {
		ImageData image = NrrdReader.read(DEMO.resolve("P04_image.nrrd"));
		ImageData otherLabels = NrrdReader.read(DEMO.resolve("P01_labels.nrrd"));
		assertEquals(image.geometry().size(0), otherLabels.geometry().size(0)); // same size: this checks labels vs patient
		LesionTable table = LesionTable.read(DEMO.resolve("lesions.csv"));
		String m = assertThrows(VolumeFormatException.class,
				() -> ExtractionWorkflow.run(new ExtractionWorkflow.Input(image, otherLabels, table, "P03"), ExtractionOptions.DEFAULTS, Execution.serial())).getMessage();
		assertTrue(m.contains("P01_labels.nrrd") && m.contains("is not in this label map"), m);

		Path shifted = dir.resolve("shifted.nrrd");
		String header = new String(Files.readAllBytes(DEMO.resolve("P04_labels.nrrd")), java.nio.charset.StandardCharsets.ISO_8859_1);
		Files.write(shifted, header.replaceFirst("sizes: 112 112 48", "sizes: 112 112 24").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		m = assertThrows(IOException.class,
				() -> ExtractionWorkflow.run(new ExtractionWorkflow.Input(image, NrrdReader.read(shifted), null, "P04"), ExtractionOptions.DEFAULTS, Execution.serial())).getMessage();
		assertTrue(m.contains("shifted.nrrd") && m.contains("P04_image.nrrd") && m.contains("size"), m);
	}

	@Test
	void unknownPatientListsThePatientsThere() throws IOException {
		ImageData image = NrrdReader.read(DEMO.resolve("P04_image.nrrd")), labels = NrrdReader.read(DEMO.resolve("P04_labels.nrrd"));
		LesionTable table = LesionTable.read(DEMO.resolve("lesions.csv"));
		String m = assertThrows(VolumeFormatException.class,
				() -> ExtractionWorkflow.run(new ExtractionWorkflow.Input(image, labels, table, "P99"), ExtractionOptions.DEFAULTS, Execution.serial())).getMessage();
		assertTrue(m.contains("P99") && m.contains("P01"), m);
	}

	@Test
	void sciJavaCommandRunsHeadlessOnImagePlusInputs() throws Exception {
		ImagePlus image = IJ.openImage(DEMO.resolve("P04_image.nrrd").toString());
		if (image == null) { // ImageJ 1.x has no NRRD reader of its own: wrap our reader's pixels into an ImagePlus
			image = AsImagePlus.of(NrrdReader.read(DEMO.resolve("P04_image.nrrd")));
		}
		ImagePlus labels = AsImagePlus.of(NrrdReader.read(DEMO.resolve("P04_labels.nrrd")));
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(ExtractLesionFeatures.class, true,
					Map.of("image", image, "labels", labels, "patient", "P04", "classes", "firstorder, shape")).get();
			ResultsTable rt = (ResultsTable) m.getOutput("table");
			assertNotNull(rt);
			assertEquals(LesionTable.read(DEMO.resolve("lesions.csv")).forPatient("P04").lesions().size(), rt.size());
			assertTrue(rt.columnExists("original_shape_VoxelVolume") && !rt.columnExists("original_glcm_Contrast"));
		}
	}

	/** --voi core,ring: pyradiomics' columns for the lesion, then the same features of its peritumoral ring, prefixed. */
	@Test
	void coreAndRingColumns() throws IOException {
		Path out = dir.resolve("ring.csv");
		int[] code = new int[1];
		String err = stderrOf(() -> code[0] = Cli.run("extract", "--image", DEMO.resolve("P04_image.nrrd").toString(), "--labels",
				DEMO.resolve("P04_labels.nrrd").toString(), "--voi", "core,ring", "--ring-mm", "2", "--classes", "firstorder", "--out", out.toString()));
		assertEquals(0, code[0], err);
		List<String> header = Csv.read(out).get(0);
		assertEquals(3 + 2 * 18, header.size(), header.toString());
		assertEquals("original_firstorder_10Percentile", header.get(3));
		assertEquals("ring_original_firstorder_10Percentile", header.get(3 + 18));
		assertTrue(!Csv.read(out).get(1).get(3 + 18).equals(Csv.read(out).get(1).get(3)), "the ring is not the core");
	}
}
