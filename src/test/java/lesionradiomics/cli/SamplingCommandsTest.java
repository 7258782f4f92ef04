package lesionradiomics.cli;

import lesionradiomics.fiji.SamplingRecovery;
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

/** "Sampling Recovery" on the demo cohort: the CLI and the headless command write identical tables for the same seed. */
class SamplingCommandsTest {

	@TempDir
	static Path dir;

	static Path features;

	@BeforeAll
	static void extract() {
		Path sel = dir.resolve("select");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("select", "--cohort", "test-data/cohort.csv", "--classes", "shape,firstorder",
				"--out", sel.toString())));
		features = sel.resolve("features.csv");
	}

	@Test
	void cliAndHeadlessCommandAgree() throws Exception {
		Path a = dir.resolve("cli"), b = dir.resolve("scijava");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("sampling", "--features", features.toString(), "--simulations", "100", "--seed", "5",
				"--threads", "1", "--out", a.toString())));
		for (String f : List.of("sampling_recovery.csv", "sampling_per_patient.csv", "recovery_curves.csv", "lesions_needed.csv", "recovery_curve_MTD.png",
				"recovery_curve_ATH.png", "sampling_settings.csv"))
			assertTrue(Files.size(a.resolve(f)) > 0, f);
		List<List<String>> table = Csv.read(a.resolve("sampling_recovery.csv"));
		assertEquals(List.of("index", "mean index (all lesions)"), table.get(0).subList(0, 2));
		assertEquals("ATH", table.get(1).get(0));
		assertTrue(table.get(1).get(2).matches("\\d+ % \\[\\d+-\\d+\\]"), table.get(1).get(2));
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(SamplingRecovery.class, true,
					Map.of("features", features.toFile(), "simulations", 100, "seed", 5L, "output", b.toFile())).get();
			assertEquals(2, ((ResultsTable) m.getOutput("recovery")).size());
		}
		for (String f : List.of("sampling_recovery.csv", "sampling_per_patient.csv", "recovery_curves.csv"))
			assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f + ": same seed, other thread count");
	}
}
