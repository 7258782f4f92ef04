package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Hand-computed binning examples following numpy.arange/histogram/digitize as pyradiomics uses them. */
class DiscretizerTest {

	@Test
	void binWidthEdgesAreMultiplesFromZeroAndEdgeValuesGoUp() {
		// min -12 → first edge -25, last below max + 2w = 100 (as numpy.arange); values on an edge fall into the upper bin
		// (expected values checked with numpy.digitize)
		double[] v = { -12, -0.5, 0, 24.9, 25, 49.99, 50 };
		assertArrayEquals(new int[] { 1, 1, 2, 2, 3, 3, 4 }, Discretizer.fixedBinWidth(25).discretize(v));
		assertArrayEquals(new double[] { -25, 0, 25, 50, 75 }, Discretizer.fixedBinWidth(25).edges(v), 0);
		// -0.0 belongs with 0.0 (numpy compares, it does not order bit patterns)
		assertArrayEquals(new int[] { 1, 2, 2 }, Discretizer.fixedBinWidth(25).discretize(new double[] { -12, -0.0, 0.0 }));
	}

	@Test
	void binCountUsesHistogramEdgesWithTheTopEdgeRaised() {
		// linspace(0, 10, 5) = 0, 2.5, 5, 7.5, 10(+1): 10 lands in bin 4, 5 in bin 3
		assertArrayEquals(new int[] { 1, 1, 2, 3, 4, 4 }, Discretizer.fixedBinCount(4).discretize(new double[] { 0, 2, 2.5, 5, 7.5, 10 }));
		// a flat region is widened by 0.5 on each side: 3 bins over [3.5, 4.5], the value falls in the middle one
		assertArrayEquals(new int[] { 2, 2 }, Discretizer.fixedBinCount(3).discretize(new double[] { 4, 4 }));
	}

	@Test
	void absoluteRangeClipsIntoTheEndBins() {
		assertArrayEquals(new int[] { 1, 1, 2, 400, 400 },
				Discretizer.absoluteRange(-1000, 3000, 400).discretize(new double[] { -2000, -1000, -990, 2995, 5000 }));
	}
}
