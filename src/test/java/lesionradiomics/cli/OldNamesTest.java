package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Option names harmonised across commands (issue 29: --response a threshold in one command and a file in another,
 * --cohort a longitudinal table in response, --k/--kmax four different counts); the previous release's names still
 * parse, hidden from the help.
 */
class OldNamesTest {

	@Test
	void everyOldNameStillParsesAsItsNewOne() {
		for (String[] r : OldNames.all()) {
			String command = r[0], old = r[1], now = r[2];
			Set<String> options = new CommandLine(Cli.COMMANDS.get(command).get()).getCommandSpec().optionsMap().keySet();
			assertTrue(options.contains(now), command + " has " + now);
			assertFalse(options.contains(old), command + "'s help shows only the new name, not " + old);
			assertArrayEquals(new String[] { command, now, "3" }, OldNames.rewrite(new String[] { command, old, "3" }), old);
			assertArrayEquals(new String[] { command, now + "=3" }, OldNames.rewrite(new String[] { command, old + "=3" }), old);
		}
		// only the command's own old names, and not after "--"
		assertArrayEquals(new String[] { "cohort", "--cohort", "x" }, OldNames.rewrite(new String[] { "cohort", "--cohort", "x" }));
		assertArrayEquals(new String[] { "phenotypes", "--", "--k" }, OldNames.rewrite(new String[] { "phenotypes", "--", "--k" }));
	}

	@Test
	void anOldNameRunsTheCommand() {
		// response's old --cohort reaches the check of the table it names (a missing file), not a usage error
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("response", "--cohort", "no-such-table.csv", "--out", "target/old-names-none"));
		assertTrue(err.contains("no-such-table.csv") && !err.contains("Unknown option"), err);
	}
}
