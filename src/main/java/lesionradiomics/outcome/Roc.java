package lesionradiomics.outcome;

import java.util.Arrays;

import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * ROC analysis of a score against a binary outcome as R's pROC computes it: the AUC (Mann–Whitney, ties counted one
 * half), its DeLong variance and 95 % interval (clipped to [0, 1]), a z-test of AUC = 0.5 with the DeLong standard
 * error, and Youden's optimal threshold among pROC's thresholds (midpoints between consecutive distinct scores).
 * Higher scores predict the positive class ("<" in pROC: controls below cases).
 *
 * @param threshold   Youden's best threshold (score ≥ threshold predicts positive)
 * @param sensitivity at the threshold
 * @param specificity at the threshold
 * @param curve       the ROC curve: {1 − specificity, sensitivity} at each threshold, from the highest threshold down
 */
public record Roc(int positives, int negatives, double auc, double variance, double lower, double upper, double pValue, double threshold, double sensitivity,
		double specificity, double[][] curve) {

	private static final NormalDistribution Z = NormalDistribution.of(0, 1);

	public static Roc of(double[] score, boolean[] positive) {
		int n1 = 0, n0 = 0;
		for (boolean p : positive) if (p) n1++;
		n0 = positive.length - n1;
		if (n1 == 0 || n0 == 0) throw new IllegalArgumentException("ROC needs both classes; found " + n1 + " positive and " + n0 + " negative");
		double[] cases = new double[n1], controls = new double[n0];
		for (int i = 0, a = 0, b = 0; i < score.length; i++) {
			if (!Double.isFinite(score[i])) throw new IllegalArgumentException("ROC scores must be finite, found " + score[i]);
			if (positive[i]) cases[a++] = score[i];
			else controls[b++] = score[i];
		}
		double[] v10 = new double[n1], v01 = new double[n0];
		double sum = 0;
		for (int i = 0; i < n1; i++)
			for (int j = 0; j < n0; j++) {
				double psi = cases[i] > controls[j] ? 1 : cases[i] == controls[j] ? 0.5 : 0;
				v10[i] += psi / n0;
				v01[j] += psi / n1;
				sum += psi;
			}
		double auc = sum / ((double) n1 * n0);
		double var = (n1 > 1 ? Variance.of(v10).getAsDouble() / n1 : 0) + (n0 > 1 ? Variance.of(v01).getAsDouble() / n0 : 0); // DeLong et al. 1988
		double se = Math.sqrt(var), z = Z.inverseCumulativeProbability(0.975);
		double p = se > 0 ? 2 * Z.survivalProbability(Math.abs(auc - 0.5) / se) : Double.NaN;
		java.util.List<double[]> curve = new java.util.ArrayList<>();
		double[] best = youden(score, positive, n1, n0, curve);
		java.util.Collections.reverse(curve);
		return new Roc(n1, n0, auc, var, Math.max(0, auc - z * se), Math.min(1, auc + z * se), p, best[0], best[1], best[2], curve.toArray(new double[0][]));
	}

	/**
	 * The AUC alone (Mann–Whitney, ties one half), for resampling loops that need neither the variance nor the curve;
	 * NaN when a class is empty.
	 */
	public static double auc(double[] score, boolean[] positive) {
		double sum = 0;
		long n1 = 0, n0 = 0;
		for (int i = 0; i < score.length; i++) {
			if (!positive[i]) continue;
			n1++;
			for (int j = 0; j < score.length; j++)
				if (!positive[j]) sum += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
		}
		n0 = score.length - n1;
		return n1 == 0 || n0 == 0 ? Double.NaN : sum / ((double) n1 * n0);
	}

	/** pROC's thresholds: −∞, the midpoints of consecutive distinct scores, +∞; the one maximising sensitivity + specificity (the first on ties). */
	private static double[] youden(double[] score, boolean[] positive, int n1, int n0, java.util.List<double[]> curve) {
		double[] u = Arrays.stream(score).distinct().sorted().toArray();
		double[] thresholds = new double[u.length + 1];
		thresholds[0] = Double.NEGATIVE_INFINITY;
		for (int k = 1; k < u.length; k++) thresholds[k] = (u[k - 1] + u[k]) / 2;
		thresholds[u.length] = Double.POSITIVE_INFINITY;
		double[] best = { Double.NaN, Double.NaN, Double.NaN };
		double bestJ = Double.NEGATIVE_INFINITY;
		for (double t : thresholds) {
			int tp = 0, tn = 0;
			for (int i = 0; i < score.length; i++) {
				if (positive[i] && score[i] >= t) tp++;
				if (!positive[i] && score[i] < t) tn++;
			}
			double se = (double) tp / n1, sp = (double) tn / n0;
			curve.add(new double[] { 1 - sp, se });
			if (se + sp > bestJ) {
				bestJ = se + sp;
				best = new double[] { t, se, sp };
			}
		}
		return best;
	}
}
