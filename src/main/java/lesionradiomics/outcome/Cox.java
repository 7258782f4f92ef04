package lesionradiomics.outcome;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Cox proportional hazards as R's {@code survival::coxph} (Efron's method for tied event times, Newton–Raphson from
 * β = 0 with step halving, covariates centred): coefficients, standard errors from the inverse information, hazard
 * ratios with 95 % intervals, Wald z and p per term; likelihood-ratio, Wald and score tests of the model; Harrell's
 * concordance. Non-convergence (a coefficient running off to infinity, e.g. perfect separation) is reported with NaN
 * estimates and the reason, never as a finite number.
 */
public final class Cox {

	/** One term's estimate (NaN with the model's reason when it did not converge). */
	public record Term(String name, double coef, double se, double hazardRatio, double lower, double upper, double z, double pValue) {}

	/**
	 * @param logLik0      partial log-likelihood at β = 0
	 * @param logLik       at the estimate
	 * @param concordance  Harrell's C of the linear predictor (R's concordance of the fit)
	 * @param reason       why estimates are NaN (no events, a constant covariate, no convergence), or null
	 */
	public record Fit(List<Term> terms, int n, int events, double logLik0, double logLik, double likelihoodRatio, double likelihoodRatioP, double wald,
			double waldP, double score, double scoreP, double concordance, int iterations, String reason) {}

