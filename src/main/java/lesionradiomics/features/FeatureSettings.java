package lesionradiomics.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import lesionradiomics.preprocess.Discretizer;
import lesionradiomics.preprocess.Resegmentation;

/**
 * Extraction settings, named and defaulted as pyradiomics' parameter file, plus which feature classes and features are
 * enabled. Every setting is declared once, in {@link #SETTINGS}: its name, default, parser, validation and
 * description; getters, the builder, {@link #asMap()} and the list of known names all come from that table.
 * Immutable; build with {@link #builder()} or {@link #fromMap(Map)}.
 */
public final class FeatureSettings {

	/** One pyradiomics setting: its name, default, how to read it from text, what it allows, and what it does. */
	public static final class Setting {
		private final String name;
		private final Object defaultValue;
		private final Function<String, Object> parser;
		private final Function<Object, String> check;
		private final String description;
		private final List<String> clears;

		Setting(String name, Object defaultValue, Function<String, Object> parser, Function<Object, String> check, String description,
				String... clears) {
			this.name = name;
			this.defaultValue = defaultValue;
			this.parser = parser;
			this.check = check;
			this.description = description;
			this.clears = List.of(clears);
		}

		public String name() { return name; }
		public String description() { return description; }
		/** The default as text ("None" when unset). */
		public String defaultText() { return format(defaultValue); }

		Object parse(String text) {
			String v = text.trim();
			Object value;
			try {
				value = v.equalsIgnoreCase("none") ? null : parser.apply(v);
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("setting " + name + ": cannot read '" + text + "' as a number", e);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("setting " + name + ": " + e.getMessage(), e);
			}
			return validate(value);
		}

		Object validate(Object value) {
			String problem = value == null ? null : check.apply(value);
			if (problem != null) throw new IllegalArgumentException("setting " + name + " = " + format(value) + ": " + problem);
			return value;
		}
	}

	private static String format(Object v) {
		if (v == null) return "None";
		if (v instanceof double[]) return Arrays.toString((double[]) v);
		if (v instanceof int[]) return Arrays.toString((int[]) v);
		if (v instanceof Resegmentation.Mode) return ((Resegmentation.Mode) v).name().toLowerCase(Locale.ROOT);
		return v.toString();
	}

	private static Function<Object, String> positive() {
		return v -> ((Number) v).doubleValue() > 0 && Double.isFinite(((Number) v).doubleValue()) ? null : "must be a positive finite number";
	}

	private static Function<Object, String> atLeast(int min) {
		return v -> ((Number) v).intValue() >= min ? null : "must be at least " + min;
	}

	private static final Function<Object, String> ANY = v -> null;

