package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Moran's I and Geary's C by FFT equal the textbook double sum over voxel pairs. */
class SpatialAutocorrelationTest {

	@Test
	void fftSumsEqualThePairSums() {
		SplittableRandom random = new SplittableRandom(24);
		int[] size = { 7, 5, 4 };
		double[] spacing = { 0.8, 1.1, 2.5 };
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
		SpatialAutocorrelation s = new SpatialAutocorrelation(size, spacing, mask, v);
		assertEquals(moran, s.moransI, 1e-10);
		assertEquals(geary, s.gearysC, 1e-10);
	}
}
