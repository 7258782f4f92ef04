package lesionradiomics.features;

/**
 * Grey Level Dependence Matrix features of pyradiomics 3.0 ({@code radiomics/gldm.py}): for every voxel, the number of
 * neighbours (all directions, both ways) inside the mask whose grey level differs by at most {@code gldm_a}; the matrix
 * counts voxels by grey level and dependence + 1.
 */
public final class Gldm {

	private final SizeMatrix m;

	public Gldm(LesionData lesion) {
		TextureGrid grid = lesion.textureGrid();
		double alpha = lesion.settings().gldmA();
		int maxDependence = 2 * grid.angles.length;
		double[][] counts = new double[grid.presentLevels.length][maxDependence + 1];
		TextureGrid.Padded padded = grid.padded();
		// |level difference| is an integer: ≤ alpha exactly when ≤ ⌊alpha⌋ (-1 for a negative alpha: never)
		int within = alpha < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, Math.floor(alpha));
		int[] paddedLevels = padded.levels(), offsets = padded.offsets();
		// the relation "neighbours within alpha" is symmetric: each of the 13 pairs of directions is tested once per
		// voxel, from the voxel to its neighbour at +a, and counts for both (the neighbour's -a is this voxel); the
		// same integer dependence per voxel as testing all 26 neighbours of each
		int[] dependence = new int[paddedLevels.length];
		for (int z = 0; z < grid.nz; z++)
			for (int y = 0; y < grid.ny; y++)
				for (int x = 0, pv = padded.index(0, y, z); x < grid.nx; x++, pv++) {
					int level = paddedLevels[pv];
					if (level == 0) continue;
					for (int k = 0; k < offsets.length; k += 2) {
						int w = pv + offsets[k], other = paddedLevels[w];
						if (other != 0 && Math.abs(level - other) <= within) {
							dependence[pv]++;
							dependence[w]++;
						}
					}
				}
		for (int z = 0; z < grid.nz; z++)
			for (int y = 0; y < grid.ny; y++)
				for (int x = 0, pv = padded.index(0, y, z); x < grid.nx; x++, pv++) {
					int level = paddedLevels[pv];
					if (level != 0) counts[grid.levelRow[level]][dependence[pv]]++;
				}
		double[] levels = grid.levelValues();
		m = new SizeMatrix(levels, counts);
	}

	/** The features of a dependence matrix found elsewhere (voxel-map kernels). */
	Gldm(SizeMatrix dependences) {
		this.m = dependences;
	}

	@Feature double smallDependenceEmphasis() { return m.smallEmphasis(); }
	@Feature double largeDependenceEmphasis() { return m.largeEmphasis(); }
	@Feature double grayLevelNonUniformity() { return m.grayLevelNonUniformity(); }
	@Feature double dependenceNonUniformity() { return m.sizeNonUniformity(); }
	@Feature double dependenceNonUniformityNormalized() { return m.sizeNonUniformityNormalized(); }
	@Feature double grayLevelVariance() { return m.grayLevelVariance(); }
	@Feature double dependenceVariance() { return m.sizeVariance(); }
	@Feature double dependenceEntropy() { return m.entropy(); }
	@Feature double lowGrayLevelEmphasis() { return m.lowGrayLevelEmphasis(); }
	@Feature double highGrayLevelEmphasis() { return m.highGrayLevelEmphasis(); }
	@Feature double smallDependenceLowGrayLevelEmphasis() { return m.jointEmphasis(-2, -2); }
	@Feature double smallDependenceHighGrayLevelEmphasis() { return m.jointEmphasis(2, -2); }
	@Feature double largeDependenceLowGrayLevelEmphasis() { return m.jointEmphasis(-2, 2); }
	@Feature double largeDependenceHighGrayLevelEmphasis() { return m.jointEmphasis(2, 2); }
}
