package lesionradiomics.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

/**
 * Riesz filters steered by the structure tensor (IBSI 2 tests 9.b.2 and 10.b.2 have no published map), on hand-made
 * cases. A plane wave {@code cos(2π k·x / N)} on an odd periodic grid lies on one frequency bin of the centred
 * [−1, 1] grid, so the Simoncelli wavelet multiplies it by one number H and its Riesz components are exactly
 * {@code (k_d/|k|)·H·sin(…)} (first order) and {@code −(k_d k_e/|k|²)·H·cos(…)·c_de} (second order, c = √2 off the
 * diagonal): the structure tensor is a multiple of k kᵀ, its dominant eigenvector k/|k|, and the steered component
 * along it carries all the energy whatever the wave's direction.
 */
class SteeredRieszTest {

	static final int N = 33;

	/** cos(2π k·x / N) on an N² (kz absent) or N³ grid. */
	static double[] wave(int kx, int ky, Integer kz) {
		int nz = kz == null ? 1 : N;
		double[] v = new double[N * N * nz];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < N; y++)
				for (int x = 0; x < N; x++)
					v[x + N * (y + N * z)] = Math.cos(2 * Math.PI * (kx * x + ky * y + (kz == null ? 0 : kz * z)) / N);
		return v;
	}

	static double energy(double[] v) {
		double e = 0;
		for (double x : v) e += x * x;
		return e;
	}

	static double[] apply(String spec, double[] v, boolean planar) {
		return FilterSpec.parse(spec).apply(v, new int[] { N, N, planar ? 1 : N }, new double[] { 1, 1, 1 });
	}

	/** All energy of the first-order components in the steered 100 component, none in 010, for any direction of k. */
	@ParameterizedTest
	@CsvSource({ "10,0", "0,10", "6,8", "8,-6", "-7,7" })
	void firstOrderAlongTheWaveCarriesAllTheEnergy2D(int kx, int ky) {
		double[] v = wave(kx, ky, null);
		double total = energy(apply("Simoncelli:level=1,dims=2,riesz=100", v, true)) + energy(apply("Simoncelli:level=1,dims=2,riesz=010", v, true));
		assertTrue(total > 1, "the wave is inside the band: " + total);
		double along = energy(apply("Simoncelli:level=1,dims=2,riesz=100,align=tensor,tensorsigma=2", v, true));
		double across = energy(apply("Simoncelli:level=1,dims=2,riesz=010,align=tensor,tensorsigma=2", v, true));
		assertEquals(total, along, 1e-9 * total);
		assertEquals(0, across, 1e-9 * total);
	}

	/** The same in 3D, and for the second order: all the energy in 200, none in 110 or 020. */
	@ParameterizedTest
	@CsvSource({ "0,0,4", "2,4,4", "4,-4,2" })
	void threeDimensionsAndSecondOrder(int kx, int ky, int kz) {
		double[] v = wave(kx, ky, kz);
		double first = 0, second = 0;
		for (String o : new String[] { "100", "010", "001" }) first += energy(apply("Simoncelli:level=2,riesz=" + o, v, false));
		for (String o : new String[] { "200", "020", "002", "110", "101", "011" }) second += energy(apply("Simoncelli:level=2,riesz=" + o, v, false));
		assertTrue(first > 1 && second > 1, first + " " + second);
		String t = ",align=tensor,tensorsigma=1.5";
		assertEquals(first, energy(apply("Simoncelli:level=2,riesz=100" + t, v, false)), 1e-9 * first);
		assertEquals(0, energy(apply("Simoncelli:level=2,riesz=001" + t, v, false)), 1e-9 * first);
		assertEquals(second, energy(apply("Simoncelli:level=2,riesz=200" + t, v, false)), 1e-9 * second);
		assertEquals(0, energy(apply("Simoncelli:level=2,riesz=110" + t, v, false)), 1e-9 * second);
		assertEquals(0, energy(apply("Simoncelli:level=2,riesz=020" + t, v, false)), 1e-9 * second);
	}

	/**
	 * Rotation invariance: the steered response of a wave turned by an arbitrary angle is the unturned wave's response,
	 * turned — here the wave's profile along its direction, voxel by voxel: (6, 8) and (10, 0) have the same frequency,
	 * and the steered 100 responses have the same set of values (the grid samples the two profiles at the same phases,
	 * as 6x + 8y and 10x take the same values modulo N).
	 */
	@Test
	void theSteeredResponseDoesNotDependOnTheWavesDirection() {
		double[] a = apply("Simoncelli:level=1,dims=2,riesz=100,align=tensor,tensorsigma=2", wave(10, 0, null), true);
		double[] b = apply("Simoncelli:level=1,dims=2,riesz=100,align=tensor,tensorsigma=2", wave(6, 8, null), true);
		double[] sa = a.clone(), sb = b.clone();
		for (int i = 0; i < sa.length; i++) {
			sa[i] = Math.abs(sa[i]);
			sb[i] = Math.abs(sb[i]);
		}
		java.util.Arrays.sort(sa);
		java.util.Arrays.sort(sb);
		for (int i = 0; i < sa.length; i++) assertEquals(sa[i], sb[i], 1e-9 * sa[sa.length - 1]);
		// and unlike the unsteered x component, which sees only the wave's x part
		double ux = energy(apply("Simoncelli:level=1,dims=2,riesz=100", wave(6, 8, null), true));
		assertEquals(0.36 * energy(a), ux, 1e-9 * energy(a));
	}

	/** A right-angle rotation of a non-periodic image (LoG, mirror boundary) turns the steered response with it. */
	@Test
	void rightAngleRotationOfAnImage() {
		int n = 21;
		double[] v = new double[n * n * n], t = new double[n * n * n];
		java.util.Random rnd = new java.util.Random(7);
		for (int i = 0; i < v.length; i++) v[i] = rnd.nextGaussian();
		// t(x, y, z) = v(y, n − 1 − x, z): a quarter turn about z
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) t[x + n * (y + n * z)] = v[y + n * ((n - 1 - x) + n * z)];
		int[] size = { n, n, n };
		double[] s = { 1, 1, 1 };
		for (String order : new String[] { "100", "200" }) {
			ResponseFilter f = FilterSpec.parse("RieszLoG:sigma=1.5,riesz=" + order + ",align=tensor,tensorsigma=2,boundary=mirror");
			double[] rv = f.apply(v, size, s), rt = f.apply(t, size, s);
			double max = 0;
			for (double x : rv) max = Math.max(max, Math.abs(x));
			for (int z = 0; z < n; z++)
				for (int y = 0; y < n; y++)
					for (int x = 0; x < n; x++)
						assertEquals(Math.abs(rv[y + n * ((n - 1 - x) + n * z)]), Math.abs(rt[x + n * (y + n * z)]), 1e-9 * max, order);
		}
	}

	@Test
	void theFrameDiagonalisesTheTensor() {
		double[][] m = { { 4, 1, 0.5 }, { 1, 3, 0.2 }, { 0.5, 0.2, 1 } };
		double[][] q = SteeredRiesz.frame(m);
		double prev = Double.POSITIVE_INFINITY;
		for (int c = 0; c < 3; c++) {
			double[] mv = new double[3];
			for (int i = 0; i < 3; i++)
				for (int k = 0; k < 3; k++) mv[i] += m[i][k] * q[k][c];
			double lambda = 0;
			for (int i = 0; i < 3; i++) lambda += q[i][c] * mv[i];
			for (int i = 0; i < 3; i++) assertEquals(lambda * q[i][c], mv[i], 1e-12);
			assertTrue(lambda <= prev);
			prev = lambda;
		}
	}

	@Test
	void specsRoundTripAndInvalidOnesAreOneLine() {
		for (String s : new String[] { "RieszLoG:sigma=3,riesz=100,align=tensor,tensorsigma=2", "Simoncelli:level=1,riesz=020,align=tensor,tensorsigma=1.5" }) {
			ResponseFilter f = FilterSpec.parse(s);
			assertTrue(f instanceof SteeredRiesz, s);
			assertEquals(f, FilterSpec.parse(f.spec()));
		}
		String[][] bad = { { "Simoncelli:level=1,align=tensor,tensorsigma=2", "needs a Riesz order" },
				{ "RieszLoG:sigma=3,riesz=100,align=tensor,tensorsigma=0", "tensorsigma must be > 0" },
				{ "RieszLoG:sigma=3,riesz=100,align=tensor", "setting 'tensorsigma' is required" },
				{ "RieszLoG:sigma=3,riesz=100,tensorsigma=2", "tensorsigma needs align=tensor" },
				{ "RieszLoG:sigma=3,riesz=300,align=tensor,tensorsigma=2", "orders 1 and 2" },
				{ "RieszLoG:sigma=3,riesz=100,align=gradient,tensorsigma=2", "align must be none or tensor" },
				{ "Laws:kernel=L5E5E5,align=tensor", "unknown setting 'align'" } };
		for (String[] b : bad) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterSpec.parse(b[0]), b[0]);
			assertTrue(e.getMessage().startsWith("invalid filter spec '" + b[0] + "': ") && e.getMessage().contains(b[1]), e.getMessage());
			assertFalse(e.getMessage().contains("\n"));
		}
	}
}
