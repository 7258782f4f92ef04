package lesionradiomics.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Lesion phenotypes: planted lesion types are recovered, the same seed gives the same clusters, ARI and entropy by hand. */
class PhenotypesTest {

	/** 4 lesion types x 30 lesions, 10 features: each type shifts 3 features by 3 SD (the rest is noise). */
	static FeatureMatrix planted(int[] truth, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		double[][] x = new double[truth.length][10];
		java.util.List<FeatureMatrix.Lesion> lesions = new java.util.ArrayList<>();
		java.util.List<String> names = new java.util.ArrayList<>();
		for (int f = 0; f < 10; f++) names.add("original_firstorder_F" + f);
		for (int i = 0; i < truth.length; i++) {
			truth[i] = i % 4;
			for (int f = 0; f < 10; f++) x[i][f] = r.nextGaussian() + (f / 3 == truth[i] ? 3 : 0) + 100 * f; // features on different scales
			lesions.add(new FeatureMatrix.Lesion("P" + i / 10, i, "liver"));
		}
		return new FeatureMatrix(lesions, names, x);
	}

	@Test
	void plantedTypesAreRecoveredWithTheSilhouettesK() {
		int[] truth = new int[120];
		FeatureMatrix x = planted(truth, 11);
		for (Phenotypes.Method m : Phenotypes.Method.values()) {
			Phenotypes.Clustering c = Phenotypes.cluster(x, m, 0, 8, 42);
			assertEquals(4, c.k(), m + ": the silhouette picks the planted number of types");
			double ari = Phenotypes.adjustedRandIndex(truth, c.labels());
			assertTrue(ari >= 0.9, m + ": adjusted Rand index " + ari);
			assertArrayEquals(c.labels(), Phenotypes.cluster(x, m, 0, 8, 42).labels(), m + ": same seed, same clusters");
		}
	}

	@Test
	void adjustedRandIndexAndCompositionByHand() {
		// contingency {2, 1, 1}: index 1, row pairs 2, column pairs 1, expected 2/6: (1 - 1/3) / (1.5 - 1/3) = 4/7
		assertEquals(4.0 / 7, Phenotypes.adjustedRandIndex(new int[] { 0, 0, 1, 1 }, new int[] { 0, 0, 1, 2 }), 1e-15);
		assertEquals(1, Phenotypes.adjustedRandIndex(new int[] { 1, 1, 2 }, new int[] { 5, 5, 7 }), 0);
		Phenotypes.Composition c = Phenotypes.composition(new int[] { 1, 1, 2, 3 }, 4);
		assertArrayEquals(new int[] { 2, 1, 1, 0 }, c.counts());
		assertEquals(3, c.distinct());
		assertEquals(1.5, c.entropy(), 1e-15); // -(1/2 log2 1/2 + 2 x 1/4 log2 1/4)
	}
}
