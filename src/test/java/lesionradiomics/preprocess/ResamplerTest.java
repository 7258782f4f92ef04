package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The B-spline prefilter computed side by side gives ITK's one-line recursion bit for bit. */
class ResamplerTest {

	/**
	 * ITK's BSplineDecompositionImageFilter on one line (order 3: pole √3 − 2, tolerance 1e-10, mirror boundaries),
	 * transliterated loop for loop: DataToCoefficients1D, SetInitialCausalCoefficient, SetInitialAntiCausalCoefficient.
	 */
	static void itkLine(double[] c) {
		int n = c.length;
		double z = Math.sqrt(3) - 2;
		double lambda = (1 - z) * (1 - 1 / z);
		for (int k = 0; k < n; k++) c[k] *= lambda;
		int horizon = (int) Math.ceil(Math.log(1e-10) / Math.log(Math.abs(z)));
		if (horizon < n) {
			double zn = z, sum = c[0];
			for (int k = 1; k < horizon; k++) {
				sum += zn * c[k];
				zn *= z;
			}
			c[0] = sum;
		} else {
			double zn = z, iz = 1 / z, z2n = Math.pow(z, n - 1);
			double sum = c[0] + z2n * c[n - 1];
			z2n *= z2n * iz;
			for (int k = 1; k <= n - 2; k++) {
				sum += (zn + z2n) * c[k];
				zn *= z;
				z2n *= iz;
			}
			c[0] = sum / (1 - zn * zn);
		}
		for (int k = 1; k < n; k++) c[k] += z * c[k - 1];
		c[n - 1] = (z / (z * z - 1)) * (z * c[n - 2] + c[n - 1]);
		for (int k = n - 2; k >= 0; k--) c[k] = z * (c[k + 1] - c[k]);
	}

	@Test
	void linesSideBySideAreItksLinesBitForBit() {
		SplittableRandom random = new SplittableRandom(30);
		for (int n : new int[] { 2, 3, 5, 17, 18, 19, 40 }) { // both causal initialisations (horizon 18)
			int lanes = 7, stride = lanes + 3, offset = 5;
			double[] a = new double[offset + n * stride];
			for (int i = 0; i < a.length; i++) a[i] = random.nextInt(-1024, 3000) + (i % 3 == 0 ? random.nextDouble() : 0);
			double[] expected = a.clone();
			for (int lane = 0; lane < lanes; lane++) {
				double[] line = new double[n];
				for (int k = 0; k < n; k++) line[k] = expected[offset + k * stride + lane];
				itkLine(line);
				for (int k = 0; k < n; k++) expected[offset + k * stride + lane] = line[k];
			}
			Resampler.coefficientLines(a, offset, n, stride, lanes);
			assertArrayEquals(expected, a, 0, "n = " + n); // delta 0: the same doubles (padding between lines untouched)
		}
	}

	@Test
	void blockCoefficientsAreThePassesOfItksLinesOnTheReachedPart() {
		SplittableRandom random = new SplittableRandom(7);
		int[] size = { 23, 19, 21 }, from = { 4, 2, 5 }, reach = { 9, 12, 7 };
		double[] data = new double[size[0] * size[1] * size[2]];
		for (int i = 0; i < data.length; i++) data[i] = random.nextInt(-1000, 2000);
		// the whole block, one line at a time along x, y, z
		double[] whole = data.clone();
		int[] stride = { 1, size[0], size[0] * size[1] };
		for (int d = 0; d < 3; d++) {
			int o1 = (d + 1) % 3, o2 = (d + 2) % 3;
			for (int p = 0; p < size[o1]; p++)
				for (int q = 0; q < size[o2]; q++) {
					double[] line = new double[size[d]];
					int base = p * stride[o1] + q * stride[o2];
					for (int k = 0; k < size[d]; k++) line[k] = whole[base + k * stride[d]];
					itkLine(line);
					for (int k = 0; k < size[d]; k++) whole[base + k * stride[d]] = line[k];
				}
		}
		double[] part = Resampler.bsplineCoefficients(data, size, from, reach);
		assertEquals(reach[0] * reach[1] * reach[2], part.length);
		for (int z = 0, i = 0; z < reach[2]; z++)
			for (int y = 0; y < reach[1]; y++)
				for (int x = 0; x < reach[0]; x++, i++)
					assertEquals(whole[(from[0] + x) + size[0] * ((from[1] + y) + size[1] * (from[2] + z))], part[i], 0, "at " + x + "," + y + "," + z);
	}
}
