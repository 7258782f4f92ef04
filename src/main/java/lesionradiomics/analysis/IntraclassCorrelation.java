package lesionradiomics.analysis;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Intraclass correlations of n subjects (lesions) each measured by k raters (e.g. original, eroded and dilated
 * masks; test and retest) as R's {@code psych::ICC} reports them (Shrout &amp; Fleiss 1979, Psychol Bull 86:420;
 * McGraw &amp; Wong 1996), from the two-way ANOVA mean squares: between subjects MSB, between raters MSJ, residual MSE,
 * and the one-way within-subject MSW = (SSJ + SSE)/(dfJ + dfE):
 * <ul>
 * <li>ICC1 = (MSB − MSW)/(MSB + (k − 1)MSW), ICC1k = (MSB − MSW)/MSB (one-way random);</li>
 * <li>ICC2 = (MSB − MSE)/(MSB + (k − 1)MSE + k(MSJ − MSE)/n), ICC2k = (MSB − MSE)/(MSB + (MSJ − MSE)/n) (two-way
 * random, absolute agreement);</li>
 * <li>ICC3 = (MSB − MSE)/(MSB + (k − 1)MSE), ICC3k = (MSB − MSE)/MSB (two-way mixed, consistency);</li>
 * </ul>
 * with psych's F tests and 95 % bounds (ICC2's from Satterthwaite's degrees of freedom, as psych). psych's default
 * {@code lmer = TRUE} gives the same values on complete data whenever MSJ ≥ MSE (its rater variance is not truncated
 * at 0).
 */
public final class IntraclassCorrelation {

	public enum Form {
		ICC1, ICC2, ICC3, ICC1K, ICC2K, ICC3K;

		public static Form parse(String s) {
			for (Form f : values()) if (f.name().equalsIgnoreCase(s.trim().replace(",", "").replace("(", "").replace(")", ""))) return f;
			throw new IllegalArgumentException("unknown ICC form '" + s + "' (use ICC1, ICC2, ICC3, ICC1k, ICC2k or ICC3k)");
		}
	}

	/** One row of psych's table. */
	public record Value(Form form, double icc, double f, double df1, double df2, double p, double lower, double upper) {}

	private IntraclassCorrelation() {}

	/** @param ratings one row per subject, one column per rater; no missing values */
	public static Value[] all(double[][] ratings, double alpha) {
		int n = ratings.length, k = n == 0 ? 0 : ratings[0].length;
		if (n < 2 || k < 2) throw new IllegalArgumentException("ICC needs at least 2 subjects and 2 raters, has " + n + " and " + k);
		double grand = 0;
		double[] rowMean = new double[n], colMean = new double[k];
		for (int i = 0; i < n; i++) {
			if (ratings[i].length != k) throw new IllegalArgumentException("ICC: subject " + (i + 1) + " has " + ratings[i].length + " ratings, expected " + k);
			for (int j = 0; j < k; j++) {
				double v = ratings[i][j];
				if (!Double.isFinite(v)) throw new IllegalArgumentException("ICC: subject " + (i + 1) + " rater " + (j + 1) + " is not a finite number");
				rowMean[i] += v / k;
				colMean[j] += v / n;
				grand += v / (n * k);
			}
		}
		double ssb = 0, ssj = 0, sst = 0;
		for (int i = 0; i < n; i++) ssb += k * (rowMean[i] - grand) * (rowMean[i] - grand);
		for (int j = 0; j < k; j++) ssj += n * (colMean[j] - grand) * (colMean[j] - grand);
		for (double[] r : ratings) for (double v : r) sst += (v - grand) * (v - grand);
		double sse = sst - ssb - ssj;
		double dfb = n - 1, dfj = k - 1, dfe = (n - 1.0) * (k - 1);
		double msb = ssb / dfb, msj = ssj / dfj, mse = sse / dfe, msw = (ssj + sse) / (dfj + dfe);
		double icc1 = (msb - msw) / (msb + (k - 1) * msw);
		double icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
		double icc3 = (msb - mse) / (msb + (k - 1) * mse);
		double icc1k = (msb - msw) / msb, icc2k = (msb - mse) / (msb + (msj - mse) / n), icc3k = (msb - mse) / msb;
		double f11 = msb / msw, df11n = n - 1, df11d = n * (k - 1.0);
		double f21 = msb / mse, df21n = n - 1, df21d = (n - 1.0) * (k - 1);
		double p11 = FDistribution.of(df11n, df11d).survivalProbability(f11), p21 = FDistribution.of(df21n, df21d).survivalProbability(f21);
		double q = 1 - alpha / 2;
		double f1l = f11 / FDistribution.of(df11n, df11d).inverseCumulativeProbability(q);
		double f1u = f11 * FDistribution.of(df11d, df11n).inverseCumulativeProbability(q);
		double f3l = f21 / FDistribution.of(df21n, df21d).inverseCumulativeProbability(q);
		double f3u = f21 * FDistribution.of(df21d, df21n).inverseCumulativeProbability(q);
		double fj = msj / mse;
		double vn = (k - 1) * (n - 1.0) * Math.pow(k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2, 2);
		double vd = (n - 1.0) * k * k * icc2 * icc2 * fj * fj + Math.pow(n * (1 + (k - 1) * icc2) - k * icc2, 2);
		double v = vn / vd;
		double f2u = FDistribution.of(n - 1, v).inverseCumulativeProbability(q), f2l = FDistribution.of(v, n - 1).inverseCumulativeProbability(q);
		double l2 = n * (msb - f2u * mse) / (f2u * (k * msj + (k * n - k - n) * mse) + n * msb);
		double u2 = n * (f2l * msb - mse) / (k * msj + (k * n - k - n) * mse + n * f2l * msb);
		return new Value[] { new Value(Form.ICC1, icc1, f11, df11n, df11d, p11, (f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1)),
				new Value(Form.ICC2, icc2, f21, df21n, df21d, p21, l2, u2),
				new Value(Form.ICC3, icc3, f21, df21n, df21d, p21, (f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1)),
				new Value(Form.ICC1K, icc1k, f11, df11n, df11d, p11, 1 - 1 / f1l, 1 - 1 / f1u),
				new Value(Form.ICC2K, icc2k, f21, df21n, df21d, p21, l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1))),
				new Value(Form.ICC3K, icc3k, f21, df21n, df21d, p21, 1 - 1 / f3l, 1 - 1 / f3u) };
	}

	/** One form's value (NaN when a column is constant across subjects and raters: 0/0). */
	public static double of(Form form, double[][] ratings) {
		return all(ratings, 0.05)[form.ordinal()].icc();
	}
}
