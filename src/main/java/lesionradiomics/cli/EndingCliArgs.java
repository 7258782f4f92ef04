package lesionradiomics.cli;

import java.io.PrintStream;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * How a run ends: its last line says what was analysed and, when something was lost, how much, who and where the
 * reasons are; the exit code says it too (README, "Exit codes"), so a batch script cannot take an incomplete run for
 * a complete one. A mixin for the commands whose runs can lose a patient or a lesion (the line: {@link lesionradiomics.workflow.Losses}).
 */
public final class EndingCliArgs {

	/** Exit codes: success; an internal error; bad input, usage or an output fault; done, but something was lost. */
	public static final int OK = 0, INTERNAL = 1, BAD_INPUT = 2, INCOMPLETE = 3;

	@Option(names = "--allow-failures", description = "Exit 0 even when some patients or lesions could not be analysed (they are still listed and reported; default: exit 3).")
	boolean allowFailures;

	/**
	 * Prints the last line and returns the exit code.
	 *
	 * @param done  the line of a complete run, e.g. "cohort analysed in 7.4 s; results in out/"
	 * @param total how many {@code unit}s the run was asked for
	 * @param lost  each lost one as "P02 (file not found)", in order
	 * @param where the file that lists the reasons
	 */
	public int finish(PrintStream err, String done, int total, String unit, List<String> lost, String where) {
		return finish(err, done, total, unit, lost, 0, where);
	}

	/** As {@link #finish(PrintStream, String, int, String, List, String)}, with lesions lost within the analysed units. */
	public int finish(PrintStream err, String done, int total, String unit, List<String> lost, int lostLesions, String where) {
		if (lost.isEmpty() && lostLesions == 0) {
			err.println(done);
			return OK;
		}
		err.println(lesionradiomics.workflow.Losses.line(done, total, unit, lost, lostLesions, where));
		return allowFailures ? OK : INCOMPLETE;
	}
}
