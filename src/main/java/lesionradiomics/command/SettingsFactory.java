package lesionradiomics.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import lesionradiomics.features.FeatureSettings;

/**
 * Builds extraction settings from the plain values every front end offers (CLI options, Fiji dialog fields, SciJava
 * parameters), so they mean the same everywhere. Blank or zero values mean "not set".
 */
final class SettingsFactory {

	private SettingsFactory() {}

	/**
	 * @param preset   "pyradiomics" (defaults) or "study" (1 mm B-spline resampling, bin width 10)
	 * @param binWidth bin width, or null / ≤ 0 for the preset's
	 * @param binCount bin count, or null / ≤ 0 for none
	 * @param resample "x,y,z" mm, or blank for the preset's ("none" switches resampling off)
	 * @param classes  feature classes (blank: all)
	 * @param features single features as class:Name (may be null)
	 * @param params   further pyradiomics settings by name (may be empty)
	 */
	static FeatureSettings build(String preset, Double binWidth, Integer binCount, String resample, List<String> classes, List<String> features,
			Map<String, String> params) {
		FeatureSettings.Builder b;
		String p = preset == null || preset.isBlank() ? "pyradiomics" : preset.trim().toLowerCase(Locale.ROOT);
		switch (p) {
		case "pyradiomics": case "default": b = FeatureSettings.builder(); break;
		case "study": b = FeatureSettings.studyPreset().toBuilder(); break;
		default: throw new IllegalArgumentException("unknown preset '" + preset + "' (use pyradiomics or study)");
		}
		params.forEach(b::set);
		if (binWidth != null && binWidth > 0) b.binWidth(binWidth);
		if (binCount != null && binCount > 0) b.binCount(binCount);
		if (resample != null && !resample.isBlank()) b.set("resampledPixelSpacing", resample);
		if (classes != null) for (String c : classes) if (!c.isBlank()) b.enable(c.trim());
		if (features != null)
			for (String f : features) {
				if (f.isBlank()) continue;
				String[] parts = f.split(":", 2);
				if (parts.length != 2) throw new IllegalArgumentException("features are given as class:Name, got '" + f + "'");
				b.enable(parts[0].trim(), parts[1].trim());
			}
		return b.build();
	}

	/** Splits "a, b ,c" into trimmed parts (empty list for blank). */
	static List<String> list(String text) {
		if (text == null || text.isBlank()) return List.of();
		return List.of(text.trim().split("\\s*,\\s*"));
	}

	static int threads(int requested) {
		return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
	}
}
