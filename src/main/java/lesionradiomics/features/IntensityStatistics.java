package lesionradiomics.features;

import java.util.Arrays;

/**
 * IBSI 1 intensity-based statistical features (reference manual 3.3) of a set of intensities: population moments
 * (variance over N, skewness, excess kurtosis), percentiles interpolated linearly between order statistics
 * (R-7, numpy's default: read off the one sorted copy with the arithmetic of Commons Math's {@code Percentile}, so
 * the values are its to the bit; IntensityStatisticsTest holds them together). A plain class on values, so other phases (IBSI 2 response maps) and the
 * intensity histogram family (on grey levels) use it as is.
 */
public final class IntensityStatistics {

	private final double[] sorted;
	private final double mean, m2, m3, m4, energy, meanAbsoluteDeviation, medianAbsoluteDeviation;

	public IntensityStatistics(double[] values) {
		this(sortedCopy(values), 0);
	}

	private static double[] sortedCopy(double[] values) {
		if (values.length == 0) throw new IllegalArgumentException("no voxels in the intensity mask");
		double[] s = values.clone();
		Arrays.sort(s);
		return s;
	}

	/**
	 * Statistics of values already in ascending order (as {@link Arrays#sort} leaves them), kept without a copy: the
	 * intensity families share one sort. The caller must not change the array afterwards.
	 */
	static IntensityStatistics ofSorted(double[] sorted) {
		if (sorted.length == 0) throw new IllegalArgumentException("no voxels in the intensity mask");
		for (int i = 1; i < sorted.length; i++)
			if (Double.compare(sorted[i - 1], sorted[i]) > 0) throw new IllegalArgumentException("values not in ascending order at " + i);
		return new IntensityStatistics(sorted, 0);
	}

	private IntensityStatistics(double[] sorted, int unused) {
		this.sorted = sorted;
		// two passes for every sum (each in the order of the sorted values, as each feature summed them alone)
		double s = 0, e = 0;
		for (double v : sorted) {
			s += v;
			e += v * v;
		}
		mean = s / sorted.length;
		energy = e;
		double med = percentile(50);
		double a = 0, b = 0, c = 0, mad = 0, medAd = 0;
		for (double v : sorted) {
			double d = v - mean, d2 = d * d;
			a += d2;
			b += d2 * d;
			c += d2 * d2;
			mad += Math.abs(d);
			medAd += Math.abs(v - med);
		}
		m2 = a / sorted.length;
		m3 = b / sorted.length;
		m4 = c / sorted.length;
		meanAbsoluteDeviation = mad / sorted.length;
		medianAbsoluteDeviation = medAd / sorted.length;
	}

	/** The values in ascending order (shared, not a copy: read only). */
	double[] sorted() { return sorted; }

	/**
	 * The p-th percentile (0 < p ≤ 100), R-7: position h = 1 + (n − 1)·p/100 between the order statistics x_⌊h⌋ and
	 * x_⌊h⌋+1, as Commons Math computes it (n at p = 100, the interpolation lower + (h − ⌊h⌋)(upper − lower)).
	 */
	public double percentile(double p) {
		if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile " + p + " outside (0, 100]");
		int n = sorted.length;
		if (n == 1) return sorted[0];
		double q = p / 100;
		double pos = q == 1 ? n : 1 + (n - 1) * q;
		double fpos = Math.floor(pos);
		int intPos = (int) fpos;
		if (pos < 1) return sorted[0];
		if (pos >= n) return sorted[n - 1];
		double lower = sorted[intPos - 1], upper = sorted[intPos];
		return lower + (pos - fpos) * (upper - lower);
	}

	@IbsiFeature(name = "Mean intensity", code = "Q4LE") public double mean() { return mean; }
	@IbsiFeature(name = "Intensity variance", code = "ECT3") public double variance() { return m2; }
	/** 0 for a flat region, where the moment ratio is 0/0. */
	@IbsiFeature(name = "Intensity skewness", code = "KE2A") public double skewness() { return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5); }
	/** Excess kurtosis (−3), IBSI's; pyradiomics reports the plain ratio. */
	@IbsiFeature(name = "(Excess) intensity kurtosis", code = "IPH6") public double kurtosis() { return m2 == 0 ? 0 : m4 / (m2 * m2) - 3; }
	@IbsiFeature(name = "Median intensity", code = "Y12H") public double median() { return percentile(50); }
	@IbsiFeature(name = "Minimum intensity", code = "1GSF") public double minimum() { return sorted[0]; }
	@IbsiFeature(name = "10th intensity percentile", code = "QG58") public double percentile10() { return percentile(10); }
	@IbsiFeature(name = "90th intensity percentile", code = "8DWT") public double percentile90() { return percentile(90); }
	@IbsiFeature(name = "Maximum intensity", code = "84IY") public double maximum() { return sorted[sorted.length - 1]; }
	@IbsiFeature(name = "Intensity interquartile range", code = "SALO") public double interquartileRange() { return percentile(75) - percentile(25); }
	@IbsiFeature(name = "Intensity range", code = "2OJQ") public double range() { return maximum() - minimum(); }

	@IbsiFeature(name = "Intensity-based mean absolute deviation", code = "4FUA") public double meanAbsoluteDeviation() { return meanAbsoluteDeviation; }

	/**
	 * Mean absolute deviation from their mean of the values between the 10th and 90th percentiles (inclusive): a
	 * run of the sorted values.
	 */
	@IbsiFeature(name = "Intensity-based robust mean absolute deviation", code = "1128")
	public double robustMeanAbsoluteDeviation() {
		double lo = percentile10(), hi = percentile90(), s = 0;
		int from = firstAtLeast(lo), to = from;
		while (to < sorted.length && sorted[to] <= hi) to++;
		for (int i = from; i < to; i++) s += sorted[i];
		int n = to - from;
		double m = s / n, d = 0;
		for (int i = from; i < to; i++) d += Math.abs(sorted[i] - m);
		return d / n;
	}

	/** The first index whose value is ≥ t. */
	private int firstAtLeast(double t) {
		int a = 0, b = sorted.length;
		while (a < b) {
			int m = (a + b) >>> 1;
			if (sorted[m] < t) a = m + 1;
			else b = m;
		}
		return a;
	}

	/** IBSI's "median absolute deviation": the mean of |x − median|. */
	@IbsiFeature(name = "Intensity-based median absolute deviation", code = "N72L") public double medianAbsoluteDeviation() { return medianAbsoluteDeviation; }

	@IbsiFeature(name = "Intensity-based coefficient of variation", code = "7TET") public double coefficientOfVariation() { return Math.sqrt(m2) / mean; }

	@IbsiFeature(name = "Intensity-based quartile coefficient of dispersion", code = "9S40")
	public double quartileCoefficientOfDispersion() {
		double q1 = percentile(25), q3 = percentile(75);
		return (q3 - q1) / (q3 + q1);
	}

	@IbsiFeature(name = "Intensity-based energy", code = "N8CA")
	public double energy() { return energy; }

	@IbsiFeature(name = "Root mean square intensity", code = "5ZWQ") public double rootMeanSquare() { return Math.sqrt(energy() / sorted.length); }

	int count() { return sorted.length; }
}
