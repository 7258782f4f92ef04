package lesionradiomics.outcome;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The log-rank test as R's {@code survival::survdiff} (rho = 0): observed and expected events per group summed over
 * the distinct event times (and over strata when given), the hypergeometric variance, chi² = (O − E)' V⁻ (O − E) on
 * the groups but one, df = groups − 1.
 *
 * @param observed events per group
 * @param expected expected events per group
 */
public record LogRank(String[] groups, double[] observed, double[] expected, double chiSquare, int df, double pValue) {

	/**
	 * @param group  each subject's group
	 * @param strata each subject's stratum, or null
	 */
	public static LogRank test(double[] time, boolean[] event, String[] group, String[] strata) {
		String[] names = java.util.Arrays.stream(group).distinct().sorted().toArray(String[]::new);
		int g = names.length, n = time.length;
		if (g < 2) throw new IllegalArgumentException("the log-rank test needs at least 2 groups, found " + g);
		int[] gi = new int[n];
		for (int i = 0; i < n; i++) gi[i] = java.util.Arrays.asList(names).indexOf(group[i]);
		double[] o = new double[g], e = new double[g];
		double[][] v = new double[g][g];
		String[] strataNames = strata == null ? new String[] { "" } : java.util.Arrays.stream(strata).distinct().toArray(String[]::new);
		for (String s : strataNames) {
			java.util.List<Integer> members = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) if (strata == null || strata[i].equals(s)) members.add(i);
			members.sort((a, b) -> Double.compare(time[a], time[b]));
			int m = members.size();
			for (int k = 0; k < m;) {
				double t = time[members.get(k)];
				int j = k;
				double d = 0;
				double[] dg = new double[g];
				for (; j < m && time[members.get(j)] == t; j++)
					if (event[members.get(j)]) {
						d++;
						dg[gi[members.get(j)]]++;
					}
				if (d > 0) {
					double[] ng = new double[g];
					for (int r = k; r < m; r++) ng[gi[members.get(r)]]++;
					double nt = m - k;
					for (int a = 0; a < g; a++) {
						o[a] += dg[a];
						e[a] += ng[a] * d / nt;
						if (nt > 1)
							for (int b = 0; b < g; b++)
								v[a][b] += d * (nt - d) / (nt * nt * (nt - 1)) * ng[a] * ((a == b ? nt : 0) - ng[b]);
					}
				}
				k = j;
			}
		}
		int df = -1;
		for (int a = 0; a < g; a++) if (v[a][a] > 0) df++;
		double[] diff = new double[g - 1];
		double[][] vv = new double[g - 1][g - 1];
		for (int a = 0; a < g - 1; a++) {
			diff[a] = o[a] - e[a];
			for (int b = 0; b < g - 1; b++) vv[a][b] = v[a][b];
		}
		double chi2;
		if (df < 1) chi2 = Double.NaN;
		else {
			RealMatrix inv = new LUDecomposition(MatrixUtils.createRealMatrix(vv)).getSolver().getInverse();
			chi2 = MatrixUtils.createRealVector(diff).dotProduct(inv.operate(MatrixUtils.createRealVector(diff)));
		}
		double p = df < 1 ? Double.NaN : ChiSquaredDistribution.of(df).survivalProbability(chi2);
		return new LogRank(names, o, e, chi2, df, p);
	}
}
