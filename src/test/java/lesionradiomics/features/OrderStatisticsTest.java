package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The selected ranks against the JDK's sort of the same values, bit for bit. */
class OrderStatisticsTest {

	@Test
	void ranksAreTheSortedValues() {
		SplittableRandom r = new SplittableRandom(17);
		for (int trial = 0; trial < 3000; trial++) {
			int n = 1 + r.nextInt(trial % 10 == 0 ? 5000 : 60);
			double[] v = new double[n];
			int kind = trial % 5;
			for (int i = 0; i < n; i++)
				v[i] = switch (kind) {
				case 0 -> r.nextDouble() * 2000 - 1000;
				case 1 -> r.nextInt(7) - 3; // integer CT-like data: many ties
				case 2 -> r.nextInt(4) == 0 ? -0.0 : r.nextInt(3) == 0 ? 0.0 : r.nextInt(3) - 1; // signed zeros
				case 3 -> r.nextInt(10) == 0 ? Double.NaN : r.nextInt(20) == 0 ? Double.NEGATIVE_INFINITY : r.nextGaussian();
				default -> i; // already sorted (or reversed below): the pivots' worst inputs
				};
			if (kind == 4 && trial % 2 == 0) for (int i = 0; i < n / 2; i++) {
				double t = v[i];
				v[i] = v[n - 1 - i];
				v[n - 1 - i] = t;
			}
			double[] sorted = v.clone();
			Arrays.sort(sorted);
			// ranks selected at once beforehand (as first order does), or none
			int[] ahead = new int[trial % 2 == 0 ? 0 : 1 + r.nextInt(14)];
			for (int i = 0; i < ahead.length; i++) ahead[i] = i < 2 ? (i == 0 ? 0 : n - 1) : r.nextInt(n);
			OrderStatistics order = ahead.length == 0 ? new OrderStatistics(v) : new OrderStatistics(v, ahead);
			for (int k : ahead)
				assertEquals(Double.doubleToLongBits(sorted[k]), Double.doubleToLongBits(order.at(k)), "trial " + trial + " n " + n + " rank ahead " + k);
			int asks = 1 + r.nextInt(14);
			for (int q = 0; q < asks; q++) {
				int k = q == 0 && trial % 3 == 0 ? n - 1 : r.nextInt(n);
				double got = order.at(k);
				assertEquals(Double.doubleToLongBits(sorted[k]), Double.doubleToLongBits(got), "trial " + trial + " n " + n + " rank " + k + ": " + sorted[k] + " vs " + got);
			}
		}
	}

	@Test
	void firstOrderPercentilesAsNumpy() {
		// numpy.percentile([7, 1, 3, 3, 10, -2, 4, 8, 0, 5], [10, 25, 50, 75, 90]) = [-0.2, 1.5, 3.5, 6.5, 8.2]
		double[] v = { 7, 1, 3, 3, 10, -2, 4, 8, 0, 5 };
		OrderStatistics o = new OrderStatistics(v);
		double[] q = { 10, 25, 50, 75, 90 }, expected = { -0.2, 1.5, 3.5, 6.5, 8.2 };
		for (int i = 0; i < q.length; i++) {
			double pos = (v.length - 1) * q[i] / 100.0;
			int lo = (int) Math.floor(pos);
			assertEquals(expected[i], FirstOrder.lerp(o.at(lo), o.at(Math.min(lo + 1, v.length - 1)), pos - lo), 1e-12);
		}
	}
}
