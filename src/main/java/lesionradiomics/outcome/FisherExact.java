package lesionradiomics.outcome;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of a 2×2 table as R's {@code fisher.test}: the two-sided p-value sums the tables no more likely
 * than the observed one (relative tolerance 1e-7), the odds ratio is the conditional maximum-likelihood estimate
 * (noncentral hypergeometric), and its 95 % interval inverts the two one-sided tests; the roots are found with R's
 * uniroot steps and tolerance (~1e-4 on the root), so the numbers are R's rather than more precise ones.
 *
 * <pre>
 *               outcome yes   outcome no
 * exposed           a             b
 * not exposed       c             d
 * </pre>
 */
public record FisherExact(int a, int b, int c, int d, double oddsRatio, double lower, double upper, double pValue) {

	public static FisherExact test(int a, int b, int c, int d) {
		if (a < 0 || b < 0 || c < 0 || d < 0) throw new IllegalArgumentException("a 2x2 table has counts >= 0");
		int m = a + c, n = b + d, k = a + b, x = a; // R: m = first column, n = second, k = first row
		int lo = Math.max(0, k - n), hi = Math.min(k, m);
		int size = hi - lo + 1;
		double[] logdc = new double[size];
		HypergeometricDistribution h = HypergeometricDistribution.of(m + n, m, k);
		for (int i = 0; i < size; i++) logdc[i] = h.logProbability(lo + i);
		java.util.function.DoubleFunction<double[]> density = ncp -> {
			double[] dd = new double[size];
			if (ncp == 0 || Double.isInfinite(ncp)) { // all the mass at one end, as R's pnhyper
				dd[ncp == 0 ? 0 : size - 1] = 1;
				return dd;
			}
			double max = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < size; i++) max = Math.max(max, dd[i] = logdc[i] + Math.log(ncp) * (lo + i));
			double sum = 0;
			for (int i = 0; i < size; i++) sum += dd[i] = Math.exp(dd[i] - max);
			for (int i = 0; i < size; i++) dd[i] /= sum;
			return dd;
		};
		double[] d1 = density.apply(1);
		double p = 0;
		for (double v : d1) if (v <= d1[x - lo] * (1 + 1e-7)) p += v;
		DoubleUnaryOperator mean = ncp -> {
			double[] dd = density.apply(ncp);
			double s = 0;
			for (int i = 0; i < size; i++) s += (lo + i) * dd[i];
			return s;
		};
		java.util.function.BiFunction<Double, Boolean, Double> tail = (ncp, upperTail) -> {
			double[] dd = density.apply(ncp);
			double s = 0;
			for (int i = 0; i < size; i++) if (upperTail ? lo + i >= x : lo + i <= x) s += dd[i];
			return s;
		};
		double or;
		if (x == lo) or = 0;
		else if (x == hi) or = Double.POSITIVE_INFINITY;
		else {
			double mu = mean.applyAsDouble(1);
			or = mu > x ? root(t -> mean.applyAsDouble(t) - x, 0, 1) : mu < x ? 1 / root(t -> mean.applyAsDouble(1 / t) - x, Math.ulp(1.0), 1) : 1;
		}
		double alpha = 0.025;
		double upper, lower;
		if (x == hi) upper = Double.POSITIVE_INFINITY;
		else {
			double pu = tail.apply(1.0, false);
			upper = pu < alpha ? root(t -> tail.apply(t, false) - alpha, 0, 1)
					: pu > alpha ? 1 / root(t -> tail.apply(1 / t, false) - alpha, Math.ulp(1.0), 1) : 1;
		}
		if (x == lo) lower = 0;
		else {
			double pl = tail.apply(1.0, true);
			lower = pl > alpha ? root(t -> tail.apply(t, true) - alpha, 0, 1)
					: pl < alpha ? 1 / root(t -> tail.apply(1 / t, true) - alpha, Math.ulp(1.0), 1) : 1;
		}
		return new FisherExact(a, b, c, d, or, lower, upper, Math.min(1, p));
	}

	/** As R: uniroot's steps and tolerance, so the reported numbers are R's. */
	private static double root(DoubleUnaryOperator f, double lo, double hi) {
		return Uniroot.solve(f, lo, hi);
	}
}
