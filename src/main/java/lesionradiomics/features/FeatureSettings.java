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

import lesionradiomics.preprocess.Discretizer;
import lesionradiomics.preprocess.Resegmentation;

/**
 * Extraction settings, named and defaulted as pyradiomics' parameter file ({@code binWidth}, {@code binCount},
 * {@code resampledPixelSpacing}, {@code interpolator}, {@code padDistance}, {@code normalize}, {@code normalizeScale},
 * {@code removeOutliers}, {@code resegmentRange}, {@code resegmentMode}, {@code voxelArrayShift}, {@code force2D},
 * {@code force2Ddimension}, {@code distances}, {@code weightingNorm}, {@code gldm_a}, {@code minimumROIDimensions},
 * {@code minimumROISize}), plus which feature classes and features are enabled. Immutable; build with
 * {@link #builder()} or {@link #fromMap(Map)}.
 */
public final class FeatureSettings {

	private final double binWidth;
	private final Integer binCount;
	private final double[] absoluteRange;
	private final double[] resampledPixelSpacing;
	private final String interpolator;
	private final int padDistance;
	private final boolean normalize;
	private final double normalizeScale;
	private final double removeOutliers;
	private final double[] resegmentRange;
	private final Resegmentation.Mode resegmentMode;
	private final double voxelArrayShift;
	private final boolean force2D;
	private final int force2Ddimension;
	private final int[] distances;
	private final String weightingNorm;
	private final double gldmA;
	private final int minimumROIDimensions;
	private final int minimumROISize;
	private final Map<String, Set<String>> enabled;

	private FeatureSettings(Builder b) {
		binWidth = b.binWidth;
		binCount = b.binCount;
		absoluteRange = b.absoluteRange == null ? null : b.absoluteRange.clone();
		resampledPixelSpacing = b.resampledPixelSpacing == null ? null : b.resampledPixelSpacing.clone();
		interpolator = b.interpolator;
		padDistance = b.padDistance;
		normalize = b.normalize;
		normalizeScale = b.normalizeScale;
		removeOutliers = b.removeOutliers;
		resegmentRange = b.resegmentRange == null ? null : b.resegmentRange.clone();
		resegmentMode = b.resegmentMode;
		voxelArrayShift = b.voxelArrayShift;
		force2D = b.force2D;
		force2Ddimension = b.force2Ddimension;
		distances = b.distances.clone();
		weightingNorm = b.weightingNorm;
		gldmA = b.gldmA;
		minimumROIDimensions = b.minimumROIDimensions;
		minimumROISize = b.minimumROISize;
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

	public Builder toBuilder() {
		Builder b = new Builder();
		b.binWidth = binWidth; b.binCount = binCount; b.absoluteRange = absoluteRange;
		b.resampledPixelSpacing = resampledPixelSpacing; b.interpolator = interpolator; b.padDistance = padDistance;
		b.normalize = normalize; b.normalizeScale = normalizeScale; b.removeOutliers = removeOutliers;
		b.resegmentRange = resegmentRange; b.resegmentMode = resegmentMode; b.voxelArrayShift = voxelArrayShift;
		b.force2D = force2D; b.force2Ddimension = force2Ddimension; b.distances = distances.clone();
		b.weightingNorm = weightingNorm; b.gldmA = gldmA; b.minimumROIDimensions = minimumROIDimensions;
		b.minimumROISize = minimumROISize;
		b.enabled = new LinkedHashMap<>();
		enabled.forEach((k, v) -> b.enabled.put(k, new LinkedHashSet<>(v)));
		return b;
	}

	public Discretizer discretizer() {
		if (absoluteRange != null) return Discretizer.absoluteRange(absoluteRange[0], absoluteRange[1], (int) absoluteRange[2]);
		if (binCount != null) return Discretizer.fixedBinCount(binCount);
		return Discretizer.fixedBinWidth(binWidth);
	}

	public double binWidth() { return binWidth; }
	public Integer binCount() { return binCount; }
	public double[] resampledPixelSpacing() { return resampledPixelSpacing == null ? null : resampledPixelSpacing.clone(); }
	public String interpolator() { return interpolator; }
	public int padDistance() { return padDistance; }
	public boolean normalize() { return normalize; }
	public double normalizeScale() { return normalizeScale; }
	public double removeOutliers() { return removeOutliers; }
	public Resegmentation resegmentation() { return resegmentRange == null ? null : new Resegmentation(resegmentRange, resegmentMode); }
	public double voxelArrayShift() { return voxelArrayShift; }
	public boolean force2D() { return force2D; }
	public int force2Ddimension() { return force2Ddimension; }
	public int[] distances() { return distances.clone(); }
	public String weightingNorm() { return weightingNorm; }
	public double gldmA() { return gldmA; }
	public int minimumROIDimensions() { return minimumROIDimensions; }
	public int minimumROISize() { return minimumROISize; }

	/**
	 * Enabled feature classes, each with the features asked for; an empty set means all default features of that
	 * class. An empty map means every class.
	 */
	public Map<String, Set<String>> enabledFeatures() { return enabled; }

	/** The settings as pyradiomics would print them, for run records and table metadata. */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		if (absoluteRange != null) m.put("binRange", Arrays.toString(absoluteRange));
		else if (binCount != null) m.put("binCount", binCount);
		else m.put("binWidth", binWidth);
		m.put("resampledPixelSpacing", resampledPixelSpacing == null ? "None" : Arrays.toString(resampledPixelSpacing));
		m.put("interpolator", interpolator);
		m.put("padDistance", padDistance);
		m.put("normalize", normalize);
		m.put("normalizeScale", normalizeScale);
		m.put("removeOutliers", Double.isNaN(removeOutliers) ? "None" : removeOutliers);
		m.put("resegmentRange", resegmentRange == null ? "None" : Arrays.toString(resegmentRange));
		m.put("resegmentMode", resegmentMode.name().toLowerCase(Locale.ROOT));
		m.put("voxelArrayShift", voxelArrayShift);
		m.put("force2D", force2D);
		m.put("force2Ddimension", force2Ddimension);
		m.put("distances", Arrays.toString(distances));
		m.put("weightingNorm", weightingNorm == null ? "None" : weightingNorm);
		m.put("gldm_a", gldmA);
		m.put("minimumROIDimensions", minimumROIDimensions);
		m.put("minimumROISize", minimumROISize);
		m.put("featureClass", enabled.isEmpty() ? "all" : enabled.toString());
		return m;
	}

