package lesionradiomics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import lesionradiomics.io.Csv;

/**
 * The λ path (λ, intercepts, coefficients, deviance ratios, null deviance) and cv.glmnet (CV error and SE per λ,
 * λ.min, λ.1se) with the fold ids of the data set, against R 4.2.2 glmnet 4.1-6, on three data sets with correlated
 * features (AR(1) ρ = 0.8; one factor ρ = 0.6; blocks of five ρ = 0.9 with p &gt; N, binomial only: see the script),
 * binomial and Cox (tied times), α = 1 and 0.5. src/test/resources/model/make_glmnet_golden.R made the values (thresh 1e-20).
 */
class ElasticNetGoldenTest {

	static final Path DIR = Path.of("src/test/resources/model");
	static final double REL = 1e-6;

	record Data(double[][] x, boolean[] y, double[] time, boolean[] status, int[] fold) {}

	static Data data(String name) throws Exception {
		List<List<String>> rows = Csv.read(DIR.resolve("dataset_" + name + ".csv"));
		List<String> header = rows.get(0);
		int p = header.indexOf("y");
		int n = rows.size() - 1;
		Data d = new Data(new double[n][p], new boolean[n], new double[n], new boolean[n], new int[n]);
		for (int i = 0; i < n; i++) {
			List<String> r = rows.get(i + 1);
			for (int j = 0; j < p; j++) d.x[i][j] = Double.parseDouble(r.get(j));
			d.y[i] = r.get(p).equals("1");
			d.time[i] = Double.parseDouble(r.get(p + 1));
			d.status[i] = r.get(p + 2).equals("1");
			d.fold[i] = Integer.parseInt(r.get(p + 3));
		}
		return d;
	}

	static Map<String, double[]> golden(String name, String family, String alpha) throws Exception {
		Map<String, List<Double>> g = new LinkedHashMap<>();
		List<List<String>> rows = Csv.read(DIR.resolve("glmnet_golden.csv"));
		for (List<String> r : rows.subList(1, rows.size())) {
			if (!r.get(0).equals(name) || !r.get(1).equals(family) || Double.parseDouble(r.get(2)) != Double.parseDouble(alpha)) continue;
			g.computeIfAbsent(r.get(3), k -> new ArrayList<>()).add(Double.parseDouble(r.get(4)));
		}
		Map<String, double[]> out = new LinkedHashMap<>();
		g.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
		return out;
	}

	/** Relative to each value, with an absolute floor relative to the largest value compared (coefficients near 0). */
	static void close(double[] expected, double[] actual, String what, List<String> bad) {
		if (expected.length != actual.length) {
			bad.add(what + ": " + expected.length + " values expected, got " + actual.length);
			return;
		}
		double scale = 0;
		for (double e : expected) scale = Math.max(scale, Math.abs(e));
		int reported = 0;
		for (int i = 0; i < expected.length; i++) {
			double e = expected[i], a = actual[i];
			if (!(Math.abs(a - e) <= REL * Math.abs(e) + 1e-9 * scale) && reported++ < 5) bad.add(what + "[" + i + "]: R " + e + ", ours " + a);
		}
	}

	@ParameterizedTest
	@CsvSource({ "ar1,binomial,1", "ar1,binomial,0.5", "ar1,cox,1", "ar1,cox,0.5", "factor,binomial,1", "factor,binomial,0.5", "factor,cox,1",
			"factor,cox,0.5", "blocks,binomial,1", "blocks,binomial,0.5" })
	void pathAndCrossValidationEqualGlmnet(String name, String family, String alpha) throws Exception {
		Data d = data(name);
		Map<String, double[]> g = golden(name, family, alpha);
		ElasticNet.Settings s = ElasticNet.Settings.of(Double.parseDouble(alpha));
		ElasticNetCv.Result cv = family.equals("binomial") ? ElasticNetCv.binomial(d.x, d.y, d.fold, s, true, 1)
				: ElasticNetCv.cox(d.x, d.time, d.status, d.fold, s, true, 1);
		ElasticNet.Path f = cv.fit();
		List<String> bad = new ArrayList<>();
		close(g.get("lambda"), f.lambda(), "lambda", bad);
		close(g.get("dev.ratio"), f.devRatio(), "dev.ratio", bad);
		close(g.get("nulldev"), new double[] { f.nullDeviance() }, "nulldev", bad);
		if (family.equals("binomial")) close(g.get("a0"), f.intercept(), "a0", bad);
		int p = d.x[0].length;
		double[] beta = g.get("beta");
		if (beta.length == f.size() * p)
			for (int k = 0; k < f.size(); k++)
				close(java.util.Arrays.copyOfRange(beta, k * p, (k + 1) * p), f.beta()[k], "beta at lambda " + (k + 1), bad);
		close(g.get("cvm"), cv.cvm(), "cvm", bad);
		close(g.get("cvsd"), cv.cvsd(), "cvsd", bad);
		close(g.get("lambda.min"), new double[] { cv.lambdaMin() }, "lambda.min", bad);
		close(g.get("lambda.1se"), new double[] { cv.lambda1se() }, "lambda.1se", bad);
		assertTrue(bad.isEmpty(), name + " " + family + " alpha " + alpha + ":\n" + String.join("\n", bad));
	}

	/** The fold fits run on two threads give the very same numbers as on one. */
	@org.junit.jupiter.api.Test
	void threadCountDoesNotChangeTheResult() throws Exception {
		Data d = data("ar1");
		ElasticNet.Settings s = ElasticNet.Settings.of(1);
		ElasticNetCv.Result one = ElasticNetCv.binomial(d.x, d.y, d.fold, s, true, 1), two = ElasticNetCv.binomial(d.x, d.y, d.fold, s, true, 2);
		assertEquals(java.util.Arrays.toString(one.cvm()), java.util.Arrays.toString(two.cvm()));
	}
}
