package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Both routes (counting, radix) give exactly the comparison sort's order (Arrays.sort; NaN dropped or last), bit for bit. */
class SortedNumbersTest {

	static double[] reference(double[] v) {
		double[] out = Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
		Arrays.sort(out);
		return out;
	}

	static void assertSameBits(double[] expected, double[] actual) {
		assertEquals(expected.length, actual.length);
		for (int i = 0; i < expected.length; i++)
			assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "index " + i + ": " + expected[i] + " vs " + actual[i]);
	}

	@Test
	void sameOrderAsArraysSort() {
		SplittableRandom r = new SplittableRandom(7);
		double[] special = { 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE,
				Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1, -1 };
		for (int n : new int[] { 0, 1, 2, 255, 1023, 1024, 1025, 5000, 40000 })
			for (int kind = 0; kind < 5; kind++) {
				double[] v = new double[n];
				for (int i = 0; i < n; i++)
					v[i] = switch (kind) {
					case 0 -> r.nextDouble(-1e6, 1e6); // all digits vary
					case 1 -> r.nextInt(-20, 20); // integer-valued maps: few values, the low digits shared
					case 2 -> special[r.nextInt(special.length)];
					case 3 -> Math.scalb(r.nextDouble(), r.nextInt(-1074, 1000)) * (r.nextBoolean() ? 1 : -1);
					default -> 42.5; // one value: every digit skipped
					};
				assertSameBits(reference(v), SortedNumbers.withoutNaN(v));
			}
	}

	@Test
	void keysKeepTheOrderAndRoundTrip() {
		double[] ordered = { Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1, Double.MAX_VALUE,
				Double.POSITIVE_INFINITY };
		for (int i = 0; i < ordered.length; i++) {
			assertEquals(Double.doubleToRawLongBits(ordered[i]), Double.doubleToRawLongBits(SortedNumbers.value(SortedNumbers.key(ordered[i]))));
			if (i > 0) assertEquals(true, Long.compareUnsigned(SortedNumbers.key(ordered[i - 1]), SortedNumbers.key(ordered[i])) < 0, ordered[i - 1] + " < " + ordered[i]);
		}
		double[] input = { 3, Double.NaN, -2, 0.0, -0.0, 3 };
		assertArrayEquals(new double[] { -2, -0.0, 0.0, 3, 3 }, SortedNumbers.withoutNaN(input));
	}

	private static void same(double[] values) {
		double[] expected = values.clone();
		Arrays.sort(expected);
		double[] got = SortedNumbers.ascending(values);
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
