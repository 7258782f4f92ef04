package lesionradiomics.analysis;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/** Correlation matrices of feature columns (Apache Commons Math): Pearson, or Spearman with average ranks for ties. */
public final class Correlation {

	public enum Method { PEARSON, SPEARMAN;
		public static Method parse(String s) {
			for (Method m : values()) if (m.name().equalsIgnoreCase(s.trim())) return m;
			throw new IllegalArgumentException("unknown correlation '" + s + "' (use pearson or spearman)");
		}
	}

	private Correlation() {}

	/** r between every pair of columns; NaN where a column is constant. The diagonal is 1. */
	public static double[][] matrix(FeatureMatrix m, Method method) {
		int k = m.columns();
		double[][] cols = new double[k][];
		for (int c = 0; c < k; c++) cols[c] = m.column(c);
		double[][] r = new double[k][k];
		for (int i = 0; i < k; i++) {
			r[i][i] = 1;
			for (int j = i + 1; j < k; j++) {
				double v = m.rows() < 2 ? Double.NaN
						: method == Method.PEARSON ? new PearsonsCorrelation().correlation(cols[i], cols[j])
								: new SpearmansCorrelation().correlation(cols[i], cols[j]);
				r[i][j] = r[j][i] = v;
			}
		}
		return r;
	}
}
