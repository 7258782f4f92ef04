package lesionradiomics.features;

/**
 * One voxel's kernel in a lesion's padded box, as the fast voxel-map families read it: the box [lo, hi] (inclusive,
 * region voxels), the grey levels present in it (ascending) with their matrix rows, and its lesion voxel count. One
 * instance per thread, moved from voxel to voxel with {@link #moveTo}.
 */
final class KernelBox {

	/** Grey level per region voxel, 0 outside the lesion; region sizes along x and y. */
	final int[] grey;
	final int nx, ny;
	/** The lesion's highest grey level (pyradiomics' Ng in voxel mode). */
	final int ng;
	final int[] lo = new int[3], hi = new int[3];
	/** Row of each grey level in this kernel's matrices, -1 when absent; the present levels ascending. */
	final int[] levelRow, levels;
	int levelCount, voxelCount;
	/** The present levels as values (the families' row labels), read only. */
	double[] levelValues;

	KernelBox(int[] grey, int nx, int ny, int ng) {
		this.grey = grey;
		this.nx = nx;
		this.ny = ny;
		this.ng = ng;
		levelRow = new int[ng + 1];
		levels = new int[ng];
	}

	void moveTo(int[] from, int[] to) {
		System.arraycopy(from, 0, lo, 0, 3);
		System.arraycopy(to, 0, hi, 0, 3);
		java.util.Arrays.fill(levelRow, -1);
		int count = 0;
		for (int z = lo[2]; z <= hi[2]; z++)
			for (int y = lo[1]; y <= hi[1]; y++)
				for (int x = lo[0], i = index(x, y, z); x <= hi[0]; x++, i++)
					if (grey[i] != 0) {
						levelRow[grey[i]] = 0;
						count++;
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

	int index(int x, int y, int z) { return x + nx * (y + ny * z); }

	boolean contains(int x, int y, int z) {
		return x >= lo[0] && x <= hi[0] && y >= lo[1] && y <= hi[1] && z >= lo[2] && z <= hi[2];
	}

}
