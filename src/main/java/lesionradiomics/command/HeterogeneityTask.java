package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.HeterogeneityTests;
import lesionradiomics.analysis.Variation;
import lesionradiomics.io.Csv;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.Heatmap;
import lesionradiomics.report.Plots;

/**
 * "Patient Heterogeneity" for every front end: CVs per patient and per organ, cosine dissimilarity with MTD and ATH,
 * the tests, their tables and plots.
 */
public final class HeterogeneityTask {

	/** Two patient groups for the rank-sum test: by lesion count ranges, or by an explicit patient → group map. */
	public static final class Groups {
		final int[] first;
		final int[] second;
		final Map<String, String> explicit;

		/** Lesion-count ranges, inclusive; max -1 = no upper bound (study: 2–5 vs ≥ 15). */
		public Groups(int min1, int max1, int min2, int max2) {
			first = new int[] { min1, max1 };
			second = new int[] { min2, max2 };
			explicit = null;
		}

		/** Explicit groups: the first two distinct group names (in patient order) are compared. */
		public Groups(Map<String, String> patientGroup) {
			first = second = null;
			explicit = patientGroup;
		}

		/** Parses "2-5,15-" (two lesion-count ranges). */
		public static Groups parse(String text) {
			String[] p = text.trim().split("\\s*,\\s*");
			if (p.length != 2) throw new IllegalArgumentException("groups are two lesion-count ranges like 2-5,15-; got '" + text + "'");
			int[][] r = new int[2][];
			for (int i = 0; i < 2; i++) {
				String[] ab = p[i].split("-", -1);
				try {
					int a = Integer.parseInt(ab[0].trim());
					int b = ab.length < 2 ? a : ab[1].trim().isEmpty() ? -1 : Integer.parseInt(ab[1].trim());
					r[i] = new int[] { a, b };
				} catch (NumberFormatException e) {
					throw new IllegalArgumentException("cannot read lesion-count range '" + p[i] + "' (use e.g. 2-5 or 15-)");
				}
			}
			return new Groups(r[0][0], r[0][1], r[1][0], r[1][1]);
		}

		String describe(int[] r) {
			return r[1] < 0 ? ">= " + r[0] + " lesions" : r[0] + "-" + r[1] + " lesions";
		}

		/** {names, patients of group 1, patients of group 2}. */
		@SuppressWarnings("unchecked")
		List<String>[] split(Map<String, Integer> lesionCount) {
			List<String> a = new ArrayList<>(), b = new ArrayList<>();
			String na, nb;
			if (explicit != null) {
				List<String> names = new ArrayList<>();
				for (String p : lesionCount.keySet()) {
					String g = explicit.get(p);
					if (g != null && !g.isEmpty() && !names.contains(g)) names.add(g);
				}
				if (names.size() < 2) throw new IllegalArgumentException("the group column defines fewer than two groups: " + names);
				na = names.get(0);
				nb = names.get(1);
				for (String p : lesionCount.keySet()) {
					if (na.equals(explicit.get(p))) a.add(p);
					if (nb.equals(explicit.get(p))) b.add(p);
				}
			} else {
				na = describe(first);
				nb = describe(second);
				lesionCount.forEach((p, n) -> {
					if (n >= first[0] && (first[1] < 0 || n <= first[1])) a.add(p);
					if (n >= second[0] && (second[1] < 0 || n <= second[1])) b.add(p);
				});
			}
			return new List[] { List.of(na, nb), a, b };
		}
	}

	/** All results of one run. */
	public static final class Result {
		public FeatureMatrix features;
		public List<Variation.Cv> cvPatient;
		public List<Variation.Cv> cvSite;
		public Map<String, Map<String, double[]>> summary;
		public List<Dissimilarity.Patient> dissimilarity;
		public List<HeterogeneityTests.Result> tests = new ArrayList<>();
		public List<String> groupNames;
		public List<String> notes = new ArrayList<>();
	}

