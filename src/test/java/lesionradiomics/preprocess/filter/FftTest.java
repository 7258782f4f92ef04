package lesionradiomics.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The mixed-radix FFT equals the defining sum X_k = Σ x_j e^{∓2πi jk/n} for every 5-smooth length up to 400. */
class FftTest {

	@Test
	void everySmoothLengthEqualsTheDefiningSum() {
		SplittableRandom random = new SplittableRandom(5);
		for (int n = 1; n <= 400; n = Fft.size(n + 1)) {
			Fft fft = new Fft(n);
			for (boolean inverse : new boolean[] { false, true }) {
				int stride = 3, off = 2; // strided, with the imaginary part in the same array
				double[] data = new double[off + n * stride + 1];
				for (int i = 0; i < data.length; i++) data[i] = random.nextDouble() * 2 - 1;
				double[] re = new double[n], im = new double[n];
				for (int k = 0; k < n; k++) {
					re[k] = data[off + k * stride];
					im[k] = data[off + 1 + k * stride];
				}
				fft.transform(data, off, data, off + 1, stride, inverse);
				for (int k = 0; k < n; k++) {
					double sr = 0, si = 0;
					for (int j = 0; j < n; j++) {
						double a = (inverse ? 2 : -2) * Math.PI * ((long) j * k % n) / n;
						sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
						si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
					}
					assertEquals(sr, data[off + k * stride], 1e-11 * n, "n " + n + " k " + k);
					assertEquals(si, data[off + 1 + k * stride], 1e-11 * n, "n " + n + " k " + k);
				}
			}
		}
	}

	/** A batch of lines (more than one batch's worth, lines 3 apart) is transformed as each line alone. */
	@Test
	void aBatchOfLinesEqualsEachLineAlone() {
		SplittableRandom random = new SplittableRandom(9);
		int n = 45, lines = 37, step = 3, stride = lines * step + 2;
		double[] re = new double[n * stride], im = new double[n * stride];
		for (int i = 0; i < re.length; i++) {
			re[i] = random.nextDouble();
			im[i] = random.nextDouble();
		}
		double[] re1 = re.clone(), im1 = im.clone();
		Fft fft = new Fft(n);
		fft.transform(re, 1, im, 1, stride, lines, step, true);
		for (int c = 0; c < lines; c++) fft.transform(re1, 1 + c * step, im1, 1 + c * step, stride, true);
		for (int i = 0; i < re.length; i++) {
			assertEquals(re1[i], re[i], 0, "re " + i);
			assertEquals(im1[i], im[i], 0, "im " + i);
		}
	}

	/**
	 * Lines held as rows (row k: position k of every line, rows after an offset) come back transformed in place, to
	 * the bit as each line alone, forward and inverse, for every radix (n = 2·3·4·5 uses all four).
	 */
	@Test
	void linesHeldAsRowsEqualEachLineAlone() {
		SplittableRandom random = new SplittableRandom(13);
		for (int n : new int[] { 120, 2, 27, 25 })
			for (boolean inverse : new boolean[] { false, true }) {
				int lines = 21, from = 3;
				double[][] re = new double[from + n][lines], im = new double[from + n][lines];
				for (int k = 0; k < from + n; k++)
					for (int c = 0; c < lines; c++) {
						re[k][c] = random.nextDouble() * 2 - 1;
						im[k][c] = random.nextDouble() * 2 - 1;
					}
				double[][] expectedRe = new double[n][lines], expectedIm = new double[n][lines];
				Fft fft = new Fft(n);
				for (int c = 0; c < lines; c++) {
					double[] lr = new double[n], li = new double[n];
					for (int k = 0; k < n; k++) {
						lr[k] = re[from + k][c];
						li[k] = im[from + k][c];
					}
					fft.transform(lr, 0, li, 0, 1, inverse);
					for (int k = 0; k < n; k++) {
						expectedRe[k][c] = lr[k];
						expectedIm[k][c] = li[k];
					}
				}
				fft.transformRows(re, im, from, lines, inverse);
				for (int k = 0; k < n; k++)
					for (int c = 0; c < lines; c++) {
						assertEquals(expectedRe[k][c], re[from + k][c], 0, "n " + n + " re " + k + ", " + c);
						assertEquals(expectedIm[k][c], im[from + k][c], 0, "n " + n + " im " + k + ", " + c);
					}
			}
	}

	@Test
	void sizesAreTheNextSmoothNumber() {
		assertEquals(1, Fft.size(1));
		assertEquals(8, Fft.size(7));
		assertEquals(45, Fft.size(43));
		assertEquals(81, Fft.size(81));
		assertEquals(125, Fft.size(121));
	}
}
