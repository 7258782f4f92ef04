package lesionradiomics.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Cross-validated λ as R's {@code cv.glmnet} 4.1 computes it with given fold ids: the path fitted on all rows gives
 * the λ sequence; each fold's path is fitted on the other folds with its own λ sequence and evaluated at the full
 * path's λ by glmnet's linear interpolation of coefficients ({@code alignment = "lambda"}); the error is the deviance:
 * <ul>
 * <li>binomial: −2·log-likelihood per held-out row, probabilities clamped to [1e-5, 1 − 1e-5]; grouped (default):
 * the mean per fold, then the fold means averaged with the fold sizes as weights and their weighted SD / √(K − 1);
 * ungrouped (forced by glmnet when N/K &lt; 3): the rows' mean and SD / √(N − 1);</li>
 * <li>Cox, grouped (default; Verweij &amp; van Houwelingen 1993): for fold k, the partial-likelihood deviance on all
 * rows minus that on the training rows, divided by the fold's event count, averaged with the event counts as
 * weights; ungrouped: the deviance of the held-out rows alone per event.</li>
 * </ul>
 * λ.min is the largest λ at the minimum error, λ.1se the largest λ whose error is within one SE of it
 * ({@code getOptcv.glmnet}).
 */
public final class ElasticNetCv {

	/**
	 * @param fit       the path on all rows
	 * @param cvm       mean CV error per λ of the path
	 * @param cvsd      its standard error
	 * @param indexMin  index of λ.min
	 * @param index1se  index of λ.1se
	 * @param grouped   whether the grouped error was used
	 */
	public record Result(ElasticNet.Path fit, double[] cvm, double[] cvsd, int indexMin, int index1se, boolean grouped, List<ElasticNet.Path> folds) {
		public double lambdaMin() { return fit.lambda()[indexMin]; }
		public double lambda1se() { return fit.lambda()[index1se]; }
	}

	private ElasticNetCv() {}

