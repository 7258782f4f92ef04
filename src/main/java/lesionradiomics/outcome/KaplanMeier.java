package lesionradiomics.outcome;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Kaplan–Meier estimate as R's {@code survival::survfit} computes it (type "kaplan-meier", conf.type "log",
 * conf.int 0.95): one row per distinct observed time; the standard error is Greenwood's for the cumulative hazard,
 * sqrt(Σ d/(n(n − d))); the interval exp(log S ± z·se) with its upper end capped at 1 (none where S = 0); the median
 * and its interval by R's {@code quantile.survfit} rule (the middle of a flat stretch lying exactly on 0.5).
 */
public final class KaplanMeier {

	/**
	 * @param time    distinct observed times, ascending
	 * @param atRisk  subjects with time ≥ t
	 * @param events  events at t
	 * @param censored censorings at t
	 * @param survival S(t)
	 * @param stdErr  Greenwood standard error of −log S(t) (R's {@code std.err})
	 * @param lower   lower 95 % limit (NaN where S = 0)
	 * @param upper   upper 95 % limit, at most 1
	 */
	public record Curve(double[] time, int[] atRisk, int[] events, int[] censored, double[] survival, double[] stdErr, double[] lower, double[] upper) {

		/** Subjects at risk at {@code t} (time ≥ t): the numbers-at-risk table. */
		public int atRiskAt(double t) {
			for (int i = 0; i < time.length; i++) if (time[i] >= t) return atRisk[i];
			return 0;
		}

		/** S just before t, S(t−) (1 up to the first time). */
		public double survivalBefore(double t) {
			int i = java.util.Arrays.binarySearch(time, t);
			int before = i >= 0 ? i - 1 : -i - 2; // the last time strictly below t
			return before < 0 ? 1 : survival[before];
		}
	}

	/** The median survival and its 95 % interval (NaN where the curve or the limit does not reach 0.5). */
	public record Median(double median, double lower, double upper) {}

	private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975); // R's qnorm(0.975)

	private KaplanMeier() {}

	public static Curve fit(double[] time, boolean[] event) {
		int n = time.length;
		if (event.length != n) throw new IllegalArgumentException("one event flag per time");
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			if (!(time[i] >= 0) || Double.isInfinite(time[i])) throw new IllegalArgumentException("survival time must be a finite number >= 0, is " + time[i]);
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
		List<double[]> rows = new ArrayList<>();
		double s = 1, greenwood = 0;
		int risk = n;
		for (int i = 0; i < n;) {
			double t = time[order[i]];
			int d = 0, c = 0;
			int j = i;
			for (; j < n && time[order[j]] == t; j++) {
				if (event[order[j]]) d++;
				else c++;
			}
			if (d > 0) {
				s *= 1 - (double) d / risk;
				greenwood += risk == d ? Double.POSITIVE_INFINITY : (double) d / ((double) risk * (risk - d));
			}
			double se = Math.sqrt(greenwood);
			double lo = s == 0 ? Double.NaN : Math.exp(Math.log(s) - Z * se), hi = s == 0 ? Double.NaN : Math.min(1, Math.exp(Math.log(s) + Z * se));
			rows.add(new double[] { t, risk, d, c, s, se, lo, hi });
			risk -= d + c;
			i = j;
		}
		int m = rows.size();
		double[][] col = new double[8][m];
		for (int k = 0; k < m; k++) for (int c = 0; c < 8; c++) col[c][k] = rows.get(k)[c];
		return new Curve(col[0], ints(col[1]), ints(col[2]), ints(col[3]), col[4], col[5], col[6], col[7]);
	}

	private static int[] ints(double[] v) {
		int[] out = new int[v.length];
		for (int i = 0; i < v.length; i++) out[i] = (int) v[i];
		return out;
	}

	/** The median and its interval (R's quantile.survfit: the lower limit from the lower curve, the upper from the upper). */
	public static Median median(Curve c) {
		return new Median(quantile(c.time(), c.survival(), 0.5), quantile(c.time(), c.lower(), 0.5), quantile(c.time(), c.upper(), 0.5));
	}

	/**
	 * Where the curve {@code surv} first reaches 1 − p (R's findq on the CDF 1 − S with tolerance sqrt(machine
	 * epsilon)): the time of the jump, or the middle between a flat stretch's start and the next jump when the curve
	 * lies on the value within the tolerance (to the last time when the stretch is the curve's end); NaN if never.
	 */
	static double quantile(double[] time, double[] surv, double p) {
		double tol = Math.sqrt(Math.ulp(1.0));
		List<Double> x = new ArrayList<>(List.of(0.0)), y = new ArrayList<>(List.of(0.0));
		double xmax = time.length == 0 ? 0 : time[time.length - 1];
		for (int i = 0; i < time.length; i++) {
			if (Double.isNaN(surv[i])) continue; // approx() drops missing points
			double cdf = 1 - surv[i];
			if (y.contains(cdf)) continue; // duplicated(y): the censoring times
			x.add(time[i]);
			y.add(cdf);
		}
		double max = y.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		if (max < p) return Double.NaN;
		int n = y.size(), i1 = -1, i2 = -1;
		for (int j = 0; j < n && i1 < 0; j++) if (y.get(j) + tol >= p) i1 = j;
		for (int j = 0; j < n && i2 < 0; j++) if (y.get(j) - tol >= p) i2 = j;
		if (Math.abs(p - y.get(n - 1)) < tol) return (x.get(i1) + xmax) / 2; // a flat at the end of the curve
		if (i1 < 0 || i2 < 0) return Double.NaN;
		return (x.get(i1) + x.get(i2)) / 2;
	}
}
