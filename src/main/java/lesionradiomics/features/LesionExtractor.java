package lesionradiomics.features;

import lesionradiomics.preprocess.filter.BoxFiltering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.Comparator;
import java.util.concurrent.Executor;

import lesionradiomics.preprocess.LaplacianOfGaussian;
import lesionradiomics.preprocess.MaskPerturbation;
import lesionradiomics.preprocess.Normalization;
import lesionradiomics.preprocess.Resampler;
import lesionradiomics.preprocess.Resegmentation;
import lesionradiomics.progress.Parallel;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Extracts the enabled features of every lesion of a label map, as pyradiomics' {@code execute(image, mask, label)}
 * would for each label, in one pass: one scan of the label map finds all lesions, each lesion is cut to its bounding
 * box (resampled there when asked), and lesions are processed in parallel. Results come back in label order and do
 * not depend on the thread count.
 */
public final class LesionExtractor {

	/** Name of the unperturbed (delineated) variant in {@link #extractVariants}. */
	public static final String ORIGINAL = "original";

	/** Most grey levels a discretisation may make: beyond it the texture matrices cannot be held in memory. */
	public static final int MAX_BINS = 100_000;

	private final FeatureSettings settings;
	private final List<MaskPerturbation> perturbations;
	private final boolean excludeNonFinite;

	public LesionExtractor(FeatureSettings settings) {
		this(settings, List.of(), false);
	}

	/**
	 * @param perturbations    changes of each lesion's mask computed besides the delineated one (robustness analysis)
	 * @param excludeNonFinite NaN and infinite voxels inside a lesion are left out of intensity and texture features
	 *                         (and noted); otherwise they stop the extraction with {@link ExtractionAborted}
	 */
	public LesionExtractor(FeatureSettings settings, List<MaskPerturbation> perturbations, boolean excludeNonFinite) {
		this.settings = settings;
		this.perturbations = List.copyOf(perturbations);
		this.excludeNonFinite = excludeNonFinite;
	}

	public FeatureSettings settings() { return settings; }

	/** Variant names in output order: "original", then each perturbation's name. */
	public List<String> variants() {
		List<String> out = new ArrayList<>(List.of(ORIGINAL));
		for (MaskPerturbation p : perturbations) out.add(p.name());
		return out;
	}

	/** Features of every non-zero label on its delineated mask. */
	public List<LesionFeatures> extractAll(Volume image, LabelMap labels, Executor executor, Progress progress) {
		return extract(image, labels, labels.lesions(), executor, progress);
	}

	/** Features of the delineated lesions (label → bounding box, usually a subset of {@link LabelMap#lesions()}). */
	public List<LesionFeatures> extract(Volume image, LabelMap labels, SortedMap<Long, BoundingBox> lesions, Executor executor, Progress progress) {
		return extractVariants(image, labels, lesions, executor, progress).get(ORIGINAL);
	}

	/**
	 * Features of every lesion on its delineated mask and on each perturbed mask (variant name → lesions in label
	 * order). Each lesion is cropped, resampled and normalised once; the perturbed masks are derived on that prepared
	 * grid. A lesion that cannot be computed (too small, flat after resegmentation, …) gets a result with the reason,
	 * never an exception, so one bad lesion does not cost the others.
	 */
	public Map<String, List<LesionFeatures>> extractVariants(Volume image, LabelMap labels, SortedMap<Long, BoundingBox> lesions, Executor executor,
			Progress progress) {
		checkGeometry(image, labels);
		Normalization normalization = settings.normalize()
				? Normalization.fit(image.image(), settings.normalizeScale(), settings.removeOutliers())
				: null;
		double maxAbs = settings.resampledPixelSpacing() == null && needsMaxAbs() ? maxAbs(image, normalization) : Double.NaN;
		Map<ImageType, Shared> shared = settings.resampledPixelSpacing() == null ? shareFilters(image, lesions, normalization, executor) : Map.of();
		List<Long> order = new ArrayList<>(lesions.keySet());
		// Largest lesions first keeps all cores busy until the end; of an image still inflating, the lowest first, so
		// that the work follows the slices as they come in. Results come back in label order either way.
		Comparator<Long> schedule = image.complete() ? Comparator.comparingLong((Long label) -> lesions.get(label).voxelCount()).reversed()
				: Comparator.comparingLong((Long label) -> lesions.get(label).max(2));
		List<LesionFeatures[]> perLesion = Parallel.map(order, label -> extractOne(image, labels, label, lesions.get(label), normalization, maxAbs, shared), executor,
				schedule, progress, "lesions");
		Map<String, List<LesionFeatures>> out = new LinkedHashMap<>();
		List<String> names = variants();
		for (int v = 0; v < names.size(); v++) {
			List<LesionFeatures> list = new ArrayList<>(perLesion.size());
			for (LesionFeatures[] f : perLesion) list.add(f[v]);
			out.put(names.get(v), list);
		}
		return out;
	}

