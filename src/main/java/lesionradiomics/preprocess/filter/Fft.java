package lesionradiomics.preprocess.filter;

/**
 * Discrete Fourier transform of one length n = 2^a·3^b·5^c, in place over primitive arrays (real and imaginary parts
 * apart, any offsets and stride, one line or a batch of lines), allocating nothing per transform: the iterative mixed-radix Cooley–Tukey
 * decimation in time (Cooley &amp; Tukey 1965; Singleton 1969 for the radix-3 and -5 butterflies). The input is
 * gathered in digit-reversed order into work arrays, then each stage of radix r combines r transforms of length L/r
 * into transforms of length L. Forward X_k = Σ_j x_j e^{−2πi jk/n}; inverse the same with e^{+2πi jk/n},
 * unnormalised (the caller divides by n). 5-smooth lengths keep the padding of a linear correlation close to the
 * 2n − 1 it needs, where powers of two nearly double it per axis. An instance holds its work arrays: one per thread.
 */
public final class Fft {

	final int n;
	/** Radix of each stage, first stage first. */
	private final int[] radices;
	/** Input index j goes to work position permutation[j] (its digits reversed). */
	private final int[] permutation;
	/** Per stage: e^{−2πi j t / L} at [j (r − 1) + t − 1], j < L/r, 1 ≤ t &lt; r. */
	private final double[][] twiddleRe, twiddleIm;
	/** Work rows: position k of line c at k·count + c. */
	private double[] wr, wi;

	private static final double SIN60 = Math.sqrt(3) / 2, C1 = Math.cos(2 * Math.PI / 5), C2 = Math.cos(4 * Math.PI / 5),
			S1 = Math.sin(2 * Math.PI / 5), S2 = Math.sin(4 * Math.PI / 5);

	public Fft(int n) {
		if (n < 1 || smooth(n) != 1) throw new IllegalArgumentException("FFT length " + n + " is not 2^a 3^b 5^c");
		this.n = n;
		int count = 0;
		int[] r = new int[32];
		for (int m = n; m > 1;) {
			int f = m % 4 == 0 ? 4 : m % 2 == 0 ? 2 : m % 3 == 0 ? 3 : 5;
			r[count++] = f;
			m /= f;
		}
		radices = java.util.Arrays.copyOf(r, count);
		// the last stage splits j = s·r + t into its r interleaved subsequences t, placed one after the other
		permutation = new int[n];
		for (int j = 0; j < n; j++) {
			int pos = 0, rem = j, size = n;
			for (int s = count - 1; s >= 0; s--) {
				size /= radices[s];
				pos += (rem % radices[s]) * size;
				rem /= radices[s];
			}
			permutation[j] = pos;
		}
		twiddleRe = new double[count][];
		twiddleIm = new double[count][];
		for (int s = 0, m = 1; s < count; m *= radices[s], s++) {
			int rad = radices[s], len = m * rad;
			twiddleRe[s] = new double[m * (rad - 1)];
			twiddleIm[s] = new double[m * (rad - 1)];
			for (int j = 0; j < m; j++)
				for (int t = 1; t < rad; t++) {
					double a = -2 * Math.PI * ((long) j * t % len) / len;
					twiddleRe[s][j * (rad - 1) + t - 1] = Math.cos(a);
					twiddleIm[s][j * (rad - 1) + t - 1] = Math.sin(a);
				}
		}
		wr = new double[n * BATCH];
		wi = new double[n * BATCH];
	}

	/** The smallest 2^a·3^b·5^c ≥ min. */
	public static int size(int min) {
		int m = Math.max(1, min);
		while (smooth(m) != 1) m++;
		return m;
	}

	/** What is left of m after dividing out 2, 3 and 5. */
	private static int smooth(int m) {
		for (int f : new int[] { 2, 3, 5 }) while (m % f == 0) m /= f;
		return m;
	}

	/**
	 * Transforms the line re[reOff + k·stride] + i·im[imOff + k·stride], k &lt; n, in place. Real and imaginary parts
	 * may be two lines of one array: two real lines whose transforms are real (even lines) are then transformed at once.
	 */
	public void transform(double[] re, int reOff, double[] im, int imOff, int stride, boolean inverse) {
		transform(re, reOff, im, imOff, stride, 1, 1, inverse);
	}

