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

	/**
	 * A = Q diag(1, λ₂ … λₙ) Qᵀ with Q orthogonal and Q e₁ = ∓x (x a random unit vector with x₀ ≥ 0): the spectrum
	 * besides x's eigenvalue 1 is known beforehand, so the bisection is checked against values no solver computed —
	 * negative ones larger in magnitude than every positive one, repeated ones (±1 too), zeros (rank-deficient) and
	 * all-equal spectra, whose tridiagonal form has zero couplings.
	 */
	@Test
	void largestOtherMagnitudeOfKnownSpectra() {
		Random random = new Random(11);
		int max = 40;
		SymmetricEigenvalues solver = new SymmetricEigenvalues(max);
		for (int trial = 0; trial < 2000; trial++) {
			int n = 2 + random.nextInt(trial < 1000 ? 10 : max - 1);
			double[] lambda = new double[n];
			lambda[0] = 1;
			int kind = trial % 6;
			for (int k = 1; k < n; k++)
				lambda[k] = switch (kind) {
				case 0 -> 2 * random.nextDouble() - 1; // anywhere in [-1, 1]
				case 1 -> random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.3; // many zeros
				case 2 -> k == 1 ? -0.9 : random.nextDouble() * 0.5; // the negative end wins
				case 3 -> 0.25; // all equal
				case 4 -> k % 2 == 0 ? 1 : -1; // ±1, repeated (disconnected or bipartite co-occurrence)
				default -> 0; // rank one
				};
			double expected = 0;
			for (int k = 1; k < n; k++) expected = Math.max(expected, Math.abs(lambda[k]));
			double[] x = randomUnit(random, n);
			double[][] m = withSpectrum(random, x, lambda);
			double[] a = new double[max * max];
			for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i * max + j] = m[i][j];
			double actual = solver.largestOtherMagnitude(a, max, n, x);
			assertEquals(expected, actual, 1e-14, "trial " + trial + " n " + n + " kind " + kind);
		}
	}

	@Test
	void largestOtherMagnitudeMatchesCommonsMathOnGlcmMatrices() {
		// A = D^-½ P D^-½ of random symmetric count matrices, some block-diagonal (two grey-level groups that never meet)
		// and some diagonal (each level next to itself only: the deflated matrix's columns vanish in the reduction)
		Random random = new Random(5);
		int max = 60;
		SymmetricEigenvalues solver = new SymmetricEigenvalues(max);
		for (int trial = 0; trial < 600; trial++) {
			int n = 2 + random.nextInt(max - 1);
			int kind = trial % 4;
			double[][] p = new double[n][n];
			double total = 0;
			for (int i = 0; i < n; i++)
				for (int j = 0; j <= i; j++) {
					boolean apart = kind == 1 && (i < n / 2) != (j < n / 2);
					double v = i == j ? 1 + random.nextInt(9) : kind == 2 || apart || random.nextInt(4) != 0 ? 0 : 1 + random.nextInt(50);
					if (kind == 3 && i != j) v = random.nextInt(20) == 0 ? 1e-9 : v; // tiny couplings
					p[i][j] = v;
					p[j][i] = v;
					total += i == j ? v : 2 * v;
				}
			double[] px = new double[n], x = new double[n];
			double norm = 0;
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) px[i] += p[i][j] / total;
				norm += px[i];
			}
			for (int i = 0; i < n; i++) x[i] = Math.sqrt(px[i]) / Math.sqrt(norm);
			double[][] m = new double[n][n];
			double[] a = new double[max * max];
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++) {
					m[i][j] = p[i][j] / total / Math.sqrt(px[i] * px[j]);
					if (j <= i) a[i * max + j] = m[i][j];
				}
			double[] all = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
			// drop one eigenvalue 1 (x's), keep the largest magnitude of the rest
			Arrays.sort(all);
			assertEquals(1, all[n - 1], 1e-12, "trial " + trial);
			double expected = 0;
			for (int k = 0; k < n - 1; k++) expected = Math.max(expected, Math.abs(all[k]));
			double actual = solver.largestOtherMagnitude(a, max, n, x);
			assertEquals(expected, actual, 1e-12, "trial " + trial + " n " + n + " kind " + kind);
		}
	}

	private static double[] randomUnit(Random random, int n) {
		double[] x = new double[n];
		double norm = 0;
		for (int i = 0; i < n; i++) {
			x[i] = random.nextDouble() + 0.01;
			norm += x[i] * x[i];
		}
		for (int i = 0; i < n; i++) x[i] /= Math.sqrt(norm);
		return x;
	}

	/** Q diag(λ) Qᵀ, Q = H G: H the reflection taking e₁ to -x, G a random reflection that keeps e₁. */
	private static double[][] withSpectrum(Random random, double[] x, double[] lambda) {
		int n = x.length;
		double[][] q = new double[n][n];
		double[] v = x.clone();
		v[0] += 1;
		double[] g = new double[n];
		for (int i = 1; i < n; i++) g[i] = random.nextDouble() - 0.5;
		double vv = 0, gg = 0;
		for (int i = 0; i < n; i++) {
			vv += v[i] * v[i];
			gg += g[i] * g[i];
		}
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) {
				// (H G)_ij = Σ_k H_ik G_kj
				double s = 0;
				for (int k = 0; k < n; k++) {
					double h = (i == k ? 1 : 0) - 2 * v[i] * v[k] / vv;
					double gk = (k == j ? 1 : 0) - (gg == 0 ? 0 : 2 * g[k] * g[j] / gg);
					s += h * gk;
				}
				q[i][j] = s;
			}
		double[][] m = new double[n][n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) {
				double s = 0;
				for (int k = 0; k < n; k++) s += q[i][k] * lambda[k] * q[j][k];
				m[i][j] = s;
			}
		return m;
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
