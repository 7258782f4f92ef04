package lesionradiomics.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** A map's summary against a brute-force recomputation (numpy's linear percentiles, population SD), NaN left out. */
class MapSummaryTest {

	/** numpy.percentile(v, q) (linear) of ascending {@code v}. */
	static double percentile(double[] v, double q) {
		double pos = (v.length - 1) * q / 100;
		int lo = (int) Math.floor(pos), hi = Math.min(lo + 1, v.length - 1);
		return v[lo] + (pos - lo) * (v[hi] - v[lo]);
	}

	@Test
	void matchesABruteForceSummary() {
		SplittableRandom r = new SplittableRandom(3);
		for (int n : new int[] { 1, 2, 7, 1023, 1500, 20000 }) {
			double[] map = new double[n];
			for (int i = 0; i < n; i++) map[i] = i % 17 == 5 ? Double.NaN : i % 3 == 0 ? r.nextInt(-5, 5) : r.nextGaussian() * 40 + 10;
			double[] v = Arrays.stream(map).filter(x -> !Double.isNaN(x)).toArray();
			Arrays.sort(v);
			double mean = Arrays.stream(v).sum() / v.length, sq = 0;
			long above = 0;
			for (double x : v) {
				sq += (x - mean) * (x - mean);
				if (x > 12.5) above++;
			}
			MapSummary s = MapSummary.of(map, 12.5);
			double tol = 1e-12 * (1 + Math.abs(mean));
			assertEquals(n, s.voxels());
			assertEquals(n - v.length, s.missing());
			assertEquals(mean, s.mean(), tol, "mean, n " + n);
			assertEquals(Math.sqrt(sq / v.length), s.sd(), 1e-12 * (1 + Math.sqrt(sq / v.length)), "sd, n " + n);
			assertEquals(percentile(v, 25), s.q1(), 1e-12 * (1 + Math.abs(s.q1())), "q1, n " + n);
			assertEquals(percentile(v, 50), s.median(), 1e-12 * (1 + Math.abs(s.median())), "median, n " + n);
			assertEquals(percentile(v, 75), s.q3(), 1e-12 * (1 + Math.abs(s.q3())), "q3, n " + n);
			assertEquals((double) above / v.length, s.fractionAbove(), 1e-15, "fraction above, n " + n);
		}
		MapSummary empty = MapSummary.of(new double[] { Double.NaN, Double.NaN }, Double.NaN);
		assertEquals(2, empty.missing());
		assertEquals(Double.NaN, empty.median());
	}
}
