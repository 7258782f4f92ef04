package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A mistyped command or option gets picocli's closest matches on the one error line (before: no suggestion). */
class DidYouMeanTest {

	private static String error(String... args) {
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args));
		assertEquals(2, code[0], err);
		assertEquals(1, err.strip().lines().count(), err);
		return err;
	}

	@Test
	void mistypedCommand() {
		assertTrue(error("cohrt", "--out", "x").contains("did you mean cohort"));
	}

	@Test
	void mistypedOption() {
		assertTrue(error("extract", "--bin-widht", "10", "--image", "a", "--labels", "b", "--out", "c").contains("did you mean --bin-width"));
		assertTrue(error("cohort", "--cohort", "a", "--out", "b", "--resme").contains("did you mean --resume"));
	}
}
