package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/** The small eigenvalue solver against a hand-computed case and Commons Math's decomposition. */
class SymmetricEigenvaluesTest {

	@Test
	void twoByTwoByHand() {
		// [[2, 1], [1, 2]] has eigenvalues 1 and 3
		double[] a = { 2, 1, 1, 2 }, out = new double[2];
		new SymmetricEigenvalues(2).compute(a, 2, 2, out);
		assertArrayEquals(new double[] { 1, 3 }, out, 1e-15);
	}

	@Test
	void randomMatricesMatchCommonsMath() {
		Random random = new Random(42);
		SymmetricEigenvalues solver = new SymmetricEigenvalues(12);
		for (int trial = 0; trial < 500; trial++) {
			int n = 1 + random.nextInt(12);
			double[][] m = new double[n][n];
			for (int i = 0; i < n; i++)
				for (int j = 0; j <= i; j++) {
					// low-rank, PSD and with repeated eigenvalues too, like the MCC matrices
					double v = trial % 3 == 0 ? (i == j ? 1 : 0) : random.nextDouble();
					m[i][j] = v;
					m[j][i] = v;
				}
			if (trial % 3 == 1) m = gram(m);
			double[] expected = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
			Arrays.sort(expected);
			double[] a = new double[12 * 12], out = new double[n];
			for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i * 12 + j] = m[i][j];
			solver.compute(a, 12, n, out);
			for (int k = 0; k < n; k++) assertEquals(expected[k], out[k], 1e-12 * Math.max(1, Math.abs(expected[n - 1])), "trial " + trial);
		}
	}

	@Test
	void deflatedSpectrumMatchesCommonsMath() {
		// A = D^-½ P D^-½ of random symmetric count matrices (glcm's MCC): eigenvalue 1 with eigenvector √px; the others
		// from the deflated problem must be Commons Math's full spectrum without one 1
		Random random = new Random(7);
		SymmetricEigenvalues solver = new SymmetricEigenvalues(12);
		for (int trial = 0; trial < 500; trial++) {
			int n = 1 + random.nextInt(12);
			double[][] p = new double[n][n];
			double total = 0;
			for (int i = 0; i < n; i++)
				for (int j = 0; j <= i; j++) {
					double v = i == j || random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 0;
					p[i][j] = v;
					p[j][i] = v;
					total += i == j ? v : 2 * v;
				}
			double[] px = new double[n], x = new double[n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) px[i] += p[i][j] / total;
				x[i] = Math.sqrt(px[i]);
			}
			double[][] m = new double[n][n];
			double[] a = new double[12 * 12], out = new double[n];
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++) {
					m[i][j] = p[i][j] / total / Math.sqrt(px[i] * px[j]);
					if (j <= i) a[i * 12 + j] = m[i][j];
				}
			double[] expected = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
			Arrays.sort(expected);
			assertEquals(1, expected[n - 1], 1e-12, "trial " + trial);
			solver.computeOthers(a, 12, n, x, out);
			Arrays.sort(out, 0, n - 1);
			for (int k = 0; k < n - 1; k++) assertEquals(expected[k], out[k], 1e-12, "trial " + trial);
		}
	}

	private static double[][] gram(double[][] m) {
		int n = m.length;
		double[][] g = new double[n][n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
				for (int k = 0; k < n / 2 + 1; k++) g[i][j] += m[i][k] * m[j][k];
		return g;
	}
}
