package lesionradiomics.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lesionradiomics.preprocess.IntensityFilters;
import lesionradiomics.preprocess.LaplacianOfGaussian;
import lesionradiomics.preprocess.StationaryWavelet;
import lesionradiomics.preprocess.filter.FilterSpec;
import lesionradiomics.preprocess.filter.ResponseFilter;

/**
 * One of pyradiomics' image types ({@code imageType} of its parameter file): the image itself, LoG with its sigmas,
 * the wavelet bands, or a voxel-wise transform. Each yields images named as pyradiomics names them
 * ({@code log-sigma-1-0-mm-3D}, {@code wavelet-LLH}, {@code square}, …); their features are written as
 * {@code <name>_<class>_<Feature>}.
 *
 * @param kind       which filter
 * @param sigmas     LoG sigmas in mm as written (pyradiomics names the image with Python's text of the number:
 *                   {@code 1} gives {@code log-sigma-1-mm-3D}, {@code 1.0} gives {@code log-sigma-1-0-mm-3D})
 * @param wavelet    wavelet of the Wavelet type
 * @param startLevel levels decomposed before the returned ones
 * @param level      levels returned
 * @param filter     the IBSI 2 filter of the {@link Kind#FILTER} type ({@link FilterSpec}), else null
 */
public record ImageType(Kind kind, List<String> sigmas, String wavelet, int startLevel, int level, ResponseFilter filter) {

	public enum Kind {
		ORIGINAL("Original"), LOG("LoG"), WAVELET("Wavelet"), SQUARE("Square"), SQUAREROOT("SquareRoot"), LOGARITHM("Logarithm"),
		EXPONENTIAL("Exponential"),
		/** An IBSI 2 filter ({@link FilterSpec}); never parsed by this name. */
		FILTER("IBSI 2 filter");

		/** pyradiomics' name in {@code imageType}. */
		public final String pyradiomics;

		Kind(String pyradiomics) {
			this.pyradiomics = pyradiomics;
		}

		static Kind parse(String name) {
			for (Kind k : values()) if (k != FILTER && k.pyradiomics.equalsIgnoreCase(name.trim())) return k;
			throw new IllegalArgumentException("unknown image type '" + name.trim() + "'; known: "
					+ java.util.Arrays.stream(values()).map(k -> k.pyradiomics).toList() + " (Gradient and LBP are not available)");
		}
	}

	public static final ImageType ORIGINAL = new ImageType(Kind.ORIGINAL, List.of(), "", 0, 1);

	/** One of pyradiomics' types. */
	public ImageType(Kind kind, List<String> sigmas, String wavelet, int startLevel, int level) {
		this(kind, sigmas, wavelet, startLevel, level, null);
	}

	/** An IBSI 2 filter as an image type. */
	public static ImageType of(ResponseFilter filter) {
		return new ImageType(Kind.FILTER, List.of(), "", 0, 1, filter);
	}

	public ImageType {
		if ((kind == Kind.FILTER) != (filter != null)) throw new IllegalArgumentException("an IBSI 2 filter type needs its filter, and only it has one");
		sigmas = List.copyOf(sigmas);
		if (kind == Kind.LOG) {
			if (sigmas.isEmpty()) throw new IllegalArgumentException("LoG needs its sigmas in mm, e.g. LoG:sigma=1,3,5");
			for (String s : sigmas) {
				double v;
				try {
					v = Double.parseDouble(s);
				} catch (NumberFormatException e) {
					throw new IllegalArgumentException("LoG sigma '" + s + "' is not a number");
				}
				if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("LoG sigma must be greater than 0 mm, is " + s);
			}
		}
		if (kind == Kind.WAVELET) {
			StationaryWavelet.named(wavelet);
			if (startLevel < 0) throw new IllegalArgumentException("wavelet start_level must be >= 0, is " + startLevel);
			if (level < 1) throw new IllegalArgumentException("wavelet level must be >= 1, is " + level);
		}
	}

	/**
	 * Image types from text: {@code Original;LoG:sigma=1,3;Wavelet:wavelet=coif1:level=1;Square} — types separated by
	 * ';', a type's settings after ':' as {@code name=value} separated by ':', list values by ','. Empty: Original.
	 * IBSI 2 filters ({@link FilterSpec}) are types too: Mean, Laws, Gabor, Simoncelli, RieszLoG by name, and LoG or
	 * Wavelet written with an IBSI 2 setting ({@link #isIbsiFilter}), e.g.
	 * {@code Original;LoG:sigma=1.5,boundary=mirror;Laws:kernel=L5E5E5,rotation=invariant,energy=7}.
	 */
	public static List<ImageType> parseList(String text) {
		List<ImageType> out = new ArrayList<>();
		if (text == null || text.isBlank()) return List.of(ORIGINAL);
		for (String part : text.split(";")) {
			if (part.isBlank()) continue;
			if (isIbsiFilter(part)) {
				out.add(of(FilterSpec.parse(part)));
				continue;
			}
			String[] p = part.trim().split(":");
			Map<String, String> params = new LinkedHashMap<>();
			for (int i = 1; i < p.length; i++) {
				String[] kv = p[i].split("=", 2);
				if (kv.length != 2) throw new IllegalArgumentException("image type settings are name=value, got '" + p[i] + "' in '" + part.trim() + "'");
				params.put(kv[0].trim(), kv[1].trim());
			}
			out.add(of(p[0], params));
		}
		List<String> kinds = out.stream().map(t -> t.kind() == Kind.FILTER ? t.filter().spec() : t.kind().name()).toList();
		if (kinds.stream().distinct().count() < kinds.size()) throw new IllegalArgumentException("an image type is listed twice in '" + text + "'");
		return List.copyOf(out);
	}

