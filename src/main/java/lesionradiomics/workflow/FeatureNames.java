package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lesionradiomics.features.FeatureRegistry;
import lesionradiomics.io.Names;

/**
 * One vocabulary for feature names. A feature is accepted in each of its three spellings — pyradiomics' column name
 * {@code original_glcm_Idmn} (the tables, {@code --variable}), the class and feature joined by an underscore
 * {@code glcm_Idmn}, and the {@code class:feature} form of pyradiomics parameter files' {@code featureClass} section
 * ({@code glcm:Idmn}) — in every option that takes feature names, and always written as pyradiomics' column name. The
 * class and feature are matched case-insensitively and given back as pyradiomics spells them; a name that matches no
 * feature is refused with the nearest one suggested.
 */
public final class FeatureNames {

	/**
	 * A parsed feature name.
	 *
	 * @param prefix       what precedes the class in a column name: the image type ({@code original}, {@code wavelet-LLH},
	 *                     ...) and an optional VOI ({@code ring_original}); {@code original} when not given
	 * @param featureClass pyradiomics' class name, e.g. {@code glcm}
	 * @param feature      pyradiomics' feature name, e.g. {@code Idmn}
	 */
	public record Name(String prefix, String featureClass, String feature) {

		/** pyradiomics' column name, e.g. {@code original_glcm_Idmn}. */
		public String column() {
			return prefix + "_" + featureClass + "_" + feature;
		}

		/** The parameter-file form, e.g. {@code glcm:Idmn}. */
		public String classFeature() {
			return featureClass + ":" + feature;
		}
	}

	private FeatureNames() {}

	/**
	 * Parses {@code name} in any of the three spellings. {@code option} names where it was given (e.g. "--features"), for
	 * the error line.
	 */
	public static Name parse(String name, String option) {
		String n = name == null ? "" : name.trim();
		if (n.isEmpty()) throw new IllegalArgumentException(option + ": empty feature name");
		int colon = n.indexOf(':');
		if (colon >= 0) return checked("original", n.substring(0, colon).trim(), n.substring(colon + 1).trim(), n, option);
		String[] parts = n.split("_");
		// the class is the last part that names one: image types and VOIs (wavelet-LLH, ring) never do
		for (int i = parts.length - 2; i >= 0; i--)
			for (String c : FeatureRegistry.classNames())
				if (c.equalsIgnoreCase(parts[i])) {
					String prefix = i == 0 ? "original" : String.join("_", java.util.Arrays.asList(parts).subList(0, i));
					return checked(prefix, c, String.join("_", java.util.Arrays.asList(parts).subList(i + 1, parts.length)), n, option);
				}
		throw new IllegalArgumentException(option + ": '" + n + "' names no feature (give e.g. original_glcm_Idmn, glcm_Idmn or glcm:Idmn)"
				+ Names.didYouMean(n, allColumns()));
	}

	/** {@link #parse} then {@link Name#column()}: the name as it is written. */
	public static String column(String name, String option) {
		return parse(name, option).column();
	}

	/**
	 * The column of {@code columns} that {@code name} means: the name itself when it is one (a non-feature column such as
	 * {@code score} or {@code VoxelVolume_ml}), else the feature in any spelling; refused with did-you-mean when none.
	 */
	public static String resolve(String name, List<String> columns, String option) {
		String n = name == null ? "" : name.trim();
		if (columns.contains(n)) return n;
		Name f;
		try {
			f = parse(n, option);
		} catch (IllegalArgumentException e) {
			f = null;
		}
		if (f != null) {
			if (columns.contains(f.column())) return f.column();
			// a short spelling (no image type) may mean the one column of that class and feature, e.g. under a VOI prefix
			if (!n.startsWith(f.prefix())) {
				String tail = "_" + f.featureClass() + "_" + f.feature();
				List<String> hits = columns.stream().filter(c -> c.endsWith(tail)).toList();
				if (hits.size() == 1) return hits.get(0);
			}
		}
		throw new IllegalArgumentException(option + ": '" + n + "' is not a column of this table" + Names.didYouMean(f == null ? n : f.column(), columns));
	}

	/** {@link #resolve} for each name, in order. */
	public static List<String> resolveAll(List<String> names, List<String> columns, String option) {
		List<String> out = new ArrayList<>();
		for (String n : names) out.add(resolve(n, columns, option));
		return out;
	}

	private static Name checked(String prefix, String featureClass, String feature, String given, String option) {
		String cls = null;
		for (String c : FeatureRegistry.classNames()) if (c.equalsIgnoreCase(featureClass)) cls = c;
		if (cls == null)
			throw new IllegalArgumentException(option + ": '" + given + "': unknown feature class '" + featureClass + "'"
					+ Names.didYouMean(featureClass, FeatureRegistry.classNames()) + " (known: " + String.join(", ", FeatureRegistry.classNames()) + ")");
		String f = null;
		List<String> known = new ArrayList<>(FeatureRegistry.featureNames(cls));
		for (String k : known) if (k.toLowerCase(Locale.ROOT).equals(feature.toLowerCase(Locale.ROOT))) f = k;
		if (f == null) throw new IllegalArgumentException(option + ": '" + given + "': " + cls + " has no feature '" + feature + "'" + Names.didYouMean(feature, known));
		return new Name(prefix, cls, f);
	}

	private static List<String> allColumns() {
		List<String> out = new ArrayList<>();
		for (String c : FeatureRegistry.classNames())
			for (String f : FeatureRegistry.featureNames(c)) out.add(c + "_" + f);
		return out;
	}
}
