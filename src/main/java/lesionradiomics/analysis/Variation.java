package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coefficients of variation of features across a patient's lesions (the reference study's intra-patient
 * heterogeneity): CV = |SD / mean| · 100 %, SD with n − 1. Undefined cases are NaN with a reason, never an exception.
 */
public final class Variation {

	/** One CV with what it was computed from. */
	public static final class Cv {
		public final String patient;
		public final String site;
		public final String feature;
		public final int n;
		public final double mean;
		public final double sd;
		public final double cvPercent;
		public final String reason;

		public Cv(String patient, String site, String feature, int n, double mean, double sd, double cvPercent, String reason) {
			this.patient = patient;
			this.site = site;
			this.feature = feature;
			this.n = n;
			this.mean = mean;
			this.sd = sd;
			this.cvPercent = cvPercent;
			this.reason = reason;
		}
	}

	private Variation() {}

	/** {cv %, mean, sd} of {@code values}; the reason is null when the CV is defined. */
	static Object[] cv(double[] values) {
		int n = values.length;
		for (double v : values) if (Double.isNaN(v)) return new Object[] { Double.NaN, Double.NaN, Double.NaN, "a lesion has no value for this feature" };
		if (n < 2) return new Object[] { Double.NaN, n == 1 ? values[0] : Double.NaN, Double.NaN, "fewer than 2 lesions" };
		double mean = 0;
		for (double v : values) mean += v;
		mean /= n;
		double ss = 0;
		for (double v : values) ss += (v - mean) * (v - mean);
		double sd = Math.sqrt(ss / (n - 1));
		if (mean == 0) return new Object[] { Double.NaN, mean, sd, "mean is 0" };
		return new Object[] { Math.abs(sd / mean) * 100, mean, sd, null };
	}

	/** Rows of {@code m} grouped by patient (and site when {@code bySite}), in order of first appearance. */
	static Map<List<String>, List<Integer>> groups(FeatureMatrix m, boolean bySite) {
		Map<List<String>, List<Integer>> g = new LinkedHashMap<>();
		for (int i = 0; i < m.rows(); i++) {
			FeatureMatrix.Lesion l = m.lesions().get(i);
			g.computeIfAbsent(bySite ? List.of(l.patient(), l.site()) : List.of(l.patient()), k -> new ArrayList<>()).add(i);
		}
		return g;
	}

	/** CV of every feature for every patient. */
	public static List<Cv> perPatient(FeatureMatrix m) {
		return compute(m, false);
	}

	/** CV of every feature for every patient × site with at least 2 lesions (sites with 1 lesion are left out). */
	public static List<Cv> perPatientSite(FeatureMatrix m) {
		return compute(m, true);
	}

	private static List<Cv> compute(FeatureMatrix m, boolean bySite) {
		List<Cv> out = new ArrayList<>();
		for (Map.Entry<List<String>, List<Integer>> e : groups(m, bySite).entrySet()) {
			List<Integer> rows = e.getValue();
			if (bySite && rows.size() < 2) continue;
			String site = bySite ? e.getKey().get(1) : "";
			if (bySite && site.isEmpty()) continue; // lesions without a site are not an organ
			for (int c = 0; c < m.columns(); c++) {
				double[] v = new double[rows.size()];
				for (int k = 0; k < v.length; k++) v[k] = m.get(rows.get(k), c);
				Object[] r = cv(v);
				out.add(new Cv(e.getKey().get(0), site, m.features().get(c), v.length, (double) r[1], (double) r[2], (double) r[0], (String) r[3]));
			}
		}
		return out;
	}

	/** pyradiomics class of a feature column ({@code original_glcm_Contrast} → glcm; other names → "other"). */
	public static String featureClass(String feature) {
		String[] p = feature.split("_");
		return p.length >= 3 ? p[1] : "other";
	}

	/** Mean CV over the features with a defined CV, per patient and per feature class ("all" = every class). */
	public static Map<String, Map<String, double[]>> summary(List<Cv> cvs) {
		Map<String, Map<String, double[]>> out = new LinkedHashMap<>(); // patient → class → {sum, count, features}
		for (Cv c : cvs) {
			Map<String, double[]> byClass = out.computeIfAbsent(c.patient, k -> new LinkedHashMap<>());
			for (String cls : List.of("all", featureClass(c.feature))) {
				double[] a = byClass.computeIfAbsent(cls, k -> new double[3]);
				a[2]++;
				if (!Double.isNaN(c.cvPercent)) {
					a[0] += c.cvPercent;
					a[1]++;
				}
			}
		}
		return out;
	}
}
