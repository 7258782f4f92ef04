package lesionradiomics.features;

/**
 * The discretised region as IBSI's texture families see it (IBSI 1 reference manual, section 3.6 onwards): grey
 * levels 1..Ng over a box, 0 outside the intensity mask, x fastest; the neighbour directions of 2D (in-plane) and 3D
 * texture, and the slices (along z) that 2D and 2.5D aggregation work on.
 */
final class IbsiGrid {

	final int nx, ny, nz;
	/** Number of grey levels of the discretisation (IBSI's Ng; all of them are matrix rows, present or not). */
	final int ng;
	/** Row and plane strides of {@link #padded}: nx + 2 and (nx + 2)(ny + 2). */
	final int px, pxy;
	/**
	 * The grey levels with a border of zeros one voxel wide on every side: (x, y, z) of the box is at
	 * {@link #index(int, int, int)}, and every neighbour (Chebyshev distance 1) of a box voxel is in the array, so the
	 * neighbour loops need no bounds checks (a neighbour beyond the box reads 0, as outside the mask).
	 */
	final int[] padded;
	/** Run lengths so far, per padded voxel, while {@link #runs(int[], int, int)} counts. */
	private int[] runScratch;
	/** Mask voxels of each slice. */
	private final int[] sliceVoxels;
	/** Grey level of each matrix row: 1..Ng. */
	final double[] rowLevels;

	/**
	 * Block matrices already counted: aggregation methods share blocks (3D averaged and 3D merged both sum the 13
	 * directions over the volume, 2D averaged and slice-merged the 4 in-plane directions per slice, the two
	 * direction-wise 2.5D methods the 4 over all slices), and merging only adds a block's matrix to others.
	 */
	private final java.util.Map<BlockKey, double[][]> cooccurrences = new java.util.HashMap<>(), runLengths = new java.util.HashMap<>();

	private record BlockKey(int dx, int dy, int dz, int z0, int z1) {
		BlockKey(IbsiAggregation.Block b) { this(b.d()[0], b.d()[1], b.d()[2], b.z0(), b.z1()); }
	}

	/** The four in-plane directions (dx, dy, dz), one of each ± pair. */
	static final int[][] DIRECTIONS_2D = { { 1, 0, 0 }, { 1, 1, 0 }, { 0, 1, 0 }, { -1, 1, 0 } };
	/** The thirteen 3D directions (dx, dy, dz), one of each ± pair. */
	static final int[][] DIRECTIONS_3D = directions3d();

