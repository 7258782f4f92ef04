package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.NrrdWriter;
import lesionradiomics.volume.Geometry;

/**
 * The bad-input battery: every input that used to crash, print a bare number or give a silently wrong result now ends
 * with exit code 2 and one line naming the file, patient, label or option and what is wrong.
 */
class BadInputTest {

	@TempDir
	Path dir;

	static final Path DEMO = Path.of("test-data").toAbsolutePath();
	Path image, labels, features;

	/** exit code and standard error of one command line. */
	record Outcome(int code, String err) {}

	static Outcome run(String... args) {
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args));
		return new Outcome(code[0], err);
	}

	/** Exit 2, exactly one line, starting with "error: " and containing every expected word. */
	static void assertRefused(Outcome o, String... words) {
		assertEquals(2, o.code(), o.err());
		assertEquals(1, o.err().trim().lines().count(), o.err());
		assertTrue(o.err().startsWith("error: "), o.err());
		for (String w : words) assertTrue(o.err().contains(w), "'" + w + "' missing from: " + o.err());
	}

	Outcome extract(String... options) {
		List<String> a = new ArrayList<>(List.of("extract", "--image", image.toString(), "--labels", labels.toString(), "--patient", "P04", "--lesions",
				DEMO.resolve("lesions.csv").toString(), "--out", dir.resolve("out.csv").toString()));
		a.addAll(List.of(options));
		return run(a.toArray(new String[0]));
	}

	@BeforeEach
	void demo() throws IOException {
		image = DEMO.resolve("P04_image.nrrd");
		labels = DEMO.resolve("P04_labels.nrrd");
		features = dir.resolve("features.csv");
		Files.writeString(features, "patient,label,site,original_firstorder_Mean,original_glcm_Idmn\nP1,1,liver,1,2\nP1,2,lung,2,3\nP1,3,bone,4,1\n"
				+ "P2,1,liver,3,3\nP2,2,liver,1,1\n");
	}

	/** A copy of a demo NRRD with one header line changed. */
	Path withHeader(Path source, String from, String to) throws IOException {
		String text = new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1);
		assertTrue(text.contains(from));
		Path out = dir.resolve(source.getFileName().toString().replace(".nrrd", "_edited.nrrd"));
		Files.write(out, text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.ISO_8859_1));
		return out;
	}

	/** A float image of 8×8×8 with one 4×4×4 lesion (label 1) whose first voxels are {@code special}. */
	void floatCase(float special, int specialVoxels) throws IOException {
		long[] dims = { 8, 8, 8 };
		Geometry g = Geometry.of(dims, new double[] { 1, 1, 1 });
		float[] img = new float[512];
		int[] lab = new int[512];
		int k = 0;
		for (int z = 2; z < 6; z++)
			for (int y = 2; y < 6; y++)
				for (int x = 2; x < 6; x++) {
					int i = x + 8 * (y + 8 * z);
					lab[i] = 1;
					img[i] = k < specialVoxels ? special : 10 + (x * 7 + y * 3 + z) % 11;
					k++;
				}
		image = dir.resolve("float_image.nrrd");
		labels = dir.resolve("float_labels.nrrd");
		NrrdWriter.writeFloats(image, img, g, false);
		NrrdWriter.writeLabels(labels, lab, g, false, java.util.Map.of());
	}

	@Test
	void negativeNrrdSize() throws IOException {
		labels = withHeader(labels, "sizes: 112 112 48", "sizes: 112 -112 48");
		assertRefused(extract(), "P04_labels_edited.nrrd", "sizes must be positive");
	}

	@Test
	void nanInfiniteAndAllNanVoxelsNamePatientAndLabel() throws IOException {
		floatCase(Float.NaN, 1);
		assertRefused(run("extract", "--image", image.toString(), "--labels", labels.toString(), "--patient", "F1", "--out",
				dir.resolve("o.csv").toString()), "patient F1", "label 1", "NaN or infinite", "--nan-policy exclude");
		floatCase(Float.POSITIVE_INFINITY, 2);
		assertRefused(run("extract", "--image", image.toString(), "--labels", labels.toString(), "--patient", "F1", "--out",
				dir.resolve("o.csv").toString()), "patient F1", "label 1", "2 of the lesion's 64 voxels");
		floatCase(Float.NaN, 64);
		assertRefused(run("extract", "--image", image.toString(), "--labels", labels.toString(), "--patient", "F1", "--out",
				dir.resolve("o.csv").toString()), "label 1", "64 of the lesion's 64 voxels");
	}

	@Test
	void nanPolicyExcludeLeavesTheVoxelsOutAndListsThem() throws IOException {
		floatCase(Float.NaN, 3);
		Path out = dir.resolve("o.csv");
		Outcome o = run("extract", "--image", image.toString(), "--labels", labels.toString(), "--patient", "F1", "--nan-policy", "exclude", "--out",
				out.toString());
		assertEquals(0, o.code(), o.err());
		assertTrue(o.err().contains("3 NaN/infinite voxel(s) excluded"), o.err());
		String mean = lesionradiomics.io.Csv.read(out).get(1).get(lesionradiomics.io.Csv.read(out).get(0).indexOf("original_firstorder_Mean"));
		assertTrue(!mean.equals("NaN") && Double.isFinite(Double.parseDouble(mean)), mean);
		assertTrue(Files.readString(dir.resolve("o.errors.csv")).contains("excluded"), "listed in the errors file");
	}

	@Test
	void binningOptionsAreCheckedBeforeAnyFileIsRead() {
		for (String w : List.of("0", "-5", "NaN")) assertRefused(extract("--bin-width", w), "binWidth", "positive");
		for (String c : List.of("0", "-3")) assertRefused(extract("--bin-count", c), "binCount", "between 1 and");
		assertRefused(extract("--bin-width", "10", "--bin-count", "16"), "only one of bin width, bin count and bin range");
		assertRefused(run("extract", "--image", "no_such_image.nrrd", "--labels", "x.nrrd", "--bin-width", "-5", "--out", "o.csv"), "binWidth");
	}

	@Test
	void settingsThatCannotFitInMemoryAreRefusedNamingPatientAndLabel() {
		assertRefused(extract("--bin-width", "1e-9"), "patient P04", "label", "grey levels", "larger bin width");
		assertRefused(extract("--bin-count", "2000000000"), "binCount", "between 1 and");
		assertRefused(extract("--resample", "0.01,0.01,0.01"), "patient P04", "label", "coarser resampled spacing");
	}

	@Test
	void negativeResamplingSpacing() {
		assertRefused(extract("--resample", "-1,1,1"), "resampledPixelSpacing", ">= 0");
	}

	@Test
	void unwritableOutputFolderIsFoundBeforeTheWork() throws IOException {
		Path blocker = dir.resolve("a_file");
		Files.writeString(blocker, "in the way");
		long t = System.nanoTime();
		Outcome o = run("extract", "--image", image.toString(), "--labels", labels.toString(), "--patient", "P04", "--out",
				blocker.resolve("features.csv").toString());
		assertRefused(o, "a_file", "cannot write");
		assertRefused(run("cohort", "--cohort", DEMO.resolve("cohort.csv").toString(), "--out", blocker.resolve("results").toString()), "cannot write");
		assertTrue(System.nanoTime() - t < 60_000_000_000L);
	}

	@Test
	void analysisOptionsOutOfRange() {
		assertRefused(run("heterogeneity", "--features", features.toString(), "--scaling", "foo", "--out", dir.resolve("h").toString()),
				"unknown scaling 'foo'", "minmax");
		assertRefused(run("select", "--cohort", DEMO.resolve("cohort.csv").toString(), "--ccc", "2", "--out", dir.resolve("s").toString()), "ccc",
				"between 0 and 1");
		assertRefused(run("select", "--cohort", DEMO.resolve("cohort.csv").toString(), "--clusters", "0", "--out", dir.resolve("s").toString()),
				"--clusters must be at least 1");
		assertRefused(run("sampling", "--features", features.toString(), "--target", "150", "--out", dir.resolve("p").toString()), "target",
				"(0, 100]");
		assertRefused(run("cohort", "--cohort", DEMO.resolve("cohort.csv").toString(), "--split-components", "7", "--out", dir.resolve("c").toString()),
				"split-components must be 6 or 26");
	}

	@Test
	void missingSpacingIsWarnedAbout() throws IOException {
		image = withHeader(image, "space directions: (0.9,0,0) (0,0.9,0) (0,0,2)", "kinds: domain domain domain");
		labels = withHeader(labels, "space directions: (0.9,0,0) (0,0.9,0) (0,0,2)", "kinds: domain domain domain");
		Outcome o = extract("--classes", "firstorder");
		assertEquals(0, o.code(), o.err());
		assertTrue(o.err().contains("warning: ") && o.err().contains("P04_image_edited.nrrd") && o.err().contains("1 mm voxels assumed"), o.err());
	}

	@Test
	void hugeAnnouncedVolumeNamesTheFile() throws IOException {
		image = withHeader(image, "sizes: 112 112 48", "sizes: 1200 1000 1000");
		assertRefused(extract(), "P04_image_edited.nrrd", "1200 x 1000 x 1000", "GB");
	}

	/** An internal error is one line with "please report"; its stack trace goes to a log file beside the output. */
	@Test
	void internalErrorsAreLoggedNextToTheOutput() throws IOException {
		picocli.CommandLine cl = new picocli.CommandLine(new Cli()).addSubcommand("extract", new ExtractCli());
		picocli.CommandLine.ParseResult parsed = cl.parseArgs("extract", "--image", "a.nrrd", "--labels", "b.nrrd", "--out",
				dir.resolve("features.csv").toString());
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.report(new IllegalStateException("an invariant broke"), parsed));
		assertEquals(1, code[0]);
		assertEquals(1, err.trim().lines().count(), err);
		Path log = dir.resolve("lesion-radiomics-error.log");
		assertTrue(err.contains("please report") && err.contains(log.toString()), err);
		assertTrue(Files.readString(log).contains("java.lang.IllegalStateException: an invariant broke"));
		assertTrue(Files.readString(log).contains("\tat "), "the stack trace is in the log");
	}

	/** Help texts: no formatting warning, every command summarised by a whole sentence, no word split across lines. */
	@Test
	void helpTextsAreClean() {
		java.io.PrintStream old = System.out;
		for (String command : Cli.COMMANDS.keySet()) {
			if (command.equals("help")) continue;
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), errBuffer = new java.io.ByteArrayOutputStream();
			java.io.PrintStream oldErr = System.err;
			System.setOut(new java.io.PrintStream(out, true));
			System.setErr(new java.io.PrintStream(errBuffer, true));
			try {
				assertEquals(0, Cli.run(command, "--help"));
			} finally {
				System.setOut(old);
				System.setErr(oldErr);
			}
			String err = errBuffer.toString();
			assertTrue(!err.contains("WARN"), command + ": " + err);
			for (String line : out.toString().lines().toList())
				assertTrue(!line.trim().matches("^(csv|png|txt|json)\\b.*"), command + ": a file name split across lines: '" + line + "'");
		}
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		System.setOut(new java.io.PrintStream(out, true));
		try {
			Cli.run("--help");
		} finally {
			System.setOut(old);
		}
		String list = out.toString().substring(out.toString().indexOf("Commands:"));
		for (String summary : list.split("\\R  (?=[a-z])"))
			if (!summary.startsWith("Commands:")) assertTrue(summary.trim().endsWith("."), "summary cut mid-sentence: " + summary);
	}
}