	private static void checkGeometry(Volume image, LabelMap labels) {
		if (!image.geometry().sameGrid(labels.geometry()))
			throw new IllegalArgumentException("image and label map are not on the same grid: "
					+ image.geometry().describeDifference(labels.geometry()));
	}

	/**
	 * One lesion, prepared once from its bounding box in the full image, on every mask variant. Without resampling, the
	 * box is cut once with the largest margin a perturbation needs, and each variant works on the part of it a crop
	 * with its own margin would give (shape's principal axes depend on the voxel coordinates' origin in the last bits).
	 */
	LesionFeatures[] extractOne(Volume image, LabelMap labels, long label, BoundingBox box, Normalization normalization, double maxAbs,
			Map<ImageType, Shared> shared) {
		try {
			return prepareAndCompute(image, labels, label, box, normalization, maxAbs, shared);
		} catch (OutOfMemoryError e) {
			// one oversized allocation failed before anything was filled: report it instead of dying
			throw new ExtractionAborted(label, "not enough memory for this lesion (" + box.voxelCount() + " voxels" + (settings.resampledPixelSpacing() == null
					? "" : ", resampled to " + java.util.Arrays.toString(settings.resampledPixelSpacing()) + " mm") + ", " + settings.asMap().get(
							settings.binCount() != null ? "binCount" : "binWidth") + "): use coarser settings or give Java more memory (-Xmx)");
		}
	}

	private LesionFeatures[] prepareAndCompute(Volume image, LabelMap labels, long label, BoundingBox box, Normalization normalization, double maxAbs,
			Map<ImageType, Shared> shared) {
		LesionFeatures[] out = new LesionFeatures[1 + perturbations.size()];
		if (settings.ibsi()) return ibsi(image, labels, label, box, out);
		List<String> notes = new ArrayList<>();
		if (settings.resampledPixelSpacing() != null) {
			// a dilated mask or a ring reaches past pyradiomics' box (the lesion's box plus padDistance): it is grown on
			// pyradiomics' grid extended with room for the largest such perturbation (the same grid points)
			Resampler.Grown once = sharedGrown(image, labels, label, box, normalization);
			LesionRegion region = once != null && once.plainExact() ? filteredWhole(label, once.plain(), image, normalization, notes)
					: resampled(image, labels, label, box, normalization, 0, 0, notes);
			LesionRegion grown = once != null ? filteredWhole(label, once.region(), image, normalization, new ArrayList<>()) : null;
			for (int v = 0; v < out.length; v++) {
				MaskPerturbation p = v == 0 ? null : perturbations.get(v - 1);
				LesionRegion base = region;
				if (p != null && p.margin(region.spacing()) > 0) {
					// the image's own spacing or IBSI's centre-aligned grid: the box resampled (or cropped) with that room
					if (grown == null) grown = resampled(image, labels, label, box, normalization, growingMargin(region.spacing()),
							growingMm() + max(region.spacing()), new ArrayList<>());
					base = grown;
				}
				out[v] = noted(compute(label, box, p == null ? base : p.apply(base)), notes);
			}
			return out;
		}
		double[] spacing = image.geometry().spacing();
		long[] imageSize = image.geometry().size();
		int[] margins = new int[out.length];
		int margin = 0;
		for (int v = 1; v < out.length; v++) margin = Math.max(margin, margins[v] = perturbations.get(v - 1).margin(spacing));
		// (shareFilters pads each box by the same largest perturbation margin)
		BoundingBox prepared = margin == 0 ? box : box.padded(margin, imageSize);
		LesionRegion region = LesionRegion.crop(image, labels, label, prepared);
		if (normalization != null) region = region.withValues(normalization.apply(region.values()));
		if (settings.filtered()) region = region.withChannels(filteredAround(image, labels, label, prepared, normalization, maxAbs, shared, notes));
		for (int v = 0; v < out.length; v++) {
			BoundingBox own = margins[v] == 0 ? box : box.padded(margins[v], imageSize);
			int[] offset = new int[3], size = new int[3];
			for (int d = 0; d < 3; d++) {
				offset[d] = (int) (own.min(d) - prepared.min(d));
				size[d] = (int) own.size(d);
			}
			LesionRegion r = region.sub(offset, size);
			out[v] = noted(compute(label, box, v == 0 ? r : perturbations.get(v - 1).apply(r)), notes);
		}
		return out;
	}

