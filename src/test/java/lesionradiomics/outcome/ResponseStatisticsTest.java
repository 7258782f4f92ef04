package lesionradiomics.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import lesionradiomics.io.Csv;

/**
 * ROC (AUC, DeLong variance and interval, z-test, Youden), Spearman and Fisher's exact test against R's pROC 1.18 and
 * stats (src/test/resources/response/make_response_golden.R; pROC's aSAH data, one score with heavy ties).
 */
class ResponseStatisticsTest {

	static final Path DIR = Path.of("src/test/resources/response");

	static Map<String, double[]> golden(String name) throws Exception {
		Map<String, List<Double>> g = new LinkedHashMap<>();
		List<List<String>> rows = Csv.read(DIR.resolve("golden.csv"));
		for (List<String> r : rows.subList(1, rows.size()))
			if (r.get(0).equals(name)) g.computeIfAbsent(r.get(1), k -> new ArrayList<>()).add(r.get(3).trim().equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(r.get(3).trim()));
		Map<String, double[]> out = new LinkedHashMap<>();
		g.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
		return out;
	}

	static double[][] columns(String file) throws Exception {
		List<List<String>> rows = Csv.read(DIR.resolve(file));
		double[][] c = new double[2][rows.size() - 1];
		for (int i = 1; i < rows.size(); i++) for (int k = 0; k < 2; k++) c[k][i - 1] = Double.parseDouble(rows.get(i).get(k));
		return c;
	}

	static void close(double[] expected, double[] actual, double rel, String what) {
		for (int i = 0; i < expected.length; i++)
			if (Double.isInfinite(expected[i])) assertEquals(expected[i], actual[i], what + " [" + i + "]");
			else assertEquals(expected[i], actual[i], rel * Math.max(Math.abs(expected[i]), 1e-300) + 1e-15, what + " [" + i + "]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "asah_s100b", "asah_wfns", "asah_ndka" })
	void rocAndSpearmanEqualR(String name) throws Exception {
		double[][] d = columns("roc_" + name + ".csv");
		boolean[] positive = new boolean[d[1].length];
		for (int i = 0; i < positive.length; i++) positive[i] = d[1][i] == 1;
		Roc r = Roc.of(d[0], positive);
		Map<String, double[]> g = golden(name);
		close(java.util.Arrays.copyOf(g.get("auc"), 4), new double[] { r.auc(), r.variance(), r.lower(), r.upper() }, 1e-9, name + " AUC, DeLong variance, CI");
		close(new double[] { g.get("auc")[4] }, new double[] { r.pValue() }, 1e-6, name + " p of AUC = 0.5");
		close(g.get("youden"), new double[] { r.threshold(), r.sensitivity(), r.specificity() }, 1e-12, name + " Youden threshold, sens, spec");
		double[][] s = columns("spearman_" + name + ".csv");
		Spearman sp = Spearman.test(s[0], s[1]);
		close(g.get("spearman"), new double[] { sp.rho(), sp.pValue() }, 1e-9, name + " Spearman rho, p");
	}

	/** The conditional odds ratio and its limits are found with uniroot's steps, as R: equal to R's to 1e-6. */
	@Test
	void fisherExactEqualsR() throws Exception {
		for (int k = 1; k <= 5; k++) {
			Map<String, double[]> g = golden("fisher" + k);
			double[] t = g.get("table");
			FisherExact f = FisherExact.test((int) t[0], (int) t[1], (int) t[2], (int) t[3]);
			double[] e = g.get("fisher");
			close(new double[] { e[0] }, new double[] { f.pValue() }, 1e-9, "table " + k + " p");
			close(new double[] { e[1], e[2], e[3] }, new double[] { f.oddsRatio(), f.lower(), f.upper() }, 1e-6, "table " + k + " OR and CI");
		}
		assertTrue(FisherExact.test(0, 5, 4, 6).oddsRatio() == 0, "a zero cell: the conditional MLE is 0, as R");
	}
}
