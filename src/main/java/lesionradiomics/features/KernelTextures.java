package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The run, zone, dependence and neighbourhood-difference matrices of one voxel-map kernel, built from the kernel box's
 * grey levels with their zero border ({@link KernelBox#grey}: neighbour steps need no bounds checks); the features themselves are those of
 * {@link Glrlm}, {@link Glszm}, {@link Gldm} and {@link Ngtdm}, which get the matrices through their package
 * constructors. pyradiomics' C code confines runs, zones and neighbours to the kernel box, as here. Runs are for the
 * unweighted glrlm (weightingNorm unset; a weighted one goes through {@link Glrlm} itself). Not thread safe: one
 * instance per thread.
 */
final class KernelTextures {

	private final KernelBox kernel;
	/** Directions (dz, dy, dx), one per ± pair. */
	private final int[][] angles;
	private final double gldmA;
	/** Index step in {@link KernelBox#grey} along each direction (its opposite is the other neighbour). */
	private final int[] steps;
	/**
	 * Per voxel of {@link KernelBox#grey}: zone (union–find parent) and zone size; neighbours in the lesion, the sum of
	 * their levels, and those within gldm_a.
	 */
	private final int[] parent, zoneSize, neighbourCount, neighbourSum, dependence;
	/** Per voxel of {@link KernelBox#grey}: the length of its run so far along the direction being counted. */
	private final int[] runLength;
	/** Run counts of one direction, reused: [level row][length − 1]. */
	private final double[][] runs;
	/**
	 * Per box size (sx, sy, sz, each 1..side, at ((sx - 1)·side + sy - 1)·side + sz - 1) and direction, the lines through a
	 * box of that size ({@link #lines}); an array, not a map: the look-up runs 13 times per voxel.
	 */
	private final int[][][][] lineCache;
	private final int side;

	KernelTextures(KernelBox kernel, int[][] angles, double gldmA, int kernelVoxels) {
		this.kernel = kernel;
		this.angles = angles;
		this.gldmA = gldmA;
		side = (int) Math.round(Math.cbrt(kernelVoxels));
		runs = new double[kernel.ng][side];
		lineCache = new int[side * side * side][][][];
		int cells = kernel.grey.length;
		parent = new int[cells];
		zoneSize = new int[cells];
		neighbourCount = new int[cells];
		neighbourSum = new int[cells];
		dependence = new int[cells];
		runLength = new int[cells];
		steps = new int[angles.length];
		for (int k = 0; k < angles.length; k++) steps[k] = kernel.step(angles[k]);
	}

	/**
	 * Runs of equal grey level along each direction through the box; directions without runs dropped. A direction along
	 * which no line holds two lesion voxels has no runs, as in {@link Glrlm} (pyradiomics' calculate_glrlm).
	 */
	Glrlm glrlm() {
		KernelBox k = kernel;
		int n = k.levelCount, maxRun = Math.max(k.sx, Math.max(k.sy, k.sz));
		double[] levels = k.levelValues;
		List<SizeMatrix> matrices = new ArrayList<>();
		SizeMatrix first = null;
		for (int angle = 0; angle < angles.length; angle++) {
			double[][] counts = runs;
			for (int r = 0; r < n; r++) java.util.Arrays.fill(counts[r], 0, maxRun, 0);
			if (!countRuns(steps[angle], counts) && !twoOnALine(angle)) for (int r = 0; r < n; r++) java.util.Arrays.fill(counts[r], 0, maxRun, 0);
			SizeMatrix m = new SizeMatrix(levels, counts, n, maxRun);
			if (first == null) first = m;
			if (m.total > 0) matrices.add(m);
		}
		if (matrices.isEmpty()) matrices.add(first);
		return new Glrlm(matrices, k.voxelCount);
	}

	/**
	 * Counts the runs along {@code step} into {@code counts} [level row][length − 1], visiting the kernel's lesion voxels
	 * in ascending order through {@link Glrlm#sweep} (the voxel one step back comes earlier: steps are positive; the
	 * border reads 0).
	 * Integer counts, so the same as walking each line. Returns whether two lesion voxels are neighbours along
	 * {@code step} (then some line holds two).
	 */
	private boolean countRuns(int step, double[][] counts) {
		KernelBox k = kernel;
		int[] grey = k.grey, voxels = k.voxels, levelRow = k.levelRow;
		boolean neighbours = false;
		for (int v = 0, count = k.voxelCount; v < count; v++) {
			int i = voxels[v];
			Glrlm.sweep(grey, runLength, i, step, counts, levelRow);
			if (grey[i + step] != 0) neighbours = true;
		}
		return neighbours;
	}

	/** Whether some line through the box along direction {@code angle} holds two lesion voxels (not neighbours). */
	private boolean twoOnALine(int angle) {
		KernelBox k = kernel;
		int[][] lines = lines(angle);
		int base = k.index(0, 0, 0), step = steps[angle];
		for (int l = 0; l < lines[0].length; l++) {
			int found = 0;
			for (int i = base + lines[0][l], left = lines[1][l]; left > 0; left--, i += step)
				if (k.grey[i] != 0 && ++found == 2) return true;
		}
		return false;
	}

	/**
	 * The lines through the kernel box along direction {@code a}: their first voxels (offsets from the box's first
	 * voxel, region indexing) and lengths. They depend only on the box's size, so they are kept per size and direction.
	 */
	private int[][] lines(int angle) {
		KernelBox k = kernel;
		int sx = k.sx, sy = k.sy, sz = k.sz;
		int key = ((sx - 1) * side + sy - 1) * side + sz - 1;
		int[][][] perAngle = lineCache[key];
		if (perAngle == null) perAngle = lineCache[key] = new int[angles.length][][];
		if (perAngle[angle] == null) perAngle[angle] = linesOfBox(angles[angle], sx, sy, sz);
		return perAngle[angle];
	}

	private int[][] linesOfBox(int[] a, int sx, int sy, int sz) {
		KernelBox k = kernel;
		List<int[]> found = new ArrayList<>();
		int dz = a[0], dy = a[1], dx = a[2];
		for (int z = 0; z < sz; z++)
			for (int y = 0; y < sy; y++)
				for (int x = 0; x < sx; x++) {
					int px = x - dx, py = y - dy, pz = z - dz;
					if (px >= 0 && px < sx && py >= 0 && py < sy && pz >= 0 && pz < sz) continue; // not the start of a line
					int length = 0;
					for (int cx = x, cy = y, cz = z; cx >= 0 && cx < sx && cy >= 0 && cy < sy && cz >= 0 && cz < sz; cx += dx, cy += dy, cz += dz) length++;
					found.add(new int[] { k.index(x, y, z) - k.index(0, 0, 0), length });
				}
		int[][] out = new int[2][found.size()];
		for (int l = 0; l < found.size(); l++) {
			out[0][l] = found.get(l)[0];
			out[1][l] = found.get(l)[1];
		}
		return out;
	}

	/**
	 * One pass over the kernel's neighbour pairs (each looked at once, along the 13 directions) for what {@link #glszm}
	 * and {@link #neighbourhoods} then read: the zones (union–find of equal neighbours) when {@code zones}, the
	 * neighbour counts, level sums and dependences of both voxels of a pair when {@code neighbourhoods}. Call it once
	 * per kernel position, before those two.
	 */
	void pairs(boolean zones, boolean neighbourhoods) {
		KernelBox k = kernel;
		int[] grey = k.grey;
		int[] voxels = k.voxels;
		int count = k.voxelCount;
		for (int v = 0; v < count; v++) { // only lesion voxels are ever read below
			int i = voxels[v];
			parent[i] = i;
			zoneSize[i] = neighbourCount[i] = neighbourSum[i] = dependence[i] = 0;
		}
		// voxel by voxel, its (forward) neighbours along the 13 directions: i's zone root is looked up once for all of them
		for (int v = 0; v < count; v++) {
			int i = voxels[v], level = grey[i];
			int a = zones ? root(i) : -1;
			for (int step : steps) {
				int j = i + step, other = grey[j];
				if (other == 0) continue;
				if (neighbourhoods) {
					neighbourCount[i]++;
					neighbourCount[j]++;
					neighbourSum[i] += other;
					neighbourSum[j] += level;
					if (Math.abs(level - other) <= gldmA) {
						dependence[i]++;
						dependence[j]++;
					}
				}
				if (zones && other == level) {
					// the earlier root becomes the parent: j > i (every step is positive) and the voxels come in
					// index order, so j is mostly still alone and hangs directly under i's root — short paths
					int b = root(j);
					if (a < b) parent[b] = a;
					else if (b < a) {
						parent[a] = b;
						a = b;
					}
				}
			}
		}
	}

	/**
	 * Zones: 26-connected (through the directions, both ways) voxels of one grey level inside the box, found by
	 * {@link #pairs} joining each voxel to its equal neighbour along every direction (union–find with path halving;
	 * Cormen et al., 21.3): every pair is looked at once, where a flood fill looks at each from both ends. The zone
	 * matrix does not depend on the order zones are found in.
	 */
	Glszm glszm() {
		KernelBox k = kernel;
		int[] grey = k.grey;
		int n = k.levelCount;
		int zones = 0, maxSize = 0;
		int[] zoneLevel = new int[k.voxelCount], sizes = new int[k.voxelCount];
		int[] voxels = k.voxels;
		int count = k.voxelCount;
		for (int v = 0; v < count; v++) zoneSize[root(voxels[v])]++;
		for (int v = 0; v < count; v++) {
			int i = voxels[v];
			if (parent[i] == i) {
				zoneLevel[zones] = grey[i];
				sizes[zones++] = zoneSize[i];
				maxSize = Math.max(maxSize, zoneSize[i]);
			}
		}
		double[][] counts = new double[n][maxSize];
		for (int z = 0; z < zones; z++) counts[k.levelRow[zoneLevel[z]]][sizes[z] - 1]++;
		return new Glszm(new SizeMatrix(k.levelValues, counts), k.voxelCount);
	}

	private int root(int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/**
	 * The neighbourhood of every kernel voxel, from {@link #pairs}: its dependence count (neighbours within gldm_a of its
	 * level) for gldm and the mean level of its neighbours for ngtdm; either may be null when not wanted. The counts and
	 * level sums are integers, so they do not depend on the order the pairs were met in.
	 */
	void neighbourhoods(double[][] dependences, double[] ngtdmCounts, double[] ngtdmSums) {
		KernelBox k = kernel;
		int[] grey = k.grey;
		for (int v = 0; v < k.voxelCount; v++) {
			int i = k.voxels[v], level = grey[i];
			int row = k.levelRow[level], count = neighbourCount[i];
			if (dependences != null) dependences[row][dependence[i]]++;
			if (ngtdmCounts != null) {
				ngtdmCounts[row]++;
				ngtdmSums[row] += count == 0 ? 0 : Math.abs(level - (double) neighbourSum[i] / count);
			}
		}
	}

	/** A dependence count matrix for {@link #neighbourhoods}: levels × (0 .. all neighbours). */
	double[][] dependenceCounts() { return new double[kernel.levelCount][2 * angles.length + 1]; }

	Gldm gldm(double[][] dependences) { return new Gldm(new SizeMatrix(kernel.levelValues, dependences)); }

	Ngtdm ngtdm(double[] counts, double[] sums) { return new Ngtdm(kernel.levelValues, counts, sums); }
}
