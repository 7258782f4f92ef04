package lesionradiomics.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import lesionradiomics.io.Csv;
import lesionradiomics.outcome.Roc;

/**
 * The forest on planted data (src/test/resources/model/make_forest_golden.R: f1–f4 carry main effects, f2 correlated
 * with f1 and entering squared, 46 noise features), its stratified 2:1 split, and R randomForest's validation AUC.
 */
class RandomForestTest {

	static final Path DIR = Path.of("src/test/resources/model");

	record Split(double[][] xTrain, boolean[] yTrain, double[][] xTest, boolean[] yTest, List<String> names) {}

	static Split planted() throws Exception {
		List<List<String>> rows = Csv.read(DIR.resolve("forest_planted.csv"));
		int p = rows.get(0).size() - 2;
		List<double[]> xt = new ArrayList<>(), xv = new ArrayList<>();
		List<Boolean> yt = new ArrayList<>(), yv = new ArrayList<>();
		for (List<String> r : rows.subList(1, rows.size())) {
			double[] x = new double[p];
			for (int j = 0; j < p; j++) x[j] = Double.parseDouble(r.get(j));
			boolean y = r.get(p).equals("1");
			if (r.get(p + 1).equals("1")) {
				xt.add(x);
				yt.add(y);
			} else {
				xv.add(x);
				yv.add(y);
			}
		}
		boolean[] a = new boolean[yt.size()], b = new boolean[yv.size()];
		for (int i = 0; i < a.length; i++) a[i] = yt.get(i);
		for (int i = 0; i < b.length; i++) b[i] = yv.get(i);
		return new Split(xt.toArray(new double[0][]), a, xv.toArray(new double[0][]), b, rows.get(0).subList(0, p));
	}

	static double golden(String what) throws Exception {
		for (List<String> r : Csv.read(DIR.resolve("forest_golden.csv"))) if (r.get(0).equals(what)) return Double.parseDouble(r.get(1));
		throw new AssertionError(what + " missing");
	}

	@Test
	void plantedFeaturesRankFirstAndValidationAucMatchesRandomForest() throws Exception {
		Split s = planted();
		RandomForest f = RandomForest.fit(s.xTrain(), s.yTrain(), RandomForest.Settings.of(500, 26), 2);
		double[] imp = f.permutationImportance();
		Set<String> top4 = IntStream.range(0, imp.length).boxed().sorted(Comparator.comparingDouble(j -> -imp[j])).limit(4).map(s.names()::get)
				.collect(Collectors.toSet());
		assertEquals(Set.of("f1", "f2", "f3", "f4"), top4, "permutation importance " + java.util.Arrays.toString(imp));
		double[] gini = f.giniImportance();
		Set<String> top4g = IntStream.range(0, gini.length).boxed().sorted(Comparator.comparingDouble(j -> -gini[j])).limit(3).map(s.names()::get)
				.collect(Collectors.toSet());
		assertTrue(Set.of("f1", "f2", "f3", "f4").containsAll(top4g), "Gini importance top 3 " + top4g);
		double[] prob = new double[s.xTest().length];
		for (int i = 0; i < prob.length; i++) prob[i] = f.probability(s.xTest()[i]);
		double auc = Roc.auc(prob, s.yTest());
		assertEquals(golden("validation_auc"), auc, 0.03, "validation AUC, R randomForest " + golden("validation_auc"));
		assertEquals(golden("oob_error"), f.oobError(), 0.06, "OOB error, R " + golden("oob_error"));
	}

	@Test
	void sameSeedSameForestAtOneAndTwoThreads() throws Exception {
		Split s = planted();
		RandomForest.Settings settings = RandomForest.Settings.of(60, 99);
		RandomForest one = RandomForest.fit(s.xTrain(), s.yTrain(), settings, 1), two = RandomForest.fit(s.xTrain(), s.yTrain(), settings, 2);
		double[] a = new double[s.xTest().length], b = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			a[i] = one.probability(s.xTest()[i]);
			b[i] = two.probability(s.xTest()[i]);
		}
		assertArrayEquals(a, b);
		assertArrayEquals(one.permutationImportance(), two.permutationImportance());
		assertArrayEquals(one.oobProbability(), two.oobProbability());
		assertEquals(one.oobError(), two.oobError());
		// and another seed gives another forest
		RandomForest other = RandomForest.fit(s.xTrain(), s.yTrain(), RandomForest.Settings.of(60, 100), 1);
		double[] c = new double[a.length];
		for (int i = 0; i < a.length; i++) c[i] = other.probability(s.xTest()[i]);
		assertTrue(!java.util.Arrays.equals(a, c));
	}
}
