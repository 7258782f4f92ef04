package lesionradiomics.features;

/**
 * IBSI 1 grey level size zone features (reference manual 3.8): zones 8-connected in a slice (2D, 2.5D) or
 * 26-connected (3D).
 */
final class IbsiGlszm {

	private final IbsiSizeFeatures f = new IbsiSizeFeatures();

	IbsiGlszm(IbsiGrid grid, IbsiAggregation aggregation) {
		ZoneMatrices.of(grid, aggregation, null, f);
	}

	/** The zone (or distance) matrices of an aggregation method into {@code f}; 2.5D sums the slices' matrices. */
	static final class ZoneMatrices {
		private ZoneMatrices() {}

		static void of(IbsiGrid grid, IbsiAggregation aggregation, int[] distance, IbsiSizeFeatures f) {
			boolean merge = aggregation == IbsiAggregation.MERGED_SLICES_2_5D;
			double[][] merged = null;
			double voxels = 0;
			for (int[] r : aggregation.sliceRanges(grid.nz)) {
				int[][] zones = grid.zones(r[0], r[1], aggregation.inPlane(), distance);
				double[][] m = grid.countMatrix(zones[0], distance == null ? zones[1] : zones[2]);
				double nv = grid.voxels(r[0], r[1]);
				if (merge) {
					merged = addWidened(merged, m);
					voxels += nv;
				} else f.add(grid.rowLevels, m, nv);
			}
			if (merge) f.add(grid.rowLevels, merged, voxels);
		}

		/** acc + m, widened to the larger number of columns (sizes differ between slices). */
		static double[][] addWidened(double[][] acc, double[][] m) {
			if (acc == null) return m;
			double[][] out = acc[0].length >= m[0].length ? acc : new double[acc.length][m[0].length];
			for (int r = 0; r < m.length; r++) {
				if (out != acc) System.arraycopy(acc[r], 0, out[r], 0, acc[r].length);
				for (int c = 0; c < m[r].length; c++) out[r][c] += m[r][c];
			}
			return out;
		}
	}

	@IbsiFeature(name = "Small zone emphasis", code = "5QRC") double smallZoneEmphasis() { return f.smallEmphasis(); }
	@IbsiFeature(name = "Large zone emphasis", code = "48P8") double largeZoneEmphasis() { return f.largeEmphasis(); }
	@IbsiFeature(name = "Low grey level zone emphasis", code = "XMSY") double lowGreyLevelZoneEmphasis() { return f.lowGreyLevelEmphasis(); }
	@IbsiFeature(name = "High grey level zone emphasis", code = "5GN9") double highGreyLevelZoneEmphasis() { return f.highGreyLevelEmphasis(); }
	@IbsiFeature(name = "Small zone low grey level emphasis", code = "5RAI") double smallZoneLowGreyLevelEmphasis() { return f.smallLowGreyLevelEmphasis(); }
	@IbsiFeature(name = "Small zone high grey level emphasis", code = "HW1V") double smallZoneHighGreyLevelEmphasis() { return f.smallHighGreyLevelEmphasis(); }
	@IbsiFeature(name = "Large zone low grey level emphasis", code = "YH51") double largeZoneLowGreyLevelEmphasis() { return f.largeLowGreyLevelEmphasis(); }
	@IbsiFeature(name = "Large zone high grey level emphasis", code = "J17V") double largeZoneHighGreyLevelEmphasis() { return f.largeHighGreyLevelEmphasis(); }
	@IbsiFeature(name = "Grey level non-uniformity", code = "JNSA") double greyLevelNonUniformity() { return f.greyLevelNonUniformity(); }
	@IbsiFeature(name = "Normalised grey level non-uniformity", code = "Y1RO") double normalisedGreyLevelNonUniformity() { return f.normalisedGreyLevelNonUniformity(); }
	@IbsiFeature(name = "Zone size non-uniformity", code = "4JP3") double zoneSizeNonUniformity() { return f.sizeNonUniformity(); }
	@IbsiFeature(name = "Normalised zone size non-uniformity", code = "VB3A") double normalisedZoneSizeNonUniformity() { return f.normalisedSizeNonUniformity(); }
	@IbsiFeature(name = "Zone percentage", code = "P30P") double zonePercentage() { return f.percentage(); }
	@IbsiFeature(name = "Grey level variance", code = "BYLV") double greyLevelVariance() { return f.greyLevelVariance(); }
	@IbsiFeature(name = "Zone size variance", code = "3NSA") double zoneSizeVariance() { return f.sizeVariance(); }
	@IbsiFeature(name = "Zone size entropy", code = "GU8N") double zoneSizeEntropy() { return f.entropy(); }
}