	/**
	 * IBSI mode: the lesion through IBSI's chain ({@link IbsiExtraction}), every IBSI feature and the diagnostics
	 * columns; the perturbed masks (robustness) perturb the morphological mask on the interpolated grid.
	 */
	private LesionFeatures[] ibsi(Volume image, LabelMap labels, long label, BoundingBox box, LesionFeatures[] out) {
		IbsiExtraction.Settings s = IbsiExtraction.from(settings);
		IbsiExtraction.Prepared prepared = IbsiExtraction.prepare(image, labels, label, box, s, growingMm());
		for (int v = 0; v < out.length; v++) {
			IbsiExtraction.Prepared p = v == 0 ? prepared
					: new IbsiExtraction.Prepared(perturbations.get(v - 1).apply(prepared.region()), prepared.diagnostics());
			try {
				int n = p.region().voxelCount();
				if (n < Math.max(1, settings.minimumROISize()))
					throw new IllegalArgumentException("the morphological mask has " + n + " voxels, fewer than minimumROISize " + settings.minimumROISize());
				IbsiExtraction.Result r = IbsiExtraction.features(p, s, java.util.EnumSet.allOf(IbsiFamily.class));
				Map<String, Double> values = new LinkedHashMap<>(r.features());
				values.putAll(r.diagnostics());
				out[v] = LesionFeatures.of(label, box.voxelCount(), values);
			} catch (IllegalArgumentException e) {
				out[v] = LesionFeatures.failed(label, box.voxelCount(), e.getMessage());
			}
		}
		return out;
	}

	/**
	 * The lesion resampled as pyradiomics does (its box plus padDistance) or on IBSI's centre-aligned grid, with
	 * {@code extra} more voxels of the new grid (or {@code extraMm} on the centre-aligned grid) on every side for a mask
	 * that will be grown, then filtered (pyradiomics filters the resampled box as its whole image).
	 */
	private LesionRegion resampled(Volume image, LabelMap labels, long label, BoundingBox box, Normalization normalization, int extra,
			double extraMm, List<String> notes) {
		LesionRegion region;
		try {
			if (settings.centreAlignedGrid()) region = centreAligned(image, labels, label, box, normalization, extraMm);
			else if (extra > 0 && Resampler.keepsSpacing(image.geometry(), box, settings.resampledPixelSpacing())) {
				// pyradiomics does not resample at the image's own spacing: the box itself, here with room to grow
				region = LesionRegion.crop(image, labels, label, box.padded(extra, image.geometry().size()));
				if (normalization != null) region = region.withValues(normalization.apply(region.values()));
			} else region = Resampler.resampleLesion(image, labels, label, box, settings.resampledPixelSpacing(), settings.interpolator(),
					settings.padDistance() + extra, normalization == null ? null : normalization::apply);
		} catch (Resampler.GridTooLargeException e) {
			throw new ExtractionAborted(label, e.getMessage());
		}
		return filteredWhole(label, region, image, normalization, notes);
	}

	/** The resampled region's filtered images, each filter seeing the region as its whole image (as pyradiomics). */
	private LesionRegion filteredWhole(long label, LesionRegion region, Volume image, Normalization normalization, List<String> notes) {
		return filteredWhole(label, region, needsMaxAbs() ? maxAbs(region.values()) : Double.NaN, float32(image, normalization), notes);
	}

	/**
	 * With a dilated mask or a ring asked, pyradiomics' corner grid and an actual change of spacing: one resampling of
	 * pyradiomics' grid grown by the perturbations' room ({@link Resampler#resampleLesionGrown}), whose plain part is
	 * the lesion's own region bit for bit where {@link Resampler.Grown#plainExact}. Null otherwise.
	 */
	private Resampler.Grown sharedGrown(Volume image, LabelMap labels, long label, BoundingBox box, Normalization normalization) {
		if (settings.centreAlignedGrid() || growingMm() == 0 || Resampler.keepsSpacing(image.geometry(), box, settings.resampledPixelSpacing())) return null;
		double[] spacing = Resampler.regionGeometry(image.geometry(), box, settings.resampledPixelSpacing(), settings.padDistance()).spacing();
		try {
			return Resampler.resampleLesionGrown(image, labels, label, box, settings.resampledPixelSpacing(), settings.interpolator(),
					settings.padDistance(), normalization == null ? null : normalization::apply, growingMargin(spacing));
		} catch (Resampler.GridTooLargeException e) {
			throw new ExtractionAborted(label, e.getMessage());
		}
	}

	/** Voxels of a grid of this spacing the growing perturbations (dilation, ring) need around the lesion. */
	private int growingMargin(double[] spacing) {
		int m = 0;
		for (MaskPerturbation p : perturbations) m = Math.max(m, p.margin(spacing));
		return m;
	}

