package lesionradiomics.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Patient metrics and aggregations against numpy/scipy (1.11, computed outside the project):
 * <pre>
 * x = np.array([0.42,1.7,-0.3,2.9,0.42,5.1,3.3]); v = np.array([10.,2,30,5,1,8,4])
 * x.mean(); np.median(x); x.std(ddof=1); stats.skew(x, bias=True); stats.kurtosis(x, fisher=False, bias=True)
 * h,_ = np.histogram(x, bins=10, range=(-1,6)); p = h[h>0]/h.sum(); -(p*np.log2(p)).sum()
 * (x*v).sum()/v.sum(); i = np.argsort(-v)[:3]; (x[i]*v[i]).sum()/v[i].sum()
 * </pre>
 */
class PatientMetricsTest {

	static final double[] X = { 0.42, 1.7, -0.3, 2.9, 0.42, 5.1, 3.3 };
	static final double[] V = { 10, 2, 30, 5, 1, 8, 4 };

	@Test
	void metricsEqualNumpyAndScipy() {
		PatientMetrics.Metrics m = PatientMetrics.of(X, -1, 6, 10);
		assertEquals(7, m.n());
		assertEquals(-0.3, m.min());
		assertEquals(5.1, m.max());
		assertEquals(1.9342857142857142, m.mean(), 1e-15);
		assertEquals(1.7, m.median(), 1e-15);
		assertEquals(1.9344495956460683, m.sd(), 1e-14);
		assertEquals(0.42432470722554394, m.skewness(), 1e-13);
		assertEquals(1.9470957198651497, m.kurtosis(), 1e-13);
		assertEquals(2.5216406363433186, m.entropy(), 1e-14);
		assertEquals(null, m.reason());
	}

	@Test
	void undefinedMetricsAreNaNWithAReason() {
		PatientMetrics.Metrics one = PatientMetrics.of(new double[] { 2, Double.NaN }, 0, 10, 10);
		assertEquals(1, one.n());
		assertEquals(1, one.missing());
		assertTrue(Double.isNaN(one.sd()) && one.reason().contains("fewer than 2"));
		PatientMetrics.Metrics flat = PatientMetrics.of(new double[] { 3, 3, 3 }, 0, 10, 10);
		assertEquals(0, flat.sd());
		assertTrue(Double.isNaN(flat.skewness()) && Double.isNaN(flat.kurtosis()) && flat.reason().contains("SD 0"));
		assertEquals(0, flat.entropy(), 0, "one occupied bin");
	}

	@Test
	void aggregationsEqualNumpy() {
		assertEquals(1.9342857142857142, Aggregation.MEAN.apply(X, V, 3), 1e-15);
		assertEquals(1.7, Aggregation.MEDIAN.apply(X, V, 3));
		assertEquals(-0.3, Aggregation.MIN.apply(X, V, 3));
		assertEquals(5.1, Aggregation.MAX.apply(X, V, 3));
		assertEquals(1.1253333333333333, Aggregation.VOLUME_WEIGHTED_MEAN.apply(X, V, 3), 1e-15);
		assertEquals(0.75, Aggregation.VOLUME_WEIGHTED_MEAN_OF_K_LARGEST.apply(X, V, 3), 1e-15);
		assertEquals(-0.3, Aggregation.LARGEST.apply(X, V, 3));
		assertEquals(0.42, Aggregation.SMALLEST.apply(X, V, 3));
		assertTrue(Double.isNaN(Aggregation.MEAN.apply(new double[] { 1, Double.NaN }, new double[] { 1, 1 }, 3)), "never a partial aggregate");
		assertEquals(Aggregation.VOLUME_WEIGHTED_MEAN_OF_K_LARGEST, Aggregation.parse("vwmean_k"));
		double[] unknownVolumes = { Double.NaN, 2, 3 };
		for (Aggregation a : Aggregation.values())
			assertEquals(a.usesVolumes(), Double.isNaN(a.apply(new double[] { 1, 2, 3 }, unknownVolumes, 3)),
					a + ": a missing volume makes the volume-based methods NaN, never the first lesion's value");
	}
}
