package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One results-folder rule for every command: a non-empty folder is refused (before: heterogeneity wrote beside an
 * earlier run's files, leaving e.g. dissimilarity_P09.png of a patient no longer analysed); --overwrite removes only
 * what the command writes.
 */
class ResultsFolderRuleTest {

	@TempDir
	Path dir;

	/** Two patients with three lesions each and two features, enough for heterogeneity. */
	private Path features() throws Exception {
		StringBuilder b = new StringBuilder("patient,label,site,original_shape_VoxelVolume,original_firstorder_Mean\n");
		for (int p = 1; p <= 2; p++)
			for (int l = 1; l <= 3; l++) b.append("P0").append(p).append(',').append(l).append(",liver,").append(100 * l + p).append(',').append(40 - 7 * l * p).append('\n');
		return Files.writeString(dir.resolve("features.csv"), b.toString());
	}

	@Test
	void heterogeneityRefusesANonEmptyFolderAndOverwriteReplacesOnlyItsOwnFiles() throws Exception {
		Path out = Files.createDirectories(dir.resolve("het"));
		Files.writeString(out.resolve("dissimilarity_P09.png"), "an earlier run's figure");
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("heterogeneity", "--features", "x", "--out", out.toString()));
		assertEquals(2, code[0]);
		assertTrue(err.contains("results folder is not empty") && err.contains("dissimilarity_P09.png") && err.contains("--overwrite"), err);
		assertEquals(1, err.strip().lines().count(), err);
		assertTrue(Files.exists(out.resolve("dissimilarity_P09.png")), "nothing removed without --overwrite");

		Files.writeString(out.resolve("my_notes.txt"), "a user's file");
		err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("heterogeneity", "--features", "x", "--overwrite", "--out", out.toString()));
		assertEquals(2, code[0]);
		assertTrue(err.contains("also holds [my_notes.txt]"), err);
		assertTrue(Files.exists(out.resolve("my_notes.txt")) && Files.exists(out.resolve("dissimilarity_P09.png")), "a foreign file stops the overwrite");

		Files.delete(out.resolve("my_notes.txt"));
		Path table = features();
		err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("heterogeneity", "--features", table.toString(), "--overwrite", "--out", out.toString()));
		assertEquals(0, code[0], err);
		assertFalse(Files.exists(out.resolve("dissimilarity_P09.png")), "the earlier run's figure is gone");
		assertTrue(Files.exists(out.resolve("heterogeneity_indexes.csv")));
	}

	@Test
	void aFileGivenAsTheResultsFolderIsOneClearLine() throws Exception {
		Path file = Files.writeString(dir.resolve("out.txt"), "x");
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("sampling", "--features", "x", "--out", file.toString()));
		assertEquals(2, code[0]);
		assertEquals(1, err.strip().lines().count(), err);
	}

	/**
	 * score, survival, phenotypes and response follow the same rule (before: each wrote beside whatever the folder held).
	 * The refusal comes before any input is read: the inputs named here do not exist.
	 */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "score", "survival", "phenotypes", "response" })
	void everyCommandThatWritesAFolderRefusesANonEmptyOne(String command) throws Exception {
		Path out = Files.createDirectories(dir.resolve(command));
		Files.writeString(out.resolve("km_old.png"), "an earlier run's file");
		String[] args = switch (command) {
			case "survival" -> new String[] { command, "--patients", "x.csv", "--clinical", "y.csv", "--variable", "v", "--out", out.toString() };
			case "response" -> new String[] { command, "--cohort", "x.csv", "--out", out.toString() };
			default -> new String[] { command, "--features", "x.csv", "--out", out.toString() };
		};
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args));
		assertEquals(2, code[0], err);
		assertTrue(err.contains("results folder is not empty") && err.contains("--overwrite") && err.contains(command + " run"), err);
		assertEquals(1, err.strip().lines().count(), err);
	}
}