	private static double max(double[] values) {
		double m = Double.NEGATIVE_INFINITY;
		for (double v : values) m = Math.max(m, v);
		return m;
	}

	/** The largest radius (mm) by which a perturbation grows the mask: 0 when none dilates or rings. */
	private double growingMm() {
		double m = 0;
		for (MaskPerturbation p : perturbations) if (p.kind() != MaskPerturbation.Kind.ERODE) m = Math.max(m, p.radiusMm());
		return m;
	}

	/** IBSI's centre-aligned grid mixed into pyradiomics mode (run.json says so); normalisation is affine, so applied after. */
	private LesionRegion centreAligned(Volume image, LabelMap labels, long label, BoundingBox box, Normalization normalization, double extraMm) {
		LesionRegion original = LesionRegion.crop(image, labels, label, box);
		boolean integral = true;
		for (double v : original.values()) integral &= v == Math.rint(v);
		double margin = 0;
		for (double s : image.geometry().spacing()) margin = Math.max(margin, settings.padDistance() * s);
		margin += extraMm;
		LesionRegion r = lesionradiomics.preprocess.IbsiInterpolation.resampleLesion(image, labels, label, box, settings.resampledPixelSpacing(),
				Resampler.Interpolator.parse(settings.interpolator()), Resampler.Interpolator.parse(settings.maskInterpolator()), settings.maskThreshold(),
				settings.roundIntensities() && integral, margin);
		return normalization == null ? r : r.withValues(normalization.apply(r.values()));
	}

	private static LesionFeatures noted(LesionFeatures f, List<String> notes) {
		for (String n : notes) f = f.withNote(n);
		return f;
	}

	/** True when a voxel-wise image type (square, …) needs the image's largest absolute intensity. */
	private boolean needsMaxAbs() {
		return settings.imageTypes().stream().anyMatch(t -> t.kind().ordinal() >= ImageType.Kind.SQUARE.ordinal());
	}

	private static double maxAbs(double[] values) {
		double m = 0;
		for (double v : values) m = Math.max(m, Math.abs(v));
		return m;
	}

	/** The largest absolute (normalised) intensity of the whole image, as pyradiomics' voxel-wise filters use it. */
	private static double maxAbs(Volume image, Normalization normalization) {
		double m = 0;
		for (RealType<?> t : Views.flatIterable(image.image())) m = Math.max(m, Math.abs(normalization == null ? t.getRealDouble() : normalization.apply(t.getRealDouble())));
		return m;
	}

	/**
	 * The filtered images of the prepared box, each image type computed on its own larger crop so that its values equal
	 * those of the whole image (as pyradiomics filters it): the type's margin around the box, clipped to the image,
	 * and for types that wrap around (the wavelet) the whole axis wherever that margin reaches the image's border.
	 */
	private Map<String, double[]> filteredAround(Volume image, LabelMap labels, long label, BoundingBox prepared, Normalization normalization, double maxAbs,
			Map<ImageType, Shared> shared, List<String> notes) {
		long[] imageSize = image.geometry().size();
		int[] wholeImage = { (int) imageSize[0], (int) imageSize[1], (int) imageSize[2] };
		Map<String, double[]> channels = new LinkedHashMap<>();
		for (ImageType t : settings.imageTypes()) {
			if (t.kind() == ImageType.Kind.ORIGINAL) continue;
			Shared s = shared.get(t);
			if (s != null) {
				channels.putAll(s.inBox(label, prepared));
				notes.addAll(s.notes());
				continue;
			}
			if (t.kind() == ImageType.Kind.FILTER) {
				channels.put(t.names().get(0), filterInBox(image, label, prepared, normalization, t));
				continue;
			}
			int[] m = t.margin(image.geometry().spacing());
			long[] min = prepared.min(), max = prepared.max();
			int[] offset = new int[3], size = new int[3];
			for (int d = 0; d < 3; d++) {
				long lo = min[d] - m[d], hi = max[d] + m[d];
				if (t.wrapsAround() && (lo < 0 || hi > imageSize[d] - 1)) {
					lo = 0;
					hi = imageSize[d] - 1;
				}
				min[d] = Math.max(0, lo);
				max[d] = Math.min(imageSize[d] - 1, hi);
				offset[d] = (int) (prepared.min(d) - min[d]);
				size[d] = (int) prepared.size(d);
			}
			LesionRegion crop = LesionRegion.crop(image, labels, label, new BoundingBox(min, max, prepared.voxelCount()));
			if (normalization != null) crop = crop.withValues(normalization.apply(crop.values()));
			channels.putAll(crop.withChannels(filtered(label, crop, t, wholeImage, maxAbs, float32(image, normalization), notes)).sub(offset, size).channels());
		}
		return channels;
	}

