package lesionradiomics.cli;

import lesionradiomics.fiji.LesionScores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.measure.ResultsTable;
import lesionradiomics.io.Csv;

/**
 * "Lesion Scores and Patient Metrics" from the CLI and headless: the hand-computed cohort of ScoreWorkflowTest (scores
 * 2, 3, 4 for patient A; B has no kvp) written as files.
 */
class ScoreCommandsTest {

	@TempDir
	static Path dir;

	static Path features, model, patients;

	@BeforeAll
	static void files() throws Exception {
		features = dir.resolve("features.csv");
		Files.writeString(features, "patient,label,site,texture,original_shape_VoxelVolume,original_firstorder_Mean\n"
				+ "A,1,liver,x,2000,10\nA,2,lung,x,500,30\nA,3,liver,x,1500,50\nB,1,liver,x,1000,20\nB,2,bone,x,3000,40\n");
		model = dir.resolve("model.csv");
		Files.writeString(model, "# a comment\nterm,kind,column,level,min,max,coefficient,clip\nintercept,intercept,,,,,1,\n"
				+ "mean,feature,original_firstorder_Mean,,10,50,2,\nkvp,covariate,kvp,,,,0.01,\ncutoff,cutoff,,,,,3,\n");
		patients = dir.resolve("patients.csv");
		Files.writeString(patients, "patient,kvp\nA,100\nB,\n");
	}

	@Test
	void cliWritesTheThreeTablesAndTheFigure() throws Exception {
		Path out = dir.resolve("cli");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("score", "--features", features.toString(), "--model", model.toString(),
				"--patient-table", patients.toString(), "--k", "2", "--out", out.toString())));
		for (String f : List.of("lesion_scores.csv", "patient_metrics.csv", "patient_aggregates.csv", "lesion_scores.png", "lesion_scores.svg"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		List<List<String>> scores = Csv.read(out.resolve("lesion_scores.csv"));
		assertEquals(List.of("A", "1", "liver", "2.0", "2.0", "low", "yes", ""), scores.get(1));
		assertEquals(List.of("A", "3", "liver", "1.5", "4.0", "high", "yes", ""), scores.get(3));
		assertEquals(List.of("B", "1", "liver", "1.0", "NaN", "", "yes", "covariate kvp is missing"), scores.get(4));
		List<List<String>> aggregates = Csv.read(out.resolve("patient_aggregates.csv"));
		List<String> h = aggregates.get(0);
		assertEquals("2.875", aggregates.get(1).get(h.indexOf("score_vwmean")));
		assertTrue(h.contains("score_vwmean_top2") && h.contains("original_firstorder_Mean_largest"), h.toString());
		assertEquals("NaN", aggregates.get(2).get(h.indexOf("score_mean")));
	}

	@Test
	void headlessCommandGivesTheTables() throws Exception {
		Path out = dir.resolve("scijava");
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(LesionScores.class, true, Map.of("features", features.toFile(), "model",
					model.toFile(), "patientTable", patients.toFile(), "minVolumeMl", 1.0, "aggregations", "mean,max", "output", out.toFile())).get();
			assertEquals(5, ((ResultsTable) m.getOutput("lesionScores")).size());
			ResultsTable aggregates = (ResultsTable) m.getOutput("patientAggregates");
			assertEquals(2, aggregates.size());
			assertEquals(3, aggregates.getValue("score_mean", 0), 1e-12, "lesions of at least 1 mL: scores 2 and 4");
		}
		assertTrue(Files.size(out.resolve("patient_metrics.csv")) > 0);
	}

	@Test
	void badModelFileIsNamedWithTheLine() throws Exception {
		Path bad = dir.resolve("bad_model.csv");
		Files.writeString(bad, "kind,column,min,max,coefficient\nfeature,original_firstorder_Mean,50,10,1\n");
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(2, Cli.run("score", "--features", features.toString(), "--model", bad.toString(),
				"--out", dir.resolve("x").toString())));
		assertTrue(err.contains("bad_model.csv") && err.contains("line 2") && err.contains("max must be greater than min"), err);
	}
}
