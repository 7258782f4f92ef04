package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

/**
 * {@link IntensityStatistics} on values computed by hand, its R-7 percentiles against Commons Math's to the bit, and
 * the shared-sort paths of the intensity histogram and the IVH against their sorting constructors.
 */
class IntensityStatisticsTest {

	@Test
	void handComputedValues() {
		// 1, 2, 2, 3, 7 (given unsorted): mean 3, deviations −2 −1 −1 0 4
		IntensityStatistics s = new IntensityStatistics(new double[] { 7, 2, 1, 3, 2 });
		assertEquals(3, s.mean(), 1e-12);
		assertEquals(22 / 5.0, s.variance(), 1e-12); // (4 + 1 + 1 + 0 + 16) / 5
		assertEquals((-8 - 1 - 1 + 64) / 5.0 / Math.pow(4.4, 1.5), s.skewness(), 1e-12);
		assertEquals((16 + 1 + 1 + 256) / 5.0 / (4.4 * 4.4) - 3, s.kurtosis(), 1e-12);
		assertEquals(2, s.median(), 0); // h = 1 + 4 · 0.5 = 3: x₃
		assertEquals(1.4, s.percentile10(), 1e-12); // h = 1.4: x₁ + 0.4 (x₂ − x₁)
		assertEquals(5.4, s.percentile90(), 1e-12); // h = 4.6: x₄ + 0.6 (x₅ − x₄) = 3 + 2.4
		assertEquals(1, s.minimum(), 0);
		assertEquals(7, s.maximum(), 0);
		assertEquals(1, s.interquartileRange(), 0); // x₄ − x₂ = 3 − 2
		assertEquals(6, s.range(), 0);
		assertEquals(8 / 5.0, s.meanAbsoluteDeviation(), 1e-12);
		assertEquals(7 / 5.0, s.medianAbsoluteDeviation(), 1e-12); // |x − 2|: 1 0 0 1 5
		// robust: values in [1.4, 5.4] are 2, 2, 3 (mean 7/3): |−1/3| |−1/3| |2/3| → 4/9
		assertEquals(4 / 9.0, s.robustMeanAbsoluteDeviation(), 1e-12);
		assertEquals(Math.sqrt(4.4) / 3, s.coefficientOfVariation(), 1e-12);
		assertEquals(1 / 5.0, s.quartileCoefficientOfDispersion(), 1e-12); // (3 − 2) / (3 + 2)
		assertEquals(67, s.energy(), 0);
		assertEquals(Math.sqrt(67 / 5.0), s.rootMeanSquare(), 1e-12);
		assertEquals(7, s.percentile(100), 0);
		assertEquals(42, new IntensityStatistics(new double[] { 42 }).percentile(37), 0);
		assertThrows(IllegalArgumentException.class, () -> s.percentile(0));
		assertThrows(IllegalArgumentException.class, () -> s.percentile(100.5));
	}

	@Test
	void percentilesAreCommonsMathsR7ToTheBit() {
		SplittableRandom r = new SplittableRandom(7);
		double[] ps = { 0.5, 1, 10, 25, 33.3, 50, 75, 90, 99, 99.99, 100 };
		for (int k = 0; k < 300; k++) {
			int n = 1 + r.nextInt(k < 100 ? 12 : 3000);
			double[] v = new double[n];
			for (int i = 0; i < n; i++) v[i] = k % 3 == 0 ? r.nextInt(-5, 6) : r.nextDouble(-1000, 3000); // ties, or none
			IntensityStatistics s = new IntensityStatistics(v);
			Percentile reference = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
			double[] sorted = v.clone();
			Arrays.sort(sorted);
			reference.setData(sorted);
			for (double p : ps) assertEquals(reference.evaluate(p), s.percentile(p), 0, "p " + p + " of " + n + " values");
		}
	}

	@Test
	void theSharedSortAsTheSortingConstructors() {
		SplittableRandom r = new SplittableRandom(11);
		int ng = 9;
		int[] levels = new int[500];
		double[] asDouble = new double[levels.length];
		for (int i = 0; i < levels.length; i++) asDouble[i] = levels[i] = 1 + r.nextInt(ng - 2); // levels 8 and 9 empty
		IntensityHistogram h = new IntensityHistogram(levels, ng);
		IntensityStatistics s = new IntensityStatistics(asDouble);
		assertEquals(s.mean(), h.mean(), 0);
		assertEquals(s.percentile10(), h.percentile10(), 0);
		assertEquals(s.robustMeanAbsoluteDeviation(), h.robustMeanAbsoluteDeviation(), 0);
		assertEquals(s.maximum(), h.maximum(), 0);
		double[] sorted = asDouble.clone();
		Arrays.sort(sorted);
		IntensityVolumeHistogram a = new IntensityVolumeHistogram(asDouble, 1, ng, 1), b = IntensityVolumeHistogram.ofSorted(sorted, 1, ng, 1);
		assertEquals(a.areaUnderCurve(), b.areaUnderCurve(), 0);
		assertEquals(a.intensityAtVolumeFraction10(), b.intensityAtVolumeFraction10(), 0);
		assertEquals(a.volumeAtIntensityFraction90(), b.volumeAtIntensityFraction90(), 0);
		assertThrows(IllegalArgumentException.class, () -> IntensityStatistics.ofSorted(new double[] { 2, 1 }));
		assertThrows(IllegalArgumentException.class, () -> IntensityVolumeHistogram.ofSorted(new double[] { 2, 1 }, 1, 2, 1));
	}

	@Test
	void theIntensityVolumeHistogramByHand() {
		// intensities 1, 2, 2, 4 over 1..4 (step 1): ν(1) = 1, ν(2) = 3/4, ν(3) = ν(4) = 1/4
		IntensityVolumeHistogram ivh = new IntensityVolumeHistogram(new double[] { 4, 2, 1, 2 }, 1, 4, 1);
		assertEquals(0.75, ivh.volumeAtIntensityFraction10(), 0); // γ ≥ 0.1: intensity ≥ 1.3
		assertEquals(0.25, ivh.volumeAtIntensityFraction90(), 0); // intensity ≥ 3.7
		assertEquals(5, ivh.intensityAtVolumeFraction10(), 0); // no intensity holds ≤ 10 %: hi + step
		assertEquals(2, ivh.intensityAtVolumeFraction90(), 0); // ν(2) = 0.75 ≤ 0.9 < ν(1)
		assertEquals(3.25 / 6, ivh.areaUnderCurve(), 1e-12); // trapezoids (1 + ¾)/2, (¾ + ¼)/2, (¼ + ¼)/2 over 3 steps
		assertEquals(0.5, ivh.volumeFractionDifference(), 0);
		assertEquals(3, ivh.intensityFractionDifference(), 0);
	}
}