	/**
	 * An IBSI 2 filter's response inside the lesion's box from the box's crop grown by the filter's margin
	 * ({@link BoxFiltering#inBox}: the whole image's response there), rounded to float as the whole image's is stored.
	 */
	private static double[] filterInBox(Volume image, long label, BoundingBox box, Normalization normalization, ImageType t) {
		long[] imageSize = image.geometry().size();
		int[] size = { (int) imageSize[0], (int) imageSize[1], (int) imageSize[2] };
		net.imglib2.RandomAccess<? extends RealType<?>> at = image.image().randomAccess();
		long[] position = new long[3];
		boolean[] finite = { true };
		double[] r = BoxFiltering.inBox(t.filter(), i -> {
			position[0] = i % size[0];
			position[1] = (i / size[0]) % size[1];
			position[2] = i / ((long) size[0] * size[1]);
			double v = at.setPositionAndGet(position).getRealDouble();
			if (normalization != null) v = normalization.apply(v);
			if (!Double.isFinite(v)) finite[0] = false;
			return v;
		}, size, image.geometry().spacing(), toInts(box.min()), toInts(box.max()));
		if (r == null)
			throw new ExtractionAborted(label, "image type " + t + " filters the whole image, which has NaN or infinite voxels (they would spread through the filter)");
		if (!finite[0]) throw new ExtractionAborted(label, "image type " + t + " needs finite intensities around the lesion; the image has NaN or infinite voxels there");
		for (int k = 0; k < r.length; k++) r[k] = (float) r[k];
		return r;
	}

	private static int[] toInts(long[] v) {
		return new int[] { (int) v[0], (int) v[1], (int) v[2] };
	}

	/** Images of one type computed once for all lesions, each lesion taking its own part. */
	interface Shared {
		/** The images of lesion {@code label} inside its prepared box (x fastest), by name. */
		Map<String, double[]> inBox(long label, BoundingBox prepared);

		/** Why some of the type's images were not made (e.g. skipped LoG sigmas). */
		List<String> notes();
	}

	/** A filter's response over a box of the image ({@code min}, {@code size}) holding every lesion's prepared box. */
	record Hull(long[] min, int[] size, Map<String, float[]> images) implements Shared {

		@Override
		public Map<String, double[]> inBox(long label, BoundingBox box) {
			Map<String, double[]> out = new LinkedHashMap<>();
			images.forEach((name, hull) -> out.put(name, copy(hull, box)));
			return out;
		}

		@Override
		public List<String> notes() {
			return List.of();
		}

		/** The part of a hull image inside {@code box}, as doubles. */
		private double[] copy(float[] hull, BoundingBox box) {
			int sx = (int) box.size(0), sy = (int) box.size(1), sz = (int) box.size(2);
			double[] out = new double[sx * sy * sz];
			for (int z = 0, i = 0; z < sz; z++)
				for (int y = 0; y < sy; y++) {
					int src = (int) (((box.min(2) - min[2] + z) * size[1] + box.min(1) - min[1] + y) * size[0] + box.min(0) - min[0]);
					for (int x = 0; x < sx; x++) out[i++] = hull[src + x];
				}
			return out;
		}
	}

	/** Images made for each lesion's prepared box: label → image name → values (x fastest). */
	record PerLesion(Map<Long, Map<String, float[]>> images, List<String> notes) implements Shared {

		@Override
		public Map<String, double[]> inBox(long label, BoundingBox prepared) {
			Map<String, double[]> out = new LinkedHashMap<>();
			images.get(label).forEach((name, f) -> {
				double[] v = new double[f.length];
				for (int k = 0; k < f.length; k++) v[k] = f[k];
				out.put(name, v);
			});
			return out;
		}
	}

