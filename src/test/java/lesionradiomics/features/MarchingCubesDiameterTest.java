package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The pruned farthest-pair search against every pair, bit for bit (the largest of the same squared distances). */
class MarchingCubesDiameterTest {

	@Test
	void largestDistanceIsTheBruteForceMaximum() {
		SplittableRandom r = new SplittableRandom(23);
		for (int trial = 0; trial < 400; trial++) {
			int n = 2 + r.nextInt(trial % 4 == 0 ? 3000 : 200);
			double[] v = new double[3 * n];
			int kind = trial % 4;
			for (int i = 0; i < n; i++) {
				if (kind == 0 || kind == 1) { // vertices at whole or half voxel positions of an anisotropic grid (ties)
					v[3 * i] = r.nextInt(30) * 0.5 * 2.5;
					v[3 * i + 1] = r.nextInt(60) * 0.5 * 0.78;
					v[3 * i + 2] = r.nextInt(60) * 0.5 * 0.78;
				} else if (kind == 2) { // on a sphere: every vertex nearly as far from the centroid
					double z = 2 * r.nextDouble() - 1, t = 2 * Math.PI * r.nextDouble(), s = Math.sqrt(1 - z * z);
					v[3 * i] = 10 * z;
					v[3 * i + 1] = 10 * s * Math.cos(t);
					v[3 * i + 2] = 10 * s * Math.sin(t);
				} else for (int d = 0; d < 3; d++) v[3 * i + d] = r.nextGaussian() * (d + 1);
			}
			if (kind == 1) for (int i = 1; i < n; i++) System.arraycopy(v, 0, v, 3 * i, 3); // all vertices in one place
			int[] idx = new int[n + 5];
			for (int i = 0; i < n; i++) idx[i + 5] = i;
			double expected = 0;
			for (int a = 0; a < n; a++)
				for (int b = a + 1; b < n; b++) {
					double dz = v[3 * a] - v[3 * b], dy = v[3 * a + 1] - v[3 * b + 1], dx = v[3 * a + 2] - v[3 * b + 2];
					expected = Math.max(expected, dz * dz + dy * dy + dx * dx);
				}
			assertEquals(expected, MarchingCubes.maxDistanceSquared(v, idx, 5, n + 5), 0, "trial " + trial + ", " + n + " vertices");
		}
	}
}