	/** Fold ids 1..K, one per row, as a seeded random assignment balanced like R's {@code sample(rep(1:K, length = N))}. */
	public static int[] folds(int n, int k, java.util.SplittableRandom random) {
		int[] f = new int[n];
		for (int i = 0; i < n; i++) f[i] = i % k + 1;
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = f[i];
			f[i] = f[j];
			f[j] = t;
		}
		return f;
	}

	public static Result binomial(double[][] x, boolean[] y, int[] foldId, ElasticNet.Settings s, boolean grouped, int threads) {
		ElasticNet.Path full = ElasticNet.binomial(x, y, s);
		int n = x.length, k = checkFolds(foldId, n);
		List<ElasticNet.Path> fits = foldFits(k, threads, f -> {
			List<Integer> train = rows(foldId, f, false);
			double[][] xt = new double[train.size()][];
			boolean[] yt = new boolean[train.size()];
			for (int a = 0; a < train.size(); a++) {
				xt[a] = x[train.get(a)];
				yt[a] = y[train.get(a)];
			}
			try {
				return ElasticNet.binomial(xt, yt, s);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("fold " + f + " training rows: " + e.getMessage(), e);
			}
		});
		int nl = full.size();
		double[][] dev = new double[n][nl];
		for (int f = 1; f <= k; f++) {
			ElasticNet.Path fp = fits.get(f - 1);
			for (int l = 0; l < nl; l++) {
				double[] c = fp.coefficientsAt(full.lambda()[l]);
				for (int i = 0; i < n; i++) {
					if (foldId[i] != f) continue;
					double eta = c[0];
					for (int j = 0; j < x[i].length; j++) eta += c[j + 1] * x[i][j];
					double pr = 1 / (1 + Math.exp(-eta));
					pr = Math.min(Math.max(pr, ElasticNet.PMIN), 1 - ElasticNet.PMIN);
					dev[i][l] = -2 * (y[i] ? Math.log(pr) : Math.log(1 - pr));
				}
			}
		}
		if (grouped && (double) n / k < 3) grouped = false; // glmnet: "grouped=FALSE enforced ... < 3 observations per fold"
		double[] cvm = new double[nl], cvsd = new double[nl];
		for (int l = 0; l < nl; l++) {
			if (grouped) {
				double[] m = new double[k], w = new double[k];
				for (int i = 0; i < n; i++) {
					m[foldId[i] - 1] += dev[i][l];
					w[foldId[i] - 1]++;
				}
				for (int f = 0; f < k; f++) m[f] /= w[f];
				weighted(m, w, k, cvm, cvsd, l);
			} else {
				double[] m = new double[n], w = new double[n];
				for (int i = 0; i < n; i++) {
					m[i] = dev[i][l];
					w[i] = 1;
				}
				weighted(m, w, n, cvm, cvsd, l);
			}
		}
		return optimum(full, cvm, cvsd, grouped, fits);
	}

	public static Result cox(double[][] x, double[] time, boolean[] event, int[] foldId, ElasticNet.Settings s, boolean grouped, int threads) {
		ElasticNet.Path full = ElasticNet.cox(x, time, event, s);
		int n = x.length, k = checkFolds(foldId, n);
		List<ElasticNet.Path> fits = foldFits(k, threads, f -> {
			List<Integer> train = rows(foldId, f, false);
			double[][] xt = new double[train.size()][];
			double[] tt = new double[train.size()];
			boolean[] et = new boolean[train.size()];
			for (int a = 0; a < train.size(); a++) {
				xt[a] = x[train.get(a)];
				tt[a] = time[train.get(a)];
				et[a] = event[train.get(a)];
			}
			try {
				return ElasticNet.cox(xt, tt, et, s);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("fold " + f + " training rows: " + e.getMessage(), e);
			}
		});
		// glmnet: grouped=TRUE is enforced below 10 rows per fold
		if (!grouped && (double) n / k < 10) grouped = true;
		int nl = full.size();
		double[][] raw = new double[k][nl];
		double[] events = new double[k];
		for (int i = 0; i < n; i++) if (event[i]) events[foldId[i] - 1]++;
		for (int f = 1; f <= k; f++) {
			if (events[f - 1] == 0) throw new IllegalArgumentException("fold " + f + " has no events: its partial-likelihood deviance per event is undefined");
			List<Integer> train = rows(foldId, f, false), test = rows(foldId, f, true);
			ElasticNet.Path fp = fits.get(f - 1);
			for (int l = 0; l < nl; l++) {
				double[] c = fp.coefficientsAt(full.lambda()[l]);
				double[] eta = new double[n];
				for (int i = 0; i < n; i++) for (int j = 0; j < x[i].length; j++) eta[i] += c[j + 1] * x[i][j];
				double value;
				if (grouped) value = deviance(time, event, eta, null) - deviance(time, event, eta, train);
				else value = deviance(time, event, eta, test);
				raw[f - 1][l] = value / events[f - 1];
			}
		}
		double[] cvm = new double[nl], cvsd = new double[nl];
		for (int l = 0; l < nl; l++) {
			double[] m = new double[k];
			for (int f = 0; f < k; f++) m[f] = raw[f][l];
			weighted(m, events, k, cvm, cvsd, l);
		}
		return optimum(full, cvm, cvsd, grouped, fits);
	}

	private static double deviance(double[] time, boolean[] event, double[] eta, List<Integer> rows) {
		if (rows == null) return ElasticNet.coxDeviance(time, event, eta);
		double[] t = new double[rows.size()], e = new double[rows.size()];
		boolean[] d = new boolean[rows.size()];
		for (int a = 0; a < rows.size(); a++) {
			t[a] = time[rows.get(a)];
			d[a] = event[rows.get(a)];
			e[a] = eta[rows.get(a)];
		}
		return ElasticNet.coxDeviance(t, d, e);
	}

	/** cvstats: weighted mean and sqrt(weighted mean of squared deviations / (N − 1)). */
	private static void weighted(double[] m, double[] w, int count, double[] cvm, double[] cvsd, int l) {
		double sw = 0, s = 0;
		for (int f = 0; f < m.length; f++) {
			s += w[f] * m[f];
			sw += w[f];
		}
		double mean = s / sw, ss = 0;
		for (int f = 0; f < m.length; f++) ss += w[f] * (m[f] - mean) * (m[f] - mean);
		cvm[l] = mean;
		cvsd[l] = Math.sqrt(ss / sw / (count - 1));
	}

	private static Result optimum(ElasticNet.Path full, double[] cvm, double[] cvsd, boolean grouped, List<ElasticNet.Path> fits) {
		double[] lam = full.lambda();
		double min = Double.POSITIVE_INFINITY;
		for (double c : cvm) if (c < min) min = c;
		int iMin = -1;
		for (int l = 0; l < lam.length; l++) if (cvm[l] <= min && (iMin < 0 || lam[l] > lam[iMin])) iMin = l;
		double se = cvm[iMin] + cvsd[iMin];
		int i1 = -1;
		for (int l = 0; l < lam.length; l++) if (cvm[l] <= se && (i1 < 0 || lam[l] > lam[i1])) i1 = l;
		return new Result(full, cvm, cvsd, iMin, i1, grouped, List.copyOf(fits));
	}

	private static int checkFolds(int[] foldId, int n) {
		if (foldId.length != n) throw new IllegalArgumentException("fold ids: " + foldId.length + " for " + n + " rows");
		int k = 0;
		for (int f : foldId) k = Math.max(k, f);
		if (k < 3) throw new IllegalArgumentException("cross-validation needs at least 3 folds (glmnet), has " + k);
		boolean[] seen = new boolean[k + 1];
		for (int f : foldId) {
			if (f < 1) throw new IllegalArgumentException("fold ids must be 1.." + k + ", found " + f);
			seen[f] = true;
		}
		for (int f = 1; f <= k; f++) if (!seen[f]) throw new IllegalArgumentException("fold " + f + " is empty");
		return k;
	}

	private static List<Integer> rows(int[] foldId, int f, boolean in) {
		List<Integer> out = new ArrayList<>();
		for (int i = 0; i < foldId.length; i++) if ((foldId[i] == f) == in) out.add(i);
		return out;
	}

	/** Fits the folds, on {@code threads} threads; the result does not depend on the thread count. */
	private static List<ElasticNet.Path> foldFits(int k, int threads, java.util.function.IntFunction<ElasticNet.Path> fit) {
		return Parallel.map(k, threads, f -> fit.apply(f + 1));
	}
}
