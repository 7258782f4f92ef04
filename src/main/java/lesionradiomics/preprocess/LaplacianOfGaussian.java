package lesionradiomics.preprocess;

/**
 * Laplacian of Gaussian as pyradiomics computes it: SimpleITK's {@code LaplacianRecursiveGaussianImageFilter} with
 * {@code NormalizeAcrossScale} on. That filter (ITK 5, itkLaplacianRecursiveGaussianImageFilter.hxx) sums, over the
 * three axes, the recursive (Deriche) second derivative along the axis smoothed by the recursive Gaussian along the
 * two other axes (in increasing axis order), divided by the squared spacing of the axis. Each one-dimensional pass
 * computes in double and stores a float image, as ITK's float internal images do, so the numbers are ITK's and not a
 * textbook convolution's. Lines are extended with their end values beyond the borders (ITK's boundary coefficients).
 */
public final class LaplacianOfGaussian {

	private LaplacianOfGaussian() {}

	/**
	 * The filtered box.
	 *
	 * @param values  intensities, x fastest
	 * @param size    voxels per axis (each at least 4, as ITK requires)
	 * @param spacing mm per axis
	 * @param sigma   Gaussian sigma in mm
	 */
	public static float[] apply(double[] values, int[] size, double[] spacing, double sigma) {
		return apply(values, size, spacing, sigma, null);
	}

	/**
	 * The same, with the lines of each pass shared out over {@code executor} (null: this thread); the result does not
	 * depend on it.
	 */
	public static float[] apply(double[] values, int[] size, double[] spacing, double sigma, java.util.concurrent.Executor executor) {
		if (!(sigma > 0)) throw new IllegalArgumentException("LoG sigma must be greater than 0, is " + sigma);
		for (int d = 0; d < 3; d++)
			if (size[d] < 4) throw new IllegalArgumentException("LoG needs at least 4 voxels along each axis, axis " + d + " has " + size[d]);
		int n = values.length;
		float[] sum = new float[n];
		float[] a = new float[n], b = new float[n];
		for (int dim = 0; dim < 3; dim++) {
			pass(values, null, a, size, dim, Recursive.of(sigma, spacing[dim], 2), executor);
			float[] in = a, out = b;
			for (int other = 0; other < 3; other++) {
				if (other == dim) continue;
				pass(null, in, out, size, other, Recursive.of(sigma, spacing[other], 0), executor);
				float[] t = in;
				in = out;
				out = t;
			}
			double scale = 1.0 / (spacing[dim] * spacing[dim]);
			for (int i = 0; i < n; i++) sum[i] = (float) (sum[i] + in[i] * scale);
		}
		return sum;
	}

	/** One recursive pass along {@code axis} from {@code fromDouble} (or {@code fromFloat}) into {@code to}. */
	private static void pass(double[] fromDouble, float[] fromFloat, float[] to, int[] size, int axis, Recursive c, java.util.concurrent.Executor executor) {
		int lines = size[0] * size[1] * size[2] / size[axis];
		int chunks = executor == null || lines < 4096 ? 1 : Math.min(64, lines / 1024);
		if (chunks == 1) {
			lines(fromDouble, fromFloat, to, size, axis, c, 0, lines);
			return;
		}
		java.util.List<java.util.concurrent.CompletableFuture<Void>> parts = new java.util.ArrayList<>();
		for (int k = 0; k < chunks; k++) {
			int from = (int) ((long) lines * k / chunks), until = (int) ((long) lines * (k + 1) / chunks);
			parts.add(java.util.concurrent.CompletableFuture.runAsync(() -> lines(fromDouble, fromFloat, to, size, axis, c, from, until), executor));
		}
		for (java.util.concurrent.CompletableFuture<Void> p : parts) p.join();
	}

	/** Lines filtered together along a strided axis: one cache line of floats per step instead of one value. */
	static final int BUNDLE = 16;

	private static void lines(double[] fromDouble, float[] fromFloat, float[] to, int[] size, int axis, Recursive c, int from, int until) {
		lines(fromDouble, fromFloat, to, size, axis, c, from, until, axis == 0 ? 1 : BUNDLE);
	}

