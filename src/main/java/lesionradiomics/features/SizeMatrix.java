package lesionradiomics.features;

/**
 * A grey level × size count matrix P(i, j), the shape shared by GLSZM (zone sizes), GLRLM (run lengths) and GLDM
 * (dependence counts), with the feature formulas they share in pyradiomics. Rows are the present grey levels (values
 * {@code i}); columns the sizes that occur (values {@code j}); empty columns are dropped as pyradiomics drops them.
 * {@code total} is the normaliser Nz (number of zones, runs or voxels).
 */
final class SizeMatrix {

	final double[] i;
	final double[] j;
	final double[][] p;
	final double total;
	final double[] pg;
	final double[] ps;

	/** {@code counts[row][size - 1]} for sizes 1..; columns that are empty everywhere are removed. */
	SizeMatrix(double[] grayLevels, double[][] counts) {
		this(grayLevels, counts, counts.length, counts.length == 0 ? 0 : counts[0].length);
	}

	/**
	 * The leading {@code rows} × {@code cols} block of {@code counts} (a buffer reused by the caller; copied here).
	 *
	 * @param grayLevels row labels, kept (not copied): the caller must not change them
	 */
	SizeMatrix(double[] grayLevels, double[][] counts, int rows, int cols) {
		boolean[] used = new boolean[cols];
		int nUsed = 0;
		for (int c = 0; c < cols; c++) {
			for (int r = 0; r < rows; r++)
				if (counts[r][c] != 0) {
					used[c] = true;
					break;
				}
			if (used[c]) nUsed++;
		}
		i = grayLevels;
		j = new double[nUsed];
		p = new double[rows][nUsed];
		for (int c = 0, k = 0; c < cols; c++)
			if (used[c]) {
				j[k] = c + 1;
				for (int r = 0; r < rows; r++) p[r][k] = counts[r][c];
				k++;
			}
		pg = new double[rows];
		ps = new double[nUsed];
		double t = 0;
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < nUsed; c++) {
				pg[r] += p[r][c];
				ps[c] += p[r][c];
				t += p[r][c];
			}
		total = t;
	}

	/** The weighted sum of several matrices over the same grey levels (pyradiomics' distance weighting). */
	static double[][] weightedSum(double[][][] counts, double[] weights) {
		double[][] out = new double[counts[0].length][counts[0][0].length];
		for (int a = 0; a < counts.length; a++)
			for (int r = 0; r < out.length; r++)
				for (int c = 0; c < out[r].length; c++) out[r][c] += weights[a] * counts[a][r][c];
		return out;
	}

	private double norm() { return total == 0 ? Double.NaN : total; }

	double smallEmphasis() {
		double s = 0;
		for (int c = 0; c < j.length; c++) s += ps[c] / (j[c] * j[c]);
		return s / norm();
	}

	double largeEmphasis() {
		double s = 0;
		for (int c = 0; c < j.length; c++) s += ps[c] * j[c] * j[c];
		return s / norm();
	}

	double grayLevelNonUniformity() {
		double s = 0;
		for (double v : pg) s += v * v;
		return s / norm();
	}

	double grayLevelNonUniformityNormalized() {
		double s = 0;
		for (double v : pg) s += v * v;
		return s / (norm() * norm());
	}

	double sizeNonUniformity() {
		double s = 0;
		for (double v : ps) s += v * v;
		return s / norm();
	}

	double sizeNonUniformityNormalized() {
		double s = 0;
		for (double v : ps) s += v * v;
		return s / (norm() * norm());
	}

	double grayLevelVariance() {
		double mu = 0;
		for (int r = 0; r < i.length; r++) mu += pg[r] / norm() * i[r];
		double s = 0;
		for (int r = 0; r < i.length; r++) s += pg[r] / norm() * (i[r] - mu) * (i[r] - mu);
		return s;
	}

	double sizeVariance() {
		double mu = 0;
		for (int c = 0; c < j.length; c++) mu += ps[c] / norm() * j[c];
		double s = 0;
		for (int c = 0; c < j.length; c++) s += ps[c] / norm() * (j[c] - mu) * (j[c] - mu);
		return s;
	}

	double entropy() {
		double n = norm();
		if (Double.isNaN(n)) return Double.NaN;
		double s = 0;
		for (double[] row : p)
			for (double v : row) {
				if (v == 0) continue; // 0·log2(eps) adds nothing: no logarithm for the (many) empty cells
				double q = v / n;
				s -= q * TextureGrid.log2(q);
			}
		return s;
	}

	double lowGrayLevelEmphasis() {
		double s = 0;
		for (int r = 0; r < i.length; r++) s += pg[r] / (i[r] * i[r]);
		return s / norm();
	}

	double highGrayLevelEmphasis() {
		double s = 0;
		for (int r = 0; r < i.length; r++) s += pg[r] * i[r] * i[r];
		return s / norm();
	}

	/** Σ P(i,j)·i^gi·j^sj / Nz, for the four combined emphases (exponents ±2 only). */
	double jointEmphasis(int grayExponent, int sizeExponent) {
		double s = 0;
		for (int r = 0; r < i.length; r++)
			for (int c = 0; c < j.length; c++)
				if (p[r][c] != 0) s += p[r][c] * square(i[r], grayExponent) * square(j[c], sizeExponent);
		return s / norm();
	}

	/** x² or x⁻² (Math.pow is slow, and these are the only exponents). */
	private static double square(double x, int exponent) {
		return exponent == 2 ? x * x : 1 / (x * x);
	}
}
