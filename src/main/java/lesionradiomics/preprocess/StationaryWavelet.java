package lesionradiomics.preprocess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stationary (undecimated) wavelet decomposition pyradiomics uses for its wavelet image type: PyWavelets'
 * {@code swtn} (level 1, periodic extension) along x, then y, then z, after pyradiomics' padding of each odd-sized axis
 * with one wrapped slice (cut off again afterwards). A band name has one letter per axis in x, y, z order: L for the
 * low-pass (pywt's approximation), H for the high-pass (detail). Further levels (pyradiomics' {@code level}) decompose
 * the previous approximation again with the same, not upsampled, filters, as pyradiomics does.
 *
 * <p>Precision follows PyWavelets' dtype rule ({@code pywt/_extensions/_swt.pyx}: {@code _check_dtype} keeps float32,
 * turns integers into float64): a float32 image (SimpleITK hands pyradiomics a float32 array) is decomposed with pywt's
 * {@code float_downcoef_axis}, i.e. float32 samples, the wavelet's float32 coefficients ({@code dec_lo_float}) and a
 * float32 accumulator, each product and sum rounded to float as C does on x86-64 (SSE, no FMA contraction at -O2);
 * every other image in double.
 */
public final class StationaryWavelet {

	/**
	 * A wavelet's decomposition filters.
	 *
	 * @param lowPass  pywt's {@code dec_lo}
	 * @param highPass pywt's {@code dec_hi}
	 */
	public record Wavelet(String name, double[] lowPass, double[] highPass, float[] lowPass32, float[] highPass32) {
		/** A wavelet whose float32 coefficients are its double ones rounded to float. */
		Wavelet(String name, double[] lowPass, double[] highPass) {
			this(name, lowPass, highPass, toFloat(lowPass), toFloat(highPass));
		}
	}

	private static float[] toFloat(double[] v) {
		float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
		return f;
	}

	/**
	 * Daubechies' coiflet 1, pyradiomics' default (the decomposition filters as PyWavelets lists them). The float32
	 * filters are pywt 1.1.1's {@code dec_lo_float}/{@code dec_hi_float} as its C core holds them (read through the
	 * oracle's ctypes binding): 0.85257196f is one ulp away from (float) 0.8525720202116004, the others are the doubles
	 * rounded.
	 */
	public static final Wavelet COIF1 = new Wavelet("coif1",
			new double[] { -0.015655728135791993, -0.07273261951252645, 0.3848648468648578, 0.8525720202116004, 0.3378976624574818,
					-0.07273261951252645 },
			new double[] { 0.07273261951252645, 0.3378976624574818, -0.8525720202116004, 0.3848648468648578, 0.07273261951252645,
					-0.015655728135791993 },
			new float[] { -0.015655728f, -0.07273262f, 0.38486484f, 0.85257196f, 0.33789766f, -0.07273262f },
			new float[] { 0.07273262f, 0.33789766f, -0.85257196f, 0.38486484f, 0.07273262f, -0.015655728f });

	/** Haar (= db1). */
	public static final Wavelet HAAR = new Wavelet("haar", new double[] { 0.7071067811865476, 0.7071067811865476 },
			new double[] { -0.7071067811865476, 0.7071067811865476 });

	/** The wavelets available by name. */
	public static final List<Wavelet> WAVELETS = List.of(COIF1, HAAR);

	public static Wavelet named(String name) {
		for (Wavelet w : WAVELETS) if (w.name().equalsIgnoreCase(name.trim()) || (name.trim().equalsIgnoreCase("db1") && w == HAAR)) return w;
		throw new IllegalArgumentException("wavelet '" + name + "' is not available; use " + WAVELETS.stream().map(Wavelet::name).toList());
	}

	private StationaryWavelet() {}