	private HeterogeneityTask() {}

	public static Result run(FeatureMatrix m, Dissimilarity.Scaling scaling, Groups groups) {
		Result r = new Result();
		r.features = m;
		r.cvPatient = Variation.perPatient(m);
		r.cvSite = Variation.perPatientSite(m);
		r.summary = Variation.summary(r.cvPatient);
		r.dissimilarity = Dissimilarity.perPatient(m, new Dissimilarity.Scaler(m, scaling));
		r.tests.addAll(HeterogeneityTests.oneSampleT(r.cvPatient));
		Map<String, Integer> count = new LinkedHashMap<>();
		for (FeatureMatrix.Lesion l : m.lesions()) count.merge(l.patient(), 1, Integer::sum);
		List<String>[] split = groups.split(count);
		r.groupNames = split[0];
		if (split[1].isEmpty() || split[2].isEmpty())
			r.notes.add("rank-sum test skipped: group '" + split[0].get(0) + "' has " + split[1].size() + " and '" + split[0].get(1) + "' "
					+ split[2].size() + " patients");
		else r.tests.addAll(HeterogeneityTests.rankSum(r.cvPatient, split[1], split[2]));
		return r;
	}

	static List<List<String>> cvRows(List<Variation.Cv> cvs, boolean site) {
		List<List<String>> out = new ArrayList<>();
		List<String> h = new ArrayList<>(List.of("patient"));
		if (site) h.add("site");
		h.addAll(List.of("feature", "class", "n_lesions", "mean", "sd", "cv_percent", "reason"));
		out.add(h);
		for (Variation.Cv c : cvs) {
			List<String> row = new ArrayList<>(List.of(c.patient));
			if (site) row.add(c.site);
			row.addAll(List.of(c.feature, Variation.featureClass(c.feature), Integer.toString(c.n), FeatureTableCsv.format(c.mean),
					FeatureTableCsv.format(c.sd), FeatureTableCsv.format(c.cvPercent), c.reason == null ? "" : c.reason));
			out.add(row);
		}
		return out;
	}

