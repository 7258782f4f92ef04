package lesionradiomics.features;

import java.util.LinkedHashMap;
import java.util.Map;

import lesionradiomics.preprocess.IbsiDiscretisation;
import lesionradiomics.preprocess.IbsiInterpolation;
import lesionradiomics.preprocess.IbsiResegmentation;
import lesionradiomics.preprocess.Resampler;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;

/**
 * One lesion through IBSI 1's processing chain (reference manual chapter 2): interpolation on the centre-aligned
 * whole-image grid (optional), the morphological mask, re-segmentation into the intensity mask, discretisation, then
 * every IBSI feature ({@link IbsiFeatures}); with diagnostics a user can hold against IBSI's tables.
 */
public final class IbsiExtraction {

	/**
	 * IBSI's processing settings.
	 *
	 * @param spacing        target spacing (x, y, z mm; 0 keeps an axis), or null for no interpolation
	 * @param image          image interpolator
	 * @param mask           mask interpolator
	 * @param maskThreshold  partial-volume threshold of the interpolated mask
	 * @param round          round interpolated intensities to integers
	 * @param resegmentation range and/or sigma
	 * @param features       the feature-side settings (texture dimensions, discretisations, range)
	 */
	public record Settings(double[] spacing, Resampler.Interpolator image, Resampler.Interpolator mask, double maskThreshold, boolean round,
			IbsiResegmentation resegmentation, IbsiFeatures.Config features) {

		/** Settings with these features, the range taken from the re-segmentation. */
		public static Settings of(double[] spacing, Resampler.Interpolator image, boolean round, IbsiResegmentation reseg, boolean threeD,
				IbsiDiscretisation texture, IbsiDiscretisation ivh) {
			return new Settings(spacing, image, Resampler.Interpolator.LINEAR, 0.5, round, reseg,
					new IbsiFeatures.Config(threeD, texture, ivh, reseg.lower(), reseg.upper()));
		}
	}

	/** Settings from the extraction settings (standard = ibsi). */
	public static Settings from(FeatureSettings f) {
		double[] range = f.asMapRange();
		double lo = range == null ? Double.NaN : range[0], hi = range == null || range.length < 2 ? Double.NaN : range[1];
		IbsiResegmentation reseg = new IbsiResegmentation(lo, hi, f.resegmentSigma());
		IbsiDiscretisation texture = f.binCount() != null ? IbsiDiscretisation.binNumber(f.binCount()) : IbsiDiscretisation.binSize(f.binWidth());
		return new Settings(f.resampledPixelSpacing(), Resampler.Interpolator.parse(f.interpolator()), Resampler.Interpolator.parse(f.maskInterpolator()),
				f.maskThreshold(), f.roundIntensities(), reseg, new IbsiFeatures.Config(f.texture3D(), texture, f.ivhDiscretisation(), lo, hi));
	}

	/** The features and the diagnostics of one lesion. */
	public record Result(Map<String, Double> features, Map<String, Double> diagnostics) {}

	/** A lesion after interpolation: values and the morphological mask, with the diagnostics so far. */
	public record Prepared(LesionRegion region, Map<String, Double> diagnostics) {}

	/** The diagnostics columns, in order. */
	public static final java.util.List<String> DIAGNOSTICS = java.util.List.of("diagnostics_ibsi_GridSizeX", "diagnostics_ibsi_GridSizeY",
			"diagnostics_ibsi_GridSizeZ", "diagnostics_ibsi_OriginalMean", "diagnostics_ibsi_OriginalMinimum", "diagnostics_ibsi_OriginalMaximum",
			"diagnostics_ibsi_InterpolatedMean", "diagnostics_ibsi_InterpolatedMinimum", "diagnostics_ibsi_InterpolatedMaximum",
			"diagnostics_ibsi_MorphologicalMaskVoxels", "diagnostics_ibsi_IntensityMaskVoxels", "diagnostics_ibsi_ResegmentedMean",
			"diagnostics_ibsi_ResegmentedMinimum", "diagnostics_ibsi_ResegmentedMaximum");

	private IbsiExtraction() {}

	/**
	 * Margin kept around the lesion: the local intensity sphere and one voxel, plus the reach of a mask that will be
	 * grown (dilated or ringed by {@code growMm}), which would otherwise be cut at the crop.
	 */
	static double marginMm(double[] spacing, double growMm) {
		double m = 0;
		for (double s : spacing) m = Math.max(m, s);
		return LocalIntensity.RADIUS_MM + m + growMm;
	}

	public static Result extract(Volume volume, LabelMap labels, long label, BoundingBox box, Settings s) {
		return features(prepare(volume, labels, label, box, s, 0), s, java.util.EnumSet.allOf(IbsiFamily.class));
	}