	/**
	 * Lines {@code [from, until)} along {@code axis}, up to {@code bundle} neighbouring lines (consecutive in memory) at
	 * a time; each line gets exactly the arithmetic of {@link Recursive#filter}, so the result does not depend on the
	 * bundle size.
	 */
	static void lines(double[] fromDouble, float[] fromFloat, float[] to, int[] size, int axis, Recursive c, int from, int until, int bundle) {
		int ln = size[axis];
		int stride = axis == 0 ? 1 : axis == 1 ? size[0] : size[0] * size[1];
		if (bundle == 1) {
			double[] line = new double[ln], causal = new double[ln], anticausal = new double[ln];
			for (int l = from; l < until; l++) {
				int start = lineStart(l, axis, size);
				for (int i = 0, p = start; i < ln; i++, p += stride) line[i] = fromDouble != null ? fromDouble[p] : fromFloat[p];
				c.filter(line, causal, anticausal, ln);
				for (int i = 0, p = start; i < ln; i++, p += stride) to[p] = (float) causal[i];
			}
			return;
		}
		double[] line = new double[ln * bundle], causal = new double[ln * bundle], anticausal = new double[ln * bundle];
		for (int l = from; l < until;) {
			int start = lineStart(l, axis, size);
			// lines l, l+1, ... start at consecutive voxels while they stay in the same row (axis 1) or plane
			int k = 1;
			while (k < bundle && l + k < until && lineStart(l + k, axis, size) == start + k) k++;
			for (int i = 0, p = start; i < ln; i++, p += stride)
				for (int j = 0; j < k; j++) line[i * k + j] = fromDouble != null ? fromDouble[p + j] : fromFloat[p + j];
			c.filter(line, causal, anticausal, ln, k);
			for (int i = 0, p = start; i < ln; i++, p += stride)
				for (int j = 0; j < k; j++) to[p + j] = (float) causal[i * k + j];
			l += k;
		}
	}

	/** Index of the first voxel of line {@code l} along {@code axis} (lines numbered over the two other axes). */
	private static int lineStart(int l, int axis, int[] size) {
		switch (axis) {
		case 0: return l * size[0];
		case 1: return (l / size[0]) * size[0] * size[1] + l % size[0];
		default: return l;
		}
	}

	/** The coefficients of one recursive Gaussian (ITK's RecursiveGaussianImageFilter::SetUp) and its line filter. */
	static final class Recursive {
		double n0, n1, n2, n3, d1, d2, d3, d4, m1, m2, m3, m4, bn1, bn2, bn3, bn4, bm1, bm2, bm3, bm4;

		// Deriche's fit of the Gaussian and its derivatives by sums of two damped exponentials (ITK's constants)
		private static final double W1 = 0.6681, L1 = -1.3932, W2 = 2.0787, L2 = -1.3732;
		private static final double[] A1 = { 1.3530, -0.6724, -1.3563 }, B1 = { 1.8151, -3.4327, 5.2318 }, A2 = { -0.3531, 0.6724, 0.3446 },
				B2 = { 0.0902, 0.6100, -2.2355 };

		/**
		 * @param order 0 (smoothing) or 2 (second derivative); across-scale normalisation is on (ITK multiplies the
		 *              second derivative by sigma², the zero order by 1)
		 */
		static Recursive of(double sigma, double spacing, int order) {
			Recursive r = new Recursive();
			double sigmad = sigma / spacing;
			double[] sde = r.dCoefficients(sigmad);
			double sd = sde[0], dd = sde[1], ed = sde[2];
			if (order == 0) {
				double[] nk = nCoefficients(sigmad, A1[0], B1[0], A2[0], B2[0]);
				double alpha0 = 2 * nk[4] / sd - nk[0];
				r.n0 = nk[0] * (1.0 / alpha0);
				r.n1 = nk[1] * (1.0 / alpha0);
				r.n2 = nk[2] * (1.0 / alpha0);
				r.n3 = nk[3] * (1.0 / alpha0);
			} else if (order == 2) {
				double normalization = sigma * sigma;
				double[] k0 = nCoefficients(sigmad, A1[0], B1[0], A2[0], B2[0]);
				double[] k2 = nCoefficients(sigmad, A1[2], B1[2], A2[2], B2[2]);
				double beta = -(2 * k2[4] - sd * k2[0]) / (2 * k0[4] - sd * k0[0]);
				double n0 = k2[0] + beta * k0[0], n1 = k2[1] + beta * k0[1], n2 = k2[2] + beta * k0[2], n3 = k2[3] + beta * k0[3];
				double sn = k2[4] + beta * k0[4], dn = k2[5] + beta * k0[5], en = k2[6] + beta * k0[6];
				double alpha2 = en * sd * sd - ed * sn * sd - 2 * dn * dd * sd + 2 * dd * dd * sn;
				alpha2 /= sd * sd * sd;
				r.n0 = n0 * (normalization / alpha2);
				r.n1 = n1 * (normalization / alpha2);
				r.n2 = n2 * (normalization / alpha2);
				r.n3 = n3 * (normalization / alpha2);
			} else throw new IllegalArgumentException("order " + order);
			r.remaining();
			return r;
		}