	/** Every setting, in pyradiomics' order. The single place where a setting is declared. */
	public static final List<Setting> SETTINGS = List.of(
			new Setting("binWidth", 25.0, Double::parseDouble, positive(), "fixed bin width of the discretisation", "binCount", "binRange"),
			new Setting("binCount", null, Integer::parseInt, v -> (Integer) v < 1 || (Integer) v > LesionExtractor.MAX_BINS
					? "must be between 1 and " + LesionExtractor.MAX_BINS : null, "fixed number of bins instead of a bin width", "binRange"),
			new Setting("binRange", null, FeatureSettings::doubles, v -> {
				double[] r = (double[]) v;
				return r.length != 3 ? "needs min,max,count" : !(r[1] > r[0]) || !(r[2] >= 1 && r[2] <= LesionExtractor.MAX_BINS) || r[2] != Math.rint(r[2])
						? "needs min < max and a whole count from 1 to " + LesionExtractor.MAX_BINS : null;
			}, "absolute discretisation: count equal bins over [min, max], e.g. -1000,3000,400", "binCount"),
			new Setting("resampledPixelSpacing", null, FeatureSettings::doubles, v -> {
				double[] s = (double[]) v;
				if (s.length != 3) return "needs 3 values (x,y,z mm)";
				for (double x : s) if (!(x >= 0) || !Double.isFinite(x)) return "spacings must be >= 0 mm (0 keeps an axis)";
				return null;
			}, "resample each lesion to this spacing (x,y,z mm; 0 keeps an axis)"),
			new Setting("interpolator", "sitkBSpline", v -> {
				lesionradiomics.preprocess.Resampler.Interpolator.parse(v);
				return v;
			}, ANY, "image interpolator: sitkBSpline, sitkLinear or sitkNearestNeighbor"),
			new Setting("padDistance", 5, Integer::parseInt, atLeast(0), "voxels added around the lesion before resampling"),
			new Setting("normalize", false, FeatureSettings::bool, ANY, "z-score normalise the image"),
			new Setting("normalizeScale", 1.0, Double::parseDouble, positive(), "scale after normalisation"),
			new Setting("removeOutliers", null, Double::parseDouble, positive(), "clip normalised values beyond this many SDs"),
			new Setting("resegmentRange", null, FeatureSettings::doubles, v -> {
				double[] r = (double[]) v;
				return r.length < 1 || r.length > 2 ? "needs one or two values" : r.length == 2 && !(r[1] >= r[0]) ? "needs min <= max" : null;
			}, "keep only mask voxels in this intensity range"),
			new Setting("resegmentMode", Resegmentation.Mode.ABSOLUTE, Resegmentation.Mode::parse, ANY, "absolute, relative or sigma"),
			new Setting("resegmentShape", false, FeatureSettings::bool, ANY,
					"shape on the resegmented mask (default: on the delineated mask cut to the resegmented mask's bounding box, as pyradiomics)"),
			new Setting("voxelArrayShift", 0.0, Double::parseDouble, v -> Double.isFinite((Double) v) ? null : "must be finite",
					"added to intensities for energy features"),
			new Setting("force2D", false, FeatureSettings::bool, ANY, "texture in 2D slices"),
			new Setting("force2Ddimension", 0, Integer::parseInt, v -> (Integer) v >= 0 && (Integer) v <= 2 ? null : "must be 0, 1 or 2",
					"axis of the 2D slices"),
			new Setting("distances", new int[] { 1 }, v -> {
				double[] d = doubles(v);
				int[] di = new int[d.length];
				for (int i = 0; i < d.length; i++) di[i] = (int) d[i];
				return di;
			}, v -> {
				for (int d : (int[]) v) if (d < 1) return "distances must be >= 1";
				return ((int[]) v).length == 0 ? "needs at least one distance" : null;
			}, "neighbour distances of the texture matrices"),
			new Setting("weightingNorm", null, v -> v, v -> List.of("manhattan", "euclidean", "infinity", "no_weighting").contains(v) ? null
					: "must be manhattan, euclidean, infinity or no_weighting", "weighting of directions by distance"),
			new Setting("gldm_a", 0.0, Double::parseDouble, v -> (Double) v >= 0 ? null : "must be >= 0", "GLDM dependence cut-off alpha"),
			new Setting("minimumROIDimensions", 2, Integer::parseInt, v -> (Integer) v >= 1 && (Integer) v <= 3 ? null : "must be 1, 2 or 3",
					"lesions spanning fewer axes are refused"),
			new Setting("minimumROISize", 0, v -> v.equalsIgnoreCase("none") ? 0 : Integer.parseInt(v), atLeast(0),
					"lesions with fewer voxels are refused"),
			// IBSI 1 (standard = ibsi, or a rule mixed into pyradiomics mode; see README "Standards")
			new Setting("standard", "pyradiomics", v -> oneOf(v, "pyradiomics", "ibsi"), ANY,
					"pyradiomics (pyradiomics' features and processing) or ibsi (every IBSI 1 feature, IBSI's processing rules)"),
			new Setting("gridAlignment", "corner", v -> oneOf(v, "corner", "centre"), ANY,
					"resampling grid: corner (pyradiomics: on the lesion box's corner) or centre (IBSI: on the whole image's centre, ceil(extent/spacing) voxels)"),
			new Setting("maskInterpolator", "sitkNearestNeighbor", v -> {
				lesionradiomics.preprocess.Resampler.Interpolator.parse(v);
				return v;
			}, ANY, "mask interpolator on the centre-aligned grid (IBSI: sitkLinear, kept where >= maskThreshold)"),
			new Setting("maskThreshold", 0.5, Double::parseDouble, v -> (Double) v > 0 && (Double) v <= 1 ? null : "must be in (0, 1]",
					"partial-volume threshold of an interpolated mask on the centre-aligned grid"),
			new Setting("roundIntensities", false, FeatureSettings::bool, ANY,
					"round interpolated intensities to integers when the image is integer-valued (IBSI, e.g. CT)"),
			new Setting("resegmentSigma", null, Double::parseDouble, positive(),
					"IBSI mode: after resegmentRange, keep voxels within mean +- this many SDs (IBSI's 3 sigma outlier filter)"),
			new Setting("textureDimensions", "3D", v -> oneOf(v.toUpperCase(Locale.ROOT), "2D", "3D"), ANY,
					"IBSI mode: 3D (3D averaged/merged, 3D zones) or 2D (2D averaged, slice-merged, 2.5D direction-merged, merged)"),
			new Setting("ivhDiscretisation", "none", v -> lesionradiomics.preprocess.IbsiDiscretisation.parse(v).toString(), ANY,
					"IBSI mode: intensity-volume histogram discretisation: none (discrete intensities), 'FBS <width>' or 'FBN <bins>'"));

