package lesionradiomics.features;

/**
 * One voxel's kernel in a lesion's padded box, as the fast voxel-map families read it: the kernel box's grey levels
 * copied with a border of zeros, the grey levels present in it (ascending) with their matrix rows, and its lesion voxel
 * count. One instance per thread, moved from voxel to voxel with {@link #moveTo}.
 */
final class KernelBox {

	/** Grey level per region voxel, 0 outside the lesion; region sizes along x and y. */
	private final int[] region;
	private final int nx, ny;
	/** The lesion's highest grey level (pyradiomics' Ng in voxel mode). */
	final int ng;
	/**
	 * The kernel box's grey levels (0 outside the lesion) inside a border of zeros as thick as the longest neighbour
	 * step, {@link #stride} voxels along x and y: a neighbour outside the box reads 0 as one outside the lesion does, so
	 * pairs, runs, zones and neighbourhoods stay in the box (pyradiomics' C code confines them to it) without a bounds
	 * check per look-up.
	 */
	final int[] grey;
	final int stride;
	private final int border;
	/** The box's size along x, y and z (at most 2r + 1: kernels are clipped to the region). */
	int sx, sy, sz;
	/**
	 * Where in {@link #grey} the kernel's lesion voxels are ({@link #voxelCount} of them), ascending: the families visit
	 * them in the order a scan of the box would, without stepping over the zeros.
	 */
	final int[] voxels;
	/** Row of each grey level in this kernel's matrices, -1 when absent; the present levels ascending. */
	final int[] levelRow, levels;
	int levelCount, voxelCount;
	/** The present levels as values (the families' row labels), read only. */
	double[] levelValues;

	/**
	 * @param side   the kernel's side 2r + 1
	 * @param angles the neighbour directions (dz, dy, dx) the families step along
	 */
	KernelBox(int[] region, int nx, int ny, int ng, int side, int[][] angles) {
		this.region = region;
		this.nx = nx;
		this.ny = ny;
		this.ng = ng;
		int b = 1;
		for (int[] a : angles) for (int d : a) b = Math.max(b, Math.abs(d));
		border = b;
		stride = side + 2 * b;
		grey = new int[stride * stride * stride];
		levelRow = new int[ng + 1];
		levels = new int[ng];
		voxels = new int[side * side * side];
	}

	/** Moves to the box [from, to] (inclusive, region voxels). */
	void moveTo(int[] from, int[] to) {
		sx = to[0] - from[0] + 1;
		sy = to[1] - from[1] + 1;
		sz = to[2] - from[2] + 1;
		java.util.Arrays.fill(grey, 0);
		java.util.Arrays.fill(levelRow, -1);
		int count = 0;
		for (int z = 0; z < sz; z++)
			for (int y = 0; y < sy; y++)
				for (int x = 0, i = from[0] + nx * (from[1] + y + ny * (from[2] + z)), j = index(0, y, z); x < sx; x++, i++, j++) {
					int g = region[i];
					grey[j] = g;
					if (g != 0) {
						levelRow[g] = 0;
						voxels[count++] = j;
					}
				}
		voxelCount = count;
		levelCount = 0;
		for (int g = 1; g <= ng; g++)
			if (levelRow[g] == 0) {
				levels[levelCount] = g;
				levelRow[g] = levelCount++;
			}
		levelValues = new double[levelCount];
		for (int k = 0; k < levelCount; k++) levelValues[k] = levels[k];
	}

	/** Index in {@link #grey} of box voxel (x, y, z), 0 ≤ x < sx …; x &lt; 0 and x ≥ sx are the border. */
	int index(int x, int y, int z) { return x + border + stride * (y + border + stride * (z + border)); }

	/** The index difference of a neighbour along direction (dz, dy, dx). */
	int step(int[] a) { return a[2] + stride * (a[1] + stride * a[0]); }
}
