package lesionradiomics.features;

/**
 * IBSI 1 local intensity features (reference manual 3.2): the mean intensity in a 1 cm³ sphere (radius
 * (3 / 4π)^⅓ cm ≈ 6.2 mm) around a voxel centre, over every image voxel whose centre lies in the sphere (inside the
 * mask or not). Local peak: around the intensity mask's hottest voxel (the highest mean when several are equally
 * hot); global peak: the highest over all voxels of the intensity mask.
 */
final class LocalIntensity {

	static final double RADIUS_MM = Math.cbrt(3 / (4 * Math.PI)) * 10;

	private final double local, global;

	/**
	 * @param values image intensities over a box that holds the sphere around every mask voxel (voxels beyond it
	 *               are left out of the mean)
	 */
	LocalIntensity(int[] size, double[] spacing, double[] values, boolean[] intensityMask) {
		int nx = size[0], ny = size[1], nz = size[2];
		int rx = (int) Math.floor(RADIUS_MM / spacing[0]), ry = (int) Math.floor(RADIUS_MM / spacing[1]), rz = (int) Math.floor(RADIUS_MM / spacing[2]);
		java.util.List<int[]> offsets = new java.util.ArrayList<>();
		for (int dz = -rz; dz <= rz; dz++)
			for (int dy = -ry; dy <= ry; dy++)
				for (int dx = -rx; dx <= rx; dx++) {
					double d2 = sq(dx * spacing[0]) + sq(dy * spacing[1]) + sq(dz * spacing[2]);
					if (d2 <= RADIUS_MM * RADIUS_MM) offsets.add(new int[] { dx, dy, dz });
				}
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < values.length; i++) if (intensityMask[i]) max = Math.max(max, values[i]);
		boolean integers = true;
		for (double v : values) if (!(v == Math.rint(v) && Math.abs(v) < 1 << 30)) { integers = false; break; }
		if (integers) {
			double[] r = runs(size, spacing, values, intensityMask, ry, rz, max);
			local = r[0];
			global = r[1];
			return;
		}
		double bestLocal = Double.NEGATIVE_INFINITY, bestGlobal = Double.NEGATIVE_INFINITY;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					if (!intensityMask[i]) continue;
					double s = 0;
					int n = 0;
					for (int[] o : offsets) {
						int xx = x + o[0], yy = y + o[1], zz = z + o[2];
						if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) continue;
						s += values[xx + nx * (yy + ny * zz)];
						n++;
					}
					double mean = s / n;
					bestGlobal = Math.max(bestGlobal, mean);
					if (values[i] == max) bestLocal = Math.max(bestLocal, mean);
				}
		local = bestLocal;
		global = bestGlobal;
	}

	private static double sq(double v) { return v * v; }

	/**
	 * The same means for integer-valued images, with the sphere as x-runs (one per (dy, dz)) summed from prefix sums
	 * along each row: O(voxels × runs) instead of O(voxels × sphere voxels). Integer sums below 2⁵³ are exact in a
	 * long and in a double alike, so the means are bit for bit those of the direct sum.
	 */
	private static double[] runs(int[] size, double[] spacing, double[] values, boolean[] mask, int ry, int rz, double max) {
		int nx = size[0], ny = size[1], nz = size[2];
		java.util.List<int[]> runs = new java.util.ArrayList<>(); // dy, dz, half-width in x
		for (int dz = -rz; dz <= rz; dz++)
			for (int dy = -ry; dy <= ry; dy++) {
				double rest = RADIUS_MM * RADIUS_MM - sq(dy * spacing[1]) - sq(dz * spacing[2]);
				if (rest < 0) continue;
				int w = (int) Math.floor(Math.sqrt(rest) / spacing[0]);
				// the direct test d² ≤ r² decides, as in the loop above (the square root may round either way)
				while (sq((w + 1) * spacing[0]) + sq(dy * spacing[1]) + sq(dz * spacing[2]) <= RADIUS_MM * RADIUS_MM) w++;
				while (w >= 0 && sq(w * spacing[0]) + sq(dy * spacing[1]) + sq(dz * spacing[2]) > RADIUS_MM * RADIUS_MM) w--;
				if (w >= 0) runs.add(new int[] { dy, dz, w });
			}
		long[] prefix = new long[(nx + 1) * ny * nz];
		for (int row = 0; row < ny * nz; row++) {
			long s = 0;
			int base = row * (nx + 1);
			prefix[base] = 0;
			for (int x = 0; x < nx; x++) {
				s += (long) values[x + nx * row];
				prefix[base + x + 1] = s;
			}
		}
		// row by row: each run adds its window sums to every voxel of the row's mask extent in one contiguous loop
		double bestLocal = Double.NEGATIVE_INFINITY, bestGlobal = Double.NEGATIVE_INFINITY;
		long[] sums = new long[nx], counts = new long[nx];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++) {
				int row = nx * (y + ny * z), x0 = nx, x1 = -1;
				for (int x = 0; x < nx; x++)
					if (mask[row + x]) {
						x0 = Math.min(x0, x);
						x1 = x;
					}
				if (x1 < 0) continue;
				java.util.Arrays.fill(sums, x0, x1 + 1, 0);
				java.util.Arrays.fill(counts, x0, x1 + 1, 0);
				for (int[] r : runs) {
					int yy = y + r[0], zz = z + r[1], w = r[2];
					if (yy < 0 || zz < 0 || yy >= ny || zz >= nz) continue;
					int base = (yy + ny * zz) * (nx + 1);
					for (int x = x0; x <= x1; x++) {
						int lo = Math.max(0, x - w), hi = Math.min(nx, x + w + 1);
						sums[x] += prefix[base + hi] - prefix[base + lo];
						counts[x] += hi - lo;
					}
				}
				for (int x = x0; x <= x1; x++)
					if (mask[row + x]) {
						double mean = (double) sums[x] / counts[x];
						bestGlobal = Math.max(bestGlobal, mean);
						if (values[row + x] == max) bestLocal = Math.max(bestLocal, mean);
					}
			}
		return new double[] { bestLocal, bestGlobal };
	}

	@IbsiFeature(name = "Local intensity peak", code = "VJGA") double localIntensityPeak() { return local; }
	@IbsiFeature(name = "Global intensity peak", code = "0F91") double globalIntensityPeak() { return global; }
}
