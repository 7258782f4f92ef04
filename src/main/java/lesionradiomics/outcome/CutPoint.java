package lesionradiomics.outcome;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The optimal cut-off of a continuous variable as survminer's {@code surv_cutpoint}: maxstat's maximally selected
 * standardised log-rank statistic (exactRankTests' log-rank scores, maxstat.test with smethod "LogRank") over the
 * observed values that leave at least {@code minprop} of the subjects on each side, and maxstat's p-value corrected
 * for the selection ({@code pmethod = "Lau94"}, Lausen, Sauerbrei and Schumacher 1994). Low = value ≤ cut-off, as
 * {@code surv_categorize}.
 *
 * @param cutoff    the selected value (the largest of the low group)
 * @param statistic the maximal standardised statistic
 * @param pValue    Lau94's approximation of the p-value of the maximum
 * @param cuts      the candidate cut-offs
 * @param stats     their standardised statistics
 */
public record CutPoint(double cutoff, double statistic, double pValue, double[] cuts, double[] stats) {

	/** @param minprop smallest share of subjects on either side (survminer's default 0.1; the largest is 1 − minprop) */
	public static CutPoint optimal(double[] time, boolean[] event, double[] value, double minprop) {
		int n = time.length;
		if (!(minprop > 0 && minprop < 0.5)) throw new IllegalArgumentException("minprop must be between 0 and 0.5, is " + minprop);
		double maxprop = 1 - minprop;
		double[] scores = logRankScores(time, event);
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(value[a], value[b])); // stable, as R's order()
		double[] y = new double[n], x = new double[n];
		for (int i = 0; i < n; i++) {
			y[i] = scores[order[i]];
			x[i] = value[order[i]];
		}
		int lo = Math.max(1, (int) Math.floor(n * minprop)), hi = (int) Math.floor(n * maxprop);
		int[] m = java.util.stream.IntStream.range(1, n).filter(k -> x[k] != x[k - 1]).filter(k -> k >= lo && k <= hi).toArray();
		if (m.length == 0) throw new IllegalArgumentException("no cut-off leaves " + minprop + " of the " + n + " patients on each side (too few distinct values)");
		double ss = 0, sq = 0;
		for (double v : y) {
			ss += v;
			sq += v * v;
		}
		double[] cum = new double[n + 1];
		for (int i = 0; i < n; i++) cum[i + 1] = cum[i] + y[i];
		double[] stats = new double[m.length], cuts = new double[m.length];
		int best = 0;
		for (int k = 0; k < m.length; k++) {
			double mk = m[k], e = mk / n * ss, v = mk * (n - mk) / ((double) n * n * (n - 1)) * (n * sq - ss * ss);
			stats[k] = Math.abs((cum[m[k]] - e) / Math.sqrt(v));
			cuts[k] = x[m[k] - 1];
			if (stats[k] > stats[best]) best = k; // the first of equal maxima
		}
		return new CutPoint(cuts[best], stats[best], lausen94(stats[best], n, m), cuts, stats);
	}

	/**
	 * exactRankTests' log-rank scores: a_i = δ_i − Σ_{j: t_j ≤ t_i} δ_j / (N − r_j + 1), with r_j the number of
	 * subjects whose time is at most t_j.
	 */
	static double[] logRankScores(double[] time, boolean[] event) {
		int n = time.length;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
		int[] rank = new int[n]; // observations <= time[i]
		for (int i = 0; i < n;) {
			int j = i;
			while (j < n - 1 && time[order[j]] == time[order[j + 1]]) j++;
			for (int k = i; k <= j; k++) rank[order[k]] = j + 1;
			i = j + 1;
		}
		double[] cum = new double[n];
		double sum = 0;
		for (int k = 0; k < n; k++) {
			int i = order[k];
			sum += (event[i] ? 1 : 0) / (double) (n - rank[i] + 1);
			cum[k] = sum;
		}
		double[] out = new double[n];
		for (int i = 0; i < n; i++) out[i] = (event[i] ? 1 : 0) - cum[rank[i] - 1];
		return out;
	}

	/** maxstat's pLausen94 with the candidate split sizes m. */
	static double lausen94(double b, int n, int[] m) {
		double d = 0;
		for (int k = 0; k + 1 < m.length; k++) {
			double m1 = m[k], m2 = m[k + 1];
			double t = Math.sqrt(1 - m1 * (n - m2) / ((n - m1) * m2));
			d += 1 / Math.PI * Math.exp(-b * b / 2) * (t - (b * b / 4 - 1) * (t * t * t) / 6);
		}
		NormalDistribution z = NormalDistribution.of(0, 1);
		return 1 - (z.cumulativeProbability(b) - z.cumulativeProbability(-b)) + d;
	}
}
