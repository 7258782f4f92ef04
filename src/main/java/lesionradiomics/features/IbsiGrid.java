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
	final int[] levels;
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

	IbsiGrid(int[] size, int[] levels, int ng) {
		nx = size[0];
		ny = size[1];
		nz = size[2];
		this.levels = levels;
		int max = 0;
		for (int l : levels) max = Math.max(max, l);
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

	/** Grey level at (x, y, z); 0 outside the box or the mask. */
	int at(int x, int y, int z) {
		if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) return 0;
		return levels[x + nx * (y + ny * z)];
	}

	/** Mask voxels in slices [z0, z1). */
	int voxels(int z0, int z1) {
		int n = 0;
		for (int i = nx * ny * z0; i < nx * ny * z1; i++) if (levels[i] != 0) n++;
		return n;
	}

	/** {@link #cooccurrence(int[], int, int)} of a block, counted once per grid; read only. */
	double[][] cooccurrence(IbsiAggregation.Block b) {
		return cooccurrences.computeIfAbsent(new BlockKey(b), k -> cooccurrence(b.d(), b.z0(), b.z1()));
	}

	/** {@link #runs(int[], int, int)} of a block, counted once per grid; read only. */
	double[][] runs(IbsiAggregation.Block b) {
		return runLengths.computeIfAbsent(new BlockKey(b), k -> runs(b.d(), b.z0(), b.z1()));
	}

	/** Symmetric co-occurrence counts (pairs at offset d and −d) within slices [z0, z1). */
	double[][] cooccurrence(int[] d, int z0, int z1) {
		double[][] m = new double[ng][ng];
		for (int z = z0; z < z1; z++) {
			int zz = z + d[2];
			if (zz < z0 || zz >= z1) continue;
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					int a = levels[x + nx * (y + ny * z)];
					if (a == 0) continue;
					int b = at(x + d[0], y + d[1], zz);
					if (b == 0) continue;
					m[a - 1][b - 1]++;
					m[b - 1][a - 1]++;
				}
		}
		return m;
	}

	/** Run counts [level − 1][length − 1] along d within slices [z0, z1) (a voxel outside the mask ends a run). */
	double[][] runs(int[] d, int z0, int z1) {
		int maxRun = Math.max(nx, Math.max(ny, nz));
		double[][] counts = new double[ng][maxRun];
		int[] row = new int[ng + 1];
		for (int l = 1; l <= ng; l++) row[l] = l - 1;
		Glrlm.LineRuns line = new Glrlm.LineRuns(counts, row);
		// a line starts where the voxel before it is outside: a whole row (y, z) when that is so along y or z, else
		// the row's first or last voxel when d moves along x
		for (int z = z0; z < z1; z++)
			for (int y = 0; y < ny; y++) {
				boolean whole = d[1] == 1 && y == 0 || d[1] == -1 && y == ny - 1 || d[2] == 1 && z == z0 || d[2] == -1 && z == z1 - 1;
				int from = whole || d[0] >= 0 ? 0 : nx - 1, to = whole ? nx : d[0] == 0 ? 0 : from + 1;
				for (int x = from; x < to; x++) {
					for (int cx = x, cy = y, cz = z; cx >= 0 && cy >= 0 && cx < nx && cy < ny && cz >= z0 && cz < z1; cx += d[0], cy += d[1], cz += d[2])
						line.next(levels[cx + nx * (cy + ny * cz)]);
					line.end();
				}
			}
		return counts;
	}

	/** Sum of matrices of equal shape. */
	static double[][] sum(Iterable<double[][]> matrices) {
		double[][] out = null;
		for (double[][] m : matrices) {
			if (out == null) out = new double[m.length][m.length == 0 ? 0 : m[0].length];
			for (int r = 0; r < m.length; r++)
				for (int c = 0; c < m[r].length; c++) out[r][c] += m[r][c];
		}
		return out;
	}

	static double total(double[][] m) {
		double t = 0;
		for (double[] row : m) for (double v : row) t += v;
		return t;
	}

	/**
	 * Zones (connected voxels of one grey level; 8-connected in a slice when {@code inPlane}, else 26-connected)
	 * within slices [z0, z1): for each zone its grey level, size and smallest value of {@code distance} (may be null:
	 * Integer.MAX_VALUE). The labelling is found once per grid and slices: the size zone and the distance zone
	 * matrices (IBSI 3.8, 3.9) count the same zones.
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

	/** Flood fill from each unlabelled mask voxel in scan order. */
	private Zones label(int z0, int z1, boolean inPlane) {
		int plane = nx * ny, base = plane * z0, n = plane * (z1 - z0);
		int[] zoneOf = new int[n];
		java.util.Arrays.fill(zoneOf, -1);
		int[] stack = new int[n];
		int[] zl = new int[n], zs = new int[n];
		int zones = 0;
		int dzMax = inPlane ? 0 : 1;
		for (int start = base; start < base + n; start++) {
			int level = levels[start];
			if (level == 0 || zoneOf[start - base] >= 0) continue;
			int top = 0, size = 0;
			stack[top++] = start;
			zoneOf[start - base] = zones;
			while (top > 0) {
				int v = stack[--top];
				size++;
				int x = v % nx, y = (v / nx) % ny, z = v / plane;
				for (int dz = -dzMax; dz <= dzMax; dz++) {
					int zz = z + dz;
					if (zz < z0 || zz >= z1) continue;
					for (int dy = -1; dy <= 1; dy++) {
						int yy = y + dy;
						if (yy < 0 || yy >= ny) continue;
						for (int dx = -1; dx <= 1; dx++) {
							int xx = x + dx;
							if (xx < 0 || xx >= nx) continue;
							int w = xx + nx * (yy + ny * zz);
							if (zoneOf[w - base] < 0 && levels[w] == level) {
								zoneOf[w - base] = zones;
								stack[top++] = w;
							}
						}
					}
				}
			}
			zl[zones] = level;
			zs[zones++] = size;
		}
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
	 * the box count as outside the mask (IBSI 3.9: the grey level distance zone's distance map).
	 */
	int[] borderDistance(boolean[] mask, boolean inPlane) {
		int n = mask.length, plane = nx * ny;
		int[] dist = new int[n];
		int[] queue = new int[n];
		int head = 0, tail = 0;
		for (int v = 0; v < n; v++) {
			if (!mask[v]) continue;
			int x = v % nx, y = (v / nx) % ny, z = v / plane;
			boolean border = x == 0 || y == 0 || x == nx - 1 || y == ny - 1 || !mask[v - 1] || !mask[v + 1] || !mask[v - nx] || !mask[v + nx];
			if (!inPlane) border |= z == 0 || z == nz - 1 || !mask[v - plane] || !mask[v + plane];
			if (border) {
				dist[v] = 1;
				queue[tail++] = v;
			}
		}
		int[] steps = inPlane ? new int[] { 1, -1, nx, -nx } : new int[] { 1, -1, nx, -nx, plane, -plane };
		while (head < tail) {
			int v = queue[head++];
			int x = v % nx, y = (v / nx) % ny, z = v / plane;
			for (int s : steps) {
				if (s == 1 && x == nx - 1 || s == -1 && x == 0 || s == nx && y == ny - 1 || s == -nx && y == 0 || s == plane && z == nz - 1
						|| s == -plane && z == 0) continue;
				int w = v + s;
				if (mask[w] && dist[w] == 0) {
					dist[w] = dist[v] + 1;
					queue[tail++] = w;
				}
			}
		}
		return dist;
	}
}
