package lesionradiomics.model;

/**
 * Calibration of predicted probabilities against observed binary outcomes as R's {@code rms::val.prob}: the
 * calibration intercept and slope are the coefficients of the logistic regression of the outcome on logit(p) (a
 * perfectly calibrated model has 0 and 1), the Brier score is mean (p − y)², C the ROC area and Dxy = 2(C − 0.5).
 *
 * @param reason why intercept and slope are NaN (one class, separation), or null
 */
public record Calibration(int n, double intercept, double slope, double brier, double c, double dxy, String reason) {

	public static Calibration of(double[] p, boolean[] y) {
		int n = p.length;
		if (n != y.length) throw new IllegalArgumentException("calibration: " + n + " probabilities for " + y.length + " outcomes");
		double brier = 0;
		double[][] logit = new double[n][1];
		for (int i = 0; i < n; i++) {
			if (!(p[i] >= 0 && p[i] <= 1)) throw new IllegalArgumentException("calibration: probability " + p[i] + " (row " + (i + 1) + ") is not in [0, 1]");
			brier += ((y[i] ? 1 : 0) - p[i]) * ((y[i] ? 1 : 0) - p[i]) / n;
			logit[i][0] = Math.log(p[i] / (1 - p[i]));
		}
		for (double[] l : logit)
			if (!Double.isFinite(l[0]))
				return new Calibration(n, Double.NaN, Double.NaN, brier, lesionradiomics.outcome.Roc.auc(p, y), Double.NaN,
						"a probability of exactly 0 or 1: its logit is infinite (val.prob drops such rows)");
		double c = lesionradiomics.outcome.Roc.auc(p, y);
		LogisticRegression.Fit f = LogisticRegression.fit(logit, y);
		return new Calibration(n, f.coefficients()[0], f.coefficients()[1], brier, c, 2 * (c - 0.5), f.reason());
	}
}
