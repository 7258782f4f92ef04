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

	@Test
	void sizesAreTheNextSmoothNumber() {
		assertEquals(1, Fft.size(1));
		assertEquals(8, Fft.size(7));
		assertEquals(45, Fft.size(43));
		assertEquals(81, Fft.size(81));
		assertEquals(125, Fft.size(121));
	}

	/**
	 * The fused convolution equals forward transform, multiplication and inverse transform done apart (bit for bit),
	 * and the circular convolution sum Σ_j x_j h_{(k − j) mod n} · n (h the inverse DFT of the factors, unnormalised
	 * inverse); inputs beyond inLength are not read, outputs beyond outLength not written.
	 */
	@Test
	void convolveEqualsTheTransformsApartAndTheConvolutionSum() {
		SplittableRandom random = new SplittableRandom(17);
		int n = 30, lines = 21, step = 2, stride = lines * step + 1, in = 13, out = 17;
		double[] re = new double[n * stride], im = new double[n * stride];
		for (int i = 0; i < re.length; i++) {
			re[i] = random.nextDouble() - 0.5;
			im[i] = random.nextDouble() - 0.5;
		}
		// real even factors per line (a real spectrum: h is real and even), line c's at offset 3c, stride 70
		int factorStride = 70;
		double[] factor = new double[3 * lines + n * factorStride];
		int[] offset = new int[lines];
		for (int c = 0; c < lines; c++) {
			offset[c] = 3 * c;
			for (int k = 0; k <= n / 2; k++) factor[offset[c] + k * factorStride] = factor[offset[c] + ((n - k) % n) * factorStride] = random.nextDouble();
		}
		double[] zr = re.clone(), zi = im.clone(); // the reference: inputs beyond in zeroed, full transforms
		for (int c = 0; c < lines; c++)
			for (int k = in; k < n; k++) zr[c * step + k * stride] = zi[c * step + k * stride] = 0;
		double[] ar = zr.clone(), ai = zi.clone();
		Fft fft = new Fft(n);
		fft.transform(ar, 0, ai, 0, stride, lines, step, false);
		for (int c = 0; c < lines; c++)
			for (int k = 0; k < n; k++) {
				ar[c * step + k * stride] *= factor[offset[c] + k * factorStride];
				ai[c * step + k * stride] *= factor[offset[c] + k * factorStride];
			}
		fft.transform(ar, 0, ai, 0, stride, lines, step, true);
		double[] br = re.clone(), bi = im.clone();
		fft.convolve(br, 0, bi, 0, stride, lines, step, in, out, factor, offset, factorStride);
		for (int c = 0; c < lines; c++) {
			double[] h = new double[n]; // h_j = Σ_k f_k e^{2πi jk/n} (real: f even)
			for (int j = 0; j < n; j++)
				for (int k = 0; k < n; k++) h[j] += factor[offset[c] + k * factorStride] * Math.cos(2 * Math.PI * ((long) j * k % n) / n);
			for (int k = 0; k < n; k++) {
				int i = c * step + k * stride;
				if (k >= out) {
					assertEquals(re[i], br[i], 0, "untouched re " + k);
					assertEquals(im[i], bi[i], 0, "untouched im " + k);
					continue;
				}
				assertEquals(ar[i], br[i], 0, "re line " + c + " k " + k);
				assertEquals(ai[i], bi[i], 0, "im line " + c + " k " + k);
				double sr = 0, si = 0;
				for (int j = 0; j < in; j++) {
					sr += zr[c * step + j * stride] * h[Math.floorMod(k - j, n)];
					si += zi[c * step + j * stride] * h[Math.floorMod(k - j, n)];
				}
				assertEquals(sr, br[i], 1e-10, "sum re line " + c + " k " + k);
				assertEquals(si, bi[i], 1e-10, "sum im line " + c + " k " + k);
			}
		}
	}
}