	/**
	 * Whether an image-type item is an IBSI 2 filter rather than one of pyradiomics' types. pyradiomics' LoG takes only
	 * {@code sigma} and its Wavelet {@code wavelet/start_level/level}; IBSI 2's LoG is recognised by any of its own
	 * settings (boundary, truncate, dims: {@code LoG:sigma=1.5,boundary=mirror}) and its Wavelet by family or band.
	 * The two LoGs differ by design (IBSI's: sampled kernel truncated at 4σ, not normalised; pyradiomics': ITK's
	 * recursive Gaussian normalised by σ²) and their columns are named apart ({@code log-sigma-1-5-boundary-mirror} vs
	 * {@code log-sigma-1-5-mm-3D}).
	 */
	static boolean isIbsiFilter(String item) {
		String t = item.trim().toLowerCase(Locale.ROOT);
		int colon = t.indexOf(':');
		String name = colon < 0 ? t : t.substring(0, colon).trim();
		String settings = colon < 0 ? "" : "," + t.substring(colon + 1).replace(':', ',').replace(" ", "");
		switch (name) {
		case "mean": case "laws": case "gabor": case "simoncelli": case "rieszlog": return true;
		case "log": return settings.matches(".*,(boundary|truncate|dims)=.*");
		case "wavelet": return settings.matches(".*,(family|band)=.*");
		default: return false;
		}
	}

	/** One image type from its pyradiomics name and settings ({@code sigma} for LoG; wavelet, start_level, level). */
	public static ImageType of(String name, Map<String, String> params) {
		Kind kind = Kind.parse(name);
		List<String> allowed = kind == Kind.LOG ? List.of("sigma") : kind == Kind.WAVELET ? List.of("wavelet", "start_level", "level") : List.of();
		for (String k : params.keySet())
			if (!allowed.contains(k))
				throw new IllegalArgumentException("image type " + kind.pyradiomics + " has no setting '" + k + "'" + (allowed.isEmpty() ? "" : "; it takes " + allowed));
		List<String> sigmas = new ArrayList<>();
		if (params.containsKey("sigma"))
			for (String s : params.get("sigma").replaceAll("[\\[\\]]", "").split(",")) if (!s.isBlank()) sigmas.add(s.trim());
		return new ImageType(kind, sigmas, params.getOrDefault("wavelet", "coif1"), integer(params, "start_level", 0), integer(params, "level", 1));
	}

	private static int integer(Map<String, String> params, String key, int otherwise) {
		if (!params.containsKey(key)) return otherwise;
		try {
			return Integer.parseInt(params.get(key));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("wavelet " + key + " must be a whole number, is '" + params.get(key) + "'");
		}
	}

	/** The names of the images this type yields, in pyradiomics' order. */
	public List<String> names() {
		switch (kind) {
		case ORIGINAL: return List.of("original");
		case FILTER: return List.of(FilterSpec.imageName(filter));
		case LOG: return sigmas.stream().map(s -> "log-sigma-" + pythonText(s).replace('.', '-') + "-mm-3D").toList();
		case WAVELET: {
			List<String> out = new ArrayList<>();
			for (int i = 1; i <= level; i++)
				for (String band : List.of("LLH", "LHL", "LHH", "HLL", "HLH", "HHL", "HHH")) out.add((i == 1 ? "wavelet-" : "wavelet" + i + "-") + band);
			out.add((level == 1 ? "wavelet-" : "wavelet" + level + "-") + "LLL");
			return out;
		}
		default: return List.of(kind.pyradiomics.toLowerCase(Locale.ROOT));
		}
	}

	/** Python's str() of a number as the user wrote it: integers stay integers, decimals as Python prints a float. */
	static String pythonText(String number) {
		String t = number.trim();
		if (t.matches("[+-]?\\d+")) return Long.toString(Long.parseLong(t));
		double v = Double.parseDouble(t);
		if (v == Math.rint(v) && Math.abs(v) < 1e16) return (long) v + ".0";
		return Double.toString(v);
	}

