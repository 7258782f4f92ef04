package lesionradiomics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import lesionradiomics.analysis.IntraclassCorrelation;
import lesionradiomics.io.Csv;

/**
 * ICC (all six psych::ICC forms with F, df, p and 95 % bounds), calibration (rms::val.prob's intercept, slope, Brier,
 * C, Dxy) and plain logistic regression (glm) against R; src/test/resources/model/make_stats_golden.R made the values.
 */
class ModelStatisticsGoldenTest {

	static final Path DIR = Path.of("src/test/resources/model");

	static double[] golden(String dataset, String what) throws Exception {
		List<Double> v = new ArrayList<>();
		List<List<String>> rows = Csv.read(DIR.resolve("stats_golden.csv"));
		for (List<String> r : rows.subList(1, rows.size())) if (r.get(0).equals(dataset) && r.get(1).equals(what)) v.add(Double.parseDouble(r.get(3)));
		assertTrue(!v.isEmpty(), dataset + " " + what + " missing from the golden file");
		return v.stream().mapToDouble(Double::doubleValue).toArray();
	}

	static double[][] table(String file) throws Exception {
		List<List<String>> rows = Csv.read(DIR.resolve(file));
		double[][] x = new double[rows.size() - 1][];
		for (int i = 1; i < rows.size(); i++) x[i - 1] = rows.get(i).stream().mapToDouble(Double::parseDouble).toArray();
		return x;
	}

	static void close(double[] expected, double[] actual, String what) {
		assertEquals(expected.length, actual.length, what);
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], 1e-6 * Math.abs(expected[i]) + 1e-12, what + "[" + i + "]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "three", "two", "rater_bias" })
	void iccEqualsPsych(String name) throws Exception {
		IntraclassCorrelation.Value[] v = IntraclassCorrelation.all(table("icc_" + name + ".csv"), 0.05);
		close(golden(name, "icc"), java.util.Arrays.stream(v).mapToDouble(IntraclassCorrelation.Value::icc).toArray(), name + " ICC");
		close(golden(name, "F"), java.util.Arrays.stream(v).mapToDouble(IntraclassCorrelation.Value::f).toArray(), name + " F");
		close(golden(name, "df1"), java.util.Arrays.stream(v).mapToDouble(IntraclassCorrelation.Value::df1).toArray(), name + " df1");
		close(golden(name, "df2"), java.util.Arrays.stream(v).mapToDouble(IntraclassCorrelation.Value::df2).toArray(), name + " df2");
		close(golden(name, "p"), java.util.Arrays.stream(v).mapToDouble(IntraclassCorrelation.Value::p).toArray(), name + " p");
		close(golden(name, "lower"), java.util.Arrays.stream(v).mapToDouble(IntraclassCorrelation.Value::lower).toArray(), name + " lower");
		close(golden(name, "upper"), java.util.Arrays.stream(v).mapToDouble(IntraclassCorrelation.Value::upper).toArray(), name + " upper");
	}

	@ParameterizedTest
	@ValueSource(strings = { "calib_over", "calib_good" })
	void calibrationEqualsValProb(String name) throws Exception {
		double[][] t = table(name + ".csv");
		double[] p = new double[t.length];
		boolean[] y = new boolean[t.length];
		for (int i = 0; i < t.length; i++) {
			p[i] = t[i][0];
			y[i] = t[i][1] == 1;
		}
		Calibration c = Calibration.of(p, y);
		double[] g = golden(name, "val.prob");
		close(java.util.Arrays.copyOf(g, 3), new double[] { c.intercept(), c.slope(), c.brier() }, name + " intercept, slope, Brier");
		// val.prob takes C and Dxy from lrm.fit's Fortran, which bins the probabilities (ties appear); ours is the exact
		// Mann–Whitney area (pROC's): they agree to within a few tied pairs
		assertEquals(g[3], c.c(), 1e-3, name + " C");
		assertEquals(g[4], c.dxy(), 2e-3, name + " Dxy");
	}

	@Test
	void logisticRegressionEqualsGlm() throws Exception {
		ElasticNetGoldenTest.Data d = ElasticNetGoldenTest.data("ar1");
		double[][] x = new double[d.x().length][];
		for (int i = 0; i < x.length; i++) x[i] = java.util.Arrays.copyOf(d.x()[i], 3);
		LogisticRegression.Fit f = LogisticRegression.fit(x, d.y());
		assertEquals(null, f.reason());
		close(golden("ar1", "glm.coef"), f.coefficients(), "coefficients");
		close(golden("ar1", "glm.se"), f.se(), "standard errors");
		close(golden("ar1", "glm.deviance"), new double[] { f.deviance(), f.nullDeviance() }, "deviance, null deviance");
	}

	@Test
	void separationIsReportedNotEstimated() {
		double[][] x = { { 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 } };
		boolean[] y = { false, false, false, true, true, true };
		LogisticRegression.Fit f = LogisticRegression.fit(x, y);
		assertNotNull(f.reason());
		assertTrue(f.reason().contains("separation"), f.reason());
		assertTrue(Double.isNaN(f.coefficients()[1]));
		assertTrue(LogisticRegression.fit(x, new boolean[6]).reason().contains("one class"));
	}
}
