package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link LocalIntensity}'s peaks against a brute-force recomputation (every voxel of the box tested against the sphere,
 * summed in (dz, dy, dx) order), bit for bit: integer images (prefix-sum runs, unclipped in the interior box) and
 * fractional ones (direct sums), masks in the middle of the box and touching its faces (clipped windows), isotropic
 * and anisotropic spacings.
 */
class LocalIntensityTest {

	private static double[] bruteForce(int[] s, double[] sp, double[] v, boolean[] m) {
		double r2 = LocalIntensity.RADIUS_MM * LocalIntensity.RADIUS_MM, max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < v.length; i++) if (m[i]) max = Math.max(max, v[i]);
		double local = Double.NEGATIVE_INFINITY, global = Double.NEGATIVE_INFINITY;
		for (int z = 0; z < s[2]; z++)
			for (int y = 0; y < s[1]; y++)
				for (int x = 0; x < s[0]; x++) {
					int i = x + s[0] * (y + s[1] * z);
					if (!m[i]) continue;
					double sum = 0;
					int n = 0;
					for (int zz = 0; zz < s[2]; zz++)
						for (int yy = 0; yy < s[1]; yy++)
							for (int xx = 0; xx < s[0]; xx++) {
								double dx = (xx - x) * sp[0], dy = (yy - y) * sp[1], dz = (zz - z) * sp[2];
								if (dx * dx + dy * dy + dz * dz > r2) continue;
								sum += v[xx + s[0] * (yy + s[1] * zz)];
								n++;
							}
					double mean = sum / n;
					global = Math.max(global, mean);
					if (v[i] == max) local = Math.max(local, mean);
				}
		return new double[] { local, global };
	}

	@Test
	void peaksAsTheBruteForceMeans() {
		SplittableRandom r = new SplittableRandom(3);
		double[][] spacings = { { 2, 2, 2 }, { 0.78, 0.78, 2.5 }, { 1.5, 1, 3 } };
		int cases = 0;
		for (double[] sp : spacings)
			for (int k = 0; k < 6; k++) {
				boolean integers = k % 2 == 0, atFace = k >= 4;
				int[] s = { 14 + r.nextInt(6), 14 + r.nextInt(6), 6 + r.nextInt(4) };
				int n = s[0] * s[1] * s[2];
				double[] v = new double[n];
				boolean[] m = new boolean[n];
				for (int i = 0; i < n; i++) v[i] = integers ? r.nextInt(-100, 200) : r.nextDouble(-100, 200);
				// a blob in the middle of the box, or reaching the box's faces (x = 0, z = nz − 1)
				double[] c = atFace ? new double[] { 0, s[1] / 2.0, s[2] - 1 } : new double[] { s[0] / 2.0, s[1] / 2.0, s[2] / 2.0 };
				for (int z = 0; z < s[2]; z++)
					for (int y = 0; y < s[1]; y++)
						for (int x = 0; x < s[0]; x++) {
							double d = Math.hypot(Math.hypot((x - c[0]) * sp[0], (y - c[1]) * sp[1]), (z - c[2]) * sp[2]);
							m[x + s[0] * (y + s[1] * z)] = d < 5 && r.nextDouble() < 0.9;
						}
				m[(int) c[0] + s[0] * ((int) c[1] + s[1] * (int) c[2])] = true;
				LocalIntensity li = new LocalIntensity(s, sp, v, m);
				double[] expected = bruteForce(s, sp, v, m);
				String what = (integers ? "integer" : "fractional") + (atFace ? " at a face" : " inside") + ", spacing " + java.util.Arrays.toString(sp);
				assertEquals(expected[0], li.localIntensityPeak(), 0, "local peak, " + what);
				assertEquals(expected[1], li.globalIntensityPeak(), 0, "global peak, " + what);
				cases++;
			}
		assertEquals(18, cases);
	}

	@Test
	void aFlatImageHasItsValueAsBothPeaks() {
		int[] s = { 20, 20, 10 };
		double[] v = new double[4000];
		java.util.Arrays.fill(v, 42);
		boolean[] m = new boolean[4000];
		m[10 + 20 * (10 + 20 * 5)] = true;
		m[0] = true;
		LocalIntensity li = new LocalIntensity(s, new double[] { 1, 1, 1 }, v, m);
		assertEquals(42, li.localIntensityPeak(), 0);
		assertEquals(42, li.globalIntensityPeak(), 0);
	}
}
