package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The last line and exit code of a run that lost something (README, "Exit codes"). */
class EndingCliArgsTest {

	private static String run(EndingCliArgs e, List<String> lost, int lesions, int[] code) {
		ByteArrayOutputStream buf = new ByteArrayOutputStream();
		code[0] = e.finish(new PrintStream(buf, true), "cohort analysed in 7.4 s", 6, "patients", lost, lesions, "out/errors.csv");
		return buf.toString().strip();
	}

	@Test
	void aCompleteRunEndsAsBefore() {
		int[] code = new int[1];
		assertEquals("cohort analysed in 7.4 s", run(new EndingCliArgs(), List.of(), 0, code));
		assertEquals(EndingCliArgs.OK, code[0]);
	}

	@Test
	void aLostPatientIsNamedOnTheLastLineAndExits3() {
		int[] code = new int[1];
		assertEquals("5 of 6 patients analysed; 1 failed: P02 (file not found) — see out/errors.csv; cohort analysed in 7.4 s",
				run(new EndingCliArgs(), List.of("P02 (file not found)"), 0, code));
		assertEquals(3, code[0]);
	}

	@Test
	void manyLossesAreShortenedAndLesionsCounted() {
		int[] code = new int[1];
		assertEquals("2 of 6 patients analysed; 4 failed: A (x), B (x), C (x) …and 1 more; 2 lesions not computed — see out/errors.csv; cohort analysed in 7.4 s",
				run(new EndingCliArgs(), List.of("A (x)", "B (x)", "C (x)", "D (x)"), 2, code));
		EndingCliArgs allowed = new EndingCliArgs();
		allowed.allowFailures = true;
		run(allowed, List.of("A (x)"), 0, code);
		assertEquals(EndingCliArgs.OK, code[0], "--allow-failures");
	}
}