	/**
	 * The LoG images computed once over the hull of all lesions' margins when that costs less than filtering each
	 * lesion's own crop (many or large lesions: the LoG margin is 16 sigma), streamed plane by plane from the image
	 * and kept only inside the lesions' prepared boxes ({@link LaplacianOfGaussian#inBoxes}).
	 */
	private Map<ImageType, Shared> shareFilters(Volume image, SortedMap<Long, BoundingBox> lesions, Normalization normalization, Executor executor) {
		Map<ImageType, Shared> out = new LinkedHashMap<>();
		if (lesions.isEmpty()) return out;
		double[] spacing = image.geometry().spacing();
		long[] imageSize = image.geometry().size();
		int perturbationMargin = 0;
		for (MaskPerturbation p : perturbations) perturbationMargin = Math.max(perturbationMargin, p.margin(spacing));
		for (ImageType t : settings.imageTypes()) {
			if (t.kind() == ImageType.Kind.FILTER) {
				// the margin rule (BoxFiltering): each lesion's crop grown by the filter's margin gives the whole image's
				// response inside it, so filter the crops when they hold fewer voxels than the image
				int[] whole = { (int) imageSize[0], (int) imageSize[1], (int) imageSize[2] };
				List<int[][]> boxes = new ArrayList<>();
				for (BoundingBox b : lesions.values()) {
					BoundingBox prepared = perturbationMargin == 0 ? b : b.padded(perturbationMargin, imageSize);
					boxes.add(new int[][] { toInts(prepared.min()), toInts(prepared.max()) });
				}
				if (BoxFiltering.cheaper(t.filter(), whole, spacing, boxes)) continue;
				Shared s = wholeImageFilter(image, t, normalization);
				if (s != null) out.put(t, s);
				continue;
			}
			if (t.kind() != ImageType.Kind.LOG) continue;
			int[] m = t.margin(spacing);
			long[] min = { Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE }, max = { -1, -1, -1 };
			double separately = 0;
			for (BoundingBox b : lesions.values()) {
				BoundingBox prepared = perturbationMargin == 0 ? b : b.padded(perturbationMargin, imageSize);
				double volume = 1;
				for (int d = 0; d < 3; d++) {
					long lo = Math.max(0, prepared.min(d) - m[d]), hi = Math.min(imageSize[d] - 1, prepared.max(d) + m[d]);
					min[d] = Math.min(min[d], lo);
					max[d] = Math.max(max[d], hi);
					volume *= hi - lo + 1;
				}
				separately += volume;
			}
			int[] size = { (int) (max[0] - min[0] + 1), (int) (max[1] - min[1] + 1), (int) (max[2] - min[2] + 1) };
			if (separately <= (double) size[0] * size[1] * size[2]) continue; // each lesion's own crop is cheaper
			List<Long> labels = new ArrayList<>(lesions.keySet());
			List<int[][]> inHull = new ArrayList<>();
			for (BoundingBox b : lesions.values()) {
				BoundingBox prepared = perturbationMargin == 0 ? b : b.padded(perturbationMargin, imageSize);
				int[][] r = new int[2][3];
				for (int d = 0; d < 3; d++) {
					r[0][d] = (int) (prepared.min(d) - min[d]);
					r[1][d] = (int) (prepared.max(d) - min[d]);
				}
				inHull.add(r);
			}
			// NaN would spread through the filter: then each lesion's own crop reports it
			boolean[] finite = { true };
			java.util.function.Supplier<LaplacianOfGaussian.Rows> rows = () -> hullRows(image, min, size[0], normalization, finite);
			List<String> notes = new ArrayList<>();
			Map<Long, Map<String, float[]>> images = new LinkedHashMap<>();
			for (Long label : labels) images.put(label, new LinkedHashMap<>());
			int[] whole = { (int) imageSize[0], (int) imageSize[1], (int) imageSize[2] };
			for (int k = 0; k < t.sigmas().size(); k++) {
				String skipped = ImageType.skipped(t.sigmas().get(k), whole, spacing);
				if (skipped != null) {
					notes.add(skipped);
					continue;
				}
				List<float[]> inBoxes = LaplacianOfGaussian.inBoxes(rows, size, spacing, Double.parseDouble(t.sigmas().get(k)), executor, inHull);
				if (!finite[0]) return out;
				for (int i = 0; i < labels.size(); i++) images.get(labels.get(i)).put(t.names().get(k), inBoxes.get(i));
			}
			if (notes.size() == t.sigmas().size() && !allFinite(rows.get(), size, finite)) return out;
			out.put(t, new PerLesion(images, notes));
		}
		return out;
	}

	/** Rows of the hull box at {@code min} ({@code width} voxels along x), normalised; a non-finite one clears {@code finite[0]}. */
	private static LaplacianOfGaussian.Rows hullRows(Volume image, long[] min, int width, Normalization normalization, boolean[] finite) {
		// each row once its slice is in: the first passes of an image still inflating follow its slices
		lesionradiomics.volume.BoxReader.ValueRows rows = lesionradiomics.volume.BoxReader.valueRows(image.imageThrough(min[2]));
		// an integer image as stored is finite everywhere: no test per voxel (the LoG reads the image three times)
		if (normalization == null && image.type() instanceof net.imglib2.type.numeric.IntegerType)
			return (y, z, out, offset) -> {
				image.awaitThrough(min[2] + z);
				rows.read(min[0], min[1] + y, min[2] + z, out, offset, width);
			};
		return (y, z, out, offset) -> {
			image.awaitThrough(min[2] + z);
			rows.read(min[0], min[1] + y, min[2] + z, out, offset, width);
			for (int x = offset; x < offset + width; x++) {
				if (normalization != null) out[x] = normalization.apply(out[x]);
				if (!Double.isFinite(out[x])) finite[0] = false;
			}
		};
	}