	static List<List<String>> summaryRows(Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "class", "mean_cv_percent", "features_with_cv", "features"));
		r.summary.forEach((p, byClass) -> byClass.forEach((cls, a) -> out.add(List.of(p, cls, FeatureTableCsv.format(a[1] == 0 ? Double.NaN : a[0] / a[1]),
				Integer.toString((int) a[1]), Integer.toString((int) a[2])))));
		return out;
	}

	static List<List<String>> indexRows(Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "n_lesions", "n_analysed", "MTD", "ATH", "reason", "excluded"));
		Map<String, Integer> count = new LinkedHashMap<>();
		for (FeatureMatrix.Lesion l : r.features.lesions()) count.merge(l.patient(), 1, Integer::sum);
		for (Dissimilarity.Patient p : r.dissimilarity)
			out.add(List.of(p.patient, Integer.toString(count.get(p.patient)), Integer.toString(p.lesions.size()), FeatureTableCsv.format(p.mtd),
					FeatureTableCsv.format(p.ath), p.reason == null ? "" : p.reason, String.join("; ", p.excluded)));
		return out;
	}

	static List<List<String>> testRows(Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("feature", "test", "statistic", "p_value", "n_group1", "n_group2", "groups", "note"));
		for (HeterogeneityTests.Result t : r.tests)
			out.add(List.of(t.feature, t.test, FeatureTableCsv.format(t.statistic), FeatureTableCsv.format(t.pValue), Integer.toString(t.n1),
					Integer.toString(t.n2), t.test.startsWith("Mann") ? r.groupNames.get(0) + " vs " + r.groupNames.get(1) : "", t.note));
		return out;
	}

	static List<List<String>> lesionRows(Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "label", "site", "order", "cluster"));
		for (Dissimilarity.Patient p : r.dissimilarity)
			for (int k = 0; k < p.order.length; k++) {
				FeatureMatrix.Lesion l = p.lesions.get(p.order[k]);
				out.add(List.of(p.patient, Long.toString(l.label()), l.site(), Integer.toString(k + 1), Integer.toString(p.cluster[p.order[k]])));
			}
		return out;
	}

	/** Mean CV per class for the plot: patient → class → value. */
	static Map<String, Map<String, Double>> classMeans(Result r, List<String> classes) {
		Map<String, Map<String, Double>> out = new LinkedHashMap<>();
		r.summary.forEach((p, byClass) -> {
			Map<String, Double> m = new LinkedHashMap<>();
			byClass.forEach((cls, a) -> {
				if (!cls.equals("all") && a[1] > 0) m.put(cls, a[0] / a[1]);
				if (!cls.equals("all") && !classes.contains(cls)) classes.add(cls);
			});
			out.put(p, m);
		});
		return out;
	}

	public static java.awt.image.BufferedImage dissimilarityHeatmap(Dissimilarity.Patient p) {
		List<String> names = new ArrayList<>();
		int n = p.order.length;
		double[][] d = new double[n][n];
		for (int a = 0; a < n; a++) {
			FeatureMatrix.Lesion l = p.lesions.get(p.order[a]);
			names.add(l.label() + (l.site().isEmpty() ? "" : " " + l.site()) + " [" + p.cluster[p.order[a]] + "]");
			for (int b = 0; b < n; b++) d[a][b] = p.distance[p.order[a]][p.order[b]];
		}
		return Heatmap.render("Patient " + p.patient + ": cosine dissimilarity of lesions (MTD " + String.format(java.util.Locale.ROOT, "%.2f", p.mtd)
				+ ", ATH " + String.format(java.util.Locale.ROOT, "%.2f", p.ath) + ")", names, d, 0, 1, "d");
	}

	public static ij.gui.Plot cvPlot(Result r) {
		List<String> classes = new ArrayList<>();
		Map<String, Map<String, Double>> means = classMeans(r, classes);
		return Plots.cvByClass(means, classes);
	}

	public static ij.gui.Plot indexPlot(Result r) {
		List<String> patients = new ArrayList<>();
		double[] mtd = new double[r.dissimilarity.size()], ath = new double[mtd.length];
		for (int i = 0; i < mtd.length; i++) {
			patients.add(r.dissimilarity.get(i).patient);
			mtd[i] = r.dissimilarity.get(i).mtd;
			ath[i] = r.dissimilarity.get(i).ath;
		}
		return Plots.indexes(patients, mtd, ath);
	}

	/** Writes every table and plot into {@code dir}. */
	public static void write(Result r, Path dir) throws IOException {
		Csv.writeAtomically(dir.resolve("cv_per_patient.csv"), cvRows(r.cvPatient, false));
		Csv.writeAtomically(dir.resolve("cv_per_organ.csv"), cvRows(r.cvSite, true));
		Csv.writeAtomically(dir.resolve("cv_summary.csv"), summaryRows(r));
		Csv.writeAtomically(dir.resolve("heterogeneity_indexes.csv"), indexRows(r));
		Csv.writeAtomically(dir.resolve("lesion_clusters.csv"), lesionRows(r));
		Csv.writeAtomically(dir.resolve("tests.csv"), testRows(r));
		Plots.savePng(cvPlot(r), dir.resolve("cv_by_class.png"));
		Plots.savePng(indexPlot(r), dir.resolve("heterogeneity_indexes.png"));
		for (Dissimilarity.Patient p : r.dissimilarity)
			if (p.lesions.size() >= 2) Heatmap.savePng(dissimilarityHeatmap(p), dir.resolve("dissimilarity_" + safe(p.patient) + ".png"));
	}

	static String safe(String s) {
		return s.replaceAll("[^A-Za-z0-9._-]", "_");
	}
}
