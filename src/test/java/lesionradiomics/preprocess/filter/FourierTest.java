package lesionradiomics.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FFT (radix 2 and Bluestein) against the DFT's definition, and the inverse undoing the forward transform. */
class FourierTest {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 7, 12, 16, 76, 127 })
	void equalsTheDefinition(int n) {
		SplittableRandom r = new SplittableRandom(n);
		double[][] x = new double[2][n];
		for (int i = 0; i < n; i++) {
			x[0][i] = r.nextDouble(-1, 1);
			x[1][i] = r.nextDouble(-1, 1);
		}
		double[][] f = { x[0].clone(), x[1].clone() };
		if (n > 1) new Fourier.Line1D(n).transform(f, false);
		for (int k = 0; k < n; k++) {
			double sr = 0, si = 0;
			for (int j = 0; j < n; j++) {
				double a = -2 * Math.PI * ((long) j * k % n) / n;
				sr += x[0][j] * Math.cos(a) - x[1][j] * Math.sin(a);
				si += x[0][j] * Math.sin(a) + x[1][j] * Math.cos(a);
			}
			assertEquals(sr, f[0][k], 1e-9 * n, "re " + k);
			assertEquals(si, f[1][k], 1e-9 * n, "im " + k);
		}
		if (n > 1) new Fourier.Line1D(n).transform(f, true);
		for (int i = 0; i < n; i++) {
			assertEquals(x[0][i], f[0][i], 1e-12 * n);
			assertEquals(x[1][i], f[1][i], 1e-12 * n);
		}
	}
}
