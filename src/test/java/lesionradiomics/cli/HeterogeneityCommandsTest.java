package lesionradiomics.cli;

import lesionradiomics.fiji.PatientHeterogeneity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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

/** "Patient Heterogeneity" on the demo cohort's features: CLI and headless command write every table and plot. */
class HeterogeneityCommandsTest {

	@TempDir
	static Path dir;

	static Path features;

	@BeforeAll
	static void extractDemoCohort() {
		Path sel = dir.resolve("select");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("select", "--cohort", "test-data/cohort.csv", "--classes", "shape,firstorder,glcm",
				"--out", sel.toString())));
		features = sel.resolve("features.csv");
	}

	static void assertOutputs(Path out) throws Exception {
		for (String f : List.of("cv_per_patient.csv", "cv_per_organ.csv", "cv_summary.csv", "heterogeneity_indexes.csv", "lesion_clusters.csv", "tests.csv",
				"cv_by_class.png", "heterogeneity_indexes.png", "dissimilarity_P03.png"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		List<List<String>> idx = Csv.read(out.resolve("heterogeneity_indexes.csv"));
		assertEquals(7, idx.size(), "one row per demo patient");
		for (List<String> row : idx.subList(1, idx.size())) {
			double mtd = Double.parseDouble(row.get(3)), ath = Double.parseDouble(row.get(4));
			assertTrue(mtd >= ath && ath >= 0 && mtd <= 1, row.toString());
		}
	}

	@Test
	void cli() throws Exception {
		Path out = dir.resolve("cli");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("heterogeneity", "--features", features.toString(), "--out", out.toString())));
		assertOutputs(out);
		List<List<String>> tests = Csv.read(out.resolve("tests.csv"));
		assertTrue(tests.stream().anyMatch(r -> r.get(1).equals("Mann-Whitney U")), "2-5 vs >=15 lesions: P04-P06 vs P01-P03");
	}

	@Test
	void headlessCommand() throws Exception {
		Path out = dir.resolve("scijava");
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(PatientHeterogeneity.class, true,
					Map.of("features", features.toFile(), "output", out.toFile())).get();
			assertEquals(6, ((ResultsTable) m.getOutput("indexes")).size());
		}
		assertOutputs(out);
	}

	@Test
	void badFeatureTableIsNamed() throws Exception {
		Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, "patient,label,site,f\nP1,1,liver,abc\n");
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(2, Cli.run("heterogeneity", "--features", bad.toString(), "--out", dir.resolve("x").toString())));
		assertTrue(err.contains("bad.csv") && err.contains("line 2") && err.contains("'abc'"), err);
	}
}
