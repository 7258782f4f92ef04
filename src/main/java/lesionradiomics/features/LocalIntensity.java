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
		int n = size[0] * size[1] * size[2];
		if (values.length != n || intensityMask.length != n) throw new IllegalArgumentException("values and mask do not match the box");
		int rx = (int) Math.floor(RADIUS_MM / spacing[0]), ry = (int) Math.floor(RADIUS_MM / spacing[1]), rz = (int) Math.floor(RADIUS_MM / spacing[2]);
		// only voxels within a sphere's reach of the mask enter a mean: the mask's bounds widened by the radius, kept
		// inside the box (its faces still clip the spheres that reach them), hold every sum the whole box would give
		int[] b = lesionradiomics.volume.LesionRegion.maskBounds(intensityMask, size);
		int[] lo = { b[0], b[1], b[2] }, hi = { b[3], b[4], b[5] };
		if (hi[0] < 0) { // no mask voxel: no mean
			local = global = Double.NEGATIVE_INFINITY;
			return;
		}
		int[] reach = { rx, ry, rz }, sub = new int[3];
		for (int d = 0; d < 3; d++) {
			lo[d] = Math.max(0, lo[d] - reach[d]);
			hi[d] = Math.min(size[d] - 1, hi[d] + reach[d]);
			sub[d] = hi[d] - lo[d] + 1;
		}
		int m = sub[0] * sub[1] * sub[2];
		double[] v = new double[m];
		boolean[] mask = new boolean[m];
		for (int z = 0, i = 0; z < sub[2]; z++)
			for (int y = 0; y < sub[1]; y++, i += sub[0]) {
				int j = lo[0] + size[0] * ((y + lo[1]) + size[1] * (z + lo[2]));
				System.arraycopy(values, j, v, i, sub[0]);
				System.arraycopy(intensityMask, j, mask, i, sub[0]);
			}
		double max = Double.NEGATIVE_INFINITY;
		boolean integers = true;
		for (int i = 0; i < m; i++) {
			double x = v[i];
			if (mask[i]) max = Math.max(max, x);
			if (integers && !(Math.abs(x) < 1 << 30 && x == (int) x)) integers = false; // whole and safely summed in a long
		}
		// (integer sums are exact on either path, so which one runs does not move a value)
		double[] r = integers ? runs(sub, spacing, v, mask, ry, rz, max) : direct(sub, spacing, v, mask, rx, ry, rz, max);
		local = r[0];
		global = r[1];
	}

	private static double sq(double v) { return v * v; }

	/** Whether (dx, dy, dz) voxels away lies in the sphere (the one test every path uses). */
	private static boolean inSphere(double[] spacing, int dx, int dy, int dz) {
		return sq(dx * spacing[0]) + sq(dy * spacing[1]) + sq(dz * spacing[2]) <= RADIUS_MM * RADIUS_MM;
	}

	/**
	 * The means summed voxel by voxel over the sphere's offsets (in offset order, as the floating-point sums depend
	 * on it): without bounds checks, over precomputed index steps, for voxels whose sphere lies in the box; with them
	 * (offsets beyond the box left out) near its faces.
	 */
	private static double[] direct(int[] size, double[] spacing, double[] values, boolean[] intensityMask, int rx, int ry, int rz, double max) {
		int nx = size[0], ny = size[1], nz = size[2];
		java.util.List<int[]> offsets = new java.util.ArrayList<>();
		for (int dz = -rz; dz <= rz; dz++)
			for (int dy = -ry; dy <= ry; dy++)
				for (int dx = -rx; dx <= rx; dx++)
					if (inSphere(spacing, dx, dy, dz)) offsets.add(new int[] { dx, dy, dz });
		int[] steps = new int[offsets.size()];
		for (int k = 0; k < steps.length; k++) steps[k] = offsets.get(k)[0] + nx * (offsets.get(k)[1] + ny * offsets.get(k)[2]);
		double bestLocal = Double.NEGATIVE_INFINITY, bestGlobal = Double.NEGATIVE_INFINITY;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					if (!intensityMask[i]) continue;
					double s = 0;
					int n = 0;
					if (x >= rx && y >= ry && z >= rz && x < nx - rx && y < ny - ry && z < nz - rz) {
						for (int st : steps) s += values[i + st];
						n = steps.length;
					} else
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
		return new double[] { bestLocal, bestGlobal };
	}

	/**
	 * The same means for integer-valued images, with the sphere as x-runs (one per (dy, dz)) summed from prefix sums
	 * along each row: O(voxels × runs) instead of O(voxels × sphere voxels). Integer sums below 2⁵³ are exact in a
	 * long and in a double alike, so the means are bit for bit those of the direct sum. Where the whole sphere lies
	 * in the box (the lesion's interior box: all of it unless the lesion nears the image's faces) the windows are
	 * not clipped and the count is the sphere's voxel count.
	 */
	private static double[] runs(int[] size, double[] spacing, double[] values, boolean[] mask, int ry, int rz, double max) {
		int nx = size[0], ny = size[1], nz = size[2];
		java.util.List<int[]> runs = new java.util.ArrayList<>(); // dy, dz, half-width in x
		int widest = 0, sphere = 0;
		for (int dz = -rz; dz <= rz; dz++)
			for (int dy = -ry; dy <= ry; dy++) {
				double rest = RADIUS_MM * RADIUS_MM - sq(dy * spacing[1]) - sq(dz * spacing[2]);
				if (rest < 0) continue;
				int w = (int) Math.floor(Math.sqrt(rest) / spacing[0]);
				// the direct test d² ≤ r² decides, as in the direct sum (the square root may round either way)
				while (inSphere(spacing, w + 1, dy, dz)) w++;
				while (w >= 0 && !inSphere(spacing, w, dy, dz)) w--;
				if (w >= 0) {
					runs.add(new int[] { dy, dz, w });
					widest = Math.max(widest, w);
					sphere += 2 * w + 1;
				}
			}
		int rows = runs.size(), stride = nx + 1;
		int[] runDy = new int[rows], runDz = new int[rows], runW = new int[rows], runDelta = new int[rows];
		for (int k = 0; k < rows; k++) {
			int[] r = runs.get(k);
			runDy[k] = r[0];
			runDz[k] = r[1];
			runW[k] = r[2];
			runDelta[k] = (r[0] + ny * r[1]) * stride; // from a row's prefix sums to those of the run's row
		}
		long[] prefix = new long[stride * ny * nz];
		for (int row = 0; row < ny * nz; row++) {
			long s = 0;
			int base = row * stride;
			for (int x = 0; x < nx; x++) {
				s += (long) values[x + nx * row];
				prefix[base + x + 1] = s;
			}
		}
		// row by row: each run adds its window sums to every voxel of the row's mask extent in one contiguous loop
		double bestLocal = Double.NEGATIVE_INFINITY, bestGlobal = Double.NEGATIVE_INFINITY;
		long[] sums = new long[nx], counts = new long[nx];
		int[] his = new int[rows], los = new int[rows];
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
				// voxels [xa, xb] of an interior row have every window inside the box
				boolean interior = y >= ry && y < ny - ry && z >= rz && z < nz - rz;
				int xa = interior ? Math.max(x0, widest) : x1 + 1, xb = interior ? Math.min(x1, nx - 1 - widest) : x1;
				if (xa > xb) {
					xa = x1 + 1;
					xb = x1;
				}
				int home = (y + ny * z) * stride;
				if (xa <= xb) {
					for (int k = 0; k < rows; k++) {
						his[k] = home + runDelta[k] + runW[k] + 1;
						los[k] = home + runDelta[k] - runW[k];
					}
					// voxel by voxel over the runs (rows are short: one loop per run would be mostly loop overhead)
					for (int x = xa; x <= xb; x++) {
						long acc = 0;
						for (int k = 0; k < rows; k++) acc += prefix[his[k] + x] - prefix[los[k] + x];
						sums[x] = acc;
					}
				}
				// the rest of the row (all of it near the box's faces): windows clipped to the box
				for (int part = 0; part < 2; part++) {
					int from = part == 0 ? x0 : xb + 1, to = part == 0 ? Math.min(x1 + 1, xa) : x1 + 1;
					if (from >= to) continue;
					java.util.Arrays.fill(counts, from, to, 0);
					for (int k = 0; k < rows; k++) {
						int yy = y + runDy[k], zz = z + runDz[k], w = runW[k];
						if (yy < 0 || zz < 0 || yy >= ny || zz >= nz) continue;
						int base = (yy + ny * zz) * stride;
						for (int x = from; x < to; x++) {
							int lo = Math.max(0, x - w), hi = Math.min(nx, x + w + 1);
							sums[x] += prefix[base + hi] - prefix[base + lo];
							counts[x] += hi - lo;
						}
					}
				}
				for (int x = x0; x <= x1; x++)
					if (mask[row + x]) {
						double mean = (double) sums[x] / (x >= xa && x <= xb ? sphere : counts[x]);
						bestGlobal = Math.max(bestGlobal, mean);
						if (values[row + x] == max) bestLocal = Math.max(bestLocal, mean);
					}
			}
		return new double[] { bestLocal, bestGlobal };
	}

	@IbsiFeature(name = "Local intensity peak", code = "VJGA") double localIntensityPeak() { return local; }
	@IbsiFeature(name = "Global intensity peak", code = "0F91") double globalIntensityPeak() { return global; }
}