	/**
	 * The bands of each level (pyradiomics' image type names without the {@code wavelet-} prefix: "LLH" …, for levels
	 * after the first "2-LLH" …) in pyradiomics' order, the final approximation ("LLL") last.
	 *
	 * @param startLevel levels decomposed first and not returned (pyradiomics' {@code start_level})
	 * @param levels     levels returned (pyradiomics' {@code level})
	 */
	public static Map<String, double[]> decompose(double[] values, int[] size, Wavelet w, int startLevel, int levels) {
		return decompose(values, size, w, startLevel, levels, false);
	}

	/**
	 * As {@link #decompose(double[], int[], Wavelet, int, int)}; with {@code float32} in PyWavelets' float32 arithmetic
	 * (the values are rounded to float first, as SimpleITK's float32 array holds them), the bands widened to double.
	 */
	public static Map<String, double[]> decompose(double[] values, int[] size, Wavelet w, int startLevel, int levels, boolean float32) {
		if (float32) return decompose32(values, size, w, startLevel, levels);
		int[] padded = new int[3];
		for (int d = 0; d < 3; d++) padded[d] = size[d] + size[d] % 2;
		double[] data = pad(values, size, padded);
		for (int i = 0; i < startLevel; i++) data = level(data, padded, w).get("LLL");
		Map<String, double[]> out = new LinkedHashMap<>();
		for (int i = 0; i < levels; i++) {
			Map<String, double[]> bands = level(data, padded, w);
			for (Map.Entry<String, double[]> b : bands.entrySet())
				if (!b.getKey().equals("LLL")) out.put((i == 0 ? "" : (i + 1) + "-") + b.getKey(), crop(b.getValue(), padded, size));
			data = bands.get("LLL");
		}
		out.put((levels == 1 ? "" : levels + "-") + "LLL", crop(data, padded, size));
		return out;
	}

	/** One level of swtn: along x, then y, then z, each band split into L and H (pywt's key order: a before d). */
	static Map<String, double[]> level(double[] data, int[] size, Wavelet w) {
		Map<String, double[]> bands = new LinkedHashMap<>();
		bands.put("", data);
		for (int axis = 0; axis < 3; axis++) {
			Map<String, double[]> next = new LinkedHashMap<>();
			for (Map.Entry<String, double[]> b : bands.entrySet()) {
				next.put(b.getKey() + "L", alongAxis(b.getValue(), size, axis, w.lowPass()));
				next.put(b.getKey() + "H", alongAxis(b.getValue(), size, axis, w.highPass()));
			}
			bands = next;
		}
		return bands;
	}

	private static double[] alongAxis(double[] in, int[] size, int axis, double[] filter) {
		int ln = size[axis];
		int stride = axis == 0 ? 1 : axis == 1 ? size[0] : size[0] * size[1];
		double[] out = new double[in.length], line = new double[ln], filtered = new double[ln];
		int lines = in.length / ln;
		for (int l = 0; l < lines; l++) {
			int start = axis == 0 ? l * size[0] : axis == 1 ? (l / size[0]) * size[0] * size[1] + l % size[0] : l;
			for (int i = 0, p = start; i < ln; i++, p += stride) line[i] = in[p];
			periodicConvolution(line, filter, filtered);
			for (int i = 0, p = start; i < ln; i++, p += stride) out[p] = filtered[i];
		}
		return out;
	}

