package lesionradiomics.model;

import java.util.Arrays;

/**
 * Elastic-net logistic and Cox regression along a λ path, defined as R's {@code glmnet} 4.1 defines them (Friedman,
 * Hastie &amp; Tibshirani 2010, J Stat Softw 33(1); Simon et al. 2011, J Stat Softw 39(5)):
 * <ul>
 * <li>objective: −(1/N)·log-likelihood + λ·[(1 − α)/2·‖β‖² + α·‖β‖₁] on features standardised with the mean and the
 * population SD (1/N), the binomial intercept unpenalised, coefficients reported on the original scale;</li>
 * <li>Cox: Breslow's partial likelihood for tied event times (glmnet's {@code coxnet}); a censored time equal to an
 * event time stays in that event's risk set;</li>
 * <li>λ path: λ_max = max_j |∂/∂β_j of the likelihood term at β = 0| / max(α, 0.001), then nλ values down to
 * λ_max·ratio on a log scale (ratio 1e-4 when N ≥ p, else 0.01), and glmnet's early stops (at least 5 values; binomial:
 * deviance ratio gain &lt; 1e-5 or ratio &gt; 0.999; Cox: relative gain over the last 5 values &lt; 1e-3 or ratio &gt;
 * 0.99); the first λ reported as glmnet's {@code fix.lam} does, λ₂²/λ₃;</li>
 * <li>constant features are left out (coefficient 0), as glmnet's {@code chkvars}.</li>
 * </ul>
 * Unlike glmnet (whose stopping rule on the coefficient change leaves small-λ solutions up to 1–100 % off the optimum at
 * its default threshold), each point is solved to the optimality (KKT) conditions: Newton steps (for Cox with glmnet's
 * diagonal Hessian) with coordinate descent inside, until the largest weighted coefficient change is below
 * {@code threshold}, then every left-out feature's gradient checked against λα.
 */
public final class ElasticNet {

	/** glmnet.control() defaults. */
	static final double FDEV = 1e-5, DEVMAX = 0.999, EPS = 1e-6, PMIN = 1e-5;
	static final int MNLAM = 5;
	/** Bound on coordinate sweeps per Newton step (never reached on well-posed data; guards against a non-terminating loop). */
	static final int MAX_SWEEPS = 1_000_000;

	/**
	 * @param alpha          mixing: 1 = lasso, 0 = ridge
	 * @param nLambda        number of λ values (glmnet: 100)
	 * @param lambdaMinRatio smallest λ / λ_max, or NaN for glmnet's default (1e-4 when N ≥ p, else 0.01)
	 * @param lambda         a given decreasing λ sequence (no early stop, as glmnet with {@code lambda=}), or null
	 * @param threshold      convergence: largest Σ w x² · Δβ² (per observation deviance units) of a sweep
	 */
	public record Settings(double alpha, int nLambda, double lambdaMinRatio, double[] lambda, double threshold) {
		public Settings {
			if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1], is " + alpha);
			if (lambda == null && nLambda < 1) throw new IllegalArgumentException("the number of lambda values must be positive");
			if (lambda != null) {
				lambda = lambda.clone();
				for (int k = 1; k < lambda.length; k++)
					if (!(lambda[k] <= lambda[k - 1])) throw new IllegalArgumentException("the lambda sequence must decrease");
			}
		}

		public static Settings of(double alpha) {
			return new Settings(alpha, 100, Double.NaN, null, 1e-22);
		}

