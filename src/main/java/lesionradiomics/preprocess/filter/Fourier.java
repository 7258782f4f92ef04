package lesionradiomics.preprocess.filter;

/**
 * Discrete Fourier transforms of complex 3D (or planar) arrays stored x fastest as separate real and imaginary
 * parts. 5-smooth lengths use the mixed-radix {@link Fft}; any other length goes through Bluestein's chirp-z
 * algorithm on one, so the Fourier-domain filters (Simoncelli, Riesz) work on images of any size.
 * Forward transforms are unnormalised, inverse ones divide by the length (numpy's convention).
 */
final class Fourier {

	private Fourier() {}

	/** In-place transform of every line along every axis whose flag is set. */
	static void transform(double[] re, double[] im, int[] size, boolean[] axes, boolean inverse) {
		for (int axis = 0; axis < 3; axis++) {
			if (!axes[axis] || size[axis] == 1) continue;
			int a = axis, n = size[axis], stride = Lines.stride(size, axis);
			Line1D plan = new Line1D(n);
			Lines.forEach(size, a, line -> {
				int s = Lines.start(size, a, line);
				double[][] buf = new double[2][n];
				for (int i = 0; i < n; i++) {
					buf[0][i] = re[s + i * stride];
					buf[1][i] = im[s + i * stride];
				}
				plan.transform(buf, inverse);
				for (int i = 0; i < n; i++) {
					re[s + i * stride] = buf[0][i];
					im[s + i * stride] = buf[1][i];
				}
			});
		}
	}

	/** All three axes. */
	static void transform3(double[] re, double[] im, int[] size, boolean inverse) {
		transform(re, im, size, new boolean[] { true, true, true }, inverse);
	}

	static int nextPowerOfTwo(int n) {
		int p = 1;
		while (p < n) p <<= 1;
		return p;
	}

	/**
	 * A 1D transform of one length: {@link Fft} directly for a 2^a·3^b·5^c length, otherwise Bluestein's chirp-z on an
	 * Fft of the next such length ≥ 2n − 1 (the chirp's transform precomputed once per axis). Lines run in parallel,
	 * and an Fft holds work arrays, so each thread gets its own.
	 */
	static final class Line1D {
		private final int n;
		private final int m;
		private final double[] chirpRe, chirpIm; // exp(−iπk²/n)
		private final double[][] kernelF; // FFT of conj chirp, length m
		private final ThreadLocal<Fft> fft;

		Line1D(int n) {
			this.n = n;
			boolean direct = Fft.size(n) == n;
			m = direct ? n : Fft.size(2 * n - 1);
			fft = ThreadLocal.withInitial(() -> new Fft(m));
			if (direct) {
				chirpRe = chirpIm = null;
				kernelF = null;
				return;
			}
			chirpRe = new double[n];
			chirpIm = new double[n];
			for (int k = 0; k < n; k++) {
				// k² mod 2n keeps the angle exact for large k
				long k2 = ((long) k * k) % (2L * n);
				double ang = Math.PI * k2 / n;
				chirpRe[k] = Math.cos(ang);
				chirpIm[k] = -Math.sin(ang);
			}
			kernelF = new double[2][m];
			kernelF[0][0] = chirpRe[0];
			kernelF[1][0] = -chirpIm[0];
			for (int k = 1; k < n; k++) {
				kernelF[0][k] = kernelF[0][m - k] = chirpRe[k];
				kernelF[1][k] = kernelF[1][m - k] = -chirpIm[k];
			}
			fft.get().transform(kernelF[0], 0, kernelF[1], 0, 1, false);
		}

		/** data[0] real, data[1] imaginary, length n, transformed in place (the inverse divided by n). */
		void transform(double[][] data, boolean inverse) {
			Fft f = fft.get();
			if (kernelF == null) {
				f.transform(data[0], 0, data[1], 0, 1, inverse);
				if (inverse) for (int k = 0; k < n; k++) {
					data[0][k] /= n;
					data[1][k] /= n;
				}
				return;
			}
			// inverse DFT = conj(DFT(conj(x)))/n
			double sign = inverse ? -1 : 1;
			double[][] a = new double[2][m];
			for (int k = 0; k < n; k++) {
				double xr = data[0][k], xi = sign * data[1][k];
				a[0][k] = xr * chirpRe[k] - xi * chirpIm[k];
				a[1][k] = xr * chirpIm[k] + xi * chirpRe[k];
			}
			f.transform(a[0], 0, a[1], 0, 1, false);
			for (int k = 0; k < m; k++) {
				double r = a[0][k] * kernelF[0][k] - a[1][k] * kernelF[1][k];
				double i = a[0][k] * kernelF[1][k] + a[1][k] * kernelF[0][k];
				a[0][k] = r;
				a[1][k] = i;
			}
			f.transform(a[0], 0, a[1], 0, 1, true);
			double scale = (inverse ? 1.0 / n : 1.0) / m; // the unnormalised inverse of length m
			for (int k = 0; k < n; k++) {
				double r = a[0][k] * chirpRe[k] - a[1][k] * chirpIm[k];
				double i = a[0][k] * chirpIm[k] + a[1][k] * chirpRe[k];
				data[0][k] = r * scale;
				data[1][k] = sign * i * scale;
			}
		}
	}
}
