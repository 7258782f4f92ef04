package lesionradiomics.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.ImageType;

/**
 * What an extraction computes. Front ends bind their fields to these components; the defaults are {@link #DEFAULTS}.
 *
 * @param preset          "pyradiomics" (pyradiomics' defaults), "study" (the reference study: 1×1×1 mm B-spline
 *                        resampling, bin width 10) or "sun2022" (Sun et al. 2022: 1×1×1 mm B-spline resampling, 400
 *                        bins from −1000 to 3000 HU, core and ring) or "ibsi" (every IBSI 1 feature with IBSI's processing
 *                        rules; see {@link FeatureSettings#ibsiPreset()}); {@code settings} are applied on top of it
 * @param settings        pyradiomics settings by name ({@code binWidth}, {@code resampledPixelSpacing}, …; see
 *                        {@link FeatureSettings#SETTINGS}), as text
 * @param imageTypes      pyradiomics' image types, e.g. {@code Original;LoG:sigma=1,3;Wavelet} (blank: Original; see
 *                        {@link ImageType#parseList})
 * @param classes         feature classes to compute (empty: all)
 * @param features        single features as {@code class:Name} (combine with {@code classes})
 * @param splitComponents 0: label map as given; 6 or 26: number its connected components as lesions
 * @param minLesionMm3    with {@code splitComponents}: smaller components are dropped
 * @param nanPolicy       "error": a NaN or infinite voxel inside a lesion stops the extraction, naming patient and
 *                        label; "exclude": such voxels are left out of intensity and texture features and listed
 * @param voi             volumes of interest per lesion: "core" (the delineation, pyradiomics' column names) and/or
 *                        "ring" (peritumoral ring on both sides of the boundary, columns prefixed {@code ring_});
 *                        empty: the preset's (core; sun2022: core and ring)
 * @param ringMm          half-width of the ring in mm: dilated minus eroded mask by this radius
 */
public record ExtractionOptions(String preset, Map<String, String> settings, String imageTypes, List<String> classes, List<String> features, int splitComponents,
		double minLesionMm3, String nanPolicy, List<String> voi, double ringMm) {

	public static final List<String> VOIS = List.of("core", "ring");

	public static final List<String> NAN_POLICIES = List.of("error", "exclude");

	public static final List<String> PRESETS = List.of("pyradiomics", "study", "sun2022", "ibsi");

	public static final ExtractionOptions DEFAULTS = new ExtractionOptions("pyradiomics", Map.of(), "Original", List.of(), List.of(), 0, 0, "error", List.of(),
			2);

	public ExtractionOptions {
		preset = preset == null || preset.isBlank() ? "pyradiomics" : preset.trim().toLowerCase(Locale.ROOT);
		if (!PRESETS.contains(preset)) throw new IllegalArgumentException("unknown preset '" + preset + "' (use " + String.join(" or ", PRESETS) + ")");
		settings = Map.copyOf(new LinkedHashMap<>(settings));
		imageTypes = ImageType.parseList(imageTypes).stream().map(ImageType::toString).collect(java.util.stream.Collectors.joining(";"));
		classes = List.copyOf(classes);
		features = List.copyOf(features);
		if (splitComponents != 0 && splitComponents != 6 && splitComponents != 26)
			throw new IllegalArgumentException("split-components must be 6 or 26 (connectivity), is " + splitComponents);
		if (!(minLesionMm3 >= 0) || Double.isInfinite(minLesionMm3))
			throw new IllegalArgumentException("min-lesion-mm3 must be a finite number >= 0, is " + minLesionMm3);
		nanPolicy = nanPolicy == null || nanPolicy.isBlank() ? "error" : nanPolicy.trim().toLowerCase(Locale.ROOT);
		if (!NAN_POLICIES.contains(nanPolicy)) throw new IllegalArgumentException("nan-policy must be error or exclude, is '" + nanPolicy + "'");
		voi = voi == null || voi.isEmpty() ? presetVoi(preset) : voi.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).distinct().toList();
		for (String v : voi) if (!VOIS.contains(v)) throw new IllegalArgumentException("voi must be core and/or ring, got '" + v + "'");
		if (!(ringMm > 0) || Double.isInfinite(ringMm)) throw new IllegalArgumentException("ring-mm must be a positive number of mm, is " + ringMm);
		featureSettings(preset, settings, imageTypes, classes, features); // every setting checked here, before any file is read
	}

	/** The volumes of interest of a preset when none are given. */
	static List<String> presetVoi(String preset) {
		return preset.equals("sun2022") ? List.of("core", "ring") : List.of("core");
	}

	/** The same options with one more pyradiomics setting (a blank value leaves them unchanged). */
	public ExtractionOptions withSetting(String name, String value) {
		if (value == null || value.isBlank()) return this;
		Map<String, String> s = new LinkedHashMap<>(settings);
		s.put(name, value.trim());
		return new ExtractionOptions(preset, s, imageTypes, classes, features, splitComponents, minLesionMm3, nanPolicy, voi, ringMm);
	}

	/** True when NaN/infinite lesion voxels are left out rather than an error. */
	public boolean excludeNonFinite() {
		return nanPolicy.equals("exclude");
	}

	/** The extraction settings: the preset, then {@code settings} in pyradiomics' order, then the enabled features. */
	public FeatureSettings featureSettings() {
		return featureSettings(preset, settings, imageTypes, classes, features);
	}

	private static FeatureSettings featureSettings(String preset, Map<String, String> settings, String imageTypes, List<String> classes,
			List<String> features) {
		List<String> binning = settings.keySet().stream().filter(List.of("binWidth", "binCount", "binRange")::contains).sorted().toList();
		if (binning.size() > 1) throw new IllegalArgumentException("give only one of bin width, bin count and bin range; got " + binning);
		FeatureSettings.Builder b = switch (preset) {
		case "study" -> FeatureSettings.studyPreset().toBuilder();
		case "sun2022" -> FeatureSettings.sun2022Preset().toBuilder();
		case "ibsi" -> FeatureSettings.ibsiPreset().toBuilder();
		default -> FeatureSettings.builder();
		};
		for (String name : settings.keySet())
			if (!FeatureSettings.names().contains(name)) b.set(name, settings.get(name)); // unknown: the builder's error lists the known names
		// pyradiomics' order, so that e.g. binCount after binWidth wins whatever order the user typed them in
		for (String name : FeatureSettings.names()) if (settings.containsKey(name)) b.set(name, settings.get(name));
		b.imageTypes(ImageType.parseList(imageTypes));
		for (String c : classes) if (!c.isBlank()) b.enable(c.trim());
		for (String f : features) {
			if (f.isBlank()) continue;
			FeatureNames.Name n = FeatureNames.parse(f, "--features"); // glcm:Idmn, glcm_Idmn or original_glcm_Idmn
			b.enable(n.featureClass(), n.feature());
		}
		return b.build();
	}
}
