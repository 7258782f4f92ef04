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
	final double total;
	final double[] pg;
	final double[] ps;
	/** The features that need every cell, found in one pass over the non-empty cells (the matrix is not kept). */
	private final double entropy, lowLow, highLow, lowHigh, highHigh;

	/** {@code counts[row][size - 1]} for sizes 1..; columns that are empty everywhere are removed. */
	SizeMatrix(double[] grayLevels, double[][] counts) {
		this(grayLevels, counts, counts.length, counts.length == 0 ? 0 : counts[0].length);
	}

	/**
	 * The leading {@code rows} × {@code cols} block of {@code counts} (a buffer the caller may reuse afterwards).
	 *
	 * @param grayLevels row labels, kept (not copied): the caller must not change them
	 */
	SizeMatrix(double[] grayLevels, double[][] counts, int rows, int cols) {
		i = grayLevels;
		pg = new double[rows];
		double[] bySize = new double[cols];
		double t = 0;
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < cols; c++) {
				double v = counts[r][c];
				if (v == 0) continue;
				pg[r] += v;
				bySize[c] += v;
				t += v;
			}
		total = t;
		int nUsed = 0;
		for (double v : bySize) if (v != 0) nUsed++;
		j = new double[nUsed];
		ps = new double[nUsed];
		for (int c = 0, k = 0; c < cols; c++)
			if (bySize[c] != 0) {
				j[k] = c + 1;
				ps[k++] = bySize[c];
			}
		double n = norm(), h = 0, ll = 0, hl = 0, lh = 0, hh = 0;
		for (int r = 0; r < rows; r++) {
			double ii = i[r] * i[r];
			for (int c = 0; c < cols; c++) {
				double v = counts[r][c];
				if (v == 0) continue; // 0·log2(eps) adds nothing: no logarithm for the (many) empty cells
				double q = v / n, jj = (double) (c + 1) * (c + 1);
				h -= q * TextureGrid.log2(q);
				ll += v * (1 / ii) * (1 / jj); // small size (run, zone, dependence), low grey level: i⁻² j⁻²
				hl += v * ii * (1 / jj);
				lh += v * (1 / ii) * jj;
				hh += v * ii * jj;
			}
		}
		entropy = Double.isNaN(n) ? Double.NaN : h;
		lowLow = ll;
		highLow = hl;
		lowHigh = lh;
		highHigh = hh;
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

	double entropy() { return entropy; }

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
		double s = grayExponent < 0 ? (sizeExponent < 0 ? lowLow : lowHigh) : (sizeExponent < 0 ? highLow : highHigh);
		return s / norm();
	}
}
