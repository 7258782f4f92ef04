package lesionradiomics.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import lesionradiomics.io.Csv;

/**
 * Every survival statistic against R (survival 3.5-3, maxstat 0.7-25, survminer 0.4.9) on four datasets with ties and
 * censoring: lung, veteran, ovarian and a heavily tied version of lung. src/test/resources/survival/make_survival_golden.R
 * made the values; the tests do not need R.
 */
class SurvivalGoldenTest {

	static final Path DIR = Path.of("src/test/resources/survival");
	static final double REL = 1e-6;

	record Data(double[] time, boolean[] event, double[] var, String[] group, double[] cov1, double[] cov2) {}

	static Data data(String name) throws Exception {
		List<List<String>> rows = Csv.read(DIR.resolve("dataset_" + name + ".csv"));
		int n = rows.size() - 1;
		Data d = new Data(new double[n], new boolean[n], new double[n], new String[n], new double[n], new double[n]);
		for (int i = 0; i < n; i++) {
			List<String> r = rows.get(i + 1);
			d.time[i] = Double.parseDouble(r.get(0));
			d.event[i] = r.get(1).equals("1");
			d.var[i] = Double.parseDouble(r.get(2));
			d.group[i] = r.get(3);
			d.cov1[i] = Double.parseDouble(r.get(4));
			d.cov2[i] = Double.parseDouble(r.get(5));
		}
		return d;
	}