	private static String oneOf(String v, String... allowed) {
		for (String a : allowed) if (a.equals(v)) return v;
		throw new IllegalArgumentException("'" + v + "' is not one of " + String.join(", ", allowed));
	}

	/** Settings that only IBSI mode's features use: refused in pyradiomics mode (they would change nothing there). */
	static final List<String> IBSI_MODE_ONLY = List.of("resegmentSigma", "textureDimensions", "ivhDiscretisation");
	/** IBSI's values of the rules that differ from pyradiomics'. */
	static final Map<String, Object> IBSI_DEFAULTS = Map.of("gridAlignment", "centre", "maskInterpolator", "sitkLinear", "roundIntensities", true);

	/** IBSI processing rules that pyradiomics mode also honours when set (said in run.json). */
	static final List<String> IBSI_RULES = List.of("gridAlignment", "maskInterpolator", "maskThreshold", "roundIntensities");

	private static final Map<String, Setting> BY_NAME = new LinkedHashMap<>();
	static {
		for (Setting s : SETTINGS) BY_NAME.put(s.name, s);
	}

	private final Map<String, Object> values;
	private final Map<String, Set<String>> enabled;
	private final List<ImageType> imageTypes;

	private FeatureSettings(Builder b) {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
		imageTypes = List.copyOf(b.imageTypes);
		Map<String, Set<String>> en = new LinkedHashMap<>();
		b.enabled.forEach((k, v) -> en.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
		enabled = Collections.unmodifiableMap(en);
	}

	public static Builder builder() { return new Builder(); }

	/** pyradiomics' defaults: binWidth 25, no resampling, all 107 default features. */
	public static FeatureSettings defaults() { return builder().build(); }

	/** The reference study's settings: 1×1×1 mm B-spline resampling and bin width 10. */
	public static FeatureSettings studyPreset() {
		return builder().binWidth(10).resampledPixelSpacing(new double[] { 1, 1, 1 }).build();
	}

	/**
	 * Sun et al. 2022's settings (the CD8 radiomics signature, as LIFEx computes it): 1×1×1 mm B-spline resampling and
	 * absolute discretisation into 400 bins from −1000 to 3000 HU.
	 */
	public static FeatureSettings sun2022Preset() {
		return builder().binRange(-1000, 3000, 400).resampledPixelSpacing(new double[] { 1, 1, 1 }).build();
	}

	/**
	 * IBSI 1: every IBSI feature, with IBSI's processing rules: centre-aligned grid, linear mask interpolation kept at
	 * >= 0.5, intensities rounded after interpolation of integer images, fixed bin size from the re-segmentation
	 * range's lower bound. Interpolation, range, sigma, bins and texture dimensions stay the user's to set.
	 */
	public static FeatureSettings ibsiPreset() {
		return builder().set("standard", "ibsi").build();
	}

	public Builder toBuilder() {
		Builder b = new Builder();
		b.values.putAll(values);
		enabled.forEach((k, v) -> b.enabled.put(k, new LinkedHashSet<>(v)));
		b.imageTypes = imageTypes;
		return b;
	}

	private Object get(String name) { return values.get(name); }

	public Discretizer discretizer() {
		double[] range = (double[]) get("binRange");
		if (range != null) return Discretizer.absoluteRange(range[0], range[1], (int) range[2]);
		if (binCount() != null) return Discretizer.fixedBinCount(binCount());
		return Discretizer.fixedBinWidth(binWidth());
	}

	public double binWidth() { return (Double) get("binWidth"); }
	public Integer binCount() { return (Integer) get("binCount"); }
	public double[] resampledPixelSpacing() {
		double[] s = (double[]) get("resampledPixelSpacing");
		return s == null ? null : s.clone();
	}
	public String interpolator() { return (String) get("interpolator"); }
	public int padDistance() { return (Integer) get("padDistance"); }
	public boolean normalize() { return (Boolean) get("normalize"); }
	public double normalizeScale() { return (Double) get("normalizeScale"); }
	/** NaN when not set. */
	public double removeOutliers() { return get("removeOutliers") == null ? Double.NaN : (Double) get("removeOutliers"); }
	public Resegmentation resegmentation() {
		double[] r = (double[]) get("resegmentRange");
		return r == null ? null : new Resegmentation(r, (Resegmentation.Mode) get("resegmentMode"));
	}
	/** The resegmentRange as given (1 or 2 values), or null. */
	double[] asMapRange() {
		double[] r = (double[]) get("resegmentRange");
		return r == null ? null : r.clone();
	}
	public boolean resegmentShape() { return (Boolean) get("resegmentShape"); }
	public double voxelArrayShift() { return (Double) get("voxelArrayShift"); }
	public boolean force2D() { return (Boolean) get("force2D"); }
	public int force2Ddimension() { return (Integer) get("force2Ddimension"); }
	public int[] distances() { return ((int[]) get("distances")).clone(); }
	public String weightingNorm() { return (String) get("weightingNorm"); }
	public double gldmA() { return (Double) get("gldm_a"); }
	public int minimumROIDimensions() { return (Integer) get("minimumROIDimensions"); }
	public int minimumROISize() { return (Integer) get("minimumROISize"); }
	public boolean ibsi() { return get("standard").equals("ibsi"); }
	public boolean centreAlignedGrid() { return get("gridAlignment").equals("centre"); }
	public String maskInterpolator() { return (String) get("maskInterpolator"); }
	public double maskThreshold() { return (Double) get("maskThreshold"); }
	public boolean roundIntensities() { return (Boolean) get("roundIntensities"); }
	/** NaN when not set. */
	public double resegmentSigma() { return get("resegmentSigma") == null ? Double.NaN : (Double) get("resegmentSigma"); }
	public boolean texture3D() { return get("textureDimensions").equals("3D"); }
	public lesionradiomics.preprocess.IbsiDiscretisation ivhDiscretisation() {
		String v = (String) get("ivhDiscretisation"); // "none" reads as unset
		return v == null ? lesionradiomics.preprocess.IbsiDiscretisation.none() : lesionradiomics.preprocess.IbsiDiscretisation.parse(v);
	}

	/** The IBSI rules set away from pyradiomics' defaults in pyradiomics mode (empty in IBSI mode). */
	public List<String> mixedIbsiRules() {
		List<String> out = new ArrayList<>();
		if (ibsi()) return out;
		for (String name : IBSI_RULES)
			if (!java.util.Objects.equals(values.get(name), BY_NAME.get(name).defaultValue)) out.add(name + "=" + format(values.get(name)));
		return out;
	}

	/**
	 * Enabled feature classes, each with the features asked for; an empty set means all default features of that
	 * class. An empty map means every class.
	 */
	public Map<String, Set<String>> enabledFeatures() { return enabled; }

	/** The image types (pyradiomics' {@code imageType}), in output order; default: Original only. */
	public List<ImageType> imageTypes() { return imageTypes; }

	/** True when some image type other than Original is enabled. */
	public boolean filtered() {
		return imageTypes.stream().anyMatch(t -> t.kind() != ImageType.Kind.ORIGINAL);
	}

	/** The settings as pyradiomics would print them, for run records and table metadata (only the binning in use). */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		String binning = get("binRange") != null ? "binRange" : get("binCount") != null ? "binCount" : "binWidth";
		boolean ibsi = ibsi();
		for (Setting s : SETTINGS) {
			if (s.name.startsWith("bin") && !s.name.equals(binning)) continue;
			// pyradiomics mode lists the IBSI settings only when set (its records stay as they were)
			boolean ibsiSetting = SETTINGS.indexOf(s) >= SETTINGS.indexOf(BY_NAME.get("standard"));
			if (ibsiSetting && !ibsi && java.util.Objects.equals(values.get(s.name), s.defaultValue)) continue;
			Object v = values.get(s.name);
			m.put(s.name, v instanceof double[] || v instanceof int[] || v instanceof Resegmentation.Mode || v == null ? format(v) : v);
		}
		m.put("featureClass", enabled.isEmpty() ? "all" : enabled.toString());
		if (!mixedIbsiRules().isEmpty()) m.put("mixedStandards", "IBSI rules in pyradiomics mode: " + String.join(", ", mixedIbsiRules()));
		if (!imageTypes.equals(List.of(ImageType.ORIGINAL))) m.put("imageType", imageTypes.stream().map(ImageType::toString).collect(java.util.stream.Collectors.joining(";")));
		return m;
	}

