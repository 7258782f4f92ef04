package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Moran's I and Geary's C by either route (direct pair sums, FFT) equal the textbook double sum over voxel pairs. */
class SpatialAutocorrelationTest {

	@Test
	void bothRoutesEqualThePairSums() {
		// x and y: 2n − 1 = 13, 9 padded to 15, 9 (radices 3, 5); 25, 21: 25, 24 (5; 4, 2, 3); z unpadded, its lag sum
		// over 4, 6, 1 and 11 slices
		check(new int[] { 7, 5, 4 }, new double[] { 0.8, 1.1, 2.5 }, 24);
		check(new int[] { 13, 11, 6 }, new double[] { 0.78, 0.78, 2.5 }, 7);
		check(new int[] { 1, 9, 1 }, new double[] { 1, 2, 3 }, 3);
		check(new int[] { 4, 3, 11 }, new double[] { 1, 1, 0.7 }, 11);
	}

	private static void check(int[] size, double[] spacing, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int n = size[0] * size[1] * size[2];
		boolean[] mask = new boolean[n];
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			mask[i] = random.nextDouble() < 0.7;
			v[i] = Math.rint(random.nextDouble() * 100 - 40) + (i % 3) * 7;
		}
		double[][] p = new double[n][];
		double mean = 0;
		int m = 0;
		for (int z = 0, i = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++, i++)
					if (mask[i]) {
						p[i] = new double[] { x * spacing[0], y * spacing[1], z * spacing[2] };
						mean += v[i];
						m++;
					}
		mean /= m;
		double sw = 0, num = 0, numC = 0, den = 0;
		for (int i = 0; i < n; i++) {
			if (!mask[i]) continue;
			den += (v[i] - mean) * (v[i] - mean);
			for (int j = 0; j < n; j++) {
				if (!mask[j] || i == j) continue;
				double w = 1 / Math.sqrt(Math.pow(p[i][0] - p[j][0], 2) + Math.pow(p[i][1] - p[j][1], 2) + Math.pow(p[i][2] - p[j][2], 2));
				sw += w;
				num += w * (v[i] - mean) * (v[j] - mean);
				numC += w * (v[i] - v[j]) * (v[i] - v[j]);
			}
		}
		double moran = m / sw * num / den, geary = (m - 1) / (2 * sw) * numC / den;
		for (SpatialAutocorrelation.Route route : SpatialAutocorrelation.Route.values()) {
			SpatialAutocorrelation s = new SpatialAutocorrelation(size, spacing, mask, v, route);
			assertEquals(moran, s.moransI, 1e-10 * Math.max(1, Math.abs(moran)), route.toString());
			assertEquals(geary, s.gearysC, 1e-10 * Math.max(1, Math.abs(geary)), route.toString());
		}
	}
}