	/** Whether every row is finite, when no filter read them ({@code finite} as {@link #hullRows} keeps it). */
	private static boolean allFinite(LaplacianOfGaussian.Rows rows, int[] size, boolean[] finite) {
		double[] row = new double[size[0]];
		for (int z = 0; z < size[2] && finite[0]; z++)
			for (int y = 0; y < size[1]; y++) rows.read(y, z, row, 0);
		return finite[0];
	}

	/**
	 * An IBSI 2 filter's response on the whole image, once for all lesions: its boundary condition applies at the
	 * image's border as IBSI 2 defines it (and Gabor's kernel and the Fourier-domain filters depend on the whole
	 * image), so no crop could stand in for it. Null when the image has non-finite voxels (the lesions then fail with
	 * the reason).
	 */
	private static Shared wholeImageFilter(Volume image, ImageType t, Normalization normalization) {
		long[] imageSize = image.geometry().size();
		int[] size = { (int) imageSize[0], (int) imageSize[1], (int) imageSize[2] };
		double[] values = new double[size[0] * size[1] * size[2]];
		int i = 0;
		for (RealType<?> v : Views.flatIterable(image.image())) {
			double x = normalization == null ? v.getRealDouble() : normalization.apply(v.getRealDouble());
			if (!Double.isFinite(x)) return null;
			values[i++] = x;
		}
		double[] r = t.filter().apply(values, size, image.geometry().spacing());
		float[] f = new float[r.length];
		for (int k = 0; k < r.length; k++) f[k] = (float) r[k];
		return new Hull(new long[3], size, Map.of(t.names().get(0), f));
	}

	/** The images of one type from a box (NaN intensities would spread through the filter: then the lesion fails). */
	/**
	 * The image reaches pyradiomics as a float32 array: stored as float32 and not normalised (SimpleITK's Normalize
	 * gives double). PyWavelets then decomposes it in float32 ({@link lesionradiomics.preprocess.StationaryWavelet}).
	 */
	static boolean float32(Volume image, Normalization normalization) {
		return normalization == null && image.type() instanceof net.imglib2.type.numeric.real.FloatType;
	}

	private Map<String, double[]> filtered(long label, LesionRegion region, ImageType type, int[] imageSize, double maxAbs, boolean float32,
			List<String> notes) {
		for (double v : region.values())
			if (!Double.isFinite(v))
				throw new ExtractionAborted(label, "image type " + type + " needs finite intensities around the lesion; the image has NaN or infinite voxels there");
		return type.apply(region.values(), region.size(), region.spacing(), maxAbs, imageSize, notes, float32);
	}

	/** The region with every filtered image type as a channel (pyradiomics' resampled box is its whole image). */
	private LesionRegion filteredWhole(long label, LesionRegion region, double maxAbs, boolean float32, List<String> notes) {
		if (!settings.filtered()) return region;
		Map<String, double[]> channels = new LinkedHashMap<>();
		for (ImageType t : settings.imageTypes())
			if (t.kind() != ImageType.Kind.ORIGINAL) channels.putAll(filtered(label, region, t, region.size(), maxAbs, float32, notes));
		return region.withChannels(channels);
	}

	private LesionFeatures compute(long label, BoundingBox box, LesionRegion region) {
		int nonFinite = 0;
		for (int i = 0; i < region.mask().length; i++) if (region.mask()[i] && !Double.isFinite(region.values()[i])) nonFinite++;
		if (nonFinite > 0 && !excludeNonFinite)
			throw new ExtractionAborted(label, nonFinite + " of the lesion's " + region.voxelCount() + " voxels are NaN or infinite in the image"
					+ " (use --nan-policy exclude to leave them out and list them)");
		try {
			LesionFeatures f = LesionFeatures.of(label, box.voxelCount(), compute(region, nonFinite > 0));
			return nonFinite == 0 ? f : f.withNote(nonFinite + " NaN/infinite voxel(s) excluded from intensity and texture features (nan-policy exclude)");
		} catch (IllegalArgumentException e) {
			return LesionFeatures.failed(label, box.voxelCount(), e.getMessage());
		} catch (ExtractionAborted e) {
			throw e.label() == label ? e : new ExtractionAborted(label, e.getMessage());
		}
	}

