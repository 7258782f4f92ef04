package lesionradiomics.cli;

import lesionradiomics.fiji.LesionResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.measure.ResultsTable;
import lesionradiomics.io.Csv;

/**
 * "Lesion Response (two time points)" on the demo's follow-up scans (test-data/longitudinal.csv: P04-P06, made by
 * {@code demo}): lesions drawn again unchanged measure exactly the same, vanished and new lesions are classed so, a new
 * lesion makes the patient PD.
 */
class ResponseCommandsTest {

	@TempDir
	Path dir;

	static final Path DEMO = Path.of("test-data").toAbsolutePath();

	@Test
	void demoFollowUpGivesTheExpectedClassesAndFiles() throws Exception {
		Path out = dir.resolve("response");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("response", "--cohort", DEMO.resolve("longitudinal.csv").toString(), "--variable",
				"original_firstorder_Mean", "--bootstrap", "200", "--out", out.toString())));
		for (String f : List.of("lesion_response.csv", "patient_response.csv", "delta_features.csv", "patient_delta.csv", "association.csv", "errors.csv",
				"waterfall.png", "spider.png", "roc.png"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		List<List<String>> lesions = Csv.read(out.resolve("lesion_response.csv"));
		List<String> h = lesions.get(0);
		Map<String, String> classOf = new java.util.HashMap<>();
		for (List<String> r : lesions.subList(1, lesions.size())) classOf.put(r.get(0) + "/" + r.get(1), r.get(h.indexOf("class")));
		assertEquals("stable", classOf.get("P04/1"), "drawn again with the same shape");
		assertEquals("0.0", lesions.stream().filter(r -> r.get(0).equals("P04") && r.get(1).equals("1")).findFirst().orElseThrow().get(h.indexOf("change_mm")));
		assertEquals("disappeared", classOf.get("P05/3"));
		assertEquals("new", classOf.get("P06/6"));
		assertEquals("progressive", classOf.get("P06/1"), "growth factor 1.5");
		assertEquals("short axis", lesions.stream().filter(r -> r.get(2).equals("lymphnode")).findFirst().orElseThrow().get(h.indexOf("measure")));
		List<List<String>> patients = Csv.read(out.resolve("patient_response.csv"));
		assertEquals("PD", patients.stream().filter(r -> r.get(0).equals("P06")).findFirst().orElseThrow().get(8), "a new lesion");
		List<List<String>> delta = Csv.read(out.resolve("delta_features.csv"));
		int volume = delta.get(0).indexOf("original_shape_VoxelVolume_diff");
		assertEquals("0.0", delta.stream().filter(r -> r.get(0).equals("P04") && r.get(1).equals("1")).findFirst().orElseThrow().get(volume));
	}

	@Test
	void headlessCommandAndABadPatientListedNotFatal() throws Exception {
		Path table = dir.resolve("long.csv");
		Files.writeString(table, "patient,timepoint,image,labels,lesions\n"
				+ "P04," + "E0," + DEMO.resolve("P04_image.nrrd") + "," + DEMO.resolve("P04_labels.nrrd") + "," + DEMO.resolve("lesions.csv") + "\n"
				+ "P04," + "E1," + DEMO.resolve("P04_t1_image.nrrd") + "," + DEMO.resolve("P04_t1_labels.nrrd") + "," + DEMO.resolve("lesions_t1.csv") + "\n"
				+ "P09,E0,missing.nrrd,missing_labels.nrrd,\nP09,E1,missing.nrrd,missing_labels.nrrd,\n");
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(LesionResponse.class, true, Map.of("cohort", table.toFile(), "bootstrap", 0)).get();
			ResultsTable patients = (ResultsTable) m.getOutput("patientResponse");
			assertEquals(1, patients.size(), "P09's missing files are listed, P04 is analysed");
		}
	}

	/**
	 * A baseline lesion that cannot be computed (one voxel) is not dropped: it would make its follow-up lesion "new" and
	 * the patient PD. The patient is listed as not evaluated, naming the lesion; the other patient is evaluated.
	 */
	@Test
	void aBaselineLesionThatFailedIsListedNeverANewLesion() throws Exception {
		lesionradiomics.io.ImageData labels = lesionradiomics.io.NrrdReader.read(DEMO.resolve("P04_labels.nrrd"));
		long[] size = labels.geometry().size();
		int[] v = new int[(int) (size[0] * size[1] * size[2])];
		net.imglib2.Cursor<? extends net.imglib2.type.numeric.RealType<?>> c = net.imglib2.view.Views.flatIterable(labels.stored()).cursor();
		for (int i = 0; c.hasNext(); i++) v[i] = (int) c.next().getRealDouble();
		int far = 2 + 2 * (int) size[0]; // a corner far from the demo's lesions
		assertEquals(0, v[far]);
		v[far] = 3; // label 3: a lesion of one voxel at baseline, a real lesion at follow-up
		Path baseline = dir.resolve("P04_labels_3.nrrd");
		lesionradiomics.io.NrrdWriter.writeLabels(baseline, v, labels.geometry(), true, Map.of());
		Files.writeString(dir.resolve("lesions.csv"), "patient,label,site\nP04,1,liver\nP04,2,lung\nP04,3,liver\n");
		Path table = dir.resolve("long.csv");
		Files.writeString(table, "patient,timepoint,image,labels,lesions\n"
				+ "P04,E0," + DEMO.resolve("P04_image.nrrd") + "," + baseline + "," + dir.resolve("lesions.csv") + "\n"
				+ "P04,E1," + DEMO.resolve("P04_t1_image.nrrd") + "," + DEMO.resolve("P04_t1_labels.nrrd") + "," + DEMO.resolve("lesions_t1.csv") + "\n"
				+ "P05,E0," + DEMO.resolve("P05_image.nrrd") + "," + DEMO.resolve("P05_labels.nrrd") + "," + DEMO.resolve("lesions.csv") + "\n"
				+ "P05,E1," + DEMO.resolve("P05_t1_image.nrrd") + "," + DEMO.resolve("P05_t1_labels.nrrd") + "," + DEMO.resolve("lesions_t1.csv") + "\n");
		Path out = dir.resolve("out");
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(3, Cli.run("response", "--cohort", table.toString(), "--bootstrap", "0", "--out", out.toString())));
		// an honest ending: the last line names the patient left out, and the exit code says the run is incomplete
		String last = err.strip().lines().reduce((a, b) -> b).orElse("");
		assertTrue(last.startsWith("1 of 2 patients analysed; 1 failed: P04 (") && last.contains("see " + out.resolve("errors.csv")), last);
		List<List<String>> errors = Csv.read(out.resolve("errors.csv"));
		assertEquals(2, errors.size(), errors.toString());
		assertEquals("P04", errors.get(1).get(0));
		assertTrue(errors.get(1).get(1).contains("time point E0: label 3") && errors.get(1).get(1).contains("not evaluated"), errors.get(1).get(1));
		List<List<String>> patients = Csv.read(out.resolve("patient_response.csv"));
		assertEquals(List.of("P05"), patients.subList(1, patients.size()).stream().map(r -> r.get(0)).toList(), "P04 is not given a response");
	}

	/** A lesion_id given twice at one time point would match one lesion twice and make another "new". */
	@Test
	void aRepeatedLesionIdIsAnErrorWithItsLines() throws Exception {
		Files.writeString(dir.resolve("lesions.csv"), "patient,label,site,lesion_id\nP04,1,liver,A\nP04,2,lung,A\n");
		Path table = dir.resolve("long.csv");
		Files.writeString(table, "patient,timepoint,image,labels,lesions\n"
				+ "P04,E0," + DEMO.resolve("P04_image.nrrd") + "," + DEMO.resolve("P04_labels.nrrd") + "," + dir.resolve("lesions.csv") + "\n"
				+ "P04,E1," + DEMO.resolve("P04_t1_image.nrrd") + "," + DEMO.resolve("P04_t1_labels.nrrd") + "," + DEMO.resolve("lesions_t1.csv") + "\n");
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(2, Cli.run("response", "--cohort", table.toString(), "--bootstrap", "0", "--out",
				dir.resolve("out").toString())));
		assertTrue(err.contains("lesions.csv") && err.contains("lines 2 and 3: patient P04 has lesion_id A twice"), err);
		assertEquals(1, err.lines().filter(l -> l.startsWith("error")).count(), err);
		assertTrue(!err.contains("Exception"), err);
		// header only
		Path empty = dir.resolve("empty.csv");
		Files.writeString(empty, "patient,timepoint,image,labels,lesions\n");
		err = ExtractCommandsTest.stderrOf(() -> assertEquals(2, Cli.run("response", "--cohort", empty.toString(), "--out", dir.resolve("out2").toString())));
		assertTrue(err.contains("empty.csv") && err.contains("no patient rows"), err);
	}
}
