package lesionradiomics.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A pyradiomics parameter file (YAML with {@code imageType}, {@code featureClass} and {@code setting}), turned into the
 * text the extraction options take. Unknown sections, and per-image-type settings other than the filters' own, are
 * errors naming the key, so a file never half-applies silently.
 *
 * @param settings   {@code setting:} entries as text (lists joined by ',', null as None)
 * @param imageTypes {@code imageType:} as {@code Original;LoG:sigma=1.0,3.0;Wavelet} (empty when the file has none);
 *                   IBSI 2 filters either as a type with IBSI settings ({@code LoG: {sigma: 1.5, boundary: mirror}}) or
 *                   listed under {@code IBSI:} as filter specs
 * @param classes    feature classes enabled with all their features
 * @param features   single features as {@code class:Name}
 * @param voxel      {@code voxelSetting:} entries (kernelRadius, maskedKernel, initValue, voxelBatch) as text: pyradiomics'
 *                   voxel-based extraction, which is the {@code maps} command here
 * @param notes      one line per key the file has that is not applied here, saying why (printed by the front ends)
 */
public record ParameterFile(Map<String, String> settings, String imageTypes, List<String> classes, List<String> features, Map<String, String> voxel,
		List<String> notes) {

	public static final ParameterFile NONE = new ParameterFile(Map.of(), "", List.of(), List.of(), Map.of(), List.of());

	/** Sections of pyradiomics' parameter file this reader takes. */
	public static final List<String> SECTIONS = List.of("imageType", "featureClass", "setting", "voxelSetting");

	/**
	 * pyradiomics settings (its feature extractor's keys) that are not applied here, and why. Each is read without an
	 * error, so a project's parameter file works as it is, and said in a note, so nothing is ignored silently. Settings
	 * that would change a feature value and are not implemented are not here: they stay errors.
	 */
	public static final Map<String, String> NOT_APPLIED = new java.util.LinkedHashMap<>();
	static {
		NOT_APPLIED.put("additionalInfo", "run.json and the CSV header record the settings and versions instead of diagnostic columns");
		NOT_APPLIED.put("enableCExtensions", "there is one implementation here, with pyradiomics' values");
		NOT_APPLIED.put("preCrop", "every lesion is always cropped to its bounding box (plus the filters' margin)");
		NOT_APPLIED.put("label", "every label of the label map is a lesion here (pyradiomics' label N is lesion N); to extract one, list it in the"
				+ " lesion table (--lesions) or give maps --label N");
		NOT_APPLIED.put("label_channel", "label maps are read as one channel");
		NOT_APPLIED.put("correctMask", "a label map must be on the image's grid (size, spacing and direction to 1e-4, origin to 1e-4 of a voxel);"
				+ " one that is not is refused naming the difference, never resampled silently");
		NOT_APPLIED.put("geometryTolerance", "the image and label map grids are compared with a fixed tolerance of 1e-4 (relative; origin: of a voxel)");
	}

	public static ParameterFile read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new VolumeFormatException(file, "file not found");
		Object root;
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
		} catch (YAMLException e) {
			throw new VolumeFormatException(file, "not a readable YAML parameter file: " + e.getMessage().replace('\n', ' '));
		}
		if (root == null) return NONE;
		if (!(root instanceof Map<?, ?> top)) throw new VolumeFormatException(file, "a parameter file is a mapping with the sections " + SECTIONS);
		for (Object key : top.keySet())
			if (!SECTIONS.contains(String.valueOf(key)))
				throw new VolumeFormatException(file, "unknown section '" + key + "' (this reader takes " + SECTIONS + ")" + Names.didYouMean(String.valueOf(key), SECTIONS));
		try {
			List<String> notes = new ArrayList<>();
			mapping(top.get("setting"), "setting").forEach((k, v) -> {
				String why = NOT_APPLIED.get(String.valueOf(k));
				if (why != null) notes.add(file.getFileName() + ": setting " + k + ": " + text(v) + " is not applied: " + why);
			});
			Map<String, String> voxel = new LinkedHashMap<>();
			mapping(top.get("voxelSetting"), "voxelSetting").forEach((k, v) -> voxel.put(String.valueOf(k), text(v)));
			if (!voxel.isEmpty())
				notes.add(file.getFileName() + ": voxelSetting " + voxel + " is pyradiomics' voxel-based extraction, which the maps command applies (maps --params);"
						+ " a feature extraction reads the other sections");
			return new ParameterFile(settings(top.get("setting")), imageTypes(top.get("imageType")), classes(top.get("featureClass"), true),
					classes(top.get("featureClass"), false), voxel, notes);
		} catch (IllegalArgumentException e) {
			throw new VolumeFormatException(file, e.getMessage());
		}
	}

	private static Map<?, ?> mapping(Object section, String name) {
		if (section == null) return Map.of();
		if (!(section instanceof Map<?, ?> m)) throw new IllegalArgumentException(name + " must be a mapping, is " + section);
		return m;
	}

	private static Map<String, String> settings(Object section) {
		Map<String, String> out = new LinkedHashMap<>();
		mapping(section, "setting").forEach((k, v) -> {
			if (!NOT_APPLIED.containsKey(String.valueOf(k))) out.put(String.valueOf(k), text(v));
		});
		return out;
	}

	/** A YAML value as the text a setting takes: lists joined by ',', null as None. */
	static String text(Object v) {
		if (v == null) return "None";
		if (v instanceof List<?> l) return l.stream().map(ParameterFile::text).collect(Collectors.joining(","));
		return String.valueOf(v);
	}

	private static String imageTypes(Object section) {
		List<String> out = new ArrayList<>();
		mapping(section, "imageType").forEach((name, custom) -> {
			// IBSI 2 filters, as many of one kind as wanted: a list of specs under "IBSI:" ("- LoG:sigma=1.5,boundary=mirror")
			if (String.valueOf(name).equalsIgnoreCase("IBSI")) {
				for (Object spec : custom instanceof List<?> l ? l : List.of(String.valueOf(custom).split(";")))
					if (!String.valueOf(spec).isBlank()) out.add(String.valueOf(spec).trim());
				return;
			}
			StringBuilder t = new StringBuilder(String.valueOf(name));
			mapping(custom, "imageType " + name).forEach((k, v) -> t.append(':').append(k).append('=').append(text(v)));
			out.add(t.toString());
		});
		return String.join(";", out);
	}

	/** Classes enabled whole (an empty or null feature list), or the single features of the others. */
	private static List<String> classes(Object section, boolean whole) {
		List<String> out = new ArrayList<>();
		mapping(section, "featureClass").forEach((cls, features) -> {
			List<?> names = features == null ? List.of() : features instanceof List<?> l ? l : List.of(features);
			if (whole && names.isEmpty()) out.add(String.valueOf(cls));
			if (!whole) for (Object f : names) out.add(cls + ":" + f);
		});
		return out;
	}
}
