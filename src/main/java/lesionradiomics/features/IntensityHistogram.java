package lesionradiomics.features;

/**
 * IBSI 1 intensity histogram features (reference manual 3.4): the statistics of {@link IntensityStatistics} on the
 * discretised grey levels, plus mode, entropy, uniformity and the histogram gradients. The histogram spans grey
 * levels 1..Ng (empty bins included): the gradient is H(2) − H(1) at the first bin, H(Ng) − H(Ng − 1) at the last,
 * (H(i + 1) − H(i − 1)) / 2 in between.
 */
final class IntensityHistogram {

	private final IntensityStatistics s;
	private final double[] h;
	private final int n;

	/** @param levels grey levels 1..ng of the intensity-mask voxels */
	IntensityHistogram(int[] levels, int ng) {
		h = new double[ng];
		int[] count = new int[ng];
		for (int l : levels) count[l - 1]++;
		// the grey levels in ascending order straight from the histogram (a counting sort)
		double[] v = new double[levels.length];
		for (int l = 0, k = 0; l < ng; l++) {
			h[l] = count[l];
			java.util.Arrays.fill(v, k, k + count[l], l + 1);
			k += count[l];
		}
		n = levels.length;
		s = IntensityStatistics.ofSorted(v);
	}

	@IbsiFeature(name = "Mean discretised intensity", code = "X6K6") double mean() { return s.mean(); }
	@IbsiFeature(name = "Discretised intensity variance", code = "CH89") double variance() { return s.variance(); }
	@IbsiFeature(name = "Discretised intensity skewness", code = "88K1") double skewness() { return s.skewness(); }
	@IbsiFeature(name = "(Excess) discretised intensity kurtosis", code = "C3I7") double kurtosis() { return s.kurtosis(); }
	@IbsiFeature(name = "Median discretised intensity", code = "WIFQ") double median() { return s.median(); }
	@IbsiFeature(name = "Minimum discretised intensity", code = "1PR8") double minimum() { return s.minimum(); }
	@IbsiFeature(name = "10th discretised intensity percentile", code = "1PR8") double percentile10() { return s.percentile10(); }
	@IbsiFeature(name = "90th discretised intensity percentile", code = "GPMT") double percentile90() { return s.percentile90(); }
	@IbsiFeature(name = "Maximum discretised intensity", code = "3NCY") double maximum() { return s.maximum(); }

	/** The most frequent grey level (the lowest of equally frequent ones). */
	@IbsiFeature(name = "Intensity histogram mode", code = "AMMC")
	double mode() {
		int best = 0;
		for (int i = 1; i < h.length; i++) if (h[i] > h[best]) best = i;
		return best + 1;
	}

	@IbsiFeature(name = "Discretised intensity interquartile range", code = "WR0O") double interquartileRange() { return s.interquartileRange(); }
	@IbsiFeature(name = "Discretised intensity range", code = "5Z3W") double range() { return s.range(); }
	@IbsiFeature(name = "Intensity histogram mean absolute deviation", code = "D2ZX") double meanAbsoluteDeviation() { return s.meanAbsoluteDeviation(); }
	@IbsiFeature(name = "Intensity histogram robust mean absolute deviation", code = "WRZB") double robustMeanAbsoluteDeviation() { return s.robustMeanAbsoluteDeviation(); }
	@IbsiFeature(name = "Intensity histogram median absolute deviation", code = "4RNL") double medianAbsoluteDeviation() { return s.medianAbsoluteDeviation(); }
	@IbsiFeature(name = "Intensity histogram coefficient of variation", code = "CWYJ") double coefficientOfVariation() { return s.coefficientOfVariation(); }
	@IbsiFeature(name = "Intensity histogram quartile coefficient of dispersion", code = "SLWD") double quartileCoefficientOfDispersion() { return s.quartileCoefficientOfDispersion(); }

	@IbsiFeature(name = "Discretised intensity entropy", code = "TLU2")
	double entropy() {
		double e = 0;
		for (double c : h) if (c > 0) e -= c / n * Math.log(c / n) / Math.log(2);
		return e;
	}

	@IbsiFeature(name = "Discretised intensity uniformity", code = "BJ5W")
	double uniformity() {
		double u = 0;
		for (double c : h) u += (c / n) * (c / n);
		return u;
	}

	private double gradient(int i) {
		if (h.length == 1) return 0;
		if (i == 0) return h[1] - h[0];
		if (i == h.length - 1) return h[i] - h[i - 1];
		return (h[i + 1] - h[i - 1]) / 2;
	}

	/** Bin of the largest (sign +1) or smallest (−1) gradient, the first one on ties. */
	private int extremeGradient(int sign) {
		int best = 0;
		for (int i = 1; i < h.length; i++) if (sign * gradient(i) > sign * gradient(best)) best = i;
		return best;
	}

	@IbsiFeature(name = "Maximum histogram gradient", code = "12CE") double maximumHistogramGradient() { return gradient(extremeGradient(1)); }
	@IbsiFeature(name = "Maximum histogram gradient intensity", code = "8E6O") double maximumHistogramGradientIntensity() { return extremeGradient(1) + 1; }
	@IbsiFeature(name = "Minimum histogram gradient", code = "VQB3") double minimumHistogramGradient() { return gradient(extremeGradient(-1)); }
	@IbsiFeature(name = "Minimum histogram gradient intensity", code = "RHQZ") double minimumHistogramGradientIntensity() { return extremeGradient(-1) + 1; }
}