	/**
	 * Settings from pyradiomics-style names and string values (parameter file {@code setting:} entries, CLI
	 * {@code --param name=value}). Unknown names are an error that lists the known ones.
	 */
	public static FeatureSettings fromMap(Map<String, String> values) {
		Builder b = builder();
		// standard first: it brings IBSI's rules, which the other entries may then override
		if (values.containsKey("standard")) b.set("standard", values.get("standard"));
		for (Map.Entry<String, String> e : values.entrySet()) if (!e.getKey().equals("standard")) b.set(e.getKey(), e.getValue());
		return b.build();
	}

	/** The names of every setting, in pyradiomics' order. */
	public static List<String> names() {
		return List.copyOf(BY_NAME.keySet());
	}

	public static final class Builder {
		private final Map<String, Object> values = new LinkedHashMap<>();
		private final Map<String, Set<String>> enabled = new LinkedHashMap<>();
		private List<ImageType> imageTypes = List.of(ImageType.ORIGINAL);

		Builder() {
			for (Setting s : SETTINGS) values.put(s.name, s.defaultValue);
		}

		private Builder put(String name, Object value) {
			Setting s = BY_NAME.get(name);
			values.put(name, s.validate(value));
			if (value != null) for (String c : s.clears) values.put(c, null);
			// standard = ibsi brings IBSI's processing rules along, unless set otherwise (settings apply in table order,
			// so a rule given with it wins)
			if (name.equals("standard") && "ibsi".equals(value)) {
				IBSI_DEFAULTS.forEach((k, v) -> {
					if (java.util.Objects.equals(values.get(k), BY_NAME.get(k).defaultValue)) values.put(k, v);
				});
			}
			return this;
		}