	/**
	 * Transforms {@code count} lines at once, line c at re[reOff + c·step + k·stride] + i·im[imOff + c·step + k·stride]:
	 * gathered as rows of {@code count} values (position k of every line in one row), so each butterfly runs along
	 * a contiguous row. The lines along y or z of a grid at consecutive x are neighbours in memory (step 1).
	 */
	public void transform(double[] re, int reOff, double[] im, int imOff, int stride, int count, int step, boolean inverse) {
		if (n == 1) return;
		for (int c0 = 0; c0 < count; c0 += BATCH)
			batch(re, reOff + c0 * step, im, imOff + c0 * step, stride, Math.min(BATCH, count - c0), step, inverse);
	}

	/** Lines per batch: the work rows of a batch stay in the first-level cache for lengths up to about 100. */
	private static final int BATCH = 16;

	private void batch(double[] re, int reOff, double[] im, int imOff, int stride, int count, int step, boolean inverse) {
		double sign = inverse ? -1 : 1; // inverse = conj(forward(conj x))
		for (int k = 0; k < n; k++) {
			int p = permutation[k] * count, r = reOff + k * stride, i = imOff + k * stride;
			for (int c = 0; c < count; c++) {
				wr[p + c] = re[r + c * step];
				wi[p + c] = sign * im[i + c * step];
			}
		}
		for (int s = 0, m = 1; s < radices.length; m *= radices[s], s++) stage(radices[s], m, count, twiddleRe[s], twiddleIm[s]);
		for (int k = 0; k < n; k++) {
			int p = k * count, r = reOff + k * stride, i = imOff + k * stride;
			for (int c = 0; c < count; c++) {
				re[r + c * step] = wr[p + c];
				im[i + c * step] = sign * wi[p + c];
			}
		}
	}

	/**
	 * One stage: in each block of L = r·m, the r transforms of length m at b + j + t·m become one of length L; the
	 * twiddles of a j are read once for all its blocks; each butterfly covers the rows of all lines.
	 */
	private void stage(int r, int m, int count, double[] twr, double[] twi) {
		int len = r * m, s = m * count;
		for (int j = 0; j < m; j++) {
			int tw = j * (r - 1);
			switch (r) {
			case 2 -> {
				for (int b = j; b < n; b += len) radix2(b * count, s, count, twr[tw], twi[tw]);
			}
			case 3 -> {
				for (int b = j; b < n; b += len) radix3(b * count, s, count, twr[tw], twi[tw], twr[tw + 1], twi[tw + 1]);
			}
			case 4 -> {
				for (int b = j; b < n; b += len)
					radix4(b * count, s, count, twr[tw], twi[tw], twr[tw + 1], twi[tw + 1], twr[tw + 2], twi[tw + 2]);
			}
			default -> {
				for (int b = j; b < n; b += len)
					radix5(b * count, s, count, twr[tw], twi[tw], twr[tw + 1], twi[tw + 1], twr[tw + 2], twi[tw + 2], twr[tw + 3], twi[tw + 3]);
			}
			}
		}
	}

	private void radix2(int i, int m, int count, double cr, double ci) {
		for (int c = 0; c < count; c++) {
			int i0 = i + c, i1 = i0 + m;
			double xr = wr[i1] * cr - wi[i1] * ci, xi = wr[i1] * ci + wi[i1] * cr;
			wr[i1] = wr[i0] - xr;
			wi[i1] = wi[i0] - xi;
			wr[i0] += xr;
			wi[i0] += xi;
		}
	}

