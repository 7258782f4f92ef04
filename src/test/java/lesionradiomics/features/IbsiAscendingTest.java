package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** IbsiFeatures.ascending against Arrays.sort, bit for bit, on both of its routes. */
class IbsiAscendingTest {

	private static void same(double[] values) {
		double[] expected = values.clone();
		Arrays.sort(expected);
		double[] got = IbsiFeatures.ascending(values);
		assertArrayEquals(expected, got); // assertArrayEquals on doubles compares bits (−0.0 ≠ 0.0, NaN = NaN)
	}

	@Test
	void countsWholeNumbersAndSortsTheRest() {
		Random r = new Random(7);
		double[] hu = new double[5000];
		for (int i = 0; i < hu.length; i++) hu[i] = Math.round(40 + 300 * r.nextGaussian());
		same(hu); // counted
		same(new double[] { 3 });
		same(new double[] { -1024, 3071, 0, 0, -1024 });
		same(new double[] { 0.0, -0.0, 1, -1 }); // −0.0: sorted
		same(new double[] { 1.5, 2, -3 }); // a fraction: sorted
		same(new double[] { 1, Double.NaN, 2 });
		same(new double[] { 0, 1e6, 5 }); // range far wider than the count: sorted
		same(new double[] { 1 << 30, 2, 1 }); // beyond the counted magnitude
	}
}
