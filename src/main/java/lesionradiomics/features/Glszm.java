package lesionradiomics.features;

/**
 * Grey Level Size Zone Matrix features of pyradiomics 3.0 ({@code radiomics/glszm.py}): zones are connected sets of
 * voxels with the same grey level, connected through all neighbour directions (26-connectivity in 3D, 8 in-plane
 * with {@code force2D}).
 */
public final class Glszm {

	private final SizeMatrix m;
	private final int voxelCount;

	public Glszm(LesionData lesion) {
		TextureGrid grid = lesion.textureGrid();
		voxelCount = grid.voxelCount;
		int n = grid.levels.length;
		boolean[] done = new boolean[n];
		int[] stack = new int[n];
		int[] zoneLevel = new int[grid.voxelCount];
		int[] zoneSize = new int[grid.voxelCount];
		int zones = 0, maxSize = 0;
		for (int start = 0; start < n; start++) {
			int level = grid.levels[start];
			if (level == 0 || done[start]) continue;
			int top = 0, size = 0;
			stack[top++] = start;
			done[start] = true;
			while (top > 0) {
				int v = stack[--top];
				size++;
				int x = v % grid.nx, y = (v / grid.nx) % grid.ny, z = v / (grid.nx * grid.ny);
				for (int[] a : grid.angles)
					for (int sign = -1; sign <= 1; sign += 2) {
						int w = grid.neighbour(x, y, z, a, sign);
						if (w >= 0 && !done[w] && grid.levels[w] == level) {
							done[w] = true;
							stack[top++] = w;
						}
					}
			}
			zoneLevel[zones] = level;
			zoneSize[zones++] = size;
			maxSize = Math.max(maxSize, size);
		}
		double[][] counts = new double[grid.presentLevels.length][maxSize];
		for (int z = 0; z < zones; z++) counts[grid.levelRow[zoneLevel[z]]][zoneSize[z] - 1]++;
		double[] levels = grid.levelValues();
		m = new SizeMatrix(levels, counts);
	}

	/** The features of a zone matrix found elsewhere (voxel-map kernels), over {@code voxelCount} voxels. */
	Glszm(SizeMatrix zones, int voxelCount) {
		this.m = zones;
		this.voxelCount = voxelCount;
	}

	@Feature double smallAreaEmphasis() { return m.smallEmphasis(); }
	@Feature double largeAreaEmphasis() { return m.largeEmphasis(); }
	@Feature double grayLevelNonUniformity() { return m.grayLevelNonUniformity(); }
	@Feature double grayLevelNonUniformityNormalized() { return m.grayLevelNonUniformityNormalized(); }
	@Feature double sizeZoneNonUniformity() { return m.sizeNonUniformity(); }
	@Feature double sizeZoneNonUniformityNormalized() { return m.sizeNonUniformityNormalized(); }
	@Feature double zonePercentage() { return m.total / voxelCount; }
	@Feature double grayLevelVariance() { return m.grayLevelVariance(); }
	@Feature double zoneVariance() { return m.sizeVariance(); }
	@Feature double zoneEntropy() { return m.entropy(); }
	@Feature double lowGrayLevelZoneEmphasis() { return m.lowGrayLevelEmphasis(); }
	@Feature double highGrayLevelZoneEmphasis() { return m.highGrayLevelEmphasis(); }
	@Feature double smallAreaLowGrayLevelEmphasis() { return m.jointEmphasis(-2, -2); }
	@Feature double smallAreaHighGrayLevelEmphasis() { return m.jointEmphasis(2, -2); }
	@Feature double largeAreaLowGrayLevelEmphasis() { return m.jointEmphasis(-2, 2); }
	@Feature double largeAreaHighGrayLevelEmphasis() { return m.jointEmphasis(2, 2); }
}
