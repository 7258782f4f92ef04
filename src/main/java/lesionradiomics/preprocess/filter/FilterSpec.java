package lesionradiomics.preprocess.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IBSI 2 filters from text — the one syntax of the command line, the YAML parameter file and the Fiji dialog:
 * filters separated by ';', each a name, ':' and settings {@code key=value} separated by ','. For example
 * {@code Mean:support=5;LoG:sigma=1.5,boundary=mirror;Laws:kernel=L5E5E5,rotation=invariant,pooling=max,energy=7;
 * Gabor:sigma=10,lambda=4,gamma=0.5,theta=pi/3;Wavelet:family=db3,band=LLH,level=2,rotation=invariant}.
 * <ul>
 * <li>{@code Mean}: support (odd, voxels); dims (2 or 3, default 3); boundary</li>
 * <li>{@code LoG}: sigma (mm); truncate (sigmas, default 4); dims; boundary</li>
 * <li>{@code Laws}: kernel (2 or 3 of L3 E3 S3 L5 E5 S5 W5 R5, x first); rotation (none or invariant); pooling (max or
 * average, default max); energy (Chebyshev distance in voxels, default 0: no energy map); boundary</li>
 * <li>{@code Gabor}: sigma, lambda (mm); gamma (default 1); theta (default 0); step (orientation step, default 0: one
 * orientation); planes (1: axial, 3: pooled over the three orthogonal planes; default 1); pooling (default average);
 * boundary. Angles in degrees, or in radians written with pi ({@code pi/3}, {@code 5pi/4}).</li>
 * <li>{@code Wavelet}: family (haar, dbN, symN, coifN); band (L/H per axis, x first: LLH, or HL for 2D); level
 * (default 1); rotation; pooling (default average); boundary</li>
 * <li>{@code Simoncelli}: level (default 1); dims; riesz (order as three digits x y z, e.g. 020)</li>
 * <li>{@code RieszLoG}: as LoG, plus riesz (required)</li>
 * <li>with a Riesz order of 1 or 2, {@code align=tensor} and {@code tensorsigma} (mm): the Riesz components steered to
 * the structure tensor's dominant orientation ({@link SteeredRiesz})</li>
 * </ul>
 * The boundary is zero, nearest, periodic or mirror (default mirror). An invalid spec fails with one line naming it.
 */
public final class FilterSpec {

	private FilterSpec() {}

	/** Every filter of a spec list ('';''-separated); empty text gives none. */
	public static List<ResponseFilter> parseList(String text) {
		List<ResponseFilter> out = new ArrayList<>();
		if (text == null) return out;
		for (String part : text.split(";")) if (!part.isBlank()) out.add(parse(part));
		return out;
	}

	/** One filter; an invalid spec throws an IllegalArgumentException whose message names the spec. */
	public static ResponseFilter parse(String spec) {
		String s = spec.trim();
		try {
			return parseUnchecked(s);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("invalid filter spec '" + s + "': " + e.getMessage());
		}
	}

