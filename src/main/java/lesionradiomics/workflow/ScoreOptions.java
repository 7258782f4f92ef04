package lesionradiomics.workflow;

import java.util.List;

import lesionradiomics.analysis.Aggregation;

/**
 * From lesions to patients: lesion scores of a linear model, the patient-level distribution of lesion variables (Sun et
 * al. 2022) and their aggregation into one patient value.
 *
 * @param variables    lesion variables to describe per patient and aggregate: "score" and/or feature columns (empty:
 *                     the score when a model is given, and every feature)
 * @param aggregations how a variable becomes one patient value (empty: all of {@link Aggregation})
 * @param k            lesions of the volume-weighted mean of the k largest (Chang et al.: 3)
 * @param entropyBins  equal-width bins of the entropy histogram over the cohort-wide range of each variable
 * @param minVolumeMl  only lesions of at least this volume (mL; 0 = all; Sun et al.'s subset: 1)
 * @param sites        only lesions of these sites (empty = all)
 */
public record ScoreOptions(List<String> variables, List<Aggregation> aggregations, int k, int entropyBins, double minVolumeMl, List<String> sites) {

	public static final ScoreOptions DEFAULTS = new ScoreOptions(List.of(), List.of(), 3, 10, 0, List.of());

	public ScoreOptions {
		variables = variables == null ? List.of() : variables.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
		aggregations = aggregations == null || aggregations.isEmpty() ? List.of(Aggregation.values()) : List.copyOf(aggregations);
		sites = sites == null ? List.of() : sites.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
		if (k < 1) throw new IllegalArgumentException("k (lesions of the volume-weighted mean of the k largest) must be at least 1, is " + k);
		if (entropyBins < 1 || entropyBins > 10000) throw new IllegalArgumentException("entropy-bins must be between 1 and 10000, is " + entropyBins);
		if (!(minVolumeMl >= 0) || Double.isInfinite(minVolumeMl))
			throw new IllegalArgumentException("min-volume-ml must be a finite number of mL >= 0, is " + minVolumeMl);
	}
}
