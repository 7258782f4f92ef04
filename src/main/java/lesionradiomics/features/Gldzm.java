package lesionradiomics.features;

/**
 * IBSI 1 grey level distance zone features (reference manual 3.9): the zones of {@link IbsiGlszm}, each counted at
 * its smallest distance to the border of the morphological mask (face-neighbour steps, 4-connected in a slice for 2D
 * and 2.5D, 6-connected in 3D; border voxels at distance 1).
 */
final class Gldzm {

	private final IbsiSizeFeatures f = new IbsiSizeFeatures();

	/** @param morphologicalMask over the grid's box */
	Gldzm(IbsiGrid grid, boolean[] morphologicalMask, IbsiAggregation aggregation) {
		int[] distance = grid.borderDistance(morphologicalMask, aggregation.inPlane());
		IbsiGlszm.ZoneMatrices.of(grid, aggregation, distance, f);
	}

	@IbsiFeature(name = "Small distance emphasis", code = "0GBI") double smallDistanceEmphasis() { return f.smallEmphasis(); }
	@IbsiFeature(name = "Large distance emphasis", code = "MB4I") double largeDistanceEmphasis() { return f.largeEmphasis(); }
	@IbsiFeature(name = "Low grey level zone emphasis", code = "S1RA") double lowGreyLevelZoneEmphasis() { return f.lowGreyLevelEmphasis(); }
	@IbsiFeature(name = "High grey level zone emphasis", code = "K26C") double highGreyLevelZoneEmphasis() { return f.highGreyLevelEmphasis(); }
	@IbsiFeature(name = "Small distance low grey level emphasis", code = "RUVG") double smallDistanceLowGreyLevelEmphasis() { return f.smallLowGreyLevelEmphasis(); }
	@IbsiFeature(name = "Small distance high grey level emphasis", code = "DKNJ") double smallDistanceHighGreyLevelEmphasis() { return f.smallHighGreyLevelEmphasis(); }
	@IbsiFeature(name = "Large distance low grey level emphasis", code = "A7WM") double largeDistanceLowGreyLevelEmphasis() { return f.largeLowGreyLevelEmphasis(); }
	@IbsiFeature(name = "Large distance high grey level emphasis", code = "KLTH") double largeDistanceHighGreyLevelEmphasis() { return f.largeHighGreyLevelEmphasis(); }
	@IbsiFeature(name = "Grey level non-uniformity", code = "VFT7") double greyLevelNonUniformity() { return f.greyLevelNonUniformity(); }
	@IbsiFeature(name = "Normalised grey level non-uniformity", code = "7HP3") double normalisedGreyLevelNonUniformity() { return f.normalisedGreyLevelNonUniformity(); }
	@IbsiFeature(name = "Zone distance non-uniformity", code = "V294") double zoneDistanceNonUniformity() { return f.sizeNonUniformity(); }
	@IbsiFeature(name = "Normalised zone distance non-uniformity", code = "IATH") double normalisedZoneDistanceNonUniformity() { return f.normalisedSizeNonUniformity(); }
	@IbsiFeature(name = "Zone percentage", code = "VIWW") double zonePercentage() { return f.percentage(); }
	@IbsiFeature(name = "Grey level variance", code = "QK93") double greyLevelVariance() { return f.greyLevelVariance(); }
	@IbsiFeature(name = "Zone distance variance", code = "7WT1") double zoneDistanceVariance() { return f.sizeVariance(); }
	@IbsiFeature(name = "Zone distance entropy", code = "GBDU") double zoneDistanceEntropy() { return f.entropy(); }
}
