package lesionradiomics.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Unpenalised logistic regression by maximum likelihood as R's {@code glm(family = binomial)}: Newton–Raphson (IRLS)
 * from β = 0 until the deviance changes by less than 1e-8 relative (glm.control's epsilon), with step halving when the
 * deviance rises; standard errors from the inverse Fisher information. Separation (a coefficient running off to
 * infinity: fitted probabilities reaching 0 or 1) or a singular design is reported with NaN estimates and the reason.
 */
public final class LogisticRegression {

	/**
	 * @param coefficients intercept first, then one per column
	 * @param se           their standard errors
	 * @param deviance     −2·log-likelihood at the estimate
	 * @param reason       why the estimates are NaN, or null
	 */
	public record Fit(double[] coefficients, double[] se, double deviance, double nullDeviance, int iterations, String reason) {
		public boolean ok() { return reason == null; }

		public double link(double[] x) {
			double s = coefficients[0];
			for (int j = 0; j < x.length; j++) s += coefficients[j + 1] * x[j];
			return s;
		}

		public double probability(double[] x) {
			return 1 / (1 + Math.exp(-link(x)));
		}
	}

	private LogisticRegression() {}

	public static Fit fit(double[][] x, boolean[] y) {
		int n = x.length, p = n == 0 ? 0 : x[0].length, q = p + 1;
		int pos = 0;
		for (boolean b : y) if (b) pos++;
		double[] nan = new double[q];
		java.util.Arrays.fill(nan, Double.NaN);
		if (pos == 0 || pos == n) return new Fit(nan, nan.clone(), Double.NaN, Double.NaN, 0, "one class only (" + pos + " of " + n + " positive)");
		if (n <= q) return new Fit(nan, nan.clone(), Double.NaN, Double.NaN, 0, n + " rows for " + q + " coefficients: not estimable");
		double ybar = (double) pos / n;
		double nullDev = -2 * (pos * Math.log(ybar) + (n - pos) * Math.log(1 - ybar));
		double[] beta = new double[q];
		double dev = deviance(x, y, beta);
		RealMatrix info = null;
		int it;
		for (it = 1; it <= 50; it++) {
			double[] grad = new double[q];
			double[][] h = new double[q][q];
			for (int i = 0; i < n; i++) {
				double eta = beta[0];
				for (int j = 0; j < p; j++) eta += beta[j + 1] * x[i][j];
				double pi = 1 / (1 + Math.exp(-eta)), w = pi * (1 - pi), r = (y[i] ? 1 : 0) - pi;
				for (int a = 0; a < q; a++) {
					double xa = a == 0 ? 1 : x[i][a - 1];
					grad[a] += xa * r;
					for (int b = 0; b <= a; b++) h[a][b] += xa * (b == 0 ? 1 : x[i][b - 1]) * w;
				}
			}
			for (int a = 0; a < q; a++) for (int b = a + 1; b < q; b++) h[a][b] = h[b][a];
			info = new Array2DRowRealMatrix(h, false);
			double[] step;
			try {
				step = new CholeskyDecomposition(info, 1e-12, 1e-14).getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(grad)).toArray();
			} catch (NonPositiveDefiniteMatrixException e) {
				return new Fit(nan, nan.clone(), Double.NaN, nullDev, it, separationOrSingular(dev, nullDev));
			}
			double[] next = new double[q];
			double newDev = Double.NaN;
			for (double t = 1; t > 1e-6; t /= 2) {
				for (int a = 0; a < q; a++) next[a] = beta[a] + t * step[a];
				newDev = deviance(x, y, next);
				if (newDev <= dev + 1e-12 * Math.abs(dev)) break;
			}
			double change = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1);
			beta = next;
			dev = newDev;
			if (change < 1e-10) break;
		}
		for (double b : beta) if (!Double.isFinite(b) || Math.abs(b) > 1e6) return new Fit(nan, nan.clone(), Double.NaN, nullDev, it, separationOrSingular(dev, nullDev));
		if (dev < 1e-6 * nullDev) return new Fit(nan, nan.clone(), Double.NaN, nullDev, it, separationOrSingular(dev, nullDev));
		double[] se = new double[q];
		try {
			RealMatrix inv = new CholeskyDecomposition(info, 1e-12, 1e-14).getSolver().getInverse();
			for (int a = 0; a < q; a++) se[a] = Math.sqrt(inv.getEntry(a, a));
		} catch (NonPositiveDefiniteMatrixException e) {
			return new Fit(nan, nan.clone(), Double.NaN, nullDev, it, "singular design (a column is constant or a combination of others)");
		}
		return new Fit(beta, se, dev, nullDev, it, null);
	}

	private static String separationOrSingular(double dev, double nullDev) {
		return dev < 1e-3 * nullDev ? "complete separation: the classes are split perfectly, the coefficients are infinite"
				: "singular design or no convergence (a column is constant or a combination of others, or the classes are nearly separated)";
	}

	static double deviance(double[][] x, boolean[] y, double[] beta) {
		double d = 0;
		for (int i = 0; i < x.length; i++) {
			double eta = beta[0];
			for (int j = 0; j < x[i].length; j++) eta += beta[j + 1] * x[i][j];
			// −2·[y·η − log(1 + e^η)], stable for large |η|
			double l1pe = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
			d += -2 * ((y[i] ? eta : 0) - l1pe);
		}
		return d;
	}
}
