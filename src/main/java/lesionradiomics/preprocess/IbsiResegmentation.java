package lesionradiomics.preprocess;

/**
 * IBSI 1 re-segmentation (reference manual 2.5): the intensity mask keeps the morphological mask's voxels inside a
 * range [lower, upper] (either end open), then, when {@code sigma} is set, those within mean ± sigma·SD of the voxels
 * the range kept (population SD; IBSI's outlier filtering, configuration E's "range then 3σ"). Both steps are
 * pyradiomics' {@link Resegmentation} (absolute, then sigma mode), chained.
 */
public record IbsiResegmentation(double lower, double upper, double sigma) {

	public static final IbsiResegmentation NONE = new IbsiResegmentation(Double.NaN, Double.NaN, Double.NaN);

	public IbsiResegmentation {
		if (!Double.isNaN(lower) && !Double.isNaN(upper) && !(upper >= lower))
			throw new IllegalArgumentException("re-segmentation range needs lower <= upper, got " + lower + ", " + upper);
		if (!Double.isNaN(sigma) && !(sigma > 0)) throw new IllegalArgumentException("re-segmentation sigma must be positive, got " + sigma);
	}

	public boolean[] apply(double[] values, boolean[] morphologicalMask) {
		boolean[] mask = morphologicalMask;
		if (!Double.isNaN(lower) || !Double.isNaN(upper)) {
			double lo = Double.isNaN(lower) ? Double.NEGATIVE_INFINITY : lower, hi = Double.isNaN(upper) ? Double.POSITIVE_INFINITY : upper;
			mask = new Resegmentation(new double[] { lo, hi }, Resegmentation.Mode.ABSOLUTE).apply(values, mask);
		}
		if (!Double.isNaN(sigma)) mask = new Resegmentation(new double[] { -sigma, sigma }, Resegmentation.Mode.SIGMA).apply(values, mask);
		return mask == morphologicalMask ? mask.clone() : mask;
	}
}