	/** The lesion with its intensities (those of {@code r}) discretised inside {@code mask}. */
	private LesionData discretized(LesionRegion r, boolean[] mask) {
		double[] values = r.values();
		int count = 0;
		for (boolean m : mask) if (m) count++;
		double[] masked = new double[count];
		for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) masked[k++] = values[i];
		double bins = settings.discretizer().binCount(masked);
		if (bins > MAX_BINS)
			throw new ExtractionAborted(-1, String.format(java.util.Locale.ROOT, "%s makes %.3g grey levels over this lesion's intensities (at most %d): %s",
					settings.binCount() != null ? "bin count " + settings.binCount() : "bin width " + settings.binWidth(), bins, MAX_BINS,
					settings.binCount() != null ? "use fewer bins" : "use a larger bin width"));
		int[] binned = settings.discretizer().discretize(masked);
		int[] grayLevels = new int[mask.length];
		for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) grayLevels[i] = binned[k++];
		return new LesionData(r, mask, grayLevels, settings);
	}

	/**
	 * Features of one prepared region (cropped, resampled and normalised as wanted). Throws
	 * {@link IllegalArgumentException} with pyradiomics' reason when the lesion cannot be analysed.
	 */
	public Map<String, Double> compute(LesionRegion region) {
		return compute(region, false);
	}

	private Map<String, Double> compute(LesionRegion region, boolean dropNonFinite) {
		int n = region.voxelCount();
		if (n == 0) throw new IllegalArgumentException("no voxels with this label");
		int dims = region.maskDimensionality();
		if (dims < settings.minimumROIDimensions())
			throw new IllegalArgumentException("mask spans " + dims + " dimension(s), fewer than minimumROIDimensions "
					+ settings.minimumROIDimensions() + " (a lesion of " + n + " voxel(s))");
		if (n < settings.minimumROISize())
			throw new IllegalArgumentException("mask has " + n + " voxels, fewer than minimumROISize " + settings.minimumROISize());
		boolean[] mask = region.mask();
		if (dropNonFinite) {
			mask = mask.clone();
			int kept = 0;
			for (int i = 0; i < mask.length; i++) if (mask[i] &= Double.isFinite(region.values()[i])) kept++;
			if (kept <= 1) throw new IllegalArgumentException("no finite voxels left after excluding NaN/infinite ones (" + kept + " kept)");
		}
		Resegmentation reseg = settings.resegmentation();
		LesionRegion shapeRegion = region;
		if (reseg != null) {
			// pyradiomics (featureextractor.execute): the resegmented mask is checked like a delineation, and shape is
			// computed on the delineated mask cut to the resegmented mask's bounding box (or on the resegmented mask
			// itself with resegmentShape)
			mask = reseg.apply(region.values(), mask);
			LesionRegion resegmented = region.withMask(mask);
			int kept = resegmented.voxelCount();
			if (kept == 0) throw new IllegalArgumentException("resegmentation (" + reseg + ") kept no voxel of " + n);
			int keptDims = resegmented.maskDimensionality();
			if (keptDims < settings.minimumROIDimensions())
				throw new IllegalArgumentException("after resegmentation (" + reseg + ") the mask spans " + keptDims
						+ " dimension(s), fewer than minimumROIDimensions " + settings.minimumROIDimensions() + " (" + kept + " voxel(s) kept)");
			if (kept < settings.minimumROISize())
				throw new IllegalArgumentException("after resegmentation (" + reseg + ") the mask has " + kept + " voxels, fewer than minimumROISize "
						+ settings.minimumROISize());
			shapeRegion = settings.resegmentShape() ? resegmented : region.withMask(region.maskWithin(resegmented.maskBounds()));
		}
		LesionData data = discretized(shapeRegion, mask);

		Map<String, Double> out = new LinkedHashMap<>();
		Map<String, Set<String>> enabled = settings.enabledFeatures();
		// pyradiomics: shape once (of the original image), then each image type's other classes on the same mask
		FeatureRegistry.FeatureClass shape = FeatureRegistry.get("shape");
		if (enabled.isEmpty() || enabled.containsKey("shape"))
			shape.compute(data, enabled.getOrDefault("shape", Set.of())).forEach((k, v) -> out.put("original_shape_" + k, v));
		for (ImageType t : settings.imageTypes())
			for (String image : t.names()) {
				LesionData d = data;
				if (t.kind() != ImageType.Kind.ORIGINAL) {
					double[] filtered = region.channels().get(image);
					if (filtered == null) continue; // skipped (a LoG sigma too large for the image): noted
					d = discretized(shapeRegion.withValues(filtered), mask);
				}
				for (FeatureRegistry.FeatureClass c : FeatureRegistry.classes()) {
					if (c == shape || !enabled.isEmpty() && !enabled.containsKey(c.name())) continue;
					LesionData lesion = d;
					c.compute(lesion, enabled.getOrDefault(c.name(), Set.of())).forEach((k, v) -> out.put(image + "_" + c.name() + "_" + k, v));
				}
			}
		return out;
	}
}