	private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);
	private static final double EPS = 1e-9; // coxph.control: eps and toler.inf = sqrt(eps)

	private Cox() {}

	/**
	 * @param x     one row per subject, one column per covariate
	 * @param names the covariates' names
	 */
	public static Fit fit(double[] time, boolean[] event, double[][] x, List<String> names) {
		int n = time.length, p = names.size();
		int events = 0;
		for (boolean e : event) if (e) events++;
		if (events == 0) return failed(names, n, 0, "no events: the Cox model is undefined");
		double[][] xc = new double[n][p];
		for (int k = 0; k < p; k++) {
			double mean = 0;
			for (int i = 0; i < n; i++) mean += x[i][k] / n;
			boolean constant = true;
			for (int i = 0; i < n; i++) {
				xc[i][k] = x[i][k] - mean;
				constant &= x[i][k] == x[0][k];
			}
			if (constant) return failed(names, n, events, "covariate " + names.get(k) + " is constant: its hazard ratio is undefined");
		}
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(time[b], time[a])); // latest first: risk sets grow
		double[] beta = new double[p];
		Step at0 = step(time, event, xc, order, beta);
		Step current = at0;
		int iter = 0;
		for (; iter < 30; iter++) {
			double[] delta;
			try {
				delta = new CholeskyDecomposition(MatrixUtils.createRealMatrix(current.info), 1e-12, 1e-10).getSolver()
						.solve(MatrixUtils.createRealVector(current.score)).toArray();
			} catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
				return failed(names, n, events, "the information matrix is singular (collinear covariates?)");
			}
			double[] next = beta.clone();
			for (int k = 0; k < p; k++) next[k] += delta[k];
			Step s = step(time, event, xc, order, next);
			for (int half = 0; half < 30 && !(s.logLik >= current.logLik - 1e-12 * Math.abs(current.logLik)); half++) { // step halving as coxfit6
				for (int k = 0; k < p; k++) next[k] = (next[k] + beta[k]) / 2;
				s = step(time, event, xc, order, next);
			}
			boolean converged = Math.abs(1 - current.logLik / s.logLik) <= EPS;
			beta = next;
			current = s;
			if (converged && iter > 0) break;
		}
		RealMatrix var;
		try {
			var = new CholeskyDecomposition(MatrixUtils.createRealMatrix(current.info), 1e-12, 1e-10).getSolver().getInverse();
		} catch (NonPositiveDefiniteMatrixException e) {
			return failed(names, n, events, "the information matrix is singular at the estimate (perfect separation?)");
		}
		// coxph's check for an infinite coefficient: a score still pulling, relative to the coefficient
		RealVector pull = var.preMultiply(MatrixUtils.createRealVector(current.score));
		for (int k = 0; k < p; k++)
			if (Math.abs(pull.getEntry(k)) > Math.sqrt(EPS) && Math.abs(pull.getEntry(k)) > Math.sqrt(EPS) * Math.abs(beta[k]) || iter >= 30
					|| Math.abs(beta[k]) > 50)
				return failed(names, n, events, "the model did not converge: the coefficient of " + names.get(k)
						+ " runs off to infinity (perfect separation?)");
		List<Term> terms = new java.util.ArrayList<>();
		for (int k = 0; k < p; k++) {
			double se = Math.sqrt(var.getEntry(k, k)), z = beta[k] / se;
			terms.add(new Term(names.get(k), beta[k], se, Math.exp(beta[k]), Math.exp(beta[k] - Z * se), Math.exp(beta[k] + Z * se), z,
					2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z))));
		}
		double lr = 2 * (current.logLik - at0.logLik);
		RealVector b = MatrixUtils.createRealVector(beta);
		double wald = b.dotProduct(new CholeskyDecomposition(var).getSolver().solve(b));
		RealVector u0 = MatrixUtils.createRealVector(at0.score);
		double score = u0.dotProduct(new CholeskyDecomposition(MatrixUtils.createRealMatrix(at0.info)).getSolver().solve(u0));
		ChiSquaredDistribution chi = ChiSquaredDistribution.of(p);
		double[] lp = new double[n];
		for (int i = 0; i < n; i++) for (int k = 0; k < p; k++) lp[i] += beta[k] * x[i][k];
		return new Fit(terms, n, events, at0.logLik, current.logLik, lr, chi.survivalProbability(lr), wald, chi.survivalProbability(wald), score,
				chi.survivalProbability(score), Concordance.harrell(time, event, lp).c(), iter + 1, null);
	}

	private static Fit failed(List<String> names, int n, int events, String reason) {
		List<Term> terms = new java.util.ArrayList<>();
		for (String name : names) terms.add(new Term(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
		return new Fit(terms, n, events, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
				reason);
	}

	/** Partial log-likelihood, score and information at β (Efron's approximation for ties). */
	private record Step(double logLik, double[] score, double[][] info) {}

	private static Step step(double[] time, boolean[] event, double[][] x, Integer[] order, double[] beta) {
		int n = time.length, p = beta.length;
		double ll = 0;
		double[] u = new double[p];
		double[][] info = new double[p][p];
		double s0 = 0;
		double[] s1 = new double[p];
		double[][] s2 = new double[p][p];
		for (int k = 0; k < n;) {
			double t = time[order[k]];
			double d0 = 0;
			double[] d1 = new double[p];
			double[][] d2 = new double[p][p];
			int deaths = 0, j = k;
			for (; j < n && time[order[j]] == t; j++) {
				int i = order[j];
				double eta = 0;
				for (int a = 0; a < p; a++) eta += beta[a] * x[i][a];
				double w = Math.exp(eta);
				s0 += w;
				for (int a = 0; a < p; a++) {
					s1[a] += w * x[i][a];
					for (int b = 0; b < p; b++) s2[a][b] += w * x[i][a] * x[i][b];
				}
				if (event[i]) {
					deaths++;
					ll += eta;
					d0 += w;
					for (int a = 0; a < p; a++) {
						u[a] += x[i][a];
						d1[a] += w * x[i][a];
						for (int b = 0; b < p; b++) d2[a][b] += w * x[i][a] * x[i][b];
					}
				}
			}
			for (int r = 0; r < deaths; r++) {
				double f = (double) r / deaths, a0 = s0 - f * d0;
				ll -= Math.log(a0);
				for (int a = 0; a < p; a++) {
					double a1 = s1[a] - f * d1[a];
					u[a] -= a1 / a0;
					for (int b = 0; b < p; b++) {
						double a1b = s1[b] - f * d1[b], a2 = s2[a][b] - f * d2[a][b];
						info[a][b] += a2 / a0 - a1 * a1b / (a0 * a0);
					}
				}
			}
			k = j;
		}
		return new Step(ll, u, info);
	}
}
