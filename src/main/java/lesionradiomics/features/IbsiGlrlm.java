package lesionradiomics.features;

/** IBSI 1 grey level run length features (reference manual 3.7), runs counted by {@link IbsiGrid#runs}. */
final class IbsiGlrlm {

	private final IbsiSizeFeatures f = new IbsiSizeFeatures();

	IbsiGlrlm(IbsiGrid grid, IbsiAggregation aggregation) {
		for (java.util.List<IbsiAggregation.Block> group : aggregation.groups(grid.nz)) {
			java.util.List<double[][]> parts = new java.util.ArrayList<>();
			double voxels = 0;
			for (IbsiAggregation.Block b : group) {
				parts.add(grid.runs(b));
				voxels += grid.voxels(b.z0(), b.z1()); // merged directions: Nv once per direction
			}
			f.add(grid.rowLevels, IbsiGrid.sum(parts), voxels);
		}
	}

	@IbsiFeature(name = "Short runs emphasis", code = "22OV") double shortRunsEmphasis() { return f.smallEmphasis(); }
	@IbsiFeature(name = "Long runs emphasis", code = "W4KF") double longRunsEmphasis() { return f.largeEmphasis(); }
	@IbsiFeature(name = "Low grey level run emphasis", code = "V3SW") double lowGreyLevelRunEmphasis() { return f.lowGreyLevelEmphasis(); }
	@IbsiFeature(name = "High grey level run emphasis", code = "G3QZ") double highGreyLevelRunEmphasis() { return f.highGreyLevelEmphasis(); }
	@IbsiFeature(name = "Short run low grey level emphasis", code = "HTZT") double shortRunLowGreyLevelEmphasis() { return f.smallLowGreyLevelEmphasis(); }
	@IbsiFeature(name = "Short run high grey level emphasis", code = "GD3A") double shortRunHighGreyLevelEmphasis() { return f.smallHighGreyLevelEmphasis(); }
	@IbsiFeature(name = "Long run low grey level emphasis", code = "IVPO") double longRunLowGreyLevelEmphasis() { return f.largeLowGreyLevelEmphasis(); }
	@IbsiFeature(name = "Long run high grey level emphasis", code = "3KUM") double longRunHighGreyLevelEmphasis() { return f.largeHighGreyLevelEmphasis(); }
	@IbsiFeature(name = "Grey level non-uniformity", code = "R5YN") double greyLevelNonUniformity() { return f.greyLevelNonUniformity(); }
	@IbsiFeature(name = "Normalised grey level non-uniformity", code = "OVBL") double normalisedGreyLevelNonUniformity() { return f.normalisedGreyLevelNonUniformity(); }
	@IbsiFeature(name = "Run length non-uniformity", code = "W92Y") double runLengthNonUniformity() { return f.sizeNonUniformity(); }
	@IbsiFeature(name = "Normalised run length non-uniformity", code = "IC23") double normalisedRunLengthNonUniformity() { return f.normalisedSizeNonUniformity(); }
	@IbsiFeature(name = "Run percentage", code = "9ZK5") double runPercentage() { return f.percentage(); }
	@IbsiFeature(name = "Grey level variance", code = "8CE5") double greyLevelVariance() { return f.greyLevelVariance(); }
	@IbsiFeature(name = "Run length variance", code = "SXLW") double runLengthVariance() { return f.sizeVariance(); }
	@IbsiFeature(name = "Run entropy", code = "HJ9O") double runEntropy() { return f.entropy(); }
}