	static Map<String, double[]> golden(String name) throws Exception {
		Map<String, List<Double>> g = new LinkedHashMap<>();
		List<List<String>> rows = Csv.read(DIR.resolve("golden.csv"));
		for (List<String> r : rows.subList(1, rows.size())) {
			if (!r.get(0).equals(name)) continue;
			String v = r.get(3).trim();
			g.computeIfAbsent(r.get(1), k -> new ArrayList<>()).add(v.equals("NA") ? Double.NaN : v.equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v));
		}
		Map<String, double[]> out = new LinkedHashMap<>();
		g.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
		return out;
	}

	static void close(double[] expected, double[] actual, String what, List<String> bad) {
		if (expected.length != actual.length) {
			bad.add(what + ": " + expected.length + " values expected, got " + actual.length);
			return;
		}
		for (int i = 0; i < expected.length; i++) {
			double e = expected[i], a = actual[i];
			boolean ok = Double.isNaN(e) ? Double.isNaN(a) : Double.isInfinite(e) ? a == e : Math.abs(a - e) <= REL * Math.abs(e) + 1e-12;
			if (!ok) bad.add(what + "[" + i + "]: R " + e + ", ours " + a);
		}
	}

	/** A curve lying exactly on 0.5 from t = 3 to t = 5: R's median is the middle of the flat stretch, 4. */
	@org.junit.jupiter.api.Test
	void medianOnAFlatStretchAtOneHalfIsItsMiddleAsR() throws Exception {
		KaplanMeier.Median m = KaplanMeier.median(KaplanMeier.fit(new double[] { 1, 2, 3, 4, 5, 6 }, new boolean[] { true, true, true, false, true, false }));
		List<String> bad = new ArrayList<>();
		close(golden("half").get("km_median"), new double[] { m.median(), m.lower(), m.upper() }, "median, lower, upper", bad);
		assertTrue(bad.isEmpty(), String.join("\n", bad));
	}

	@ParameterizedTest
	@ValueSource(strings = { "lung", "veteran", "ovarian", "tied" })
	void kaplanMeierLogRankCoxConcordanceAndCutPointEqualR(String name) throws Exception {
		Data d = data(name);
		Map<String, double[]> g = golden(name);
		List<String> bad = new ArrayList<>();
		KaplanMeier.Curve km = KaplanMeier.fit(d.time, d.event);
		close(g.get("km_time"), km.time(), "KM time", bad);
		close(g.get("km_n_risk"), java.util.Arrays.stream(km.atRisk()).asDoubleStream().toArray(), "KM n.risk", bad);
		close(g.get("km_n_event"), java.util.Arrays.stream(km.events()).asDoubleStream().toArray(), "KM n.event", bad);
		close(g.get("km_n_censor"), java.util.Arrays.stream(km.censored()).asDoubleStream().toArray(), "KM n.censor", bad);
		close(g.get("km_surv"), km.survival(), "KM surv", bad);
		close(g.get("km_std_err"), km.stdErr(), "KM std.err", bad);
		close(g.get("km_lower"), km.lower(), "KM lower", bad);
		close(g.get("km_upper"), km.upper(), "KM upper", bad);
		KaplanMeier.Median med = KaplanMeier.median(km);
		close(g.get("km_median"), new double[] { med.median(), med.lower(), med.upper() }, "KM median and CI", bad);

		LogRank lr = LogRank.test(d.time, d.event, d.group, null);
		close(g.get("logrank"), new double[] { lr.chiSquare(), lr.pValue() }, "log-rank chi2, p", bad);
		close(g.get("logrank_observed"), lr.observed(), "log-rank observed", bad);
		close(g.get("logrank_expected"), lr.expected(), "log-rank expected", bad);
		LogRank stratified = LogRank.test(d.time, d.event, d.group, java.util.Arrays.stream(d.cov2).mapToObj(Double::toString).toArray(String[]::new));
		if (g.get("logrank_stratified")[0] == 0) // lung, tied: the groups are the strata; R prints chi2 0, we give NaN (no comparison within a stratum)
			assertTrue(Double.isNaN(stratified.chiSquare()), name + " stratified: " + stratified.chiSquare());
		else close(g.get("logrank_stratified"), new double[] { stratified.chiSquare(), stratified.pValue() }, "stratified log-rank", bad);

		for (String m : List.of("uni", "multi")) {
			double[][] x = new double[d.time.length][];
			for (int i = 0; i < x.length; i++) x[i] = m.equals("uni") ? new double[] { d.var[i] } : new double[] { d.var[i], d.cov1[i], d.cov2[i] };
			Cox.Fit f = Cox.fit(d.time, d.event, x, m.equals("uni") ? List.of("var") : List.of("var", "cov1", "cov2"));
			assertEquals(null, f.reason(), name + " " + m);
			close(g.get("cox_" + m + "_coef"), f.terms().stream().mapToDouble(Cox.Term::coef).toArray(), m + " coef", bad);
			close(g.get("cox_" + m + "_se"), f.terms().stream().mapToDouble(Cox.Term::se).toArray(), m + " se", bad);
			close(g.get("cox_" + m + "_hr_lower"), f.terms().stream().mapToDouble(Cox.Term::lower).toArray(), m + " HR lower", bad);
			close(g.get("cox_" + m + "_hr_upper"), f.terms().stream().mapToDouble(Cox.Term::upper).toArray(), m + " HR upper", bad);
			close(g.get("cox_" + m + "_p"), f.terms().stream().mapToDouble(Cox.Term::pValue).toArray(), m + " Wald p", bad);
			close(g.get("cox_" + m + "_tests"), new double[] { f.likelihoodRatio(), f.likelihoodRatioP(), f.wald(), f.waldP(), f.score(), f.scoreP() },
					m + " LR, Wald, score tests", bad);
			close(g.get("cox_" + m + "_loglik"), new double[] { f.logLik0(), f.logLik() }, m + " loglik", bad);
			close(g.get("cox_" + m + "_concordance"), new double[] { f.concordance() }, m + " concordance", bad);
			ProportionalHazards zph = ProportionalHazards.test(d.time, d.event, x, f.terms().stream().mapToDouble(Cox.Term::coef).toArray());
			close(g.get("cox_" + m + "_zph_chisq"), zph.chiSquare(), m + " cox.zph chisq", bad);
			close(g.get("cox_" + m + "_zph_p"), zph.pValue(), m + " cox.zph p", bad);
		}

		CutPoint cp = CutPoint.optimal(d.time, d.event, d.var, 0.1);
		close(g.get("cutpoint"), new double[] { cp.cutoff(), cp.statistic(), cp.pValue() }, "surv_cutpoint cut, statistic, Lau94 p", bad);
		assertTrue(bad.isEmpty(), name + ": " + bad.size() + " differences from R:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
	}
}
