package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The run, zone, dependence and neighbourhood-difference matrices of one voxel-map kernel, built straight from the
 * lesion's grey levels inside the kernel box (no per-voxel copy of the box); the features themselves are those of
 * {@link Glrlm}, {@link Glszm}, {@link Gldm} and {@link Ngtdm}, which get the matrices through their package
 * constructors. pyradiomics' C code confines runs, zones and neighbours to the kernel box, as here. Unweighted
 * (weightingNorm unset) only. Not thread safe: one instance per thread.
 */
final class KernelTextures {

	private final KernelBox kernel;
	/** Directions (dz, dy, dx), one per ± pair. */
	private final int[][] angles;
	private final double gldmA;
	private final int[] stack, visited;
	/** Run counts of one direction, reused: [level row][length − 1]. */
	private final double[][] runs;
	private int visit;

	KernelTextures(KernelBox kernel, int[][] angles, double gldmA, int regionVoxels, int kernelVoxels) {
		this.kernel = kernel;
		this.angles = angles;
		this.gldmA = gldmA;
		stack = new int[kernelVoxels];
		int side = (int) Math.round(Math.cbrt(kernelVoxels));
		runs = new double[kernel.ng][side];
		visited = new int[regionVoxels];
	}

	/** Runs of equal grey level along each direction through the box; directions without runs dropped. */
	Glrlm glrlm() {
		KernelBox k = kernel;
		int n = k.levelCount, maxRun = Math.max(k.hi[0] - k.lo[0], Math.max(k.hi[1] - k.lo[1], k.hi[2] - k.lo[2])) + 1;
		double[] levels = k.levelValues;
		List<SizeMatrix> matrices = new ArrayList<>();
		SizeMatrix first = null;
		for (int[] a : angles) {
			double[][] counts = runs;
			for (int r = 0; r < n; r++) java.util.Arrays.fill(counts[r], 0, maxRun, 0);
			Glrlm.LineRuns line = new Glrlm.LineRuns(counts, k.levelRow);
			int dz = a[0], dy = a[1], dx = a[2];
			for (int z = k.lo[2]; z <= k.hi[2]; z++)
				for (int y = k.lo[1]; y <= k.hi[1]; y++)
					for (int x = k.lo[0]; x <= k.hi[0]; x++) {
						if (k.contains(x - dx, y - dy, z - dz)) continue; // not the start of a line
						for (int cx = x, cy = y, cz = z; k.contains(cx, cy, cz); cx += dx, cy += dy, cz += dz) line.next(k.grey[k.index(cx, cy, cz)]);
						line.end();
					}
			if (!line.multiElement()) for (int r = 0; r < n; r++) java.util.Arrays.fill(counts[r], 0, maxRun, 0);
			SizeMatrix m = new SizeMatrix(levels, counts, n, maxRun);
			if (first == null) first = m;
			if (m.total > 0) matrices.add(m);
		}
		if (matrices.isEmpty()) matrices.add(first);
		return new Glrlm(matrices, k.voxelCount);
	}

	/** Zones: 26-connected (through the directions, both ways) voxels of one grey level inside the box. */
	Glszm glszm() {
		KernelBox k = kernel;
		int n = k.levelCount;
		visit++;
		int[] zoneLevel = new int[k.voxelCount], zoneSize = new int[k.voxelCount];
		int zones = 0, maxSize = 0;
		for (int z = k.lo[2]; z <= k.hi[2]; z++)
			for (int y = k.lo[1]; y <= k.hi[1]; y++)
				for (int x = k.lo[0]; x <= k.hi[0]; x++) {
					int start = k.index(x, y, z), level = k.grey[start];
					if (level == 0 || visited[start] == visit) continue;
					int top = 0, size = 0;
					stack[top++] = start;
					visited[start] = visit;
					while (top > 0) {
						int v = stack[--top];
						size++;
						int vx = v % k.nx, vy = (v / k.nx) % k.ny, vz = v / (k.nx * k.ny);
						for (int[] a : angles)
							for (int sign = -1; sign <= 1; sign += 2) {
								int wx = vx + sign * a[2], wy = vy + sign * a[1], wz = vz + sign * a[0];
								if (!k.contains(wx, wy, wz)) continue;
								int w = k.index(wx, wy, wz);
								if (visited[w] != visit && k.grey[w] == level) {
									visited[w] = visit;
									stack[top++] = w;
								}
							}
					}
					zoneLevel[zones] = level;
					zoneSize[zones++] = size;
					maxSize = Math.max(maxSize, size);
				}
		double[][] counts = new double[n][maxSize];
		for (int z = 0; z < zones; z++) counts[k.levelRow[zoneLevel[z]]][zoneSize[z] - 1]++;
		return new Glszm(new SizeMatrix(k.levelValues, counts), k.voxelCount);
	}

	/**
	 * The neighbourhood of every kernel voxel in one pass: its dependence count (neighbours within gldm_a of its
	 * level) for gldm and the mean level of its neighbours for ngtdm; either may be null when not wanted.
	 */
	void neighbourhoods(double[][] dependences, double[] ngtdmCounts, double[] ngtdmSums) {
		KernelBox k = kernel;
		for (int z = k.lo[2]; z <= k.hi[2]; z++)
			for (int y = k.lo[1]; y <= k.hi[1]; y++)
				for (int x = k.lo[0]; x <= k.hi[0]; x++) {
					int level = k.grey[k.index(x, y, z)];
					if (level == 0) continue;
					int dependence = 0, count = 0;
					double sum = 0;
					for (int[] a : angles)
						for (int sign = 1; sign >= -1; sign -= 2) {
							int wx = x + sign * a[2], wy = y + sign * a[1], wz = z + sign * a[0];
							if (!k.contains(wx, wy, wz)) continue;
							int other = k.grey[k.index(wx, wy, wz)];
							if (other == 0) continue;
							count++;
							sum += other;
							if (Math.abs(level - other) <= gldmA) dependence++;
						}
					int row = k.levelRow[level];
					if (dependences != null) dependences[row][dependence]++;
					if (ngtdmCounts != null) {
						ngtdmCounts[row]++;
						ngtdmSums[row] += count == 0 ? 0 : Math.abs(level - sum / count);
					}
				}
	}

	/** A dependence count matrix for {@link #neighbourhoods}: levels × (0 .. all neighbours). */
	double[][] dependenceCounts() { return new double[kernel.levelCount][2 * angles.length + 1]; }

	Gldm gldm(double[][] dependences) { return new Gldm(new SizeMatrix(kernel.levelValues, dependences)); }

	Ngtdm ngtdm(double[] counts, double[] sums) { return new Ngtdm(kernel.levelValues, counts, sums); }
}
