package lesionradiomics.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Linkages against scipy (src/test/resources/phenotypes/ward_scipy.py) and a hand-computed average linkage. */
class HierarchicalClusteringTest {

	static final double[][] POINTS = { { 0, 0 }, { 1, 0 }, { 0, 1.5 }, { 5, 5 }, { 6, 5 }, { 5.5, 6.2 }, { 12, 0 }, { 13, 1 }, { 30, 30 } };

	static double[][] euclidean(double[][] p) {
		double[][] d = new double[p.length][p.length];
		for (int i = 0; i < p.length; i++)
			for (int j = 0; j < p.length; j++) d[i][j] = Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]);
		return d;
	}

	@Test
	void wardMatchesScipy() {
		HierarchicalClustering h = new HierarchicalClustering(euclidean(POINTS), HierarchicalClustering.Linkage.WARD);
		double[] scipy = { 1.0, 1.0, 1.3856406460551018, 1.4142135623730951, 1.8257418583505536, 12.33342342309439, 17.13266859929688, 49.43568773894242 };
		double[] ours = h.merges().stream().mapToDouble(m -> m.height).toArray();
		assertArrayEquals(scipy, ours, 1e-12);
		// scipy's fcluster(Z, 3, 'maxclust') = [2 2 2 2 2 2 1 1 3]: the same partition (numbered by first leaf here)
		assertArrayEquals(new int[] { 1, 1, 1, 1, 1, 1, 2, 2, 3 }, h.cutIntoClusters(3));
	}

	@Test
	void averageLinkageByHand() {
		// 0, 1, 4 on a line: {0,1} at 1, then {0,1} to 4 at mean(4, 3) = 3.5
		double[][] d = { { 0, 1, 4 }, { 1, 0, 3 }, { 4, 3, 0 } };
		HierarchicalClustering h = new HierarchicalClustering(d);
		assertEquals(1, h.merges().get(0).height);
		assertEquals(3.5, h.merges().get(1).height);
	}
}
