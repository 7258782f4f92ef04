package lesionradiomics.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import lesionradiomics.preprocess.MaskPerturbation;
import lesionradiomics.preprocess.Normalization;
import lesionradiomics.preprocess.Resampler;
import lesionradiomics.preprocess.Resegmentation;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;

/**
 * Extracts the enabled features of every lesion of a label map, as pyradiomics' {@code execute(image, mask, label)}
 * would for each label, in one pass: one scan of the label map finds all lesions, each lesion is cut to its bounding
 * box (resampled there when asked), and lesions are processed in parallel. Results come back in label order and do
 * not depend on the thread count.
 */
public final class LesionExtractor {

	private final FeatureSettings settings;
	private final int threads;
	private final MaskPerturbation perturbation;

	public LesionExtractor(FeatureSettings settings, int threads) {
		this(settings, threads, null);
	}

	/** @param perturbation change of each lesion's mask before computing (robustness analysis), or null */
	public LesionExtractor(FeatureSettings settings, int threads, MaskPerturbation perturbation) {
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, is " + threads);
		this.settings = settings;
		this.threads = threads;
		this.perturbation = perturbation;
	}

	public FeatureSettings settings() { return settings; }

	/** Features of every non-zero label. */
	public List<LesionFeatures> extractAll(Volume image, LabelMap labels, Progress progress) {
		return extract(image, labels, labels.lesions(threads), progress);
	}

	/**
	 * Features of the given lesions (label → bounding box, usually a subset of {@link LabelMap#lesions()}). A lesion
	 * that cannot be computed (too small, flat after resegmentation, …) gets a result with the reason, never an
	 * exception, so one bad lesion does not cost the others.
	 */
	public List<LesionFeatures> extract(Volume image, LabelMap labels, SortedMap<Long, BoundingBox> lesions, Progress progress) {
		checkGeometry(image, labels);
		Normalization normalization = settings.normalize()
				? Normalization.fit(image.image(), settings.normalizeScale(), settings.removeOutliers())
				: null;
		List<Long> order = new ArrayList<>(lesions.keySet());
		List<LesionFeatures> results = new ArrayList<>();
		AtomicLong done = new AtomicLong();
		int total = order.size();
		if (threads == 1 || total < 2) {
			for (long label : order) {
				progress.checkCancelled();
				results.add(extractOne(image, labels, label, lesions.get(label), normalization));
				progress.update("lesions", done.incrementAndGet(), total);
			}
			return results;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), r -> {
			Thread t = new Thread(r, "lesion-extraction");
			t.setDaemon(true);
			return t;
		});
		try {
			// Largest lesions first keeps all cores busy until the end; results are re-ordered by label.
			List<Long> bySize = new ArrayList<>(order);
			bySize.sort((a, b) -> Long.compare(lesions.get(b).voxelCount(), lesions.get(a).voxelCount()));
			Map<Long, Future<LesionFeatures>> futures = new LinkedHashMap<>();
			for (long label : bySize) {
				futures.put(label, pool.submit(() -> {
					progress.checkCancelled();
					LesionFeatures f = extractOne(image, labels, label, lesions.get(label), normalization);
					progress.update("lesions", done.incrementAndGet(), total);
					return f;
				}));
			}
			for (long label : order) results.add(futures.get(label).get());
			return results;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Progress.CancelledException();
		} catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IllegalStateException(c);
		} finally {
			pool.shutdownNow();
		}
	}

	private static void checkGeometry(Volume image, LabelMap labels) {
		if (!image.geometry().sameGrid(labels.geometry()))
			throw new IllegalArgumentException("image and label map are not on the same grid: "
					+ image.geometry().describeDifference(labels.geometry()));
	}

	/** One lesion, from its bounding box in the full image. */
	LesionFeatures extractOne(Volume image, LabelMap labels, long label, BoundingBox box, Normalization normalization) {
		LesionRegion region;
		if (settings.resampledPixelSpacing() != null) {
			region = Resampler.resampleLesion(image, labels, label, box, settings.resampledPixelSpacing(), settings.interpolator(),
					settings.padDistance(), normalization == null ? null : normalization::apply);
		} else {
			BoundingBox crop = perturbation == null ? box : box.padded(perturbation.margin(image.geometry().spacing()), image.geometry().size());
			region = LesionRegion.crop(image, labels, label, crop);
			if (normalization != null) region = region.withValues(normalization.apply(region.values()));
		}
		if (perturbation != null) region = perturbation.apply(region);
		try {
			return LesionFeatures.of(label, box.voxelCount(), compute(region));
		} catch (IllegalArgumentException e) {
			return LesionFeatures.failed(label, box.voxelCount(), e.getMessage());
		}
	}

	/**
	 * Features of one prepared region (cropped, resampled and normalised as wanted). Throws
	 * {@link IllegalArgumentException} with pyradiomics' reason when the lesion cannot be analysed.
	 */
	public Map<String, Double> compute(LesionRegion region) {
		int n = region.voxelCount();
		if (n == 0) throw new IllegalArgumentException("no voxels with this label");
		int dims = region.maskDimensionality();
		if (dims < settings.minimumROIDimensions())
			throw new IllegalArgumentException("mask spans " + dims + " dimension(s), fewer than minimumROIDimensions "
					+ settings.minimumROIDimensions() + " (a lesion of " + n + " voxel(s))");
		if (n < settings.minimumROISize())
			throw new IllegalArgumentException("mask has " + n + " voxels, fewer than minimumROISize " + settings.minimumROISize());
		boolean[] mask = region.mask();
		Resegmentation reseg = settings.resegmentation();
		if (reseg != null) {
			mask = reseg.apply(region.values(), mask);
			int kept = 0;
			for (boolean m : mask) if (m) kept++;
			if (kept <= 1)
				throw new IllegalArgumentException("resegmentation (" + reseg + ") kept " + kept + " voxel(s) of " + n);
		}
		double[] values = region.values();
		int count = 0;
		for (boolean m : mask) if (m) count++;
		double[] masked = new double[count];
		for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) masked[k++] = values[i];
		int[] binned = settings.discretizer().discretize(masked);
		int[] grayLevels = new int[mask.length];
		for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) grayLevels[i] = binned[k++];
		LesionData data = new LesionData(region, mask, grayLevels, settings);

		Map<String, Double> out = new LinkedHashMap<>();
		Map<String, Set<String>> enabled = settings.enabledFeatures();
		for (FeatureRegistry.FeatureClass c : FeatureRegistry.classes()) {
			if (!enabled.isEmpty() && !enabled.containsKey(c.name())) continue;
			Map<String, Double> values2 = c.compute(data, enabled.getOrDefault(c.name(), Set.of()));
			values2.forEach((k, v) -> out.put("original_" + c.name() + "_" + k, v));
		}
		return out;
	}
}
