package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A mistyped command or option gets picocli's closest matches on the one error line (before: no suggestion). */
class DidYouMeanTest {

	private static String error(String... args) {
		return EarlyChecksTest.error(args);
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
