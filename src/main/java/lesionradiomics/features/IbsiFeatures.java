package lesionradiomics.features;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import lesionradiomics.preprocess.IbsiDiscretisation;

/**
 * Every IBSI 1 feature of a processed region, as columns {@code ibsi_<family>[_<aggregation>]_<Feature>} (see
 * {@link IbsiFamily}); the dictionary of columns → IBSI names and codes is {@code lesionradiomics/ibsi_features.tsv}.
 */
public final class IbsiFeatures {

	/**
	 * The feature-side IBSI settings.
	 *
	 * @param threeD     3D texture (3D averaged and merged; 3D zones) instead of 2D and 2.5D
	 * @param texture    discretisation of the texture families and the intensity histogram
	 * @param ivh        discretisation of the intensity–volume histogram; {@code none}: intensities are already
	 *                   discrete with step 1 (IBSI's "none (discrete HU)")
	 * @param rangeLower re-segmentation range (NaN for an open end): the origin of fixed bin sizes and the
	 *                   intensity fraction's bounds
	 */
	public record Config(boolean threeD, IbsiDiscretisation texture, IbsiDiscretisation ivh, double rangeLower, double rangeUpper) {}

	private IbsiFeatures() {}

	public static Map<String, Double> compute(IbsiRegion region, Config config) {
		return compute(region, config, EnumSet.allOf(IbsiFamily.class));
	}

	public static Map<String, Double> compute(IbsiRegion region, Config config, Set<IbsiFamily> families) {
		Map<String, Double> out = IbsiFamily.newRow();
		IbsiRegion box = tight(region);
		int[] size = box.size();
		double[] intensities = box.intensityValues();
		if (intensities.length == 0) throw new IllegalArgumentException("the intensity mask is empty after re-segmentation");
		if (families.contains(IbsiFamily.MORPHOLOGY))
			IbsiFamily.MORPHOLOGY.values(new Morphology(size, box.spacing(), box.morphologicalMask(), box.intensityMask(), box.values()), IbsiFamily.MORPHOLOGY.prefix(null), out);
		if (families.contains(IbsiFamily.LOCAL_INTENSITY))
			IbsiFamily.LOCAL_INTENSITY.values(new LocalIntensity(region.size(), region.spacing(), region.values(), region.intensityMask()), IbsiFamily.LOCAL_INTENSITY.prefix(null), out);
		// one sort of the intensities for the statistics and the IVH; the histograms sort grey levels by counting
		IntensityStatistics statistics = families.contains(IbsiFamily.INTENSITY_STATISTICS) || families.contains(IbsiFamily.INTENSITY_VOLUME_HISTOGRAM)
				? IntensityStatistics.ofSorted(SortedNumbers.ascending(intensities)) : null;
		if (families.contains(IbsiFamily.INTENSITY_STATISTICS))
			IbsiFamily.INTENSITY_STATISTICS.values(statistics, IbsiFamily.INTENSITY_STATISTICS.prefix(null), out);
		IbsiDiscretisation.Binned binned = config.texture().apply(intensities, config.rangeLower(), config.rangeUpper());
		if (families.contains(IbsiFamily.INTENSITY_HISTOGRAM))
			IbsiFamily.INTENSITY_HISTOGRAM.values(new IntensityHistogram(binned.levels(), binned.ng()), IbsiFamily.INTENSITY_HISTOGRAM.prefix(null), out);
		if (families.contains(IbsiFamily.INTENSITY_VOLUME_HISTOGRAM))
			IbsiFamily.INTENSITY_VOLUME_HISTOGRAM.values(ivh(intensities, statistics.sorted(), config), IbsiFamily.INTENSITY_VOLUME_HISTOGRAM.prefix(null), out);
		int[] levels = new int[box.values().length];
		boolean[] im = box.intensityMask();
		for (int i = 0, k = 0; i < levels.length; i++) if (im[i]) levels[i] = binned.levels()[k++];
		IbsiGrid grid = new IbsiGrid(size, levels, binned.ng());
		// families in IbsiFamily order, each over its aggregation methods (the order of IbsiFamily.columns)
		for (IbsiAggregation a : IbsiAggregation.directional(config.threeD()))
			if (families.contains(IbsiFamily.GLCM)) IbsiFamily.GLCM.values(new IbsiGlcm(grid, a), IbsiFamily.GLCM.prefix(a), out);
		for (IbsiAggregation a : IbsiAggregation.directional(config.threeD()))
			if (families.contains(IbsiFamily.GLRLM)) IbsiFamily.GLRLM.values(new IbsiGlrlm(grid, a), IbsiFamily.GLRLM.prefix(a), out);
		for (IbsiAggregation a : IbsiAggregation.zonal(config.threeD()))
			if (families.contains(IbsiFamily.GLSZM)) IbsiFamily.GLSZM.values(new IbsiGlszm(grid, a), IbsiFamily.GLSZM.prefix(a), out);
		for (IbsiAggregation a : IbsiAggregation.zonal(config.threeD()))
			if (families.contains(IbsiFamily.GLDZM)) IbsiFamily.GLDZM.values(new Gldzm(grid, box.morphologicalMask(), a), IbsiFamily.GLDZM.prefix(a), out);
		for (IbsiAggregation a : IbsiAggregation.zonal(config.threeD()))
			if (families.contains(IbsiFamily.NGTDM)) IbsiFamily.NGTDM.values(new IbsiNgtdm(grid, a), IbsiFamily.NGTDM.prefix(a), out);
		for (IbsiAggregation a : IbsiAggregation.zonal(config.threeD()))
			if (families.contains(IbsiFamily.NGLDM)) IbsiFamily.NGLDM.values(new Ngldm(grid, a), IbsiFamily.NGLDM.prefix(a), out);
		return out;
	}

