package lesionradiomics.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** CCC, correlation and average linkage on hand-computed examples and published identities. */
class FeatureSelectionTest {

	@Test
	void cccIdentities() {
		double[] x = { 1, 2, 3, 4, 5.5 };
		assertEquals(1, Concordance.ccc(x, x), 1e-15);
		// y = x + 1: r = 1 but the means differ. By hand: s_xx = s_yy = s_xy = 2/3, (x̄ − ȳ)² = 1 → 2(2/3)/(7/3) = 4/7
		assertEquals(4.0 / 7, Concordance.ccc(new double[] { 1, 2, 3 }, new double[] { 2, 3, 4 }), 1e-15);
		// y = 2x: equal means impossible, scale differs → CCC < r = 1
		double[] y = { 2, 4, 6 };
		double r = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(new double[] { 1, 2, 3 }, y);
		assertTrue(Concordance.ccc(new double[] { 1, 2, 3 }, y) < r);
		// perfect disagreement: y = −x around mean 0 gives −1
		assertEquals(-1, Concordance.ccc(new double[] { -1, 0, 1 }, new double[] { 1, 0, -1 }), 1e-15);
		assertTrue(Double.isNaN(Concordance.ccc(new double[] { 1 }, new double[] { 1 })));
	}

	@Test
	void pearsonAndSpearmanByHand() {
		// x = 1..5, y = 2,1,4,3,5: Σdxdy = 8, Σdx² = Σdy² = 10 → r = 0.8; the values are their own ranks → ρ = 0.8
		FeatureMatrix m = matrix(new double[][] { { 1, 2, 10 }, { 2, 1, 10 }, { 3, 4, 10 }, { 4, 3, 10 }, { 5, 5, 10 } }, "a", "b", "constant");
		double[][] p = Correlation.matrix(m, Correlation.Method.PEARSON);
		assertEquals(0.8, p[0][1], 1e-12);
		assertTrue(Double.isNaN(p[0][2]), "a constant feature has no correlation");
		// monotone but not linear: Spearman 1, Pearson < 1
		FeatureMatrix e = matrix(new double[][] { { 1, 1 }, { 2, 4 }, { 3, 9 }, { 4, 100 } }, "x", "y");
		assertEquals(1, Correlation.matrix(e, Correlation.Method.SPEARMAN)[0][1], 1e-12);
		assertTrue(Correlation.matrix(e, Correlation.Method.PEARSON)[0][1] < 0.9);
	}

	@Test
	void averageLinkageByHand() {
		// points 0, 1, 5, 6, 20 on a line: merges {0,1}@1, {5,6}@1, then mean(5,6,4,5) = 5, then mean(20,19,15,14) = 17
		double[] p = { 0, 1, 5, 6, 20 };
		double[][] d = new double[5][5];
		for (int i = 0; i < 5; i++)
			for (int j = 0; j < 5; j++) d[i][j] = Math.abs(p[i] - p[j]);
		HierarchicalClustering h = new HierarchicalClustering(d);
		double[] heights = h.merges().stream().mapToDouble(m -> m.height).toArray();
		assertArrayEquals(new double[] { 1, 1, 5, 17 }, heights, 1e-12);
		assertArrayEquals(new int[] { 1, 1, 2, 2, 3 }, h.cutAtHeight(2));
		assertArrayEquals(new int[] { 1, 1, 1, 1, 2 }, h.cutIntoClusters(2));
		// the same merges, heights, flat clusters and leaf order as scipy.cluster.hierarchy.linkage(method="average")
		assertArrayEquals(new int[] { 4, 0, 1, 2, 3 }, h.leafOrder());
	}

	@Test
	void representativesFollowThePreferenceListElseTheFirstName() {
		// a, VoxelVolume and c move together; z and y together; q alone
		double[][] v = new double[8][];
		for (int i = 0; i < 8; i++) {
			double s = i, t = (i * 37) % 11;
			v[i] = new double[] { s, 2 * s + 1, s * s * 0.01 + s, t, -t + 0.001 * i, Math.sin(i * 1.3) };
		}
		FeatureMatrix m = matrix(v, "original_glcm_a", "original_shape_VoxelVolume", "original_glcm_c", "original_glszm_z", "original_glszm_y",
				"original_ngtdm_q");
		FeatureSelection.Decorrelation d = FeatureSelection.decorrelate(m, Correlation.Method.PEARSON, 0.8, 0, FeatureSelection.DEFAULT_PREFERENCES);
		List<String> selected = d.selected();
		assertEquals(3, selected.size(), selected.toString());
		assertTrue(selected.contains("original_shape_VoxelVolume"));
		assertTrue(selected.contains("original_glszm_y"), "no preferred name in {z, y}: lexicographically first");
		assertTrue(selected.contains("original_ngtdm_q"));
	}

	@Test
	void robustWhenEveryPerturbationAgrees() {
		FeatureMatrix original = matrix(new double[][] { { 1, 5 }, { 2, 3 }, { 3, 9 }, { 4, 1 } }, "stable", "fragile");
		FeatureMatrix eroded = matrix(new double[][] { { 1.01, 9 }, { 2.02, 1 }, { 2.98, 5 }, { 4.0, 3 } }, "stable", "fragile");
		FeatureMatrix dilated = matrix(new double[][] { { 0.99, 5 }, { 2.0, 3 }, { 3.02, 9 }, { 4.01, 1 } }, "stable", "fragile");
		List<FeatureSelection.Robustness> r = FeatureSelection.robustness(original, Map.of("eroded", eroded, "dilated", dilated), 0.8);
		assertTrue(r.get(0).robust);
		assertFalse(r.get(1).robust, "agrees when dilated but not when eroded");
		assertEquals(1, r.get(1).ccc.get("dilated"), 1e-12);
	}

	static FeatureMatrix matrix(double[][] v, String... names) {
		List<FeatureMatrix.Lesion> l = new ArrayList<>();
		for (int i = 0; i < v.length; i++) l.add(new FeatureMatrix.Lesion("P", i + 1, "site"));
		return new FeatureMatrix(l, List.of(names), v);
	}
}