	/**
	 * Settings from pyradiomics-style names and string values (parameter file {@code setting:} entries, CLI
	 * {@code --param name=value}). Unknown names are an error that lists the known ones.
	 */
	public static FeatureSettings fromMap(Map<String, String> values) {
		Builder b = builder();
		for (Map.Entry<String, String> e : values.entrySet()) b.set(e.getKey(), e.getValue());
		return b.build();
	}

	public static final class Builder {
		private double binWidth = 25;
		private Integer binCount;
		private double[] absoluteRange;
		private double[] resampledPixelSpacing;
		private String interpolator = "sitkBSpline";
		private int padDistance = 5;
		private boolean normalize;
		private double normalizeScale = 1;
		private double removeOutliers = Double.NaN;
		private double[] resegmentRange;
		private Resegmentation.Mode resegmentMode = Resegmentation.Mode.ABSOLUTE;
		private double voxelArrayShift = 0;
		private boolean force2D;
		private int force2Ddimension = 0;
		private int[] distances = { 1 };
		private String weightingNorm;
		private double gldmA = 0;
		private int minimumROIDimensions = 2;
		private int minimumROISize = 0;
		private Map<String, Set<String>> enabled = new LinkedHashMap<>();

		public Builder binWidth(double w) {
			if (!(w > 0)) throw new IllegalArgumentException("binWidth must be positive, is " + w);
			binWidth = w; binCount = null; absoluteRange = null; return this;
		}
		public Builder binCount(int n) {
			if (n < 1) throw new IllegalArgumentException("binCount must be >= 1, is " + n);
			binCount = n; absoluteRange = null; return this;
		}
		/** Absolute discretisation: {@code count} equal bins over [min, max] (e.g. 400 bins over -1000..3000 HU). */
		public Builder binRange(double min, double max, int count) {
			if (!(max > min) || count < 1) throw new IllegalArgumentException("bin range needs min < max and at least one bin");
			absoluteRange = new double[] { min, max, count }; binCount = null; return this;
		}
		public Builder resampledPixelSpacing(double[] s) {
			if (s != null && s.length != 3) throw new IllegalArgumentException("resampledPixelSpacing needs 3 values (x,y,z mm)");
			resampledPixelSpacing = s == null ? null : s.clone(); return this;
		}
		public Builder interpolator(String i) { interpolator = i; return this; }
		public Builder padDistance(int p) { padDistance = p; return this; }
		public Builder normalize(boolean n) { normalize = n; return this; }
		public Builder normalizeScale(double s) { normalizeScale = s; return this; }
		public Builder removeOutliers(double o) { removeOutliers = o; return this; }
		public Builder resegmentRange(double[] r) { resegmentRange = r == null ? null : r.clone(); return this; }
		public Builder resegmentMode(Resegmentation.Mode m) { resegmentMode = m; return this; }
		public Builder voxelArrayShift(double s) { voxelArrayShift = s; return this; }
		public Builder force2D(boolean f) { force2D = f; return this; }
		public Builder force2Ddimension(int d) {
			if (d < 0 || d > 2) throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2");
			force2Ddimension = d; return this;
		}
		public Builder distances(int... d) { distances = d.clone(); return this; }
		public Builder weightingNorm(String w) { weightingNorm = w; return this; }
		public Builder gldmA(double a) { gldmA = a; return this; }
		public Builder minimumROIDimensions(int d) { minimumROIDimensions = d; return this; }
		public Builder minimumROISize(int s) { minimumROISize = s; return this; }
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

