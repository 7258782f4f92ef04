package lesionradiomics.workflow;

import lesionradiomics.analysis.Phenotypes;

/**
 * Lesion phenotypes across a cohort.
 *
 * @param method hierarchical clustering (average or Ward linkage) or k-means, on z-scored features
 * @param k      phenotypes (0: the k in 2..kmax with the largest mean silhouette)
 * @param kmax   largest k tried
 * @param seed   k-means' seed
 */
public record PhenotypeOptions(Phenotypes.Method method, int k, int kmax, long seed) {

	public static final PhenotypeOptions DEFAULTS = new PhenotypeOptions(Phenotypes.Method.AVERAGE, 0, 8, 20220101);

	public PhenotypeOptions {
		if (method == null) throw new IllegalArgumentException("method must be average, ward or kmeans");
		if (k < 0 || k == 1) throw new IllegalArgumentException("k must be 0 (chosen by silhouette) or at least 2, is " + k);
		if (kmax < 2 || kmax > 50) throw new IllegalArgumentException("kmax must be between 2 and 50, is " + kmax);
	}
}
