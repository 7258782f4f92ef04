package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.features.FeatureRegistry;
import lesionradiomics.features.FeatureSettings;

/**
 * Voxel-wise feature maps of a patient's lesions, their summaries and intra-lesion habitats. Feature names may be
 * given with or without pyradiomics' {@code original_} prefix.
 *
 * @param lesionLabels    lesions to map (empty: all of the patient's)
 * @param kernelRadius    r: features of the (2r + 1)³ cube around each voxel, restricted to the lesion (pyradiomics'
 *                        kernelRadius with maskedKernel)
 * @param classes         feature classes (empty, with no single features: every class but shape, which has no per-voxel
 *                        form)
 * @param features        single features as {@code class:Name} (combine with {@code classes})
 * @param settings        pyradiomics settings by name (binWidth, binCount, distances, gldm_a, …; not resampling, normalize,
 *                        resegmentRange or removeOutliers: maps use the image and lesion as given)
 * @param csv             also write one CSV per lesion (x, y, z, then the features: pyradiomics' voxel-map layout)
 * @param nrrd            write one NRRD per feature per lesion on pyradiomics' map box, in the image's physical space
 * @param thresholds      feature → value: the summary gives the fraction of the lesion above it
 * @param habitatFeatures maps the habitats are clustered on when habitats are asked for
 * @param habitats        habitats per lesion, opt-in: {@link #NO_HABITATS} (0, the default: none), K ≥ 2, or
 *                        {@link #BY_SILHOUETTE} (the k in 2..habitatKmax with the largest mean silhouette)
 * @param habitatKmax     largest k tried
 * @param seed            k-means' seed
 */
public record MapsOptions(List<Long> lesionLabels, int kernelRadius, List<String> classes, List<String> features, Map<String, String> settings, boolean csv, boolean nrrd,
		Map<String, Double> thresholds, List<String> habitatFeatures, int habitats, int habitatKmax, long seed) {

	/** Intensity, its local spread, and local texture randomness: three views of a subregion that rarely coincide. */
	public static final List<String> DEFAULT_HABITAT_FEATURES = List.of("original_firstorder_Mean", "original_firstorder_Entropy",
			"original_glcm_JointEntropy");

	/** {@link #habitats}: none (the default: the k-means of every lesion costs about as much as its maps). */
	public static final int NO_HABITATS = 0;
	/** {@link #habitats}: the k in 2..habitatKmax with the largest mean silhouette. */
	public static final int BY_SILHOUETTE = -1;

	public static final MapsOptions DEFAULTS = new MapsOptions(List.of(), 1, List.of(), List.of(), Map.of(), false, true, Map.of(), DEFAULT_HABITAT_FEATURES,
			NO_HABITATS, 4, 20220101);

	public MapsOptions {
		lesionLabels = List.copyOf(lesionLabels);
		if (kernelRadius < 1 || kernelRadius > 5) throw new IllegalArgumentException("kernel radius must be between 1 and 5 voxels, is " + kernelRadius);
		classes = classes.stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
		features = features.stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
		if (classes.stream().anyMatch(c -> c.equalsIgnoreCase("shape")) || features.stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith("shape:")))
			throw new IllegalArgumentException("shape features have no voxel-wise maps");
		settings = Map.copyOf(settings);
		// the maps are computed on the image as read, or on the lesion resampled as pyradiomics' voxel-based extraction
		// resamples it (resampledPixelSpacing); settings that would change the lesion first are refused rather than
		// silently ignored
		for (String s : List.of("resegmentRange", "removeOutliers"))
			if (settings.containsKey(s) && !settings.get(s).isBlank() && !settings.get(s).equalsIgnoreCase("none"))
				throw new IllegalArgumentException("setting " + s + " is not supported for maps: they are computed on the lesion as delineated");
		if (Boolean.parseBoolean(settings.getOrDefault("normalize", "false").trim()))
			throw new IllegalArgumentException("setting normalize is not supported for maps: normalise the image first");
		Map<String, Double> t = new LinkedHashMap<>();
		thresholds.forEach((f, v) -> {
			if (!Double.isFinite(v)) throw new IllegalArgumentException("threshold of " + f + " must be a number, is " + v);
			t.put(qualified(f), v);
		});
		thresholds = java.util.Collections.unmodifiableMap(t);
		habitatFeatures = habitatFeatures.stream().map(String::trim).filter(f -> !f.isEmpty()).map(MapsOptions::qualified).distinct().toList();
		if (habitats < BY_SILHOUETTE || habitats == 1)
			throw new IllegalArgumentException("habitats must be " + NO_HABITATS + " (none), " + BY_SILHOUETTE + " (chosen by silhouette) or at least 2, is " + habitats);
		if (habitatKmax < 2 || habitatKmax > 10) throw new IllegalArgumentException("largest habitat k must be between 2 and 10, is " + habitatKmax);
		if (habitats != NO_HABITATS && habitatFeatures.isEmpty())
			throw new IllegalArgumentException("habitats asked for (" + (habitats == BY_SILHOUETTE ? "chosen by silhouette" : habitats)
					+ ") but no habitat features: name the maps to cluster on (e.g. " + shortNames(DEFAULT_HABITAT_FEATURES) + "), or ask for no habitats");
		List<String> columns = columns(featureSettings(classes, features, settings));
		List<String> unknown = new ArrayList<>();
		if (habitats != NO_HABITATS) for (String f : habitatFeatures) if (!columns.contains(f)) unknown.add(f);
		for (String f : thresholds.keySet()) if (!columns.contains(f)) unknown.add(f);
		if (!unknown.isEmpty())
			throw new IllegalArgumentException("maps " + unknown + " (habitat features or thresholds) are not computed with these classes; choose among "
					+ (columns.size() > 12 ? columns.subList(0, 12) + " … (" + columns.size() + " maps)" : columns) + ", or no habitat features");
	}

	/** Whether each lesion is clustered into habitats. */
	public boolean withHabitats() {
		return habitats != NO_HABITATS;
	}

	/** Features as the front ends show them: comma-separated, without the {@code original_} prefix. */
	public static String shortNames(List<String> features) {
		return String.join(", ", features.stream().map(f -> f.startsWith("original_") ? f.substring("original_".length()) : f).toList());
	}

	/** pyradiomics' column name of a feature given in any spelling (FeatureNames), e.g. glcm:Idmn → original_glcm_Idmn. */
	public static String qualified(String feature) {
		return FeatureNames.column(feature, "maps feature");
	}

	/** The settings of the maps (pyradiomics' defaults, then {@code settings}, the classes enabled). */
	public FeatureSettings featureSettings() {
		return featureSettings(classes, features, settings);
	}

	private static FeatureSettings featureSettings(List<String> classes, List<String> features, Map<String, String> settings) {
		List<String> enabled = classes.isEmpty() && features.isEmpty() ? FeatureRegistry.classNames().stream().filter(c -> !c.equals("shape")).toList()
				: classes;
		return new ExtractionOptions("pyradiomics", settings, "Original", enabled, features, 0, 0, "error", List.of(), 2).featureSettings();
	}

	/** The maps' column names, in pyradiomics' order. */
	public List<String> columns() {
		return columns(featureSettings());
	}

	private static List<String> columns(FeatureSettings s) {
		return FeatureRegistry.columns(s).stream().filter(c -> !c.startsWith("original_shape_")).toList();
	}
}