		/** D coefficients; returns {SD, DD, ED}. */
		private double[] dCoefficients(double sigmad) {
			double cos1 = Math.cos(W1 / sigmad), cos2 = Math.cos(W2 / sigmad), exp1 = Math.exp(L1 / sigmad), exp2 = Math.exp(L2 / sigmad);
			d4 = exp1 * exp1 * exp2 * exp2;
			d3 = -2 * cos1 * exp1 * exp2 * exp2;
			d3 += -2 * cos2 * exp2 * exp1 * exp1;
			d2 = 4 * cos2 * cos1 * exp1 * exp2;
			d2 += exp1 * exp1 + exp2 * exp2;
			d1 = -2 * (exp2 * cos2 + exp1 * cos1);
			return new double[] { 1.0 + d1 + d2 + d3 + d4, d1 + 2 * d2 + 3 * d3 + 4 * d4, d1 + 4 * d2 + 9 * d3 + 16 * d4 };
		}

		/** N coefficients of one order; returns {N0, N1, N2, N3, SN, DN, EN}. */
		private static double[] nCoefficients(double sigmad, double a1, double b1, double a2, double b2) {
			double sin1 = Math.sin(W1 / sigmad), sin2 = Math.sin(W2 / sigmad), cos1 = Math.cos(W1 / sigmad), cos2 = Math.cos(W2 / sigmad);
			double exp1 = Math.exp(L1 / sigmad), exp2 = Math.exp(L2 / sigmad);
			double n0 = a1 + a2;
			double n1 = exp2 * (b2 * sin2 - (a2 + 2 * a1) * cos2);
			n1 += exp1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
			double n2 = (a1 + a2) * cos2 * cos1;
			n2 -= b1 * cos2 * sin1 + b2 * cos1 * sin2;
			n2 *= 2 * exp1 * exp2;
			n2 += a2 * exp1 * exp1 + a1 * exp2 * exp2;
			double n3 = exp2 * exp1 * exp1 * (b2 * sin2 - a2 * cos2);
			n3 += exp1 * exp2 * exp2 * (b1 * sin1 - a1 * cos1);
			return new double[] { n0, n1, n2, n3, n0 + n1 + n2 + n3, n1 + 2 * n2 + 3 * n3, n1 + 4 * n2 + 9 * n3 };
		}

		/** M and boundary coefficients of a symmetric (even order) filter. */
		private void remaining() {
			m1 = n1 - d1 * n0;
			m2 = n2 - d2 * n0;
			m3 = n3 - d3 * n0;
			m4 = -d4 * n0;
			double sn = n0 + n1 + n2 + n3, sm = m1 + m2 + m3 + m4, sd = 1.0 + d1 + d2 + d3 + d4;
			bn1 = d1 * sn / sd;
			bn2 = d2 * sn / sd;
			bn3 = d3 * sn / sd;
			bn4 = d4 * sn / sd;
			bm1 = d1 * sm / sd;
			bm2 = d2 * sm / sd;
			bm3 = d3 * sm / sd;
			bm4 = d4 * sm / sd;
		}

