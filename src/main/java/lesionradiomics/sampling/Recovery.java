package lesionradiomics.sampling;

import lesionradiomics.analysis.Dissimilarity;

/**
 * How much of a heterogeneity index a subset of lesions recovers. With I(S) the index on the subset (same scaling,
 * i.e. the sub-matrix of the full distance matrix) and I the index on all lesions:
 * R(S) = max(0, 1 − |I(S) − I| / I), and 0 when S has fewer than 2 lesions. For MTD this is I(S)/I; for ATH it
 * penalises over- and under-estimation alike (DESIGN.md). The plain ratio I(S)/I is available as an option.
 */
public final class Recovery {

	public enum Index { MTD, ATH }

	private Recovery() {}

	/** {MTD, ATH} of the lesions {@code subset} of a distance matrix. */
	public static double[] indexes(double[][] distance, int[] subset) {
		return Dissimilarity.indexes(distance, subset);
	}

	/** Recovered fraction (0..1) of {@code full} by {@code sub}. */
	public static double fraction(double sub, double full, int subsetSize, boolean plainRatio) {
		if (subsetSize < 2 || Double.isNaN(sub)) return 0;
		if (!(full > 0)) return Double.NaN;
		return plainRatio ? sub / full : Math.max(0, 1 - Math.abs(sub - full) / full);
	}

}
