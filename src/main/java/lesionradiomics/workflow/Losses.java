package lesionradiomics.workflow;

import java.util.List;

/**
 * What a run over several patients lost, in one line: how many of how many were analysed, the first few lost with
 * their reasons ("…and N more"), the lesions not computed and the file listing them all. The CLI's last line and the
 * Fiji commands' Log say the same.
 */
public final class Losses {

	private Losses() {}

	/** Names listed before "…and N more". */
	static final int LISTED = 3;

	/** Patients listed in {@code failures} without a label: "P02 (file not found)", in order. */
	public static List<String> patients(List<CohortWorkflow.Failure> failures) {
		List<String> lost = new java.util.ArrayList<>();
		for (CohortWorkflow.Failure f : failures) if (f.label().isEmpty()) lost.add(f.patient() + " (" + shortReason(f.reason()) + ")");
		return lost;
	}

	/**
	 * Lesions listed in {@code failures} that have no row among {@code computed}: lost, not merely missing a robustness
	 * value (a lesion too small to erode is still analysed on its delineated mask).
	 */
	public static int lesions(lesionradiomics.analysis.FeatureMatrix computed, List<CohortWorkflow.Failure> failures) {
		java.util.Set<String> have = new java.util.HashSet<>();
		for (lesionradiomics.analysis.FeatureMatrix.Lesion l : computed.lesions()) have.add(l.patient() + "\t" + l.label());
		java.util.Set<String> lost = new java.util.TreeSet<>();
		for (CohortWorkflow.Failure f : failures)
			if (!f.label().isEmpty() && !have.contains(f.patient() + "\t" + f.label())) lost.add(f.patient() + "\t" + f.label());
		return lost.size();
	}

	/** The reason's first 60 characters, for the last line (errors.csv keeps it whole). */
	public static String shortReason(String reason) {
		String r = reason == null ? "" : reason.replaceAll("\\s+", " ").trim();
		return r.length() <= 60 ? r : r.substring(0, 57) + "…";
	}

	/** "5 of 6 patients analysed; 1 failed: P02 (file not found); 2 lesions not computed — see errors.csv; <done>". */
	public static String line(String done, int total, String unit, List<String> lost, int lostLesions, String where) {
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