		/** Sets one pyradiomics-named setting from its text value ("None" unsets it). */
		public Builder set(String name, String value) {
			Setting s = BY_NAME.get(name);
			if (s == null) throw new IllegalArgumentException("unknown setting '" + name + "'; known settings: " + names());
			return put(name, s.parse(value));
		}

		public Builder binWidth(double w) { return put("binWidth", w); }
		public Builder binCount(int n) { return put("binCount", n); }
		/** Absolute discretisation: {@code count} equal bins over [min, max] (e.g. 400 bins over -1000..3000 HU). */
		public Builder binRange(double min, double max, int count) { return put("binRange", new double[] { min, max, count }); }
		public Builder resampledPixelSpacing(double[] s) { return put("resampledPixelSpacing", s == null ? null : s.clone()); }
		public Builder interpolator(String i) { return set("interpolator", i); }
		public Builder padDistance(int p) { return put("padDistance", p); }
		public Builder normalize(boolean n) { return put("normalize", n); }
		public Builder normalizeScale(double s) { return put("normalizeScale", s); }
		public Builder removeOutliers(double o) { return put("removeOutliers", Double.isNaN(o) ? null : o); }
		public Builder resegmentRange(double[] r) { return put("resegmentRange", r == null ? null : r.clone()); }
		public Builder resegmentMode(Resegmentation.Mode m) { return put("resegmentMode", m); }
		public Builder voxelArrayShift(double s) { return put("voxelArrayShift", s); }
		public Builder force2D(boolean f) { return put("force2D", f); }
		public Builder force2Ddimension(int d) { return put("force2Ddimension", d); }
		public Builder distances(int... d) { return put("distances", d.clone()); }
		public Builder weightingNorm(String w) { return put("weightingNorm", w); }
		public Builder gldmA(double a) { return put("gldm_a", a); }
		public Builder minimumROIDimensions(int d) { return put("minimumROIDimensions", d); }
		public Builder minimumROISize(int s) { return put("minimumROISize", s); }