	/** @param levels grey levels 1..ng over the box (x fastest), 0 outside the intensity mask */
	IbsiGrid(int[] size, int[] levels, int ng) {
		nx = size[0];
		ny = size[1];
		nz = size[2];
		if (levels.length != nx * ny * nz) throw new IllegalArgumentException("grey levels do not match the box");
		px = nx + 2;
		pxy = px * (ny + 2);
		padded = new int[pxy * (nz + 2)];
		sliceVoxels = new int[nz];
		int max = 0;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++) {
				int p = index(0, y, z);
				for (int x = 0; x < nx; x++, i++, p++) {
					int l = levels[i];
					if (l < 0) throw new IllegalArgumentException("negative grey level " + l);
					padded[p] = l;
					if (l != 0) sliceVoxels[z]++;
					max = Math.max(max, l);
				}
			}
		if (max > ng) throw new IllegalArgumentException("grey level " + max + " above Ng = " + ng);
		this.ng = ng;
		rowLevels = new double[ng];
		for (int i = 0; i < ng; i++) rowLevels[i] = i + 1;
	}

	private static int[][] directions3d() {
		int[][] out = new int[13][];
		int k = 0;
		for (int dz = -1; dz <= 1; dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					int first = dz != 0 ? dz : dy != 0 ? dy : dx;
					if (first > 0) out[k++] = new int[] { dx, dy, dz };
				}
		return out;
	}

	/** Index in {@link #padded} of box voxel (x, y, z); −1 ≤ x ≤ nx etc. reach the zero border. */
	int index(int x, int y, int z) { return (x + 1) + px * (y + 1) + pxy * (z + 1); }

	/** Step in {@link #padded} of the offset (dx, dy, dz). */
	int offset(int dx, int dy, int dz) { return dx + px * dy + pxy * dz; }

	private int offset(int[] d) { return offset(d[0], d[1], d[2]); }

	/** Grey level at (x, y, z); 0 outside the box or the mask. */
	int at(int x, int y, int z) {
		if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) return 0;
		return padded[index(x, y, z)];
	}

	/** Mask voxels in slices [z0, z1). */
	int voxels(int z0, int z1) {
		int n = 0;
		for (int z = z0; z < z1; z++) n += sliceVoxels[z];
		return n;
	}

	/**
	 * The steps to the neighbours (Chebyshev distance 1) of a voxel: the 8 in-plane ones when {@code inPlane}, else
	 * the 26 of 3D.
	 */
	int[] neighbourSteps(boolean inPlane) {
		int dzMax = inPlane ? 0 : 1, k = 0;
		int[] out = new int[inPlane ? 8 : 26];
		for (int dz = -dzMax; dz <= dzMax; dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++)
					if (dx != 0 || dy != 0 || dz != 0) out[k++] = offset(dx, dy, dz);
		return out;
	}

	/**
	 * Neighbourhoods reach across z only over the whole volume: a block or slice range is either all slices or has
	 * in-plane offsets (the aggregation methods only make those), which the zero border then bounds.
	 */
	private void checkRange(boolean acrossZ, int z0, int z1) {
		if (z0 < 0 || z1 > nz || z0 > z1) throw new IllegalArgumentException("slices [" + z0 + ", " + z1 + ") outside [0, " + nz + ")");
		if (acrossZ && (z0 != 0 || z1 != nz))
			throw new IllegalArgumentException("a neighbourhood across slices needs all slices, not [" + z0 + ", " + z1 + ")");
	}

	/**
	 * {@link #cooccurrence(int[], int, int)} of a block, counted once per grid; read only. A block not counted yet is
	 * counted with the other directions of its kind (the 13 of 3D when it crosses slices, else the 4 in-plane ones)
	 * over the same slices in one pass, as the aggregation methods ask for all of them.
	 */
	double[][] cooccurrence(IbsiAggregation.Block b) {
		double[][] m = cooccurrences.get(new BlockKey(b));
		if (m != null) return m;
		java.util.List<int[]> todo = new java.util.ArrayList<>();
		for (int[] d : b.d()[2] != 0 ? DIRECTIONS_3D : DIRECTIONS_2D)
			if (!java.util.Arrays.equals(d, b.d()) && !cooccurrences.containsKey(new BlockKey(d[0], d[1], d[2], b.z0(), b.z1()))) todo.add(d);
		todo.add(0, b.d());
		double[][][] all = cooccurrences(todo.toArray(new int[0][]), b.z0(), b.z1());
		for (int k = 0; k < all.length; k++) {
			int[] d = todo.get(k);
			cooccurrences.put(new BlockKey(d[0], d[1], d[2], b.z0(), b.z1()), all[k]);
		}
		return all[0];
	}

	/** {@link #runs(int[], int, int)} of a block, counted once per grid; read only. */
	double[][] runs(IbsiAggregation.Block b) {
		return runLengths.computeIfAbsent(new BlockKey(b), k -> runs(b.d(), b.z0(), b.z1()));
	}

	/**
	 * Symmetric co-occurrence counts (pairs at offset d and −d) within slices [z0, z1) (d across slices: all slices):
	 * each pair (a at v, b at v + d) counted once, then (a, b) and (b, a) from the one-sided counts.
	 */
	double[][] cooccurrence(int[] d, int z0, int z1) {
		return cooccurrences(new int[][] { d }, z0, z1)[0];
	}

	/**
	 * {@link #cooccurrence(int[], int, int)} of several directions in one pass over the voxels. The counts have a row
	 * and a column for level 0 (outside the mask), so a pair is counted without testing its neighbour; they are
	 * dropped at the end.
	 */
	private double[][][] cooccurrences(int[][] directions, int z0, int z1) {
		int nd = directions.length, w = ng + 1, cells = w * w;
		int[] steps = new int[nd];
		for (int k = 0; k < nd; k++) {
			checkRange(directions[k][2] != 0, z0, z1);
			steps[k] = offset(directions[k]);
		}
		int[] c = new int[nd * cells];
		int[] lv = padded;
		for (int z = z0; z < z1; z++)
			for (int y = 0; y < ny; y++)
				for (int p = index(0, y, z), end = p + nx; p < end; p++) {
					int a = lv[p];
					if (a == 0) continue;
					for (int k = 0, row = a * w; k < nd; k++, row += cells) c[row + lv[p + steps[k]]]++;
				}
		double[][][] out = new double[nd][ng][ng];
		for (int k = 0; k < nd; k++)
			for (int a = 0; a < ng; a++)
				for (int b = 0; b < ng; b++) out[k][a][b] = c[k * cells + (a + 1) * w + b + 1] + c[k * cells + (b + 1) * w + a + 1];
		return out;
	}

	/**
	 * Run counts [level − 1][length − 1] along d within slices [z0, z1) (d across slices: all slices; a voxel
	 * outside the mask or the box ends a run). A run is found by its end, one pass in scan order whatever the
	 * direction.
	 */
	double[][] runs(int[] d, int z0, int z1) {
		checkRange(d[2] != 0, z0, z1);
		int maxRun = Math.max(nx, Math.max(ny, nz));
		int step = Math.abs(offset(d)); // runs along d and −d are the same
		if (step == 0) throw new IllegalArgumentException("no direction");
		int[] c = new int[ng * maxRun];
		int[] lv = padded;
		// the length so far of the run through each voxel: the voxel before p (p − step, earlier in scan order as
		// every direction's step is positive) extends it or p starts one; where the next voxel differs the run ends
		// and is counted (added 0 or 1 without a branch: run ends are as unpredictable as the image)
		if (runScratch == null) runScratch = new int[padded.length]; // written before read in each pass: never cleared
		int[] length = runScratch;
		for (int z = z0; z < z1; z++)
			for (int y = 0; y < ny; y++)
				for (int p = index(0, y, z), end = p + nx; p < end; p++) {
					int l = lv[p];
					if (l == 0) continue;
					int len = lv[p - step] == l ? length[p - step] + 1 : 1;
					length[p] = len;
					c[(l - 1) * maxRun + len - 1] += lv[p + step] != l ? 1 : 0;
				}
		// columns up to the longest run (at least one): the features skip empty columns, so the width is free
		int longest = 1;
		for (int i = 0; i < c.length; i++) if (c[i] != 0) longest = Math.max(longest, i % maxRun + 1);
		double[][] counts = new double[ng][longest];
		for (int l = 0; l < ng; l++)
			for (int k = 0; k < longest; k++) counts[l][k] = c[l * maxRun + k];
		return counts;
	}

	/** Sum of matrices with the same rows, as wide as the widest (missing columns count 0). */
	static double[][] sum(Iterable<double[][]> matrices) {
		int rows = -1, cols = 0;
		for (double[][] m : matrices) {
			if (rows >= 0 && m.length != rows) throw new IllegalArgumentException("matrices with " + rows + " and " + m.length + " rows");
			rows = m.length;
			for (double[] row : m) cols = Math.max(cols, row.length);
		}
		if (rows < 0) return null;
		double[][] out = new double[rows][cols];
		for (double[][] m : matrices)
			for (int r = 0; r < m.length; r++)
				for (int c = 0; c < m[r].length; c++) out[r][c] += m[r][c];
		return out;
	}

	static double total(double[][] m) {
		double t = 0;
		for (double[] row : m) for (double v : row) t += v;
		return t;
	}

	/**
	 * Zones (connected voxels of one grey level; 8-connected in a slice when {@code inPlane}, else 26-connected over
	 * all slices) within slices [z0, z1): for each zone its grey level, size and smallest value of {@code distance}
	 * (over the box; may be null: Integer.MAX_VALUE). The labelling is found once per grid and slices: the size zone
	 * and the distance zone matrices (IBSI 3.8, 3.9) count the same zones.
	 */
	int[][] zones(int z0, int z1, boolean inPlane, int[] distance) {
		Zones l = labellings.computeIfAbsent(new ZoneKey(z0, z1, inPlane), k -> label(z0, z1, inPlane));
		int[] minD = new int[l.level().length];
		java.util.Arrays.fill(minD, Integer.MAX_VALUE);
		if (distance != null)
			for (int v = 0, base = nx * ny * z0; v < l.zoneOf().length; v++) {
				int z = l.zoneOf()[v];
				if (z >= 0) minD[z] = Math.min(minD[z], distance[base + v]);
			}
		return new int[][] { l.level(), l.size(), minD };
	}

	private record ZoneKey(int z0, int z1, boolean inPlane) {}

	/** A labelling of slices [z0, z1): the zone of each voxel (−1 outside the mask), each zone's grey level and size. */
	private record Zones(int[] zoneOf, int[] level, int[] size) {}

	private final java.util.Map<ZoneKey, Zones> labellings = new java.util.HashMap<>();

	/**
	 * Flood fill over a copy of the slab's padded grid ({@link Glszm#zone}, as pyradiomics mode finds its zones; 8 in-plane
	 * or 26 neighbours, and in-plane steps keep it in its slice): scanned in order, each voxel not yet taken starts its
	 * zone, so zones are numbered in the scan order of their first voxel.
	 */
	private Zones label(int z0, int z1, boolean inPlane) {
		checkRange(!inPlane, z0, z1);
		// a copy of the slab's padded planes only (with the plane on either side: the zero border, or slices that
		// in-plane steps never reach), indexed from its first: 2D aggregation labels each slice on its own
		int base = pxy * z0;
		int[] steps = neighbourSteps(inPlane), lv = java.util.Arrays.copyOfRange(padded, base, pxy * (z1 + 2)), zoneAt = new int[lv.length];
		int n = nx * ny * (z1 - z0);
		int[] zl = new int[n], zs = new int[n], voxels = new int[n];
		int zones = 0;
		for (int z = z0; z < z1; z++)
			for (int y = 0; y < ny; y++)
				for (int p = index(0, y, z) - base, end = p + nx; p < end; p++) {
					int l = lv[p];
					if (l == 0) continue;
					int size = Glszm.zone(lv, p, steps, voxels);
					for (int k = 0; k < size; k++) zoneAt[voxels[k]] = zones + 1;
					zl[zones] = l;
					zs[zones++] = size;
				}
		int[] zoneOf = new int[n];
		for (int z = z0, v = 0; z < z1; z++)
			for (int y = 0; y < ny; y++)
				for (int p = index(0, y, z) - base, end = p + nx; p < end; p++, v++) zoneOf[v] = zoneAt[p] - 1;
		return new Zones(zoneOf, java.util.Arrays.copyOf(zl, zones), java.util.Arrays.copyOf(zs, zones));
	}

	/** Counts [level − 1][value − 1] of (level, value) pairs. */
	double[][] countMatrix(int[] zoneLevels, int[] values) {
		int max = 1;
		for (int v : values) max = Math.max(max, v);
		double[][] m = new double[ng][max];
		for (int k = 0; k < zoneLevels.length; k++) m[zoneLevels[k] - 1][values[k] - 1]++;
		return m;
	}

	/**
	 * Distance of each voxel of {@code mask} (over this box) to the mask's border, in steps between face neighbours
	 * (4-connected in a slice when {@code inPlane}, else 6-connected); 1 for voxels on the border; voxels outside
	 * the box count as outside the mask (IBSI 3.9: the grey level distance zone's distance map). Breadth-first from
	 * the border over a copy of the mask with a border of false.
	 */
	int[] borderDistance(boolean[] mask, boolean inPlane) {
		if (mask.length != nx * ny * nz) throw new IllegalArgumentException("mask does not match the box");
		boolean[] in = new boolean[padded.length];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++, i += nx) System.arraycopy(mask, i, in, index(0, y, z), nx);
		int[] steps = inPlane ? new int[] { 1, -1, px, -px } : new int[] { 1, -1, px, -px, pxy, -pxy };
		int[] dist = new int[padded.length];
		int[] queue = new int[mask.length];
		int head = 0, tail = 0;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int p = index(0, y, z), end = p + nx; p < end; p++) {
					if (!in[p]) continue;
					boolean border = false;
					for (int s : steps) border |= !in[p + s];
					if (border) {
						dist[p] = 1;
						queue[tail++] = p;
					}
				}
		while (head < tail) {
			int p = queue[head++];
			for (int s : steps) {
				int q = p + s;
				if (in[q] && dist[q] == 0) {
					dist[q] = dist[p] + 1;
					queue[tail++] = q;
				}
			}
		}
		int[] out = new int[mask.length];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++, i += nx) System.arraycopy(dist, index(0, y, z), out, i, nx);
		return out;
	}
}
