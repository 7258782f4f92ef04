package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The reference study's tests on per-patient CVs, per feature: a two-sided one-sample t-test against 0 (Apache Commons
 * Math), and a two-sided Wilcoxon rank-sum (Mann–Whitney U) test between two patient groups, exact p-values (Apache
 * Commons Statistics) unless values are tied, then the normal approximation with continuity correction (noted).
 * No multiple-testing correction.
 */
public final class HeterogeneityTests {

	/** One test result. */
	public static final class Result {
		public final String feature;
		public final String test;
		public final double statistic;
		public final double pValue;
		public final int n1;
		public final int n2;
		public final String note;

		Result(String feature, String test, double statistic, double pValue, int n1, int n2, String note) {
			this.feature = feature;
			this.test = test;
			this.statistic = statistic;
			this.pValue = pValue;
			this.n1 = n1;
			this.n2 = n2;
			this.note = note;
		}
	}

	private HeterogeneityTests() {}

	/** CVs per feature (patients with a defined CV), in feature order. */
	static Map<String, Map<String, Double>> byFeature(List<Variation.Cv> cvs) {
		Map<String, Map<String, Double>> out = new LinkedHashMap<>();
		for (Variation.Cv c : cvs) if (!Double.isNaN(c.cvPercent)) out.computeIfAbsent(c.feature, k -> new LinkedHashMap<>()).put(c.patient, c.cvPercent);
		for (Variation.Cv c : cvs) out.computeIfAbsent(c.feature, k -> new LinkedHashMap<>());
		return out;
	}

	public static List<Result> oneSampleT(List<Variation.Cv> cvs) {
		List<Result> out = new ArrayList<>();
		for (Map.Entry<String, Map<String, Double>> e : byFeature(cvs).entrySet()) {
			double[] x = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
			if (x.length < 2) {
				out.add(new Result(e.getKey(), "one-sample t vs 0", Double.NaN, Double.NaN, x.length, 0, "fewer than 2 patients with a CV"));
				continue;
			}
			TTest t = new TTest();
			boolean constant = java.util.Arrays.stream(x).distinct().count() == 1;
			out.add(new Result(e.getKey(), "one-sample t vs 0", constant ? Double.NaN : t.t(0, x), constant ? Double.NaN : t.tTest(0, x), x.length, 0,
					constant ? "all CVs equal: no variance" : ""));
		}
		return out;
	}

	/** Mann–Whitney U between the patients of {@code group1} and {@code group2}; U is the statistic of group 1. */
	public static List<Result> rankSum(List<Variation.Cv> cvs, List<String> group1, List<String> group2) {
		List<Result> out = new ArrayList<>();
		for (Map.Entry<String, Map<String, Double>> e : byFeature(cvs).entrySet()) {
			double[] a = values(e.getValue(), group1), b = values(e.getValue(), group2);
			if (a.length == 0 || b.length == 0) {
				out.add(new Result(e.getKey(), "Mann-Whitney U", Double.NaN, Double.NaN, a.length, b.length, "a group has no patient with a CV"));
				continue;
			}
			MannWhitneyUTest test = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED);
			MannWhitneyUTest.Result r = test.with(PValueMethod.EXACT).test(a, b);
			String note = r.hasTiedValues() ? "tied values: normal approximation with continuity correction" : "exact";
			if (r.hasTiedValues()) r = test.with(PValueMethod.ASYMPTOTIC).test(a, b);
			out.add(new Result(e.getKey(), "Mann-Whitney U", r.getStatistic(), r.getPValue(), a.length, b.length, note));
		}
		return out;
	}

	private static double[] values(Map<String, Double> byPatient, List<String> patients) {
		List<Double> v = new ArrayList<>();
		for (String p : patients) if (byPatient.containsKey(p)) v.add(byPatient.get(p));
		return v.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