	/** Text that parses back to this type (run records, fingerprints). */
	@Override
	public String toString() {
		switch (kind) {
		case FILTER: return filter.spec();
		case LOG: return "LoG:sigma=" + String.join(",", sigmas);
		case WAVELET: return "Wavelet:wavelet=" + wavelet + ":start_level=" + startLevel + ":level=" + level;
		default: return kind.pyradiomics;
		}
	}

	/**
	 * Voxels a crop needs on each side (per axis) so that its filtered values equal those of the whole image: 0 for
	 * voxel-wise types; the wavelet's reach over all levels; for LoG, {@link #LOG_MARGIN_SIGMAS} sigmas (the
	 * recursive filter's influence decays as exp(−1.37 d/σ)) plus ITK's 4-voxel start.
	 */
	public int[] margin(double[] spacing) {
		int[] m = new int[3];
		for (int d = 0; d < 3; d++) {
			if (kind == Kind.LOG) for (String s : sigmas) m[d] = Math.max(m[d], (int) Math.ceil(LOG_MARGIN_SIGMAS * Double.parseDouble(s) / spacing[d]) + 4);
			// each level is a level-1 transform of the previous approximation (undilated taps): half a filter length per
			// level and side (WaveletMarginTest: this margin is exact, one voxel less is not)
			if (kind == Kind.WAVELET) m[d] = (startLevel + level) * (StationaryWavelet.named(wavelet).lowPass().length / 2);
		}
		return m;
	}

	/** Sigmas of LoG margin; at this margin a crop's values equal the whole image's within 1e-6 relative (tested). */
	public static final double LOG_MARGIN_SIGMAS = 16;

	/** True when a crop that reaches the image border on an axis must take that whole axis (the wavelet wraps around). */
	public boolean wrapsAround() {
		return kind == Kind.WAVELET;
	}

	/** Why pyradiomics skips a LoG sigma on an image of this size (fewer than 4 voxels or ceil(sigma/spacing) + 1), or null. */
	static String skipped(String sigmaText, int[] imageSize, double[] spacing) {
		double sigma = Double.parseDouble(sigmaText);
		for (int d = 0; d < 3; d++)
			if (imageSize[d] < 4 || imageSize[d] < Math.ceil(sigma / spacing[d]) + 1)
				return "LoG sigma " + sigmaText + " mm skipped: the image (" + imageSize[0] + "x" + imageSize[1] + "x" + imageSize[2]
						+ " voxels) is smaller than 4 voxels or ceil(sigma/spacing) + 1 along an axis, as pyradiomics";
		return null;
	}

	/**
	 * The images of this type from a box of the image, by name.
	 *
	 * @param maxAbs   the largest absolute intensity of the whole (resampled) image, for the voxel-wise types
	 * @param warnings where skipped LoG sigmas are explained
	 * @param imageSize size of the image the box stands for (pyradiomics' size checks apply to it)
	 */
	public Map<String, double[]> apply(double[] values, int[] size, double[] spacing, double maxAbs, int[] imageSize, List<String> warnings) {
		return apply(values, size, spacing, maxAbs, imageSize, warnings, false);
	}

	/**
	 * As {@link #apply(double[], int[], double[], double, int[], List)}; {@code float32}: the image is stored as float32
	 * (pyradiomics then hands PyWavelets a float32 array, which it decomposes in float32 arithmetic).
	 */
	public Map<String, double[]> apply(double[] values, int[] size, double[] spacing, double maxAbs, int[] imageSize, List<String> warnings,
			boolean float32) {
		Map<String, double[]> out = new LinkedHashMap<>();
		switch (kind) {
		case ORIGINAL: out.put("original", values); break;
		case FILTER: out.put(names().get(0), filter.apply(values, size, spacing)); break;
		case LOG: {
			List<String> names = names();
			for (int i = 0; i < sigmas.size(); i++) {
				double sigma = Double.parseDouble(sigmas.get(i));
				String tooSmall = skipped(sigmas.get(i), imageSize, spacing);
				if (tooSmall != null) {
					warnings.add(tooSmall);
					continue;
				}
				float[] f = LaplacianOfGaussian.apply(values, size, spacing, sigma);
				double[] v = new double[f.length];
				for (int k = 0; k < f.length; k++) v[k] = f[k];
				out.put(names.get(i), v);
			}
			break;
		}
		case WAVELET:
			StationaryWavelet.decompose(values, size, StationaryWavelet.named(wavelet), startLevel, level, float32).forEach((band, v) -> {
				int dash = band.indexOf('-');
				out.put(dash < 0 ? "wavelet-" + band : "wavelet" + band.substring(0, dash) + "-" + band.substring(dash + 1), v);
			});
			break;
		default: out.put(names().get(0), IntensityFilters.apply(names().get(0), values, maxAbs));
		}
		return out;
	}
}
