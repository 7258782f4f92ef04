package lesionradiomics.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.progress.Progress;

class SamplingTest {

	/** Shared worker threads (daemon), as a front end's executor. */
	static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
		Thread t = new Thread(r);
		t.setDaemon(true);
		return t;
	});

	/** Four lesions with hand-made distances. */
	static PatientLesions four() {
		double[][] d = { { 0, 0.2, 0.6, 0.9 }, { 0.2, 0, 0.5, 0.7 }, { 0.6, 0.5, 0, 0.3 }, { 0.9, 0.7, 0.3, 0 } };
		return new PatientLesions("P", new long[] { 1, 2, 3, 4 }, List.of("liver", "liver", "lung", "bone"), new double[] { 30, 12, 22, 40 }, d);
	}

	static Simulation.Summary find(List<Simulation.Summary> s, String patient, String strategy, Recovery.Index index) {
		return s.stream().filter(x -> x.patient.equals(patient) && x.strategy.equals(strategy) && x.index == index).findFirst().orElseThrow();
	}

	@Test
	void recoveryFormula() {
		assertEquals(0.5, Recovery.fraction(0.45, 0.9, 2, false), 1e-12); // MTD: simply the ratio
		assertEquals(0.8, Recovery.fraction(0.36, 0.3, 3, false), 1e-12); // over-estimation by 20 % costs 20 %
		assertEquals(1.2, Recovery.fraction(0.36, 0.3, 3, true), 1e-12);
		assertEquals(0, Recovery.fraction(0.7, 0.3, 3, false), 0); // more than 100 % off: 0, never negative
		assertEquals(0, Recovery.fraction(Double.NaN, 0.3, 1, false), 0); // < 2 lesions recover nothing
	}

	@Test
	void exhaustiveAndKAtLeastNRecoverEverything() {
		PatientLesions p = four();
		Simulation.Result r = new Simulation(50, 1, false).run(List.of(p), List.of(Strategy.exhaustive(), Strategy.random(4), Strategy.random(9)), 2, 4,
				null, Progress.NONE);
		for (Recovery.Index i : Recovery.Index.values()) {
			assertEquals(100, find(r.strategies, "P", "exhaustive", i).mean, 1e-9);
			assertEquals(100, find(r.strategies, "P", "4 at random", i).mean, 1e-9);
			assertEquals(100, find(r.strategies, "P", "9 at random", i).low, 1e-9);
			assertEquals(100, find(r.curves, "P", "4", i).mean, 1e-9);
		}
	}

	/**
	 * 2 of 4 at random: the mean over simulations converges to the mean over the 6 pairs. With N = 20000 the standard
	 * error is at most 50 % / √N ≈ 0.35 %; the tolerance is 4 standard errors.
	 */
	@Test
	void twoAtRandomConvergesToTheEnumeration() {
		PatientLesions p = four();
		double[][] d = p.distance;
		double[] full = Dissimilarity.indexes(d);
		double[] expected = new double[2];
		int pairs = 0;
		for (int a = 0; a < 4; a++)
			for (int b = a + 1; b < 4; b++) {
				double[] sub = Dissimilarity.indexes(d, new int[] { a, b });
				for (int x = 0; x < 2; x++) expected[x] += 100 * Recovery.fraction(sub[x], full[x], 2, false);
				pairs++;
			}
		int n = 20000;
		Simulation.Result r = new Simulation(n, 7, false).run(List.of(p), List.of(Strategy.random(2)), 2, 2, POOL, Progress.NONE);
		double tolerance = 4 * 50 / Math.sqrt(n);
		assertEquals(expected[0] / pairs, find(r.strategies, "P", "2 at random", Recovery.Index.MTD).mean, tolerance);
		assertEquals(expected[1] / pairs, find(r.strategies, "P", "2 at random", Recovery.Index.ATH).mean, tolerance);
	}

	@Test
	void sameSeedSameNumbersWhateverTheThreads() {
		List<PatientLesions> cohort = studyLikeCohort(3);
		List<Strategy> s = Simulation.studyStrategies(List.of("bone"));
		Simulation.Result a = new Simulation(200, 42, false).run(cohort, s, 2, 6, null, Progress.NONE);
		Simulation.Result b = new Simulation(200, 42, false).run(cohort, s, 2, 6, POOL, Progress.NONE);
		assertEquals(a.strategies.size(), b.strategies.size());
		for (int i = 0; i < a.strategies.size(); i++) {
			assertEquals(a.strategies.get(i).mean, b.strategies.get(i).mean, 0);
			assertEquals(a.strategies.get(i).low, b.strategies.get(i).low, 0);
		}
		for (int i = 0; i < a.curves.size(); i++) assertEquals(a.curves.get(i).mean, b.curves.get(i).mean, 0);
	}

	@Test
	void recistTakesMeasurableLargestLesionsTwoPerOrganFiveInAll() {
		double[] diam = { 50, 45, 40, 8, 14, 16, 30, 25, 20, 35 };
		List<String> sites = List.of("liver", "liver", "liver", "lung", "lymphnode", "lymphnode", "lung", "bone", "bone", "adrenal gland");
		PatientLesions p = new PatientLesions("P", new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, sites, diam, new double[10][10]);
		int[] chosen = Strategy.recist(5, 2, 10, 15).select(p, null);
		Arrays.sort(chosen);
		// liver 50, 45 (not 40: 2 per organ); adrenal 35; lung 30 (the 8 mm one is not measurable); bone 25 → 5 in all;
		// the 14 mm node is not measurable, the 16 mm node would be next
		assertArrayEquals(new int[] { 0, 1, 6, 7, 9 }, chosen);
	}

	@Test
	void perSiteStrategiesAreTheTwoReadings() {
		PatientLesions p = four();
		SplittableRandom r = new SplittableRandom(3);
		for (int i = 0; i < 50; i++) {
			int[] one = Strategy.fromOneSite(3, Set.of()).select(p, r);
			assertTrue(Arrays.stream(one).mapToObj(p::site).distinct().count() == 1, "one site only");
			int[] all = Strategy.perSiteAllSites(1, Set.of()).select(p, r);
			assertEquals(3, all.length, "one from each of the 3 sites");
			int[] noBone = Strategy.fromOneSite(2, Set.of("bone")).select(p, r);
			assertTrue(Arrays.stream(noBone).noneMatch(x -> p.site(x).equals("bone")));
		}
	}

	/**
	 * A cohort like the study's (30, 28, 69 lesions over several sites): lesions of a site share a feature profile, so
	 * they resemble each other more than lesions of other sites.
	 */
	static List<PatientLesions> studyLikeCohort(int patients) {
		int[] counts = { 30, 28, 69 };
		String[] siteNames = { "liver", "lung", "lymphnode", "bone", "peritoneum", "adrenal gland" };
		SplittableRandom r = new SplittableRandom(2022);
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
		List<double[]> rows = new ArrayList<>();
		int features = 8;
		for (int p = 0; p < patients; p++) {
			double[][] profile = new double[siteNames.length][features];
			for (double[] s : profile) for (int f = 0; f < features; f++) s[f] = 50 + 30 * r.nextGaussian();
			for (int l = 0; l < counts[p % 3]; l++) {
				int site = l < siteNames.length ? l : r.nextInt(siteNames.length);
				lesions.add(new FeatureMatrix.Lesion("P" + p, l + 1, siteNames[site]));
				double[] v = new double[features];
				for (int f = 0; f < features; f++) v[f] = profile[site][f] + 6 * r.nextGaussian();
				rows.add(v);
			}
		}
		List<String> names = new ArrayList<>();
		for (int f = 0; f < features; f++) names.add("f" + f);
		FeatureMatrix m = new FeatureMatrix(lesions, names, rows.toArray(new double[0][]));
		List<PatientLesions> out = new ArrayList<>();
		for (Dissimilarity.Patient p : Dissimilarity.perPatient(m, new Dissimilarity.Scaler(m, Dissimilarity.Scaling.MINMAX))) {
			List<String> sites = new ArrayList<>();
			long[] labels = new long[p.lesions.size()];
			for (int i = 0; i < labels.length; i++) {
				labels[i] = p.lesions.get(i).label();
				sites.add(p.lesions.get(i).site());
			}
			double[] diam = new double[labels.length];
			Arrays.fill(diam, 20);
			out.add(new PatientLesions(p.patient, labels, sites, diam, p.distance));
		}
		return out;
	}

	@Test
	void studyLikeCohortShowsTheStudysPattern() {
		List<PatientLesions> cohort = studyLikeCohort(3);
		Set<String> none = Set.of();
		List<Strategy> s = List.of(Strategy.random(2), Strategy.random(3), Strategy.fromOneSite(3, none), Strategy.perSiteAllSites(3, none));
		Simulation.Result r = new Simulation(500, 11, false).run(cohort, s, 2, 15, POOL, Progress.NONE);
		String c = Simulation.Result.COHORT;
		double ath2 = find(r.strategies, c, "2 at random", Recovery.Index.ATH).mean;
		assertTrue(ath2 < 80, "2 random lesions recover ATH well below 100 %: " + ath2);
		assertTrue(find(r.curves, c, "2", Recovery.Index.ATH).mean < find(r.curves, c, "5", Recovery.Index.ATH).mean);
		assertTrue(find(r.curves, c, "5", Recovery.Index.ATH).mean < find(r.curves, c, "12", Recovery.Index.ATH).mean);
		double oneSite = find(r.strategies, c, "3 from one site", Recovery.Index.MTD).mean;
		double random3 = find(r.strategies, c, "3 at random", Recovery.Index.MTD).mean;
		double allSites = find(r.strategies, c, "<=3 per site, all sites", Recovery.Index.MTD).mean;
		assertTrue(oneSite < random3, "k from one site recovers less MTD than k at random: " + oneSite + " vs " + random3);
		assertTrue(allSites > oneSite, "at most k per site over all sites recovers more than k from one site");
		assertTrue(r.smallestK(c, Recovery.Index.ATH, 75) > 2);
	}
}
