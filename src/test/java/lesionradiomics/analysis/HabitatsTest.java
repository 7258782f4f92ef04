package lesionradiomics.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Habitats on planted subregions, and the map summary on a hand-computed example. */
class HabitatsTest {

	/** 3 planted subregions of 500, 300 and 200 voxels on two maps, noise well below their separation. */
	static double[][] planted(int[] truth) {
		Random random = new Random(3);
		double[][] centres = { { 0, 0 }, { 6, 1 }, { 2, 7 } };
		int[] sizes = { 500, 300, 200 };
		double[][] x = new double[1000][];
		for (int i = 0, c = 0, left = sizes[0]; i < x.length; i++, left--) {
			if (left == 0) left = sizes[++c];
			truth[i] = c + 1;
			x[i] = new double[] { centres[c][0] + random.nextGaussian(), 100 * (centres[c][1] + random.nextGaussian()) }; // scales differ: z-scored
		}
		return x;
	}

	@Test
	void plantedSubregionsAreRecoveredAndNumberedBySize() {
		int[] truth = new int[1000];
		Habitats.Result r = Habitats.cluster(planted(truth), 0, 5, 7);
		assertEquals(3, r.k());
		assertTrue(Phenotypes.adjustedRandIndex(truth, r.labels()) >= 0.9, "ARI " + Phenotypes.adjustedRandIndex(truth, r.labels()));
		assertTrue(r.fractions()[0] >= r.fractions()[1] && r.fractions()[1] >= r.fractions()[2]);
		double sum = 0, entropy = 0;
		for (double f : r.fractions()) {
			sum += f;
			entropy -= f * Math.log(f) / Math.log(2);
		}
		assertEquals(1, sum, 1e-12);
		assertEquals(entropy, r.entropy(), 1e-12);
		// with the planted sizes exactly: H(0.5, 0.3, 0.2) = 1.4855 bits
		assertEquals(1.4854752972273344, Habitats.cluster(planted(truth), 3, 5, 7).entropy(), 0.02);
	}

	@Test
	void sameSeedSameHabitats() {
		int[] truth = new int[1000];
		double[][] x = planted(truth);
		assertArrayEquals(Habitats.cluster(x, 0, 4, 11).labels(), Habitats.cluster(x, 0, 4, 11).labels());
	}

	@Test
	void theTriedKOnTwoThreadsGiveTheSameHabitats() {
		int[] truth = new int[1000];
		double[][] x = planted(truth);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			Habitats.Result serial = Habitats.cluster(x, 0, 5, 11), parallel = Habitats.cluster(x, 0, 5, 11, pool);
			assertArrayEquals(serial.labels(), parallel.labels());
			assertArrayEquals(serial.silhouettes(), parallel.silhouettes());
		} finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFlatLesionIsOneHabitat() {
		Habitats.Result r = Habitats.cluster(new double[][] { { 1 }, { 1 } }, 0, 4, 1);
		assertEquals(1, r.k());
		assertEquals(0, r.entropy());
	}

	@Test
	void mapSummaryByHand() {
		MapSummary s = MapSummary.of(new double[] { 4, 1, Double.NaN, 3, 2 }, 2.5);
		assertEquals(5, s.voxels());
		assertEquals(1, s.missing());
		assertEquals(2.5, s.mean(), 1e-15);
		assertEquals(Math.sqrt(1.25), s.sd(), 1e-15); // population SD of 1..4
		assertEquals(1.75, s.q1(), 1e-15); // numpy.percentile([1, 2, 3, 4], 25)
		assertEquals(2.5, s.median(), 1e-15);
		assertEquals(3.25, s.q3(), 1e-15);
		assertEquals(0.5, s.fractionAbove(), 1e-15);
		assertTrue(Double.isNaN(MapSummary.of(new double[] { 1 }, Double.NaN).fractionAbove()));
	}
}