		/** The image types, in output order (at least one). */
		public Builder imageTypes(List<ImageType> types) {
			if (types.isEmpty()) throw new IllegalArgumentException("at least one image type");
			imageTypes = List.copyOf(types);
			return this;
		}

		/** Enables a feature class (all its default features, or the named ones); the first call disables the others. */
		public Builder enable(String featureClass, String... features) {
			String cls = featureClass.toLowerCase(Locale.ROOT);
			if (!FeatureRegistry.classNames().contains(cls))
				throw new IllegalArgumentException("unknown feature class '" + featureClass + "'; known: " + FeatureRegistry.classNames());
			Set<String> set = enabled.computeIfAbsent(cls, k -> new LinkedHashSet<>());
			for (String f : features) {
				if (!FeatureRegistry.featureNames(cls).contains(f))
					throw new IllegalArgumentException("unknown feature '" + f + "' in class " + cls + "; known: " + FeatureRegistry.featureNames(cls));
				set.add(f);
			}
			return this;
		}

		/** Checks the combination of settings (every setting alone was checked when set). */
		public FeatureSettings build() {
			if (!values.get("standard").equals("ibsi")) {
				for (String name : IBSI_MODE_ONLY)
					if (!java.util.Objects.equals(values.get(name), BY_NAME.get(name).defaultValue))
						throw new IllegalArgumentException("setting " + name + " applies to IBSI mode's features only: add standard=ibsi (or --preset ibsi)");
			} else {
				if (values.get("binRange") != null)
					throw new IllegalArgumentException("IBSI mode: binRange is pyradiomics' absolute discretisation; use binWidth with resegmentRange (bins from its lower bound) or binCount");
				if (values.get("resegmentRange") != null && values.get("resegmentMode") != Resegmentation.Mode.ABSOLUTE)
					throw new IllegalArgumentException("IBSI mode: resegmentRange is absolute (use resegmentSigma for IBSI's outlier filter)");
				if (!enabled.isEmpty()) throw new IllegalArgumentException("IBSI mode computes every IBSI family; feature class selection is pyradiomics mode's");
				if ((Boolean) values.get("normalize")) throw new IllegalArgumentException("IBSI mode (IBSI 1) does not normalise intensities; normalize is pyradiomics mode's");
				if (imageTypes.stream().anyMatch(t -> t.kind() != ImageType.Kind.ORIGINAL))
					throw new IllegalArgumentException("IBSI mode (IBSI 1) works on the original image; filtered image types are pyradiomics mode's");
			}
			return new FeatureSettings(this);
		}
	}

	private static boolean bool(String v) {
		if (v.equalsIgnoreCase("true")) return true;
		if (v.equalsIgnoreCase("false")) return false;
		throw new IllegalArgumentException("'" + v + "' is not true or false");
	}

	private static double[] doubles(String v) {
		String s = v.replace("[", "").replace("]", "").replace("(", "").replace(")", "").trim();
		List<Double> out = new ArrayList<>();
		for (String p : s.split("[,\\s]+")) if (!p.isEmpty()) out.add(Double.parseDouble(p));
		double[] d = new double[out.size()];
		for (int i = 0; i < d.length; i++) d[i] = out.get(i);
		return d;
	}
}