		/** Sets one pyradiomics-named setting from its text value. */
		public Builder set(String name, String value) {
			String v = value.trim();
			try {
				switch (name) {
				case "binWidth": return binWidth(Double.parseDouble(v));
				case "binCount": return binCount(Integer.parseInt(v));
				case "resampledPixelSpacing": return resampledPixelSpacing(v.equalsIgnoreCase("none") ? null : doubles(v));
				case "interpolator": return interpolator(v);
				case "padDistance": return padDistance(Integer.parseInt(v));
				case "normalize": return normalize(v.equalsIgnoreCase("true"));
				case "normalizeScale": return normalizeScale(Double.parseDouble(v));
				case "removeOutliers": return removeOutliers(v.equalsIgnoreCase("none") ? Double.NaN : Double.parseDouble(v));
				case "resegmentRange": return resegmentRange(v.equalsIgnoreCase("none") ? null : doubles(v));
				case "resegmentMode": return resegmentMode(Resegmentation.Mode.parse(v));
				case "voxelArrayShift": return voxelArrayShift(Double.parseDouble(v));
				case "force2D": return force2D(v.equalsIgnoreCase("true"));
				case "force2Ddimension": return force2Ddimension(Integer.parseInt(v));
				case "distances": {
					double[] d = doubles(v);
					int[] di = new int[d.length];
					for (int i = 0; i < d.length; i++) di[i] = (int) d[i];
					return distances(di);
				}
				case "weightingNorm": return weightingNorm(v.equalsIgnoreCase("none") ? null : v);
				case "gldm_a": return gldmA(Double.parseDouble(v));
				case "minimumROIDimensions": return minimumROIDimensions(Integer.parseInt(v));
				case "minimumROISize": return minimumROISize(v.equalsIgnoreCase("none") ? 0 : Integer.parseInt(v));
				case "binRange": {
					double[] r = doubles(v);
					if (r.length != 3) throw new IllegalArgumentException("binRange needs min,max,count");
					return binRange(r[0], r[1], (int) r[2]);
				}
				default:
					throw new IllegalArgumentException("unknown setting '" + name + "'; known settings: " + KNOWN);
				}
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("setting " + name + ": cannot read '" + value + "' as a number", e);
			}
		}

		public FeatureSettings build() { return new FeatureSettings(this); }
	}

	static final List<String> KNOWN = List.of("binWidth", "binCount", "binRange", "resampledPixelSpacing", "interpolator",
			"padDistance", "normalize", "normalizeScale", "removeOutliers", "resegmentRange", "resegmentMode", "voxelArrayShift",
			"force2D", "force2Ddimension", "distances", "weightingNorm", "gldm_a", "minimumROIDimensions", "minimumROISize");

	private static double[] doubles(String v) {
		String s = v.replace("[", "").replace("]", "").replace("(", "").replace(")", "").trim();
		List<Double> out = new ArrayList<>();
		for (String p : s.split("[,\\s]+")) if (!p.isEmpty()) out.add(Double.parseDouble(p));
		double[] d = new double[out.size()];
		for (int i = 0; i < d.length; i++) d[i] = out.get(i);
		return d;
	}
}