		/**
		 * ITK's FilterDataArray: a causal and an anti-causal fourth-order recursion whose sum is the output (in
		 * {@code out}); the values beyond each end are taken equal to the end value.
		 */
		/**
		 * {@link #filter} on {@code k} interleaved lines (value i of line j at {@code i * k + j}), each computed with the
		 * same operations in the same order as {@code filter} would.
		 */
		void filter(double[] data, double[] out, double[] scratch, int ln, int k) {
			for (int j = 0; j < k; j++) {
				double v1 = data[j];
				double e1 = data[k + j], e2 = data[2 * k + j], e3 = data[3 * k + j];
				double o0 = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
				double o1 = e1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
				double o2 = e2 * n0 + e1 * n1 + v1 * n2 + v1 * n3;
				double o3 = e3 * n0 + e2 * n1 + e1 * n2 + v1 * n3;
				o0 -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
				o1 -= o0 * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
				o2 -= o1 * d1 + o0 * d2 + v1 * bn3 + v1 * bn4;
				o3 -= o2 * d1 + o1 * d2 + o0 * d3 + v1 * bn4;
				out[j] = o0;
				out[k + j] = o1;
				out[2 * k + j] = o2;
				out[3 * k + j] = o3;
			}
			for (int i = 4; i < ln; i++) {
				int b = i * k;
				for (int j = 0; j < k; j++) {
					int p = b + j;
					double o = data[p] * n0 + data[p - k] * n1 + data[p - 2 * k] * n2 + data[p - 3 * k] * n3;
					o -= out[p - k] * d1 + out[p - 2 * k] * d2 + out[p - 3 * k] * d3 + out[p - 4 * k] * d4;
					out[p] = o;
				}
			}
			int e = (ln - 1) * k;
			for (int j = 0; j < k; j++) {
				double v2 = data[e + j];
				double a1 = data[e + j], a2 = data[e - k + j], a3 = data[e - 2 * k + j];
				double s1 = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
				double s2 = a1 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
				double s3 = a2 * m1 + a1 * m2 + v2 * m3 + v2 * m4;
				double s4 = a3 * m1 + a2 * m2 + a1 * m3 + v2 * m4;
				s1 -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
				s2 -= s1 * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
				s3 -= s2 * d1 + s1 * d2 + v2 * bm3 + v2 * bm4;
				s4 -= s3 * d1 + s2 * d2 + s1 * d3 + v2 * bm4;
				scratch[e + j] = s1;
				scratch[e - k + j] = s2;
				scratch[e - 2 * k + j] = s3;
				scratch[e - 3 * k + j] = s4;
			}
			for (int i = ln - 4; i > 0; i--) {
				int b = (i - 1) * k;
				for (int j = 0; j < k; j++) {
					int p = b + j;
					double s = data[p + k] * m1 + data[p + 2 * k] * m2 + data[p + 3 * k] * m3 + data[p + 4 * k] * m4;
					s -= scratch[p + k] * d1 + scratch[p + 2 * k] * d2 + scratch[p + 3 * k] * d3 + scratch[p + 4 * k] * d4;
					scratch[p] = s;
				}
			}
			for (int i = 0, n = ln * k; i < n; i++) out[i] += scratch[i];
		}

		void filter(double[] data, double[] out, double[] scratch, int ln) {
			double v1 = data[0];
			out[0] = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
			out[1] = data[1] * n0 + v1 * n1 + v1 * n2 + v1 * n3;
			out[2] = data[2] * n0 + data[1] * n1 + v1 * n2 + v1 * n3;
			out[3] = data[3] * n0 + data[2] * n1 + data[1] * n2 + v1 * n3;
			out[0] -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
			out[1] -= out[0] * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
			out[2] -= out[1] * d1 + out[0] * d2 + v1 * bn3 + v1 * bn4;
			out[3] -= out[2] * d1 + out[1] * d2 + out[0] * d3 + v1 * bn4;
			for (int i = 4; i < ln; i++) {
				out[i] = data[i] * n0 + data[i - 1] * n1 + data[i - 2] * n2 + data[i - 3] * n3;
				out[i] -= out[i - 1] * d1 + out[i - 2] * d2 + out[i - 3] * d3 + out[i - 4] * d4;
			}
			double v2 = data[ln - 1];
			scratch[ln - 1] = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
			scratch[ln - 2] = data[ln - 1] * m1 + v2 * m2 + v2 * m3 + v2 * m4;
			scratch[ln - 3] = data[ln - 2] * m1 + data[ln - 1] * m2 + v2 * m3 + v2 * m4;
			scratch[ln - 4] = data[ln - 3] * m1 + data[ln - 2] * m2 + data[ln - 1] * m3 + v2 * m4;
			scratch[ln - 1] -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
			scratch[ln - 2] -= scratch[ln - 1] * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
			scratch[ln - 3] -= scratch[ln - 2] * d1 + scratch[ln - 1] * d2 + v2 * bm3 + v2 * bm4;
			scratch[ln - 4] -= scratch[ln - 3] * d1 + scratch[ln - 2] * d2 + scratch[ln - 1] * d3 + v2 * bm4;
			for (int i = ln - 4; i > 0; i--) {
				scratch[i - 1] = data[i] * m1 + data[i + 1] * m2 + data[i + 2] * m3 + data[i + 3] * m4;
				scratch[i - 1] -= scratch[i] * d1 + scratch[i + 1] * d2 + scratch[i + 2] * d3 + scratch[i + 3] * d4;
			}
			for (int i = 0; i < ln; i++) out[i] += scratch[i];
		}
	}
}
