package lesionradiomics.cli;

import java.io.PrintStream;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * How a run ends: its last line says what was analysed and, when something was lost, how much, who and where the
 * reasons are; the exit code says it too (README, "Exit codes"), so a batch script cannot take an incomplete run for
 * a complete one. A mixin for the commands whose runs can lose a patient or a lesion.
 */
public final class EndingCliArgs {

	/** Exit codes: success; an internal error; bad input, usage or an output fault; done, but something was lost. */
	public static final int OK = 0, INTERNAL = 1, BAD_INPUT = 2, INCOMPLETE = 3;

	/** Names listed on the last line before "…and N more". */
	static final int LISTED = 3;

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
		err.println(line(done, total, unit, lost, lostLesions, where));
		return allowFailures ? OK : INCOMPLETE;
	}

	/** Patients listed in {@code failures} without a label: "P02 (file not found)", in order. */
	public static List<String> lostPatients(List<lesionradiomics.workflow.CohortWorkflow.Failure> failures) {
		List<String> lost = new java.util.ArrayList<>();
		for (lesionradiomics.workflow.CohortWorkflow.Failure f : failures) if (f.label().isEmpty()) lost.add(f.patient() + " (" + shortReason(f.reason()) + ")");
		return lost;
	}

	/**
	 * Lesions listed in {@code failures} that have no row among {@code computed}: lost, not merely missing a robustness
	 * value (a lesion too small to erode is still analysed on its delineated mask).
	 */
	public static int lostLesions(lesionradiomics.analysis.FeatureMatrix computed, List<lesionradiomics.workflow.CohortWorkflow.Failure> failures) {
		java.util.Set<String> have = new java.util.HashSet<>();
		for (lesionradiomics.analysis.FeatureMatrix.Lesion l : computed.lesions()) have.add(l.patient() + "\t" + l.label());
		java.util.Set<String> lost = new java.util.TreeSet<>();
		for (lesionradiomics.workflow.CohortWorkflow.Failure f : failures)
			if (!f.label().isEmpty() && !have.contains(f.patient() + "\t" + f.label())) lost.add(f.patient() + "\t" + f.label());
		return lost.size();
	}

	/** The reason's first 60 characters, for the last line (errors.csv keeps it whole). */
	static String shortReason(String reason) {
		String r = reason == null ? "" : reason.replaceAll("\\s+", " ").trim();
		return r.length() <= 60 ? r : r.substring(0, 57) + "…";
	}

	/** "5 of 6 patients analysed; 1 failed: P02 (file not found); 2 lesions not computed — see errors.csv; <done>". */
	static String line(String done, int total, String unit, List<String> lost, int lostLesions, String where) {
		StringBuilder b = new StringBuilder();
		b.append(total - lost.size()).append(" of ").append(total).append(' ').append(unit).append(" analysed");
		if (!lost.isEmpty()) {
			b.append("; ").append(lost.size()).append(" failed: ").append(String.join(", ", lost.subList(0, Math.min(LISTED, lost.size()))));
			if (lost.size() > LISTED) b.append(" …and ").append(lost.size() - LISTED).append(" more");
		}
		if (lostLesions > 0) b.append("; ").append(lostLesions).append(lostLesions == 1 ? " lesion" : " lesions").append(" not computed");
		return b.append(" — see ").append(where).append("; ").append(done).toString();
	}
}
