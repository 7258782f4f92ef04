package lesionradiomics.analysis;

import java.util.Arrays;

import org.apache.commons.statistics.descriptive.Kurtosis;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Skewness;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * The distribution of one lesion variable (a score or a feature) over a patient's lesions, as Sun et al. 2022 describe
 * each patient: n, minimum, maximum, mean, median, SD (n − 1), skewness g1 = m3/m2^{3/2}, kurtosis m4/m2² (not excess,
 * as pyradiomics' first-order Kurtosis) and the Shannon entropy (log2) of the histogram over equal-width bins spanning
 * a cohort-wide range. Undefined values are NaN with the reason; missing values (NaN) are left out and counted.
 */
public final class PatientMetrics {

	/**
	 * @param n       lesions with a value
	 * @param missing lesions without one (NaN), left out
	 * @param reason  why some metric is NaN (fewer than 2 lesions, all values equal), or null
	 */
	public record Metrics(int n, int missing, double min, double max, double mean, double median, double sd, double skewness, double kurtosis,
			double entropy, String reason) {

		/** The same metrics with another reason (e.g. why a patient has no lesion). */
		public Metrics withReason(String why) {
			return new Metrics(n, missing, min, max, mean, median, sd, skewness, kurtosis, entropy, why);
		}
	}

	private PatientMetrics() {}

	/**
	 * @param values the variable for each of the patient's lesions (NaN = missing)
	 * @param lo     lower end of the cohort-wide histogram range
	 * @param hi     upper end (the last bin includes it, as numpy.histogram)
	 * @param bins   number of equal-width bins
	 */
	public static Metrics of(double[] values, double lo, double hi, int bins) {
		if (bins < 1) throw new IllegalArgumentException("entropy bins must be at least 1, is " + bins);
		double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
		int missing = values.length - x.length;
		int n = x.length;
		if (n == 0) return new Metrics(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				"no lesion with a value");
		double min = Arrays.stream(x).min().getAsDouble(), max = Arrays.stream(x).max().getAsDouble();
		double mean = Mean.of(x).getAsDouble(), median = Median.withDefaults().withCopy(true).evaluate(x);
		double entropy = entropy(x, lo, hi, bins);
		if (n < 2) return new Metrics(n, missing, min, max, mean, median, Double.NaN, Double.NaN, Double.NaN, entropy,
				"fewer than 2 lesions: SD, skewness and kurtosis are undefined");
		double sd = StandardDeviation.of(x).getAsDouble(); // n - 1 (Bessel)
		if (max == min) return new Metrics(n, missing, min, max, mean, median, 0, Double.NaN, Double.NaN, entropy,
				"all values equal (SD 0): skewness and kurtosis are undefined");
		double g1 = Skewness.of(x).setBiased(true).getAsDouble();
		double kurtosis = Kurtosis.of(x).setBiased(true).getAsDouble() + 3; // biased excess kurtosis + 3 = m4/m2²
		return new Metrics(n, missing, min, max, mean, median, sd, g1, kurtosis, entropy, null);
	}

	/** Shannon entropy (bits) of the histogram of {@code x} over {@code bins} equal bins of [lo, hi]; 0 when hi = lo. */
	static double entropy(double[] x, double lo, double hi, int bins) {
		if (!(hi > lo)) return 0;
		int[] count = new int[bins];
		double width = (hi - lo) / bins;
		int total = 0;
		for (double v : x) {
			if (v < lo || v > hi) throw new IllegalArgumentException("value " + v + " outside the histogram range [" + lo + ", " + hi + "]");
			count[Math.min(bins - 1, (int) Math.floor((v - lo) / width))]++;
			total++;
		}
		double h = 0;
		for (int c : count)
			if (c > 0) {
				double p = (double) c / total;
				h -= p * Math.log(p) / Math.log(2);
			}
		return h;
	}
}