	/**
	 * out[o] = Σ_j filter[j] · x[(o + F/2 − j) mod N]: PyWavelets' level-1 SWT step (its periodization convolution with
	 * step 1), with the terms summed in the same order so the doubles are the same.
	 */
	static void periodicConvolution(double[] x, double[] filter, double[] out) {
		int n = x.length, f = filter.length, i = f / 2, o = 0;
		for (; i < f && i < n; i++, o++) { // the filter reaches past the start: wrap to the end
			double sum = 0;
			int j = 0;
			for (; j <= i; j++) sum += filter[j] * x[i - j];
			while (j < f) for (int k = 0; k < n && j < f; k++, j++) sum += filter[j] * x[n - 1 - k];
			out[o] = sum;
		}
		if (f == 6 && i < n) { // coif1, pyradiomics' default: the taps and the last inputs in local variables
			double f0 = filter[0], f1 = filter[1], f2 = filter[2], f3 = filter[3], f4 = filter[4], f5 = filter[5];
			double x1 = x[i - 1], x2 = x[i - 2], x3 = x[i - 3], x4 = x[i - 4], x5 = x[i - 5];
			for (; i < n; i++, o++) {
				double x0 = x[i];
				// the loop's sum, term by term from 0 (0 + -0.0 is 0.0, as there)
				double sum = 0;
				sum += x0 * f0;
				sum += x1 * f1;
				sum += x2 * f2;
				sum += x3 * f3;
				sum += x4 * f4;
				sum += x5 * f5;
				out[o] = sum;
				x5 = x4;
				x4 = x3;
				x3 = x2;
				x2 = x1;
				x1 = x0;
			}
		}
		for (; i < n; i++, o++) {
			double sum = 0;
			for (int j = 0; j < f; j++) sum += x[i - j] * filter[j];
			out[o] = sum;
		}
		for (; i < f && i < n + f / 2; i++, o++) { // shorter than the filter: wraps on both sides
			double sum = 0;
			int j = 0;
			while (i - j >= n) for (int k = 0; k < n && i - j >= n; k++, j++) sum += filter[i - n - j] * x[k];
			for (; j <= i; j++) sum += filter[j] * x[i - j];
			while (j < f) for (int k = 0; k < n && j < f; k++, j++) sum += filter[j] * x[n - 1 - k];
			out[o] = sum;
		}
		for (; i < n + f / 2; i++, o++) { // the filter reaches past the end: wrap to the start
			double sum = 0;
			int j = 0;
			while (i - j >= n) for (int k = 0; k < n && i - j >= n; k++, j++) sum += filter[i - n - j] * x[k];
			for (; j < f; j++) sum += filter[j] * x[i - j];
			out[o] = sum;
		}
	}

	private static Map<String, double[]> decompose32(double[] values, int[] size, Wavelet w, int startLevel, int levels) {
		int[] padded = new int[3];
		for (int d = 0; d < 3; d++) padded[d] = size[d] + size[d] % 2;
		double[] widened = pad(values, size, padded);
		float[] data = new float[widened.length];
		for (int i = 0; i < data.length; i++) data[i] = (float) widened[i];
		for (int i = 0; i < startLevel; i++) data = level32(data, padded, w).get("LLL");
		Map<String, double[]> out = new LinkedHashMap<>();
		for (int i = 0; i < levels; i++) {
			Map<String, float[]> bands = level32(data, padded, w);
			for (Map.Entry<String, float[]> b : bands.entrySet())
				if (!b.getKey().equals("LLL")) out.put((i == 0 ? "" : (i + 1) + "-") + b.getKey(), crop(widen(b.getValue()), padded, size));
			data = bands.get("LLL");
		}
		out.put((levels == 1 ? "" : levels + "-") + "LLL", crop(widen(data), padded, size));
		return out;
	}

	private static double[] widen(float[] v) {
		double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = v[i];
		return d;
	}

	/** {@link #level} in float32. */
	static Map<String, float[]> level32(float[] data, int[] size, Wavelet w) {
		Map<String, float[]> bands = new LinkedHashMap<>();
		bands.put("", data);
		for (int axis = 0; axis < 3; axis++) {
			Map<String, float[]> next = new LinkedHashMap<>();
			for (Map.Entry<String, float[]> b : bands.entrySet()) {
				next.put(b.getKey() + "L", alongAxis32(b.getValue(), size, axis, w.lowPass32()));
				next.put(b.getKey() + "H", alongAxis32(b.getValue(), size, axis, w.highPass32()));
			}
			bands = next;
		}
		return bands;
	}

