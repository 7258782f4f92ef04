package lesionradiomics.features;

/**
 * IBSI 1 neighbouring grey level dependence features (reference manual 3.11): for each voxel of the intensity mask,
 * its dependence k = 1 + the neighbours (Chebyshev distance 1; 8 in a slice for 2D and 2.5D, 26 in 3D) inside the
 * mask with the same grey level (coarseness α = 0); s(i, k) counts voxels. The formulas shared with the zone
 * matrices are {@link SizeMatrix}'s; 2D averages the slices, 2.5D sums their matrices.
 */
final class Ngldm {

	private final IbsiSizeFeatures f = new IbsiSizeFeatures();

	Ngldm(IbsiGrid grid, IbsiAggregation aggregation) {
		boolean merge = aggregation == IbsiAggregation.MERGED_SLICES_2_5D;
		int[] steps = grid.neighbourSteps(aggregation.inPlane());
		int maxK = steps.length + 1;
		int[] lv = grid.padded;
		double[][] merged = new double[grid.ng][maxK];
		double voxels = 0;
		for (int[] r : aggregation.sliceRanges(grid.nz)) {
			// the slice ranges are single slices with in-plane neighbours, or all slices: the zero border bounds both
			int[] c = new int[grid.ng * maxK];
			for (int z = r[0]; z < r[1]; z++)
				for (int y = 0; y < grid.ny; y++)
					for (int p = grid.index(0, y, z), end = p + grid.nx; p < end; p++) {
						int level = lv[p];
						if (level == 0) continue;
						int k = 1;
						for (int s : steps) k += lv[p + s] == level ? 1 : 0; // no branch: neighbours match at random
						c[(level - 1) * maxK + k - 1]++;
					}
			double[][] m = new double[grid.ng][maxK];
			for (int a = 0; a < grid.ng; a++) for (int b = 0; b < maxK; b++) m[a][b] = c[a * maxK + b];
			double nv = grid.voxels(r[0], r[1]);
			if (merge) {
				for (int a = 0; a < grid.ng; a++) for (int b = 0; b < maxK; b++) merged[a][b] += m[a][b];
				voxels += nv;
			} else f.add(grid.rowLevels, m, nv);
		}
		if (merge) f.add(grid.rowLevels, merged, voxels);
	}

	@IbsiFeature(name = "Low dependence emphasis", code = "SODN") double lowDependenceEmphasis() { return f.smallEmphasis(); }
	@IbsiFeature(name = "High dependence emphasis", code = "IMOQ") double highDependenceEmphasis() { return f.largeEmphasis(); }
	@IbsiFeature(name = "Low grey level count emphasis", code = "TL9H") double lowGreyLevelCountEmphasis() { return f.lowGreyLevelEmphasis(); }
	@IbsiFeature(name = "High grey level count emphasis", code = "OAE7") double highGreyLevelCountEmphasis() { return f.highGreyLevelEmphasis(); }
	@IbsiFeature(name = "Low dependence low grey level emphasis", code = "EQ3F") double lowDependenceLowGreyLevelEmphasis() { return f.smallLowGreyLevelEmphasis(); }
	@IbsiFeature(name = "Low dependence high grey level emphasis", code = "JA6D") double lowDependenceHighGreyLevelEmphasis() { return f.smallHighGreyLevelEmphasis(); }
	@IbsiFeature(name = "High dependence low grey level emphasis", code = "NBZI") double highDependenceLowGreyLevelEmphasis() { return f.largeLowGreyLevelEmphasis(); }
	@IbsiFeature(name = "High dependence high grey level emphasis", code = "9QMG") double highDependenceHighGreyLevelEmphasis() { return f.largeHighGreyLevelEmphasis(); }
	@IbsiFeature(name = "Grey level non-uniformity", code = "FP8K") double greyLevelNonUniformity() { return f.greyLevelNonUniformity(); }
	@IbsiFeature(name = "Normalised grey level non-uniformity", code = "5SPA") double normalisedGreyLevelNonUniformity() { return f.normalisedGreyLevelNonUniformity(); }
	@IbsiFeature(name = "Dependence count non-uniformity", code = "Z87G") double dependenceCountNonUniformity() { return f.sizeNonUniformity(); }
	@IbsiFeature(name = "Normalised dependence count non-uniformity", code = "OKJI") double normalisedDependenceCountNonUniformity() { return f.normalisedSizeNonUniformity(); }
	@IbsiFeature(name = "Dependence count percentage", code = "6XV8") double dependenceCountPercentage() { return f.percentage(); }
	@IbsiFeature(name = "Grey level variance", code = "1PFV") double greyLevelVariance() { return f.greyLevelVariance(); }
	@IbsiFeature(name = "Dependence count variance", code = "DNX2") double dependenceCountVariance() { return f.sizeVariance(); }
	@IbsiFeature(name = "Dependence count entropy", code = "FCBV") double dependenceCountEntropy() { return f.entropy(); }
	@IbsiFeature(name = "Dependence count energy", code = "CAS9") double dependenceCountEnergy() { return f.energy(); }
}
