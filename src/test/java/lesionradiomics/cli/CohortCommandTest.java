package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.Csv;

/** The whole study on the demo cohort: outputs, resume, broken patients, and a run killed half-way then resumed. */
class CohortCommandTest {

	@TempDir
	Path dir;

	static final Path DEMO = Path.of("test-data").toAbsolutePath();

	/** Every output file (relative path → bytes as text), run.json excepted (it records timings). */
	static Map<String, String> outputs(Path out) throws IOException {
		Map<String, String> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(out)) {
			for (Path p : (Iterable<Path>) s::iterator)
				if (Files.isRegularFile(p) && !p.getFileName().toString().equals("run.json"))
					m.put(out.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
		}
		return m;
	}

	static int cohort(String... args) {
		int[] code = new int[1];
		ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args));
		return code[0];
	}

	@Test
	void demoCohortWritesEveryTableAndResumeGivesIdenticalFiles() throws IOException {
		Path out = dir.resolve("out");
		assertEquals(0, cohort("cohort", "--cohort", DEMO.resolve("cohort.csv").toString(), "--simulations", "100", "--out", out.toString()));
		for (String f : List.of("features.csv", "errors.csv", "run.json", "selection/robustness.csv", "selection/selected_features.txt",
				"selection/correlation_heatmap.png", "heterogeneity/heterogeneity_indexes.csv", "heterogeneity/cv_by_class.png",
				"sampling/sampling_recovery.csv", "sampling/recovery_curve_ATH.png", "patients/P03/original.csv", "scores/patient_metrics.csv",
				"scores/patient_aggregates.csv"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		assertTrue(Files.readString(out.resolve("run.json")).contains("\"seed\": 20220101"));
		String report = Files.readString(out.resolve("report.html"));
		long svgs;
		try (var files = Files.walk(out)) {
			svgs = files.filter(p -> p.toString().endsWith(".svg")).count();
		}
		assertTrue(report.contains("data-figures=\"" + svgs + "\""), "every figure of the run is in report.html (" + svgs + ")");
		assertEquals(svgs, report.split("src=\"data:image/svg\\+xml;base64,", -1).length - 1L, "figures embedded, not linked");
		assertTrue(report.contains("6 of 6 patients analysed"), "the summary line");
		Map<String, String> first = outputs(out);
		assertEquals("feature,ccc_eroded,ccc_dilated,robust", first.get("selection/robustness.csv").lines().findFirst().orElseThrow());
		assertTrue(first.get("features.csv").startsWith("patient,label,site,texture,original_shape_"), "lesion-table columns kept");
		assertEquals(0, cohort("cohort", "--cohort", DEMO.resolve("cohort.csv").toString(), "--simulations", "100", "--resume", "--out", out.toString()));
		assertEquals(first, outputs(out), "a resumed run reusing every patient writes the same bytes");
		Path again = dir.resolve("again");
		assertEquals(0, cohort("cohort", "--cohort", DEMO.resolve("cohort.csv").toString(), "--simulations", "100", "--threads", "1", "--out",
				again.toString()));
		assertEquals(first, outputs(again), "a second run (other thread count) writes the same bytes");
	}

	/**
	 * The lesion-scores study on the demo: preset sun2022 (core and ring, 400 bins from -1000 to 3000 HU) with the
	 * illustrative model, whose kvp covariate comes from the cohort table. One lesion's score is recomputed here from
	 * features.csv with the model's numbers.
	 */
	@Test
	void sun2022PresetWithTheExampleModelWritesScoresMetricsAggregatesAndTheFigure() throws IOException {
		Path out = dir.resolve("sun");
		assertEquals(0, cohort("cohort", "--cohort", DEMO.resolve("cohort.csv").toString(), "--preset", "sun2022", "--model",
				DEMO.resolve("example_model.csv").toString(), "--simulations", "20", "--dpi", "100", "--out", out.toString()));
		// --dpi: the resolution a PNG records (its pHYs chunk, pixels per metre) is the one asked for
		javax.imageio.ImageReader png = javax.imageio.ImageIO.getImageReadersByFormatName("png").next();
		try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(out.resolve("heterogeneity/heterogeneity_indexes.png").toFile())) {
			png.setInput(in);
			org.w3c.dom.Node root = png.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
			org.w3c.dom.Element phys = (org.w3c.dom.Element) ((org.w3c.dom.Element) root).getElementsByTagName("pHYs").item(0);
			assertEquals(100, Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254, 0.5);
		}
		for (String f : List.of("scores/lesion_scores.csv", "scores/patient_metrics.csv", "scores/patient_aggregates.csv", "scores/lesion_scores.png",
				"scores/lesion_scores.svg"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		assertTrue(Files.readString(out.resolve("run.json")).contains("\"preset\": \"sun2022\""));
		List<List<String>> features = Csv.read(out.resolve("features.csv"));
		List<String> h = features.get(0);
		assertTrue(h.contains("ring_original_glcm_Idmn") && h.contains("original_glcm_Idmn"), "core and ring columns");
		assertTrue(Files.readString(out.resolve("selection/robustness.csv")).lines().noneMatch(l -> l.startsWith("ring_")),
				"robustness compares only the features computed on every mask");
		List<List<String>> scores = Csv.read(out.resolve("scores/lesion_scores.csv"));
		assertEquals(features.size(), scores.size(), "one score row per lesion");
		List<String> lesion = features.get(1), score = scores.get(1);
		assertEquals(lesion.subList(0, 2), score.subList(0, 2));
		java.util.function.Function<String, Double> f = c -> Double.parseDouble(lesion.get(h.indexOf(c)));
		double kvp = Map.of("P01", 120.0).get(lesion.get(0));
		double expected = -0.3 + 1.2 * (f.apply("original_glcm_Idmn") - 0.9) / 0.1 + 0.6 * (f.apply("original_firstorder_Entropy") - 1) / 6
				- 0.8 * Math.max(0, Math.min(1, (f.apply("ring_original_firstorder_Mean") + 900) / 1100)) + (lesion.get(2).equals("liver") ? 0.25 : 0)
				+ 0.002 * kvp;
		assertEquals(expected, Double.parseDouble(score.get(4)), 1e-12);
		assertEquals(expected >= 0.85 ? "high" : "low", score.get(5));
		String aggregates = Files.readString(out.resolve("scores/patient_aggregates.csv"));
		assertTrue(aggregates.startsWith("patient,n_lesions,n_used,score_mean,score_median,score_min,score_max,score_vwmean,score_largest,"
				+ "score_smallest,score_vwmean_top3,"), aggregates.lines().findFirst().orElse(""));
	}

	@Test
	void brokenPatientsAreListedAndTheOthersComplete() throws IOException {
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		for (String p : List.of("P04", "P05", "P06"))
			for (String kind : List.of("image", "labels")) Files.copy(DEMO.resolve(p + "_" + kind + ".nrrd"), data.resolve(p + "_" + kind + ".nrrd"));
		Files.copy(DEMO.resolve("lesions.csv"), data.resolve("lesions.csv"));
		byte[] image = Files.readAllBytes(DEMO.resolve("P01_image.nrrd"));
		Files.write(data.resolve("corrupt_image.nrrd"), java.util.Arrays.copyOf(image, image.length / 3)); // truncated gzip
		String header = new String(Files.readAllBytes(DEMO.resolve("P02_labels.nrrd")), java.nio.charset.StandardCharsets.ISO_8859_1);
		Files.write(data.resolve("small_labels.nrrd"), header.replaceFirst("sizes: 112 112 48", "sizes: 112 112 24")
				.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); // wrong size
		Files.writeString(data.resolve("cohort.csv"), "patient,image,labels,lesions\n" + "P04,P04_image.nrrd,P04_labels.nrrd,lesions.csv\n"
				+ "P01,corrupt_image.nrrd,P04_labels.nrrd,lesions.csv\n" + "P05,P05_image.nrrd,P05_labels.nrrd,lesions.csv\n"
				+ "P02,P05_image.nrrd,small_labels.nrrd,lesions.csv\n" + "P09,missing_image.nrrd,P06_labels.nrrd,lesions.csv\n"
				+ "P06,P06_image.nrrd,P06_labels.nrrd,lesions.csv\n");
		Path out = dir.resolve("broken");
		int[] code = new int[1];
		String stderr = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("cohort", "--cohort", data.resolve("cohort.csv").toString(), "--simulations",
				"20", "--out", out.toString()));
		// an honest ending: exit 3 (done, with losses) and a last line saying who is missing, not "cohort analysed"
		assertEquals(EndingCliArgs.INCOMPLETE, code[0], stderr);
		String last = stderr.strip().lines().reduce((a, b) -> b).orElse("");
		assertTrue(last.startsWith("3 of 6 patients analysed; 3 failed: P01 (") && last.contains("P09 (") && last.contains("see ")
				&& last.contains("errors.csv"), last);
		Path allowed = dir.resolve("allowed");
		assertEquals(0, cohort("cohort", "--cohort", data.resolve("cohort.csv").toString(), "--simulations", "20", "--allow-failures", "--out",
				allowed.toString()), "--allow-failures keeps exit 0 for scripts that expect losses");
		List<List<String>> errors = Csv.read(out.resolve("errors.csv"));
		List<String> failed = new ArrayList<>();
		for (List<String> e : errors.subList(1, errors.size())) if (e.get(1).isEmpty()) failed.add(e.get(0) + ": " + e.get(2));
		assertEquals(3, failed.size(), failed.toString());
		assertTrue(failed.get(0).startsWith("P01") && failed.get(0).contains("gzip"), failed.get(0));
		assertTrue(failed.get(1).startsWith("P02") && failed.get(1).contains("size"), failed.get(1));
		assertTrue(failed.get(2).startsWith("P09") && failed.get(2).contains("not found"), failed.get(2));
		List<List<String>> idx = Csv.read(out.resolve("heterogeneity/heterogeneity_indexes.csv"));
		assertEquals(List.of("P04", "P05", "P06"), idx.subList(1, idx.size()).stream().map(r -> r.get(0)).collect(java.util.stream.Collectors.toList()));
	}

	@Test
	void killedRunResumesToTheSameResults() throws Exception {
		Path reference = dir.resolve("reference"), killed = dir.resolve("killed");
		String cohort = DEMO.resolve("cohort.csv").toString();
		assertEquals(0, cohort("cohort", "--cohort", cohort, "--simulations", "50", "--threads", "1", "--out", reference.toString()));
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
				Cli.class.getName(), "cohort", "--cohort", cohort, "--simulations", "50", "--threads", "1", "--out", killed.toString())
				.redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
		Path firstDone = killed.resolve("patients/P01/complete.txt");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!Files.exists(firstDone) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
		p.destroyForcibly().waitFor();
		assertTrue(Files.exists(firstDone), "the run was killed before finishing a patient");
		assertTrue(!Files.exists(killed.resolve("run.json")), "killed before the end");
		assertEquals(0, cohort("cohort", "--cohort", cohort, "--simulations", "50", "--threads", "1", "--resume", "--out", killed.toString()));
		assertEquals(outputs(reference), outputs(killed));
	}

	/** A results folder never mixes two runs: a folder that is not empty is refused, --overwrite replaces what a run owns. */
	@Test
	void nonEmptyFolderIsRefusedAndOverwriteReplacesOnlyWhatARunOwns() throws IOException {
		Path out = dir.resolve("used");
		Files.createDirectories(out.resolve("sampling"));
		Files.writeString(out.resolve("sampling/stale_table.csv"), "from an older run\n");
		Files.writeString(out.resolve("run.json"), "{}\n");
		Files.writeString(out.resolve("my_notes.txt"), "the user's own file\n");
		String cohort = DEMO.resolve("cohort.csv").toString();
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(2, Cli.run("cohort", "--cohort", cohort, "--simulations", "20", "--out", out.toString())));
		assertTrue(err.contains("not empty") && err.contains("--overwrite") && err.contains(out.toString()), err);
		assertEquals(1, err.trim().lines().count(), err);
		assertEquals(0, cohort("cohort", "--cohort", cohort, "--simulations", "20", "--overwrite", "--out", out.toString()));
		assertTrue(!Files.exists(out.resolve("sampling/stale_table.csv")), "files of the older run are removed");
		assertTrue(Files.exists(out.resolve("my_notes.txt")), "files a run does not own are left alone");
		assertTrue(Files.readString(out.resolve("run.json")).contains("\"simulations\": 20"));
	}
}