	/**
	 * The IVH of the intensity-mask values after the IVH discretisation; {@code sorted}: the values in ascending
	 * order. Discretised values come in ascending order from their levels' counts (a voxel's value increases with its
	 * level), so nothing is sorted again.
	 */
	private static IntensityVolumeHistogram ivh(double[] values, double[] sorted, Config c) {
		IbsiDiscretisation d = c.ivh();
		double min = sorted[0], max = sorted[sorted.length - 1];
		switch (d.kind()) {
		case NONE:
			return IntensityVolumeHistogram.ofSorted(sorted, Double.isNaN(c.rangeLower()) ? min : c.rangeLower(), Double.isNaN(c.rangeUpper()) ? max : c.rangeUpper(), 1);
		case FIXED_BIN_SIZE: {
			// bins from the range's lower bound, each voxel at its bin centre (IBSI 3.5)
			IbsiDiscretisation.Binned b = d.apply(values, c.rangeLower(), c.rangeUpper());
			double w = d.value();
			int[] count = levelCounts(b);
			double[] centres = new double[values.length];
			for (int l = 1, k = 0; l <= b.ng(); k += count[l - 1], l++) Arrays.fill(centres, k, k + count[l - 1], b.lower() + (l - 0.5) * w);
			return IntensityVolumeHistogram.ofSorted(centres, b.lower() + 0.5 * w, b.lower() + (b.ng() - 0.5) * w, w);
		}
		default: {
			IbsiDiscretisation.Binned b = d.apply(values, Double.NaN, Double.NaN);
			int[] count = levelCounts(b);
			double[] levels = new double[values.length];
			for (int l = 1, k = 0; l <= b.ng(); k += count[l - 1], l++) Arrays.fill(levels, k, k + count[l - 1], l);
			return IntensityVolumeHistogram.ofSorted(levels, 1, b.ng(), 1);
		}
		}
	}

	/** Voxels per grey level 1..ng (index level − 1). */
	private static int[] levelCounts(IbsiDiscretisation.Binned b) {
		int[] count = new int[b.ng()];
		for (int l : b.levels()) count[l - 1]++;
		return count;
	}

	/** The region cut to the morphological mask's bounding box (morphology and texture need no more). */
	static IbsiRegion tight(IbsiRegion r) {
		int[] s = r.size();
		int[] b = lesionradiomics.volume.LesionRegion.maskBounds(r.morphologicalMask(), s);
		int[] lo = { b[0], b[1], b[2] }, hi = { b[3], b[4], b[5] };
		if (hi[0] < 0) throw new IllegalArgumentException("the morphological mask is empty");
		int[] n = { hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1 };
		int total = n[0] * n[1] * n[2];
		double[] v = new double[total];
		boolean[] mm = new boolean[total], im = new boolean[total];
		for (int z = 0, i = 0; z < n[2]; z++)
			for (int y = 0; y < n[1]; y++, i += n[0]) {
				int j = lo[0] + s[0] * ((y + lo[1]) + s[1] * (z + lo[2]));
				System.arraycopy(r.values(), j, v, i, n[0]);
				System.arraycopy(r.morphologicalMask(), j, mm, i, n[0]);
				System.arraycopy(r.intensityMask(), j, im, i, n[0]);
			}
		return new IbsiRegion(n, r.spacing(), v, mm, im);
	}
}
