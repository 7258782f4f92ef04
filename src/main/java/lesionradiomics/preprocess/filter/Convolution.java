package lesionradiomics.preprocess.filter;

/**
 * Discrete convolution along one axis with an odd-length kernel centred on its middle tap:
 * {@code out[i] = Σ_k w[c + k] · in[i − k]}, c = (length − 1)/2, the image extended by a {@link Boundary}. This is
 * scipy.ndimage's {@code convolve1d}, which the IBSI 2 reference implementations use; an even-length kernel must be
 * padded to odd length by the caller (with which alignment is the caller's decision, see {@link SeparableWavelet}).
 */
public final class Convolution {

	private Convolution() {}

	/** {@code in} convolved along {@code axis} with {@code kernel}. */
	public static double[] along(double[] in, int[] size, int axis, double[] kernel, Boundary boundary) {
		if (kernel.length % 2 == 0) throw new IllegalArgumentException("kernel length must be odd, is " + kernel.length);
		double[] out = new double[in.length];
		int n = size[axis], c = kernel.length / 2;
		// taps that are exactly 0 (à trous holes) are skipped
		int nz = 0;
		for (double w : kernel) if (w != 0) nz++;
		int[] offs = new int[nz];
		double[] ws = new double[nz];
		for (int j = 0, t = 0; j < kernel.length; j++)
			if (kernel[j] != 0) {
				offs[t] = c - j; // in index = i + c - j
				ws[t++] = kernel[j];
			}
		int[] map = new int[n + 2 * c];
		for (int i = 0; i < map.length; i++) map[i] = boundary.map(i - c, n);
		if (axis == 0) {
			Lines.forEach(size, axis, line -> {
				int s = Lines.start(size, axis, line);
				double[] ext = new double[n + 2 * c];
				for (int i = 0; i < ext.length; i++) ext[i] = map[i] < 0 ? 0 : in[s + map[i]];
				for (int i = 0; i < n; i++) {
					double sum = 0;
					int base = i + c;
					for (int t = 0; t < ws.length; t++) sum += ws[t] * ext[base + offs[t]];
					out[s + i] = sum;
				}
			});
			return out;
		}
		// along y or z: whole x-rows are combined, contiguous in memory (cache-friendly, vectorisable); parallel over
		// the other axis
		int nx = size[0], outer = axis == 1 ? size[2] : size[1];
		Lines.parallel(outer, o -> {
			for (int i = 0; i < n; i++) {
				int dst = axis == 1 ? nx * (i + size[1] * o) : nx * (o + size[1] * i);
				for (int t = 0; t < ws.length; t++) {
					int j = map[i + c + offs[t]];
					if (j < 0) continue;
					int src = axis == 1 ? nx * (j + size[1] * o) : nx * (o + size[1] * j);
					double w = ws[t];
					for (int x = 0; x < nx; x++) out[dst + x] += w * in[src + x];
				}
			}
		});
		return out;
	}

	/** Convolution with one kernel per axis (null: that axis is left alone). */
	public static double[] separable(double[] in, int[] size, double[][] kernels, Boundary boundary) {
		double[] out = in;
		for (int axis = 2; axis >= 0; axis--) if (kernels[axis] != null) out = along(out, size, axis, kernels[axis], boundary);
		return out == in ? in.clone() : out;
	}

	/** The kernel reversed (convolving with it equals correlating with the original). */
	static double[] reversed(double[] k) {
		double[] r = new double[k.length];
		for (int i = 0; i < k.length; i++) r[i] = k[k.length - 1 - i];
		return r;
	}
}
