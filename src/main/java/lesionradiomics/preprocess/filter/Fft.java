package lesionradiomics.preprocess.filter;

/**
 * Discrete Fourier transform of one length n = 2^a·3^b·5^c, in place over primitive arrays (real and imaginary parts
 * apart, any offsets and stride, one line or a batch of lines; or lines held as rows, one array per position),
 * allocating nothing per transform: the iterative mixed-radix Cooley–Tukey decimation in time (Cooley &amp; Tukey 1965;
 * Singleton 1969 for the radix-3 and -5 butterflies). The input is put in digit-reversed order (a batch gathered into
 * work rows, rows by moving their references), then each stage of radix r combines r transforms of length L/r into
 * transforms of length L. Forward X_k = Σ_j x_j e^{−2πi jk/n}; inverse the same with e^{+2πi jk/n},
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
	/** Work rows of a batch: position k of line c at [k][c]. */
	private final double[][] wr, wi;
	/** Work row references of {@link #transformRows}. */
	private final double[][] movedRe, movedIm;

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
		wr = new double[n][BATCH];
		wi = new double[n][BATCH];
		movedRe = new double[n][];
		movedIm = new double[n][];
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
			double[] rr = wr[permutation[k]], ri = wi[permutation[k]];
			int r = reOff + k * stride, i = imOff + k * stride;
			for (int c = 0; c < count; c++) {
				rr[c] = re[r + c * step];
				ri[c] = sign * im[i + c * step];
			}
		}
		stages(wr, wi, 0, count);
		for (int k = 0; k < n; k++) {
			double[] rr = wr[k], ri = wi[k];
			int r = reOff + k * stride, i = imOff + k * stride;
			for (int c = 0; c < count; c++) {
				re[r + c * step] = rr[c];
				im[i + c * step] = sign * ri[c];
			}
		}
	}

	/**
	 * Transforms the first {@code length} values of the lines held as rows, in place: row re[from + k] + i·im[from + k]
	 * holds position k (k &lt; n) of every line. The rows are put in digit-reversed order by moving their references
	 * (no values are copied, as a batch gathers them), so the rows come back in another order: the arrays are the
	 * caller's, their places in {@code re} and {@code im} change. Same arithmetic as {@link #transform}, so the same
	 * values to the bit.
	 */
	public void transformRows(double[][] re, double[][] im, int from, int length, boolean inverse) {
		if (n == 1) return;
		for (int k = 0; k < n; k++) {
			movedRe[permutation[k]] = re[from + k];
			movedIm[permutation[k]] = im[from + k];
		}
		System.arraycopy(movedRe, 0, re, from, n);
		System.arraycopy(movedIm, 0, im, from, n);
		if (inverse) conjugate(im, from, length);
		stages(re, im, from, length);
		if (inverse) conjugate(im, from, length);
	}

	private void conjugate(double[][] im, int from, int length) {
		for (int k = 0; k < n; k++) {
			double[] row = im[from + k];
			for (int c = 0; c < length; c++) row[c] = -row[c];
		}
	}

	/**
	 * The stages over rows from..from + n of {@code count} lines: in each block of L = r·m, the r transforms of length
	 * m at b + j + t·m become one of length L; the twiddles of a j are read once for all its blocks; each butterfly
	 * covers the rows of all lines.
	 */
	private void stages(double[][] re, double[][] im, int from, int count) {
		for (int s = 0, m = 1; s < radices.length; m *= radices[s], s++) {
			int r = radices[s], len = r * m;
			double[] twr = twiddleRe[s], twi = twiddleIm[s];
			for (int j = 0; j < m; j++) {
				int tw = j * (r - 1);
				for (int b = from + j; b < from + n; b += len)
					switch (r) {
					case 2 -> radix2(re, im, b, m, count, twr[tw], twi[tw]);
					case 3 -> radix3(re, im, b, m, count, twr[tw], twi[tw], twr[tw + 1], twi[tw + 1]);
					case 4 -> radix4(re, im, b, m, count, twr[tw], twi[tw], twr[tw + 1], twi[tw + 1], twr[tw + 2], twi[tw + 2]);
					default -> radix5(re, im, b, m, count, twr[tw], twi[tw], twr[tw + 1], twi[tw + 1], twr[tw + 2], twi[tw + 2], twr[tw + 3], twi[tw + 3]);
					}
			}
		}
	}

	/** The butterflies over rows b, b + m, … (radix 2, 3, 4, 5): the same operations on each line c. */
	private static void radix2(double[][] re, double[][] im, int b, int m, int count, double cr, double ci) {
		double[] r0 = re[b], i0 = im[b], r1 = re[b + m], i1 = im[b + m];
		for (int c = 0; c < count; c++) {
			double xr = r1[c] * cr - i1[c] * ci, xi = r1[c] * ci + i1[c] * cr;
			r1[c] = r0[c] - xr;
			i1[c] = i0[c] - xi;
			r0[c] += xr;
			i0[c] += xi;
		}
	}

	private static void radix3(double[][] re, double[][] im, int b, int m, int count, double c1, double s1, double c2, double s2) {
		double[] r0 = re[b], i0 = im[b], r1 = re[b + m], i1 = im[b + m], r2 = re[b + 2 * m], i2 = im[b + 2 * m];
		for (int c = 0; c < count; c++) {
			double x1r = r1[c] * c1 - i1[c] * s1, x1i = r1[c] * s1 + i1[c] * c1;
			double x2r = r2[c] * c2 - i2[c] * s2, x2i = r2[c] * s2 + i2[c] * c2;
			// y1,2 = x0 − (x1 + x2)/2 ∓ i sin 60° (x1 − x2)
			double ar = x1r + x2r, ai = x1i + x2i, br = SIN60 * (x1r - x2r), bi = SIN60 * (x1i - x2i);
			double cr = r0[c] - ar / 2, ci = i0[c] - ai / 2;
			r0[c] += ar;
			i0[c] += ai;
			r1[c] = cr + bi;
			i1[c] = ci - br;
			r2[c] = cr - bi;
			i2[c] = ci + br;
		}
	}

	private static void radix4(double[][] re, double[][] im, int b, int m, int count, double c1, double s1, double c2, double s2, double c3, double s3) {
		double[] r0 = re[b], i0 = im[b], r1 = re[b + m], i1 = im[b + m], r2 = re[b + 2 * m], i2 = im[b + 2 * m], r3 = re[b + 3 * m], i3 = im[b + 3 * m];
		for (int c = 0; c < count; c++) {
			double x0r = r0[c], x0i = i0[c];
			double x1r = r1[c] * c1 - i1[c] * s1, x1i = r1[c] * s1 + i1[c] * c1;
			double x2r = r2[c] * c2 - i2[c] * s2, x2i = r2[c] * s2 + i2[c] * c2;
			double x3r = r3[c] * c3 - i3[c] * s3, x3i = r3[c] * s3 + i3[c] * c3;
			// y_q = Σ x_t (−i)^{tq}
			double ar = x0r + x2r, ai = x0i + x2i, br = x0r - x2r, bi = x0i - x2i;
			double cr = x1r + x3r, ci = x1i + x3i, dr = x1r - x3r, di = x1i - x3i;
			r0[c] = ar + cr;
			i0[c] = ai + ci;
			r1[c] = br + di;
			i1[c] = bi - dr;
			r2[c] = ar - cr;
			i2[c] = ai - ci;
			r3[c] = br - di;
			i3[c] = bi + dr;
		}
	}

	private static void radix5(double[][] re, double[][] im, int b, int m, int count, double c1, double s1, double c2, double s2, double c3, double s3,
			double c4, double s4) {
		double[] r0 = re[b], i0 = im[b], r1 = re[b + m], i1 = im[b + m], r2 = re[b + 2 * m], i2 = im[b + 2 * m], r3 = re[b + 3 * m], i3 = im[b + 3 * m],
				r4 = re[b + 4 * m], i4 = im[b + 4 * m];
		for (int c = 0; c < count; c++) {
			double x0r = r0[c], x0i = i0[c];
			double x1r = r1[c] * c1 - i1[c] * s1, x1i = r1[c] * s1 + i1[c] * c1;
			double x2r = r2[c] * c2 - i2[c] * s2, x2i = r2[c] * s2 + i2[c] * c2;
			double x3r = r3[c] * c3 - i3[c] * s3, x3i = r3[c] * s3 + i3[c] * c3;
			double x4r = r4[c] * c4 - i4[c] * s4, x4i = r4[c] * s4 + i4[c] * c4;
			// y_q = x0 + Σ x_t e^{−2πi tq/5}: pairs t, 5 − t share the cosine and take opposite sines
			double a1r = x1r + x4r, a1i = x1i + x4i, b1r = x1r - x4r, b1i = x1i - x4i;
			double a2r = x2r + x3r, a2i = x2i + x3i, b2r = x2r - x3r, b2i = x2i - x3i;
			double c1r = x0r + C1 * a1r + C2 * a2r, c1i = x0i + C1 * a1i + C2 * a2i;
			double c2r = x0r + C2 * a1r + C1 * a2r, c2i = x0i + C2 * a1i + C1 * a2i;
			double s1r = S1 * b1r + S2 * b2r, s1i = S1 * b1i + S2 * b2i;
			double s2r = S2 * b1r - S1 * b2r, s2i = S2 * b1i - S1 * b2i;
			r0[c] = x0r + a1r + a2r;
			i0[c] = x0i + a1i + a2i;
			r1[c] = c1r + s1i;
			i1[c] = c1i - s1r;
			r4[c] = c1r - s1i;
			i4[c] = c1i + s1r;
			r2[c] = c2r + s2i;
			i2[c] = c2i - s2r;
			r3[c] = c2r - s2i;
			i3[c] = c2i + s2r;
		}
	}
}