		public Settings withLambda(double[] l) {
			return new Settings(alpha, l.length, lambdaMinRatio, l, threshold);
		}
	}

	public enum Family { BINOMIAL, COX }

	/**
	 * A fitted path.
	 *
	 * @param lambda        the λ values
	 * @param intercept     per λ (0 for Cox)
	 * @param beta          per λ, per feature, on the original scale
	 * @param devRatio      fraction of the null deviance explained, per λ
	 * @param nullDeviance  glmnet's nulldev
	 * @param mean          the features' means (standardisation)
	 * @param sd            the features' population SDs (0 for a constant feature)
	 */
	public record Path(Family family, double[] lambda, double[] intercept, double[][] beta, double[] devRatio, double nullDeviance, double[] mean,
			double[] sd) {
		public int size() { return lambda.length; }

		/** Non-zero coefficients at λ index k. */
		public int nonZero(int k) {
			int c = 0;
			for (double b : beta[k]) if (b != 0) c++;
			return c;
		}

		/** Linear predictor of one row at index k. */
		public double link(double[] x, int k) {
			double s = intercept[k];
			for (int j = 0; j < x.length; j++) if (beta[k][j] != 0) s += beta[k][j] * x[j];
			return s;
		}

		/**
		 * Coefficients at arbitrary λ as glmnet's {@code predict(fit, s = λ)}: linear interpolation between the
		 * neighbouring path values (R's {@code lambda.interp}), clamped to the path's ends. Element 0 is the intercept.
		 */
		public double[] coefficientsAt(double s) {
			int k = lambda.length, p = beta[0].length;
			double[] out = new double[p + 1];
			int left, right;
			double frac;
			if (k == 1) {
				left = right = 0;
				frac = 1;
			} else {
				double l1 = lambda[0], lk = lambda[k - 1];
				double[] lam = new double[k];
				for (int i = 0; i < k; i++) lam[i] = (l1 - lambda[i]) / (l1 - lk);
				double sf = (l1 - s) / (l1 - lk);
				sf = Math.max(lam[0], Math.min(lam[k - 1], sf));
				double coord = approx(lam, sf);
				left = (int) Math.floor(coord) - 1;
				right = (int) Math.ceil(coord) - 1;
				frac = (sf - lam[right]) / (lam[left] - lam[right]);
				if (left == right || Math.abs(lam[left] - lam[right]) < Math.ulp(1.0)) frac = 1;
			}
			out[0] = frac * intercept[left] + (1 - frac) * intercept[right];
			for (int j = 0; j < p; j++) out[j + 1] = frac * beta[left][j] + (1 - frac) * beta[right][j];
			return out;
		}

		/** R's approx(x, seq_along(x), v) as its C code computes it (1-based index). */
		private static double approx(double[] x, double v) {
			int i = 0, j = x.length - 1;
			while (i < j - 1) {
				int ij = (i + j) / 2;
				if (v < x[ij]) j = ij;
				else i = ij;
			}
			if (v == x[j]) return j + 1;
			if (v == x[i]) return i + 1;
			return (i + 1) + ((v - x[i]) / (x[j] - x[i]));
		}
	}

	private ElasticNet() {}

	/** Penalised logistic regression; y true = the second level (glmnet's "1"). */
	public static Path binomial(double[][] x, boolean[] y, Settings s) {
		int n = x.length;
		double[] yy = new double[n];
		int pos = 0;
		for (int i = 0; i < n; i++) {
			yy[i] = y[i] ? 1 : 0;
			if (y[i]) pos++;
		}
		if (pos == 0 || pos == n) throw new IllegalArgumentException("binomial: one class only (" + pos + " of " + n + " positive)");
		return new Solver(x, s, Family.BINOMIAL, yy, null, null).path();
	}

	/** Penalised Cox regression (Breslow ties). */
	public static Path cox(double[][] x, double[] time, boolean[] event, Settings s) {
		int ev = 0;
		for (int i = 0; i < time.length; i++) {
			if (!(time[i] > 0)) throw new IllegalArgumentException("cox: times must be positive, row " + (i + 1) + " has " + time[i]);
			if (event[i]) ev++;
		}
		if (ev == 0) throw new IllegalArgumentException("cox: no events");
		return new Solver(x, s, Family.COX, null, time, event).path();
	}

	/** Breslow partial log-likelihood of a linear predictor (unit weights), as glmnet's {@code loglike}. */
	public static double coxLogLik(double[] time, boolean[] event, double[] eta) {
		CoxRisk r = new CoxRisk(time, event, 1.0);
		return r.logLik(eta);
	}

	/** glmnet's {@code coxnet.deviance}: 2·(saturated − partial log-likelihood), unit weights, Breslow ties. */
	public static double coxDeviance(double[] time, boolean[] event, double[] eta) {
		CoxRisk r = new CoxRisk(time, event, 1.0);
		return 2 * (r.saturated() - r.logLik(eta));
	}

	/**
	 * Risk sets of a Cox model: observations sorted by time, distinct event times with their (weighted) event count,
	 * and for each observation the event-time groups it belongs to (those at or before its time).
	 */
	static final class CoxRisk {
		final int n;
		final int[] order; // by time ascending
		final double[] q; // observation weight
		final double[] dq; // weighted event indicator
		final int[] groupEnd; // per distinct event time k: position (in order) after the last observation with time == t_k... see below
		final int[] firstAtOrAfter; // per event time k: first position in order with time >= t_k
		final double[] dk; // weighted events at t_k
		final int[] lastGroup; // per position in order: index of the last event time <= its time, -1 if none
		final int groups;

		CoxRisk(double[] time, boolean[] event, double weight) {
			n = time.length;
			Integer[] o = new Integer[n];
			for (int i = 0; i < n; i++) o[i] = i;
			Arrays.sort(o, (a, b) -> Double.compare(time[a], time[b]));
			order = new int[n];
			for (int i = 0; i < n; i++) order[i] = o[i];
			q = new double[n];
			dq = new double[n];
			Arrays.fill(q, weight);
			for (int i = 0; i < n; i++) dq[i] = event[i] ? weight : 0;
			// distinct event times
			double[] ts = new double[n];
			int g = 0;
			for (int a = 0; a < n; a++) {
				int i = order[a];
				if (event[i] && (g == 0 || time[i] > ts[g - 1])) ts[g++] = time[i];
			}
			groups = g;
			dk = new double[g];
			firstAtOrAfter = new int[g];
			groupEnd = new int[g];
			lastGroup = new int[n];
			int k = -1;
			for (int a = 0; a < n; a++) {
				int i = order[a];
				while (k + 1 < g && ts[k + 1] <= time[i]) {
					k++;
					firstAtOrAfter[k] = a;
				}
				lastGroup[a] = k;
				if (event[i]) dk[k] += weight;
			}
		}

		/** Σ events·η − Σ_k dk·log Σ_{risk set} q·e^η. */
		double logLik(double[] eta) {
			double[] u = riskSums(expq(eta));
			double l = 0;
			for (int i = 0; i < n; i++) l += dq[i] * eta[i];
			for (int k = 0; k < groups; k++) l -= dk[k] * Math.log(u[k]);
			return l;
		}

		double saturated() {
			double s = 0;
			for (double d : dk) if (d > 0) s -= d * Math.log(d);
			return s;
		}

		double[] expq(double[] eta) {
			double[] e = new double[n];
			for (int i = 0; i < n; i++) e[i] = q[i] * Math.exp(eta[i]);
			return e;
		}

		/** U_k = Σ over observations with time ≥ t_k of e. */
		double[] riskSums(double[] e) {
			double[] u = new double[groups];
			double h = 0;
			int a = n - 1;
			for (int k = groups - 1; k >= 0; k--) {
				while (a >= firstAtOrAfter[k]) h += e[order[a--]];
				u[k] = h;
			}
			return u;
		}

		/**
		 * glmnet's {@code outer}: gradient of the log-likelihood with respect to η (r) and the diagonal of its negative
		 * Hessian (h); returns the log-likelihood.
		 */
		double derivatives(double[] eta, double[] r, double[] h) {
			double[] e = expq(eta);
			double[] u = riskSums(e);
			double l = 0;
			for (int i = 0; i < n; i++) l += dq[i] * eta[i];
			for (int k = 0; k < groups; k++) l -= dk[k] * Math.log(u[k]);
			double b = 0, c = 0;
			int k = -1;
			for (int a = 0; a < n; a++) {
				while (k < lastGroup[a]) {
					k++;
					b += dk[k] / u[k];
					c += dk[k] / (u[k] * u[k]);
				}
				int i = order[a];
				r[i] = dq[i] - e[i] * b;
				h[i] = e[i] * (b - e[i] * c);
			}
			return l;
		}
	}

	/** One path fit: the standardised data and the coordinate-descent state. */
	private static final class Solver {
		final Family family;
		final Settings s;
		final int n, p;
		final double[][] xs; // standardised columns
		final double[] mean, sd;
		final boolean[] usable;
		final double[] y;
		final CoxRisk risk;
		final double[] eta, r, h;
		final double[] beta;
		double b0;
		double logLik0, saturated;

		Solver(double[][] x, Settings s, Family family, double[] y, double[] time, boolean[] event) {
			this.family = family;
			this.s = s;
			n = x.length;
			p = n == 0 ? 0 : x[0].length;
			this.y = y;
			xs = new double[p][n];
			mean = new double[p];
			sd = new double[p];
			usable = new boolean[p];
			for (int j = 0; j < p; j++) {
				double m = 0;
				boolean constant = true;
				for (int i = 0; i < n; i++) {
					double v = x[i][j];
					if (!Double.isFinite(v)) throw new IllegalArgumentException("feature " + (j + 1) + " row " + (i + 1) + " is not a finite number");
					m += v / n;
					constant &= v == x[0][j];
				}
				if (constant) continue; // glmnet's chkvars: coefficient 0
				double ss = 0;
				for (int i = 0; i < n; i++) {
					double d = x[i][j] - m;
					xs[j][i] = d;
					ss += d * d / n;
				}
				double sdj = Math.sqrt(ss);
				for (int i = 0; i < n; i++) xs[j][i] /= sdj;
				mean[j] = m;
				sd[j] = sdj;
				usable[j] = true;
			}
			risk = family == Family.COX ? new CoxRisk(time, event, 1.0 / n) : null;
			eta = new double[n];
			r = new double[n];
			h = new double[n];
			beta = new double[p];
		}

		/** r = gradient of (1/N)·log-likelihood wrt η, h = diagonal working weights; returns (1/N)·log-likelihood. */
		double derivatives() {
			if (family == Family.COX) return risk.derivatives(eta, r, h);
			double l = 0;
			for (int i = 0; i < n; i++) {
				double pi = 1 / (1 + Math.exp(-eta[i]));
				r[i] = (y[i] - pi) / n;
				h[i] = pi * (1 - pi) / n;
				l += (y[i] * eta[i] - log1pExp(eta[i])) / n;
			}
			return l;
		}

		static double log1pExp(double t) {
			return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
		}

		double gradient(int j) {
			double g = 0;
			double[] c = xs[j];
			for (int i = 0; i < n; i++) g += r[i] * c[i];
			return g;
		}

		Path path() {
			// null model
			if (family == Family.BINOMIAL) {
				double m = 0;
				for (double v : y) m += v / n;
				b0 = Math.log(m / (1 - m));
				Arrays.fill(eta, b0);
			}
			logLik0 = derivatives();
			saturated = family == Family.COX ? risk.saturated() : 0;
			double nullDev = 2 * (saturated - logLik0); // per-observation units for binomial; see below
			double[] g = new double[p];
			for (int j = 0; j < p; j++) g[j] = usable[j] ? Math.abs(gradient(j)) : 0;

			boolean given = s.lambda() != null;
			int nlam = given ? s.lambda().length : s.nLambda();
			double ratio = Double.isNaN(s.lambdaMinRatio()) ? (n < p ? 0.01 : 1e-4) : s.lambdaMinRatio();
			double alf = given ? 1 : Math.pow(Math.max(EPS, ratio), 1.0 / (nlam - 1));
			double lambdaMax = 0;
			for (int j = 0; j < p; j++) lambdaMax = Math.max(lambdaMax, g[j]);
			lambdaMax /= Math.max(s.alpha(), 1e-3);

			double[] lams = new double[nlam], a0 = new double[nlam], dev = new double[nlam];
			double[][] betas = new double[nlam][];
			boolean[] strong = new boolean[p];
			double al = 0, alPrev;
			int lmu = 0;
			for (int m = 0; m < nlam; m++) {
				alPrev = al;
				if (given) al = s.lambda()[m];
				else if (m == 0) al = Double.POSITIVE_INFINITY;
				else if (m == 1) {
					alPrev = lambdaMax;
					al = alf * lambdaMax;
				} else al *= alf;
				double l = solve(al, alPrev, strong, m == 0 && !given);
				lams[m] = al;
				a0[m] = b0;
				betas[m] = new double[p];
				for (int j = 0; j < p; j++) betas[m][j] = beta[j] == 0 ? 0 : beta[j] / sd[j];
				if (family == Family.BINOMIAL) {
					double shift = 0;
					for (int j = 0; j < p; j++) shift += betas[m][j] * mean[j];
					a0[m] = b0 - shift;
				}
				dev[m] = (l - logLik0) / (saturated - logLik0);
				lmu = m + 1;
				if (given || lmu < MNLAM) continue;
				if (family == Family.BINOMIAL) {
					if (dev[m] - dev[m - 1] < FDEV || dev[m] > DEVMAX) break;
					double v = 0;
					for (int i = 0; i < n; i++) v += h[i];
					if (v <= (1 + PMIN) * PMIN * (1 - PMIN)) break;
				} else {
					if ((dev[m] - dev[m - MNLAM + 1]) / dev[m] < FDEV * 100 || dev[m] > DEVMAX * 0.99 / 0.999) break;
				}
			}
			lams = Arrays.copyOf(lams, lmu);
			if (!given && lmu > 2) lams[0] = Math.exp(2 * Math.log(lams[1]) - Math.log(lams[2]));
			else if (!given) lams[0] = lambdaMax;
			return new Path(family, lams, Arrays.copyOf(a0, lmu), Arrays.copyOf(betas, lmu), Arrays.copyOf(dev, lmu), nullDev * n, mean.clone(), sd.clone());
		}

		/**
		 * Solves at λ from the current (warm) state; {@code strong} is the working set, grown until every feature meets
		 * the KKT conditions. Returns (1/N)·log-likelihood at the solution (and leaves r, h there).
		 */
		double solve(double lambda, double lambdaPrev, boolean[] strong, boolean nullPoint) {
			double l = derivatives();
			if (nullPoint || Double.isInfinite(lambda)) return l;
			double sa = s.alpha() * lambda, omal = (1 - s.alpha()) * lambda;
			// sequential strong rule for the initial working set (only a guess: the KKT check below is what holds)
			for (int j = 0; j < p; j++)
				if (usable[j] && !strong[j] && Math.abs(gradient(j)) > s.alpha() * (2 * lambda - lambdaPrev)) strong[j] = true;
			double tol = s.threshold();
			double[] v = new double[p];
			for (int pass = 0; pass < 1000; pass++) {
				// Newton iterations on the working set
				for (int it = 0; it < 10000; it++) {
					for (int j = 0; j < p; j++) if (strong[j]) {
						double vj = 0;
						double[] c = xs[j];
						for (int i = 0; i < n; i++) vj += h[i] * c[i] * c[i];
						v[j] = vj;
					}
					double hs = 0;
					if (family == Family.BINOMIAL) for (int i = 0; i < n; i++) hs += h[i];
					double[] rr = r.clone(); // working residual h·(z − η), with z the Newton response
					double[] before = beta.clone();
					double b0Before = b0;
					coordinateDescent(rr, v, hs, strong, sa, omal, tol);
					double change = 0;
					for (int j = 0; j < p; j++) if (strong[j]) change = Math.max(change, v[j] * (beta[j] - before[j]) * (beta[j] - before[j]));
					if (family == Family.BINOMIAL) change = Math.max(change, hs * (b0 - b0Before) * (b0 - b0Before));
					// new linear predictor and derivatives
					Arrays.fill(eta, b0);
					for (int j = 0; j < p; j++) if (beta[j] != 0) {
						double bj = beta[j];
						double[] c = xs[j];
						for (int i = 0; i < n; i++) eta[i] += bj * c[i];
					}
					l = derivatives();
					if (change < tol) break;
				}
				// KKT check of the features outside the working set
				boolean violated = false;
				for (int j = 0; j < p; j++)
					if (usable[j] && !strong[j] && Math.abs(gradient(j)) > sa) {
						strong[j] = true;
						violated = true;
					}
				if (!violated) break;
			}
			return l;
		}

		/** Cyclic coordinate descent on the penalised weighted least squares of one Newton step. */
		void coordinateDescent(double[] rr, double[] v, double hs, boolean[] strong, double sa, double omal, double tol) {
			boolean[] active = new boolean[p];
			int budget = MAX_SWEEPS;
			while (budget-- > 0) {
				double dli = sweepOnce(rr, v, hs, strong, sa, omal, active, true);
				if (dli < tol) return;
				// iterate on the non-zero set until it settles, then a full sweep again
				while (budget-- > 0 && sweepOnce(rr, v, hs, active, sa, omal, active, false) >= tol) {
					// next sweep
				}
			}
		}

		double sweepOnce(double[] rr, double[] v, double hs, boolean[] set, double sa, double omal, boolean[] active, boolean mark) {
			double dli = 0;
			for (int j = 0; j < p; j++) {
				if (!set[j]) continue;
				double[] c = xs[j];
				double gj = 0;
				for (int i = 0; i < n; i++) gj += rr[i] * c[i];
				double u = gj + v[j] * beta[j];
				double au = Math.abs(u);
				double bj = au > sa ? Math.signum(u) * (au - sa) / (v[j] + omal) : 0;
				if (bj != beta[j]) {
					double del = bj - beta[j];
					beta[j] = bj;
					dli = Math.max(dli, v[j] * del * del);
					for (int i = 0; i < n; i++) rr[i] -= del * h[i] * c[i];
				}
				if (mark && bj != 0) active[j] = true;
			}
			if (family == Family.BINOMIAL && hs > 0) {
				double d = 0;
				for (int i = 0; i < n; i++) d += rr[i];
				d /= hs;
				if (d != 0) {
					b0 += d;
					dli = Math.max(dli, hs * d * d);
					for (int i = 0; i < n; i++) rr[i] -= d * h[i];
				}
			}
			return dli;
		}
	}
}
