package lesionradiomics.workflow;

import java.util.List;

import lesionradiomics.analysis.Dissimilarity;

/**
 * Sampling recovery: how much of each patient's MTD and ATH lesion-sampling strategies recover.
 *
 * @param simulations  simulations per patient and random strategy
 * @param seed         random seed; the generator of each (patient, strategy, simulation) is derived from it and their
 *                     names
 * @param ratio        report the plain ratio I(subset)/I(all) instead of max(0, 1 − |I(S) − I|/I)
 * @param scaling      feature scaling for the distances (the heterogeneity analysis' scaling)
 * @param excludeSites sites the RECIST-like strategy never samples
 * @param kmax         largest k of the recovery curves (k = 2..kmax at random)
 * @param target       recovery target in % for "lesions needed"
 */
public record SamplingOptions(int simulations, long seed, boolean ratio, Dissimilarity.Scaling scaling, List<String> excludeSites, int kmax,
		double target) {

	/** Smallest k of the recovery curves. */
	public static final int KMIN = 2;

	public static final SamplingOptions DEFAULTS = new SamplingOptions(500, 20220101L, false, Dissimilarity.Scaling.MINMAX, List.of("bone"), 15, 75);

	public SamplingOptions {
		if (simulations < 1) throw new IllegalArgumentException("simulations must be at least 1, is " + simulations);
		if (scaling == null) throw new IllegalArgumentException("scaling must be minmax, zscore or none");
		if (kmax < KMIN) throw new IllegalArgumentException("kmax must be at least " + KMIN + ", is " + kmax);
		if (!(target > 0 && target <= 100)) throw new IllegalArgumentException("target must be a percentage in (0, 100], is " + target);
		excludeSites = List.copyOf(excludeSites);
	}

	/** The same options with another scaling (the cohort run uses the heterogeneity analysis' scaling). */
	public SamplingOptions withScaling(Dissimilarity.Scaling s) {
		return new SamplingOptions(simulations, seed, ratio, s, excludeSites, kmax, target);
	}
}