	/**
	 * Interpolation on the centre-aligned grid of the whole image (or a crop with the local intensity margin when
	 * there is none); intensities are rounded only when asked and the lesion's original intensities are integers.
	 * {@code growMm} is the largest radius by which a perturbation will grow the morphological mask (0 for none).
	 */
	public static Prepared prepare(Volume volume, LabelMap labels, long label, BoundingBox box, Settings s, double growMm) {
		Map<String, Double> diag = new LinkedHashMap<>();
		long[] n = volume.geometry().size();
		double[] sp = volume.geometry().spacing();
		LesionRegion r;
		double margin = marginMm(s.spacing() == null ? sp : s.spacing(), growMm);
		if (s.spacing() == null) {
			// the margin in mm on each axis: 0.78 x 0.78 x 2.5 mm voxels need 4 slices, not the 12 of the in-plane count
			long[] pad = new long[3];
			for (int d = 0; d < 3; d++) pad[d] = (long) Math.ceil(margin / sp[d]);
			BoundingBox around = box.padded(pad, n);
			// the labels only where they are needed: the lesion's box, or the margin too when a grown mask must stop at
			// other lesions (the local intensity margin needs only the intensities)
			r = LesionRegion.crop(volume, labels, label, around, growMm > 0 ? around : box);
			// the lesion's box out of the crop around it: the voxels a crop to the box reads, without reading them again
			long[] lo = box.min(), aroundLo = around.min();
			int[] offset = new int[3], size = new int[3];
			for (int d = 0; d < 3; d++) {
				offset[d] = Math.toIntExact(lo[d] - aroundLo[d]);
				size[d] = Math.toIntExact(box.size(d));
			}
			LesionRegion original = r.sub(offset, size);
			statistics(diag, "Original", original.values(), original.mask());
			for (int d = 0; d < 3; d++) diag.put(DIAGNOSTICS.get(d), (double) n[d]);
			statistics(diag, "Interpolated", new double[0], new boolean[0]);
		} else {
			LesionRegion original = LesionRegion.crop(volume, labels, label, box);
			statistics(diag, "Original", original.values(), original.mask());
			boolean integral = true;
			for (double v : original.values()) integral &= v == Math.rint(v);
			r = IbsiInterpolation.resampleLesion(volume, labels, label, box, s.spacing(), s.image(), s.mask(), s.maskThreshold(), s.round() && integral,
					margin);
			for (int d = 0; d < 3; d++) diag.put(DIAGNOSTICS.get(d), (double) IbsiInterpolation.gridSize(n[d], sp[d], r.spacing(d)));
			statistics(diag, "Interpolated", r.values(), r.mask());
		}
		return new Prepared(r, diag);
	}

	/** Re-segmentation of the (possibly perturbed) morphological mask, then the features. */
	public static Result features(Prepared p, Settings s, java.util.Set<IbsiFamily> families) {
		LesionRegion r = p.region();
		Map<String, Double> diag = new LinkedHashMap<>(p.diagnostics());
		boolean[] morph = r.mask();
		boolean[] intensity = s.resegmentation().apply(r.values(), morph);
		// one pass over the crop: both masks' counts and the re-segmented statistics
		double[] values = r.values();
		double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		int morphCount = 0, k = 0;
		for (int i = 0; i < values.length; i++) {
			if (morph[i]) morphCount++;
			if (intensity[i]) {
				sum += values[i];
				min = Math.min(min, values[i]);
				max = Math.max(max, values[i]);
				k++;
			}
		}
		diag.put("diagnostics_ibsi_MorphologicalMaskVoxels", (double) morphCount);
		diag.put("diagnostics_ibsi_IntensityMaskVoxels", (double) k);
		put(diag, "Resegmented", k, sum, min, max);
		IbsiRegion region = new IbsiRegion(r.size(), r.spacing(), r.values(), morph, intensity);
		Map<String, Double> ordered = new LinkedHashMap<>();
		for (String c : DIAGNOSTICS) ordered.put(c, diag.get(c));
		return new Result(IbsiFeatures.compute(region, s.features(), families), ordered);
	}

	/** Mean, minimum and maximum of the masked values after a step (NaN when the step was not taken). */
	private static void statistics(Map<String, Double> diag, String step, double[] values, boolean[] mask) {
		double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		int k = 0;
		for (int i = 0; i < values.length; i++)
			if (mask[i]) {
				sum += values[i];
				min = Math.min(min, values[i]);
				max = Math.max(max, values[i]);
				k++;
			}
		put(diag, step, k, sum, min, max);
	}

	private static void put(Map<String, Double> diag, String step, int k, double sum, double min, double max) {
		diag.put("diagnostics_ibsi_" + step + "Mean", k == 0 ? Double.NaN : sum / k);
		diag.put("diagnostics_ibsi_" + step + "Minimum", k == 0 ? Double.NaN : min);
		diag.put("diagnostics_ibsi_" + step + "Maximum", k == 0 ? Double.NaN : max);
	}
}
