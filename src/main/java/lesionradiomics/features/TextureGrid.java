package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The discretised lesion as the texture families see it: grey levels over the tight bounding box of the analysed mask
 * (0 = outside), the grey levels present, and the neighbour directions. Directions are (dz, dy, dx) offsets as
 * pyradiomics generates them: every offset whose infinity norm is one of the {@code distances}, one of each ± pair,
 * none moving along {@code force2Ddimension} when {@code force2D} is set.
 */
final class TextureGrid {

	final int nx, ny, nz;
	/** Grey level per voxel of the box, x fastest; 0 outside the mask. */
	final int[] levels;
	/** Grey levels present in the mask, ascending. */
	final int[] presentLevels;
	/** Row of each grey level in matrices that keep only present levels; -1 for absent levels. */
	final int[] levelRow;
	/** Highest grey level (pyradiomics' Ng). */
	final int maxLevel;
	final int voxelCount;
	/** Directions (dz, dy, dx), one per ± pair. */
	final int[][] angles;
	/** Spacing (z, y, x) in mm, as pyradiomics orders it. */
	final double[] spacingZyx;

	TextureGrid(LesionData lesion) {
		int[] size = lesion.size();
		boolean[] mask = lesion.mask();
		int[] gl = lesion.grayLevels();
		int[] lo = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE }, hi = { -1, -1, -1 };
		int max = 0, n = 0;
		for (int z = 0, i = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++, i++)
					if (mask[i]) {
						n++;
						if (x < lo[0]) lo[0] = x;
						if (x > hi[0]) hi[0] = x;
						if (y < lo[1]) lo[1] = y;
						if (y > hi[1]) hi[1] = y;
						if (z < lo[2]) lo[2] = z;
						if (z > hi[2]) hi[2] = z;
						if (gl[i] > max) max = gl[i];
					}
		nx = hi[0] - lo[0] + 1;
		ny = hi[1] - lo[1] + 1;
		nz = hi[2] - lo[2] + 1;
		levels = new int[nx * ny * nz];
		boolean[] present = new boolean[max + 1];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++) {
				int src = lo[0] + size[0] * ((y + lo[1]) + size[1] * (z + lo[2]));
				int dst = nx * (y + ny * z);
				for (int x = 0; x < nx; x++)
					if (mask[src + x]) {
						levels[dst + x] = gl[src + x];
						present[gl[src + x]] = true;
					}
			}
		int count = 0;
		for (int g = 1; g <= max; g++) if (present[g]) count++;
		presentLevels = new int[count];
		levelRow = new int[max + 1];
		java.util.Arrays.fill(levelRow, -1);
		for (int g = 1, k = 0; g <= max; g++)
			if (present[g]) {
				presentLevels[k] = g;
				levelRow[g] = k++;
			}
		maxLevel = Math.max(max, lesion.levelCount());
		voxelCount = n;
		FeatureSettings s = lesion.settings();
		angles = angles(s.distances(), s.force2D() ? s.force2Ddimension() : -1);
		double[] sp = lesion.spacing();
		spacingZyx = new double[] { sp[2], sp[1], sp[0] };
	}

	/** The present grey levels as values (pyradiomics' ivector). */
	double[] levelValues() {
		double[] v = new double[presentLevels.length];
		for (int k = 0; k < v.length; k++) v[k] = presentLevels[k];
		return v;
	}

	/** Offsets (dz, dy, dx) with infinity norm in {@code distances}, one of each ± pair; none along {@code skipAxis}. */
	static int[][] angles(int[] distances, int skipAxis) {
		int maxD = 0;
		for (int d : distances) maxD = Math.max(maxD, d);
		List<int[]> out = new ArrayList<>();
		for (int dz = -maxD; dz <= maxD; dz++)
			for (int dy = -maxD; dy <= maxD; dy++)
				for (int dx = -maxD; dx <= maxD; dx++) {
					int[] a = { dz, dy, dx };
					int norm = Math.max(Math.abs(dz), Math.max(Math.abs(dy), Math.abs(dx)));
					if (norm == 0 || skipAxis >= 0 && a[skipAxis] != 0) continue;
					boolean wanted = false;
					for (int d : distances) wanted |= d == norm;
					if (!wanted) continue;
					// keep the "positive" member of each pair: first non-zero offset > 0
					int first = dz != 0 ? dz : dy != 0 ? dy : dx;
					if (first > 0) out.add(a);
				}
		return out.toArray(new int[0][]);
	}

	/**
	 * The grey levels on the box grown on every side by the largest offset, zeros there, with each direction's offsets
	 * on that grid (+a, then −a, as the families walk {@link #neighbour}): outside the box reads as outside the mask,
	 * so the neighbourhood loops of gldm and ngtdm need no bounds checks and visit the same neighbours in the same order.
	 */
	Padded padded() {
		Padded p = padded;
		if (p == null) padded = p = pad();
		return p;
	}

	/** {@link #padded()}, made once per grid: every texture family reads it (none writes it). */
	private Padded padded;

	private Padded pad() {
		int m = 0;
		for (int[] a : angles) for (int d : a) m = Math.max(m, Math.abs(d));
		int px = nx + 2 * m, py = ny + 2 * m, pz = nz + 2 * m;
		int[] out = new int[px * py * pz];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++) System.arraycopy(levels, nx * (y + ny * z), out, m + px * ((y + m) + py * (z + m)), nx);
		int[] offsets = new int[2 * angles.length];
		for (int k = 0; k < angles.length; k++) {
			int[] a = angles[k];
			offsets[2 * k] = a[2] + px * (a[1] + py * a[0]);
			offsets[2 * k + 1] = -offsets[2 * k];
		}
		return new Padded(out, offsets, m, px, py);
	}

	/** {@link #padded()}'s grid: levels, offsets, margin and row/slice sizes. */
	record Padded(int[] levels, int[] offsets, int margin, int nx, int ny) {
		/** Index of box voxel (x, y, z). */
		int index(int x, int y, int z) { return x + margin + nx * ((y + margin) + ny * (z + margin)); }
	}

	/** Index of the voxel at (x, y, z) + angle, or -1 outside the box. */
	int neighbour(int x, int y, int z, int[] a, int sign) {
		int zz = z + sign * a[0], yy = y + sign * a[1], xx = x + sign * a[2];
		if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) return -1;
		return xx + nx * (yy + ny * zz);
	}

	/** pyradiomics' angle weight for {@code weightingNorm} (null: no weighting). */
	double weight(int[] a, String norm) {
		double max = 0, sumSq = 0, sum = 0;
		for (int d = 0; d < 3; d++) {
			double v = Math.abs(a[d]) * spacingZyx[d];
			max = Math.max(max, v);
			sumSq += v * v;
			sum += v;
		}
		switch (norm) {
		case "infinity": return Math.exp(-max * max);
		case "euclidean": return Math.exp(-sumSq);
		case "manhattan": return Math.exp(-sum * sum);
		default: return 1; // "no_weighting" and, as pyradiomics, unknown norms
		}
	}

	/** numpy.nanmean: mean of the non-NaN values, NaN when there are none. */
	static double nanMean(double[] v) {
		double s = 0;
		int n = 0;
		for (double d : v)
			if (!Double.isNaN(d)) {
				s += d;
				n++;
			}
		return n == 0 ? Double.NaN : s / n;
	}

	/** log2(p + eps), pyradiomics' guarded logarithm. */
	static double log2(double p) {
		return Math.log(p + FirstOrder.EPS) / LN2;
	}

	private static final double LN2 = Math.log(2);
}
