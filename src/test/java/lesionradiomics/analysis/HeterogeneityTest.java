package lesionradiomics.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CV, scaling, cosine distance, MTD/ATH and the tests on hand-computed and textbook examples. */
class HeterogeneityTest {

	static FeatureMatrix matrix(String[][] lesions, double[][] v, String... features) {
		List<FeatureMatrix.Lesion> l = new ArrayList<>();
		for (String[] x : lesions) l.add(new FeatureMatrix.Lesion(x[0], Long.parseLong(x[1]), x[2]));
		return new FeatureMatrix(l, List.of(features), v);
	}

	@Test
	void coefficientOfVariationByHand() {
		// values 2, 4, 6: mean 4, SD (n−1) = 2 → CV 50 %; negative mean gives |CV|
		FeatureMatrix m = matrix(new String[][] { { "A", "1", "liver" }, { "A", "2", "liver" }, { "A", "3", "lung" }, { "B", "1", "bone" } },
				new double[][] { { 2, -2, 5, 0 }, { 4, -4, 5, 0 }, { 6, -6, 5, 0 }, { 1, 1, 1, Double.NaN } }, "f", "g", "constant", "zero");
		List<Variation.Cv> cv = Variation.perPatient(m);
		assertEquals(50, find(cv, "A", "f").cvPercent, 1e-12);
		assertEquals(50, find(cv, "A", "g").cvPercent, 1e-12);
		assertEquals(0, find(cv, "A", "constant").cvPercent, 0);
		assertTrue(Double.isNaN(find(cv, "A", "zero").cvPercent));
		assertEquals("mean is 0", find(cv, "A", "zero").reason);
		assertEquals("fewer than 2 lesions", find(cv, "B", "f").reason);
		assertEquals("a lesion has no value for this feature", find(cv, "B", "zero").reason);
		// per organ: only A's liver has 2 lesions → values 2, 4: mean 3, SD √2 → CV 47.14 %
		List<Variation.Cv> site = Variation.perPatientSite(m);
		assertEquals(4, site.size());
		assertEquals(100 * Math.sqrt(2) / 3, find(site, "A", "f").cvPercent, 1e-12);
		// patient summary: mean over the features with a CV (50, 50, 0) = 33.3 %
		double[] all = Variation.summary(cv).get("A").get("all");
		assertEquals(100.0 / 3, all[0] / all[1], 1e-12);
	}

	static Variation.Cv find(List<Variation.Cv> cvs, String patient, String feature) {
		return cvs.stream().filter(c -> c.patient.equals(patient) && c.feature.equals(feature)).findFirst().orElseThrow();
	}

	@Test
	void minMaxScalingCosineDistanceMtdAndAth() {
		// feature x in [0, 10], y in [0, 4]; after min-max: (0,1) (1,0) (0.5,0.5) (1,1)
		FeatureMatrix m = matrix(new String[][] { { "P", "1", "" }, { "P", "2", "" }, { "P", "3", "" }, { "P", "4", "" } },
				new double[][] { { 0, 4 }, { 10, 0 }, { 5, 2 }, { 10, 4 } }, "x", "y");
		List<Dissimilarity.Patient> r = Dissimilarity.perPatient(m, new Dissimilarity.Scaler(m, Dissimilarity.Scaling.MINMAX));
		Dissimilarity.Patient p = r.get(0);
		// d(1,2) = 1 − 0 = 1; d(1,3) = 1 − 0.5/(1·√0.5) = 1 − √0.5; d(1,4) = 1 − 1/√2; d(2,3) = same; d(2,4) = same; d(3,4) = 0
		double s = 1 - Math.sqrt(0.5);
		assertEquals(1, p.distance[0][1], 1e-12);
		assertEquals(s, p.distance[0][2], 1e-12);
		assertEquals(0, p.distance[2][3], 1e-12);
		assertEquals(1, p.mtd, 1e-12);
		assertEquals((1 + 4 * s + 0) / 6, p.ath, 1e-12);
		assertEquals(1.0, Dissimilarity.cosineDistance(new double[] { 1, 0 }, new double[] { 0, 3 }), 1e-15);
	}

	@Test
	void undefinedCasesHaveReasons() {
		// B has one lesion; C's lesion 2 has a missing value; a constant feature scales to 0; an all-minimum lesion is left out
		FeatureMatrix m = matrix(new String[][] { { "B", "1", "" }, { "C", "1", "" }, { "C", "2", "" }, { "C", "3", "" }, { "D", "1", "" }, { "D", "2", "" } },
				new double[][] { { 1, 7 }, { 2, 7 }, { Double.NaN, 7 }, { 3, 7 }, { 0, 7 }, { 4, 7 } }, "x", "constant");
		List<Dissimilarity.Patient> r = Dissimilarity.perPatient(m, new Dissimilarity.Scaler(m, Dissimilarity.Scaling.MINMAX));
		assertEquals("fewer than 2 analysable lesions", r.get(0).reason);
		assertTrue(Double.isNaN(r.get(0).mtd));
		assertEquals(2, r.get(1).lesions.size());
		assertTrue(r.get(1).excluded.get(0).contains("label 2"));
		assertEquals(0, r.get(1).mtd, 1e-12, "scaled (0.5, 0) and (0.75, 0) point the same way");
		assertTrue(r.get(2).excluded.get(0).contains("every scaled feature is 0"));
	}

	@Test
	void testsMatchTextbookValues() {
		// one-sample t of CVs 1..5 against 0: t = 3/(√2.5/√5) = 4.2426, two-sided p = 0.013236 (scipy.stats.ttest_1samp)
		List<Variation.Cv> cvs = new ArrayList<>();
		String[] patients = { "a", "b", "c", "d", "e", "f" };
		double[] values = { 1, 2, 3, 4, 5, 6 };
		for (int i = 0; i < 5; i++) cvs.add(new Variation.Cv(patients[i], "", "F", 3, 1, 1, values[i], null));
		HeterogeneityTests.Result t = HeterogeneityTests.oneSampleT(cvs).get(0);
		assertEquals(4.242640687119285, t.statistic, 1e-12);
		assertEquals(0.01323559956368269, t.pValue, 1e-10);
		// exact Mann–Whitney: {1,3,5} vs {2,4,6}: U = 3, P(U ≤ 3) = 7/20 → two-sided p = 0.7 (tables for n1 = n2 = 3)
		cvs.add(new Variation.Cv("f", "", "F", 3, 1, 1, 6, null));
		HeterogeneityTests.Result u = HeterogeneityTests.rankSum(cvs, List.of("a", "c", "e"), List.of("b", "d", "f")).get(0);
		assertEquals(3, u.statistic, 0);
		assertEquals(0.7, u.pValue, 1e-12);
		assertEquals("exact", u.note);
		// complete separation with n1 = n2 = 4: p = 2/70
		List<Variation.Cv> sep = new ArrayList<>();
		for (int i = 1; i <= 8; i++) sep.add(new Variation.Cv("p" + i, "", "F", 3, 1, 1, i, null));
		HeterogeneityTests.Result s = HeterogeneityTests.rankSum(sep, List.of("p1", "p2", "p3", "p4"), List.of("p5", "p6", "p7", "p8")).get(0);
		assertEquals(2.0 / 70, s.pValue, 1e-12);
	}
}
