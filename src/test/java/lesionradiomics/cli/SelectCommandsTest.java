package lesionradiomics.cli;

import lesionradiomics.fiji.SelectRobustFeatures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.io.Csv;

/** "Select Robust Features" end to end on the demo cohort: CLI and headless SciJava command. */
class SelectCommandsTest {

	@TempDir
	Path dir;

	static void assertOutputs(Path out) throws Exception {
		for (String f : List.of("features.csv", "robustness.csv", "feature_clusters.csv", "selected_features.txt", "correlation_heatmap.png"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		List<List<String>> robustness = Csv.read(out.resolve("robustness.csv"));
		assertEquals(List.of("feature", "ccc_eroded", "ccc_dilated", "robust"), robustness.get(0));
		assertEquals(108, robustness.size());
		long robust = robustness.stream().filter(r -> r.get(3).equals("yes")).count();
		List<List<String>> clusters = Csv.read(out.resolve("feature_clusters.csv"));
		assertEquals(robust + 1, clusters.size(), "one cluster row per robust feature");
		long reps = clusters.stream().filter(r -> r.get(2).equals("yes")).count();
		assertEquals(reps, Csv.read(out.resolve("selected_features.txt")).size());
		assertTrue(reps >= 1 && reps <= robust);
		assertTrue(javax.imageio.ImageIO.read(out.resolve("correlation_heatmap.png").toFile()).getWidth() > 100);
	}

	@Test
	void cliOnTheDemoCohort() throws Exception {
		Path out = dir.resolve("cli");
		int[] code = new int[1];
		ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("select", "--cohort", "test-data/cohort.csv", "--out", out.toString()));
		assertEquals(0, code[0]);
		assertOutputs(out);
	}

	@Test
	void headlessCommandOnOnePatient() throws Exception {
		Path out = dir.resolve("scijava");
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(SelectRobustFeatures.class, true,
					Map.of("image", new File("test-data/P03_image.nrrd"), "labels", new File("test-data/P03_labels.nrrd"), "lesions",
							new File("test-data/lesions.csv"), "patient", "P03", "output", out.toFile())).get();
			assertNotNull(m.getOutput("robustness"));
			assertEquals(107, ((ResultsTable) m.getOutput("robustness")).size());
			assertNotNull((ImagePlus) m.getOutput("heatmap"));
		}
		assertOutputs(out);
	}
}