	private static float[] alongAxis32(float[] in, int[] size, int axis, float[] filter) {
		int ln = size[axis];
		int stride = axis == 0 ? 1 : axis == 1 ? size[0] : size[0] * size[1];
		float[] out = new float[in.length], line = new float[ln], filtered = new float[ln];
		int lines = in.length / ln;
		for (int l = 0; l < lines; l++) {
			int start = axis == 0 ? l * size[0] : axis == 1 ? (l / size[0]) * size[0] * size[1] + l % size[0] : l;
			for (int i = 0, p = start; i < ln; i++, p += stride) line[i] = in[p];
			periodicConvolution32(line, filter, filtered);
			for (int i = 0, p = start; i < ln; i++, p += stride) out[p] = filtered[i];
		}
		return out;
	}

	/**
	 * {@link #periodicConvolution} in float32: pywt's {@code float_downsampling_convolution_periodization}
	 * ({@code convolution.template.c}, TYPE float, a float {@code sum}); Java's float arithmetic rounds each product and
	 * sum to float as that C code does.
	 */
	static void periodicConvolution32(float[] x, float[] filter, float[] out) {
		int n = x.length, f = filter.length, i = f / 2, o = 0;
		for (; i < f && i < n; i++, o++) {
			float sum = 0;
			int j = 0;
			for (; j <= i; j++) sum += filter[j] * x[i - j];
			while (j < f) for (int k = 0; k < n && j < f; k++, j++) sum += filter[j] * x[n - 1 - k];
			out[o] = sum;
		}
		if (f == 6 && i < n) { // as in periodicConvolution
			float f0 = filter[0], f1 = filter[1], f2 = filter[2], f3 = filter[3], f4 = filter[4], f5 = filter[5];
			float x1 = x[i - 1], x2 = x[i - 2], x3 = x[i - 3], x4 = x[i - 4], x5 = x[i - 5];
			for (; i < n; i++, o++) {
				float x0 = x[i];
				float sum = 0;
				sum += x0 * f0;
				sum += x1 * f1;
				sum += x2 * f2;
				sum += x3 * f3;
				sum += x4 * f4;
				sum += x5 * f5;
				out[o] = sum;
				x5 = x4;
				x4 = x3;
				x3 = x2;
				x2 = x1;
				x1 = x0;
			}
		}
		for (; i < n; i++, o++) {
			float sum = 0;
			for (int j = 0; j < f; j++) sum += x[i - j] * filter[j];
			out[o] = sum;
		}
		for (; i < f && i < n + f / 2; i++, o++) {
			float sum = 0;
			int j = 0;
			while (i - j >= n) for (int k = 0; k < n && i - j >= n; k++, j++) sum += filter[i - n - j] * x[k];
			for (; j <= i; j++) sum += filter[j] * x[i - j];
			while (j < f) for (int k = 0; k < n && j < f; k++, j++) sum += filter[j] * x[n - 1 - k];
			out[o] = sum;
		}
		for (; i < n + f / 2; i++, o++) {
			float sum = 0;
			int j = 0;
			while (i - j >= n) for (int k = 0; k < n && i - j >= n; k++, j++) sum += filter[i - n - j] * x[k];
			for (; j < f; j++) sum += filter[j] * x[i - j];
			out[o] = sum;
		}
	}

	/** numpy.pad(data, (0, 1) on odd axes, "wrap"): the first slice appended after the last. */
	private static double[] pad(double[] values, int[] size, int[] padded) {
		if (java.util.Arrays.equals(size, padded)) return values.clone();
		double[] out = new double[padded[0] * padded[1] * padded[2]];
		for (int z = 0; z < padded[2]; z++)
			for (int y = 0; y < padded[1]; y++)
				for (int x = 0; x < padded[0]; x++)
					out[(z * padded[1] + y) * padded[0] + x] = values[((z % size[2]) * size[1] + y % size[1]) * size[0] + x % size[0]];
		return out;
	}

	private static double[] crop(double[] data, int[] padded, int[] size) {
		if (java.util.Arrays.equals(size, padded)) return data;
		double[] out = new double[size[0] * size[1] * size[2]];
		for (int z = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++) System.arraycopy(data, (z * padded[1] + y) * padded[0], out, (z * size[1] + y) * size[0], size[0]);
		return out;
	}
}
