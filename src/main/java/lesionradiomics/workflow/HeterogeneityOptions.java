package lesionradiomics.workflow;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.PatientGroups;

/**
 * Intra-patient heterogeneity.
 *
 * @param scaling     feature scaling before the cosine dissimilarity: min–max over all lesions (the study), z-score or
 *                    none
 * @param groups      the two patient groups of the rank-sum test: lesion-count ranges ("2-5,15-", the study's
 *                    oligometastatic vs heavily metastatic), or blank: the group column of the cohort/group table when
 *                    it names at least two groups, else "2-5,15-"
 * @param groupColumn column of the group table that holds the group (cohort tables: "group")
 */
public record HeterogeneityOptions(Dissimilarity.Scaling scaling, String groups, String groupColumn) {

	/** The study's lesion-count groups. */
	public static final String STUDY_GROUPS = "2-5,15-";

	public static final HeterogeneityOptions DEFAULTS = new HeterogeneityOptions(Dissimilarity.Scaling.MINMAX, "", "group");

	public HeterogeneityOptions {
		if (scaling == null) throw new IllegalArgumentException("scaling must be minmax, zscore or none");
		groups = groups == null ? "" : groups.trim();
		groupColumn = groupColumn == null || groupColumn.isBlank() ? "group" : groupColumn.trim();
		if (!groups.isEmpty()) PatientGroups.parse(groups); // checked before any file is read
	}

	/** The groups to compare, from the ranges or from a patient → group map (may be empty). */
	public PatientGroups patientGroups(java.util.Map<String, String> groupOf) {
		if (!groups.isEmpty()) return PatientGroups.parse(groups);
		long named = groupOf.values().stream().filter(g -> !g.isBlank()).distinct().count();
		return named >= 2 ? new PatientGroups(groupOf) : PatientGroups.parse(STUDY_GROUPS);
	}
}