	private static ResponseFilter parseUnchecked(String s) {
		int colon = s.indexOf(':');
		String name = (colon < 0 ? s : s.substring(0, colon)).trim();
		Map<String, String> p = new LinkedHashMap<>();
		if (colon >= 0)
			for (String kv : s.substring(colon + 1).split("[,:]")) { // ':' too: pyradiomics' separator, as YAML settings arrive
				if (kv.isBlank()) continue;
				String[] f = kv.split("=", 2);
				if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) throw new IllegalArgumentException("settings are key=value, got '" + kv.trim() + "'");
				if (p.put(f[0].trim().toLowerCase(Locale.ROOT), f[1].trim()) != null) throw new IllegalArgumentException("setting '" + f[0].trim() + "' given twice");
			}
		switch (name.toLowerCase(Locale.ROOT)) {
		case "mean":
			allow(p, "support", "dims", "boundary");
			return new MeanFilter(integer(p, "support", null), planar(p), boundary(p));
		case "log":
			allow(p, "sigma", "truncate", "dims", "boundary");
			return log(p);
		case "rieszlog":
			allow(p, "sigma", "truncate", "dims", "boundary", "riesz", "align", "tensorsigma");
			return aligned(p, new RieszLog(log(p), riesz(p, true)));
		case "laws":
			allow(p, "kernel", "rotation", "pooling", "energy", "boundary");
			return new LawsFilter(required(p, "kernel"), rotation(p), pooling(p, Pooling.MAX), integer(p, "energy", 0), boundary(p));
		case "gabor": {
			allow(p, "sigma", "lambda", "gamma", "theta", "step", "planes", "pooling", "boundary");
			int planes = integer(p, "planes", 1);
			if (planes != 1 && planes != 3) throw new IllegalArgumentException("planes must be 1 (axial) or 3 (orthogonal planes), is " + planes);
			return new GaborFilter(real(p, "sigma", null), real(p, "lambda", null), real(p, "gamma", 1.0), angle(p, "theta"), angle(p, "step"), planes == 3,
					pooling(p, Pooling.AVERAGE), boundary(p));
		}
		case "wavelet":
			allow(p, "family", "band", "level", "rotation", "pooling", "boundary");
			return new SeparableWavelet(required(p, "family"), required(p, "band"), integer(p, "level", 1), rotation(p), pooling(p, Pooling.AVERAGE),
					boundary(p));
		case "simoncelli":
			allow(p, "level", "dims", "riesz", "align", "tensorsigma");
			return aligned(p, new SimoncelliFilter(integer(p, "level", 1), planar(p), riesz(p, false)));
		default:
			throw new IllegalArgumentException("unknown filter '" + name + "' (Mean, LoG, Laws, Gabor, Wavelet, Simoncelli, RieszLoG)");
		}
	}

	/** The filter, steered by the structure tensor when {@code align=tensor} (σ: {@code tensorsigma}, mm). */
	private static ResponseFilter aligned(Map<String, String> p, ResponseFilter f) {
		String align = p.getOrDefault("align", "none").toLowerCase(Locale.ROOT);
		if (align.equals("none")) {
			if (p.containsKey("tensorsigma")) throw new IllegalArgumentException("tensorsigma needs align=tensor");
			return f;
		}
		if (!align.equals("tensor")) throw new IllegalArgumentException("align must be none or tensor (the structure tensor's orientation), is '" + align + "'");
		return new SteeredRiesz(f, real(p, "tensorsigma", null));
	}

	private static IbsiLog log(Map<String, String> p) {
		return new IbsiLog(real(p, "sigma", null), real(p, "truncate", 4.0), planar(p), boundary(p));
	}

	private static void allow(Map<String, String> p, String... keys) {
		Set<String> ok = Set.of(keys);
		for (String k : p.keySet()) if (!ok.contains(k)) throw new IllegalArgumentException("unknown setting '" + k + "'; this filter takes " + List.of(keys));
	}

	private static String required(Map<String, String> p, String key) {
		String v = p.get(key);
		if (v == null) throw new IllegalArgumentException("setting '" + key + "' is required");
		return v;
	}

	private static int integer(Map<String, String> p, String key, Integer otherwise) {
		if (!p.containsKey(key) && otherwise != null) return otherwise;
		String v = required(p, key);
		try {
			return Integer.parseInt(v);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a whole number, is '" + v + "'");
		}
	}

	private static double real(Map<String, String> p, String key, Double otherwise) {
		if (!p.containsKey(key) && otherwise != null) return otherwise;
		String v = required(p, key);
		try {
			return Double.parseDouble(v);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a number, is '" + v + "'");
		}
	}

	/** Degrees, or radians when written with pi: "pi/3", "5pi/4", "0.5pi". */
	private static double angle(Map<String, String> p, String key) {
		String v = p.get(key);
		if (v == null) return 0;
		String t = v.toLowerCase(Locale.ROOT).replace(" ", "").replace("*", "");
		try {
			if (!t.contains("pi")) return Math.toRadians(Double.parseDouble(t));
			String[] f = t.split("pi", -1);
			double num = f[0].isEmpty() ? 1 : Double.parseDouble(f[0]);
			double den = f[1].isEmpty() ? 1 : f[1].startsWith("/") ? Double.parseDouble(f[1].substring(1)) : Double.NaN;
			double r = num * Math.PI / den;
			if (Double.isNaN(r)) throw new NumberFormatException();
			return r;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be an angle in degrees or like pi/4, is '" + v + "'");
		}
	}

	private static boolean planar(Map<String, String> p) {
		int d = integer(p, "dims", 3);
		if (d != 2 && d != 3) throw new IllegalArgumentException("dims must be 2 (slice by slice) or 3, is " + d);
		return d == 2;
	}

	private static Boundary boundary(Map<String, String> p) {
		return Boundary.parse(p.getOrDefault("boundary", "mirror"));
	}

	private static boolean rotation(Map<String, String> p) {
		String v = p.getOrDefault("rotation", "none").toLowerCase(Locale.ROOT);
		if (v.equals("invariant")) return true;
		if (v.equals("none")) return false;
		throw new IllegalArgumentException("rotation must be none or invariant, is '" + v + "'");
	}

	private static Pooling pooling(Map<String, String> p, Pooling otherwise) {
		return p.containsKey("pooling") ? Pooling.parse(p.get("pooling")) : otherwise;
	}

	private static Riesz riesz(Map<String, String> p, boolean required) {
		if (!p.containsKey("riesz")) {
			if (required) required(p, "riesz");
			return null;
		}
		String v = p.get("riesz");
		if (!v.matches("\\d{3}")) throw new IllegalArgumentException("riesz must be three digits (orders along x, y, z, e.g. 100 or 020), is '" + v + "'");
		return new Riesz(new int[] { v.charAt(0) - '0', v.charAt(1) - '0', v.charAt(2) - '0' });
	}

	/**
	 * The image-type name of a filter in feature columns: its spec lower-cased with every separator a '-', e.g.
	 * {@code LoG:sigma=1.5,boundary=mirror} → {@code log-sigma-1-5-boundary-mirror} (no '_', which separates the
	 * parts of a column name).
	 */
	public static String imageName(ResponseFilter f) {
		return f.spec().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	static String common(boolean planar, Boundary b) {
		return (planar ? ",dims=2" : "") + ",boundary=" + b.specName();
	}

	/** A number as short as it reads: 1.5, 4, 0.25. */
	static String number(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return Double.toString(v);
	}

	/** An angle back in degrees (rounded to 1e-9 so that pi/3 reads 60). */
	static String angle(double radians) {
		double d = Math.toDegrees(radians);
		return number(Math.rint(d * 1e9) / 1e9);
	}
}
