package lesionradiomics.outcome;

import java.util.Arrays;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The test of proportional hazards as R's {@code cox.zph(fit, transform = "km")}: a score test, at the fitted β, of
 * adding β_k·g(t) terms with g = 1 − KM(t−) centred over the events (survival's zph1.c, Efron's ties): chi² per term
 * (1 df) and global (p df).
 *
 * @param chiSquare per term, then the global test last
 * @param pValue    per term, then global
 */
public record ProportionalHazards(double[] chiSquare, double[] pValue) {

	public static ProportionalHazards test(double[] time, boolean[] event, double[][] x, double[] beta) {
		int n = time.length, p = beta.length;
		// g(t) = 1 - S(t-) of the Kaplan-Meier of all subjects, centred on its mean over the events
		KaplanMeier.Curve km = KaplanMeier.fit(time, event);
		double[] g = new double[n];
		double mean = 0;
		int events = 0;
		for (int i = 0; i < n; i++) {
			g[i] = 1 - km.survivalBefore(time[i]);
			if (event[i]) {
				mean += g[i];
				events++;
			}
		}
		mean /= events;
		for (int i = 0; i < n; i++) g[i] -= mean;
		double[][] xc = new double[n][p];
		double[] eta = new double[n];
		for (int k = 0; k < p; k++) {
			double m = 0;
			for (int i = 0; i < n; i++) m += x[i][k];
			m /= n;
			for (int i = 0; i < n; i++) xc[i][k] = x[i][k] - m;
		}
		for (int i = 0; i < n; i++) for (int k = 0; k < p; k++) eta[i] += beta[k] * xc[i][k];
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
		double[] u = new double[2 * p], a = new double[p], a2 = new double[p];
		double[][] imat = new double[2 * p][2 * p], cmat = new double[p][p], cmat2 = new double[p][p];
		double denom = 0;
		for (int ip = n - 1; ip >= 0;) { // backwards in time
			double t = time[order[ip]], wt = g[order[ip]], denom2 = 0;
			int dead = 0;
			for (; ip >= 0 && time[order[ip]] == t; ip--) {
				int i = order[ip];
				double risk = Math.exp(eta[i]);
				if (!event[i]) {
					denom += risk;
					for (int r = 0; r < p; r++) {
						a[r] += risk * xc[i][r];
						for (int c = 0; c <= r; c++) cmat[r][c] += risk * xc[i][r] * xc[i][c];
					}
				} else {
					dead++;
					denom2 += risk;
					for (int r = 0; r < p; r++) {
						u[r] += xc[i][r];
						u[r + p] += wt * xc[i][r];
						a2[r] += risk * xc[i][r];
						for (int c = 0; c <= r; c++) cmat2[r][c] += risk * xc[i][r] * xc[i][c];
					}
				}
			}
			if (dead == 0) continue;
			for (int k = 0; k < dead; k++) { // Efron: the deaths enter the sums 1/d at a time
				denom += denom2 / dead;
				for (int r = 0; r < p; r++) {
					a[r] += a2[r] / dead;
					double mr = a[r] / denom;
					u[r] -= mr;
					u[r + p] -= wt * mr;
					for (int c = 0; c <= r; c++) {
						cmat[r][c] += cmat2[r][c] / dead;
						double v = (cmat[r][c] - mr * a[c]) / denom;
						imat[c][r] += v;
						imat[c][r + p] += wt * v;
						imat[c + p][r + p] += wt * wt * v;
					}
				}
			}
			Arrays.fill(a2, 0);
			for (double[] row : cmat2) Arrays.fill(row, 0);
		}
		for (int r = 0; r < p; r++)
			for (int c = 0; c < r; c++) {
				imat[r][c] = imat[c][r];
				imat[r][c + p] = imat[c][r + p];
				imat[r + p][c + p] = imat[c + p][r + p];
			}
		for (int r = 0; r < p; r++) for (int c = 0; c < p; c++) imat[r + p][c] = imat[c][r + p];
		double[] chi = new double[p + 1], pv = new double[p + 1];
		for (int k = 0; k <= p; k++) {
			int[] keep = k < p ? concat(p, k + p) : java.util.stream.IntStream.range(0, 2 * p).toArray();
			RealMatrix m = MatrixUtils.createRealMatrix(imat).getSubMatrix(keep, keep);
			RealVector v = MatrixUtils.createRealVector(new double[keep.length]);
			for (int j = p; j < keep.length; j++) v.setEntry(j, u[keep[j]]);
			chi[k] = new LUDecomposition(m).getSolver().solve(v).dotProduct(v);
			pv[k] = ChiSquaredDistribution.of(k < p ? 1 : p).survivalProbability(chi[k]);
		}
		return new ProportionalHazards(chi, pv);
	}

	private static int[] concat(int p, int extra) {
		int[] out = new int[p + 1];
		for (int i = 0; i < p; i++) out[i] = i;
		out[p] = extra;
		return out;
	}
}
