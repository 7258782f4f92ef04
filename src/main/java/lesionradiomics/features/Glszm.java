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
		// flood fill on the zero-padded grid: no bounds checks, no index → (x, y, z) divisions; the zones (and so the
		// matrix) do not depend on the order they are found in
		TextureGrid.Padded padded = grid.padded();
		// a copy of the padded levels in which each voxel is set to 0 once taken into a zone: one load and compare per
		// neighbour instead of a "done" flag and the level (the padded grid itself is shared by the families)
		int[] levels = padded.levels().clone(), offsets = padded.offsets();
		int[] voxels = new int[grid.voxelCount];
		int[] zoneLevel = new int[grid.voxelCount];
		int[] zoneSize = new int[grid.voxelCount];
		int zones = 0, maxSize = 0;
		for (int z = 0; z < grid.nz; z++)
			for (int y = 0; y < grid.ny; y++)
				for (int x = 0, start = padded.index(0, y, z); x < grid.nx; x++, start++) {
					int level = levels[start];
					if (level == 0) continue;
					int size = zone(levels, start, offsets, voxels);
					zoneLevel[zones] = level;
					zoneSize[zones++] = size;
					maxSize = Math.max(maxSize, size);
				}
		double[][] counts = new double[grid.presentLevels.length][maxSize];
		for (int z = 0; z < zones; z++) counts[grid.levelRow[zoneLevel[z]]][zoneSize[z] - 1]++;
		m = new SizeMatrix(grid.levelValues(), counts);
	}

	/**
	 * The zone of {@code start}: the voxels connected to it through {@code steps} with its level, breadth first, each
	 * set to 0 in {@code levels} once taken (so the test of a neighbour is one load and compare; a zero border bounds
	 * the search). They are left at voxels[0..size), size returned.
	 */
	static int zone(int[] levels, int start, int[] steps, int[] voxels) {
		int level = levels[start], size = 0;
		levels[start] = 0;
		voxels[size++] = start;
		for (int next = 0; next < size; next++) {
			int v = voxels[next];
			for (int step : steps) {
				int w = v + step;
				if (levels[w] == level) {
					levels[w] = 0;
					voxels[size++] = w;
				}
			}
		}
		return size;
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