	private void radix3(int i, int m, int count, double c1, double s1, double c2, double s2) {
		for (int c = 0; c < count; c++) {
			int i0 = i + c, i1 = i0 + m, i2 = i1 + m;
			double x1r = wr[i1] * c1 - wi[i1] * s1, x1i = wr[i1] * s1 + wi[i1] * c1;
			double x2r = wr[i2] * c2 - wi[i2] * s2, x2i = wr[i2] * s2 + wi[i2] * c2;
			// y1,2 = x0 − (x1 + x2)/2 ∓ i sin 60° (x1 − x2)
			double ar = x1r + x2r, ai = x1i + x2i, br = SIN60 * (x1r - x2r), bi = SIN60 * (x1i - x2i);
			double cr = wr[i0] - ar / 2, ci = wi[i0] - ai / 2;
			wr[i0] += ar;
			wi[i0] += ai;
			wr[i1] = cr + bi;
			wi[i1] = ci - br;
			wr[i2] = cr - bi;
			wi[i2] = ci + br;
		}
	}

	private void radix4(int i, int m, int count, double c1, double s1, double c2, double s2, double c3, double s3) {
		for (int c = 0; c < count; c++) {
			int i0 = i + c, i1 = i0 + m, i2 = i1 + m, i3 = i2 + m;
			double x0r = wr[i0], x0i = wi[i0];
			double x1r = wr[i1] * c1 - wi[i1] * s1, x1i = wr[i1] * s1 + wi[i1] * c1;
			double x2r = wr[i2] * c2 - wi[i2] * s2, x2i = wr[i2] * s2 + wi[i2] * c2;
			double x3r = wr[i3] * c3 - wi[i3] * s3, x3i = wr[i3] * s3 + wi[i3] * c3;
			// y_q = Σ x_t (−i)^{tq}
			double ar = x0r + x2r, ai = x0i + x2i, br = x0r - x2r, bi = x0i - x2i;
			double cr = x1r + x3r, ci = x1i + x3i, dr = x1r - x3r, di = x1i - x3i;
			wr[i0] = ar + cr;
			wi[i0] = ai + ci;
			wr[i1] = br + di;
			wi[i1] = bi - dr;
			wr[i2] = ar - cr;
			wi[i2] = ai - ci;
			wr[i3] = br - di;
			wi[i3] = bi + dr;
		}
	}

	private void radix5(int i, int m, int count, double c1, double s1, double c2, double s2, double c3, double s3, double c4, double s4) {
		for (int c = 0; c < count; c++) {
			int i0 = i + c, i1 = i0 + m, i2 = i1 + m, i3 = i2 + m, i4 = i3 + m;
			double x0r = wr[i0], x0i = wi[i0];
			double x1r = wr[i1] * c1 - wi[i1] * s1, x1i = wr[i1] * s1 + wi[i1] * c1;
			double x2r = wr[i2] * c2 - wi[i2] * s2, x2i = wr[i2] * s2 + wi[i2] * c2;
			double x3r = wr[i3] * c3 - wi[i3] * s3, x3i = wr[i3] * s3 + wi[i3] * c3;
			double x4r = wr[i4] * c4 - wi[i4] * s4, x4i = wr[i4] * s4 + wi[i4] * c4;
			// y_q = x0 + Σ x_t e^{−2πi tq/5}: pairs t, 5 − t share the cosine and take opposite sines
			double a1r = x1r + x4r, a1i = x1i + x4i, b1r = x1r - x4r, b1i = x1i - x4i;
			double a2r = x2r + x3r, a2i = x2i + x3i, b2r = x2r - x3r, b2i = x2i - x3i;
			double c1r = x0r + C1 * a1r + C2 * a2r, c1i = x0i + C1 * a1i + C2 * a2i;
			double c2r = x0r + C2 * a1r + C1 * a2r, c2i = x0i + C2 * a1i + C1 * a2i;
			double s1r = S1 * b1r + S2 * b2r, s1i = S1 * b1i + S2 * b2i;
			double s2r = S2 * b1r - S1 * b2r, s2i = S2 * b1i - S1 * b2i;
			wr[i0] = x0r + a1r + a2r;
			wi[i0] = x0i + a1i + a2i;
			wr[i1] = c1r + s1i;
			wi[i1] = c1i - s1r;
			wr[i4] = c1r - s1i;
			wi[i4] = c1i + s1r;
			wr[i2] = c2r + s2i;
			wi[i2] = c2i - s2r;
			wr[i3] = c2r - s2i;
			wi[i3] = c2i + s2r;
		}
	}
}
