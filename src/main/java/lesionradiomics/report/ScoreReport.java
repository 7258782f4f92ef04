package lesionradiomics.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.Aggregation;
import lesionradiomics.analysis.PatientMetrics;
import lesionradiomics.io.Csv;
import lesionradiomics.workflow.ScoreWorkflow;

/** lesion_scores.csv, patient_metrics.csv, patient_aggregates.csv and the lesion score figure. */
public final class ScoreReport {

	public static final String LESION_SCORES = "lesion_scores.csv", PATIENT_METRICS = "patient_metrics.csv", PATIENT_AGGREGATES = "patient_aggregates.csv",
			FIGURE = "lesion_scores.png";

	private ScoreReport() {}

	/** One row per lesion: its volume, score, high/low against the cut-off, whether the patient values use it, why no score. */
	public static List<List<String>> lesionRows(ScoreWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "label", "site", "volume_ml", "score", "class", "used", "reason"));
		for (ScoreWorkflow.LesionScore s : r.lesions()) {
			String level = r.model() == null || !r.model().hasCutoff() || s.score() != s.score() ? "" : s.score() >= r.model().cutoff() ? "high" : "low";
			out.add(List.of(s.lesion().patient(), Long.toString(s.lesion().label()), s.lesion().site(), FeatureTableCsv.format(s.volumeMl()),
					FeatureTableCsv.format(s.score()), level, s.used() ? "yes" : "no", r.model() == null || s.reason() == null ? "" : s.reason()));
		}
		return out;
	}

	/** One row per patient and variable: the distribution of the variable over the patient's lesions. */
	public static List<List<String>> metricRows(ScoreWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "variable", "n", "missing", "min", "max", "mean", "median", "sd", "skewness", "kurtosis", "entropy", "reason"));
		for (ScoreWorkflow.Patient p : r.patients())
			p.metrics().forEach((variable, m) -> out.add(row(p.patient(), variable, m)));
		return out;
	}

	private static List<String> row(String patient, String variable, PatientMetrics.Metrics m) {
		List<String> row = new ArrayList<>(List.of(patient, variable, Integer.toString(m.n()), Integer.toString(m.missing())));
		for (double v : new double[] { m.min(), m.max(), m.mean(), m.median(), m.sd(), m.skewness(), m.kurtosis(), m.entropy() })
			row.add(FeatureTableCsv.format(v));
		row.add(m.reason() == null ? "" : m.reason());
		return row;
	}

	/** Column of one (variable, method), e.g. score_min, original_glcm_Idmn_vwmean_top3. */
	public static String column(String variable, Aggregation a, int k) {
		return variable + "_" + (a == Aggregation.VOLUME_WEIGHTED_MEAN_OF_K_LARGEST ? "vwmean_top" + k : a.key());
	}

	/** One row per patient, one column per (variable, method): ready for modelling. */
	public static List<List<String>> aggregateRows(ScoreWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("patient", "n_lesions", "n_used"));
		for (String v : r.variables()) for (Aggregation a : r.options().aggregations()) header.add(column(v, a, r.options().k()));
		out.add(header);
		for (ScoreWorkflow.Patient p : r.patients()) {
			List<String> row = new ArrayList<>(List.of(p.patient(), Integer.toString(p.lesions()), Integer.toString(p.used())));
			for (String v : r.variables()) for (Aggregation a : r.options().aggregations()) row.add(FeatureTableCsv.format(p.aggregates().get(v).get(a)));
			out.add(row);
		}
		return out;
	}

	/** The lesion scores per patient (lesions used with a score), or null without a model. */
	public static Figure figure(ScoreWorkflow.Result r) {
		if (r.model() == null) return null;
		Map<String, List<Map.Entry<String, Double>>> byPatient = new LinkedHashMap<>();
		for (ScoreWorkflow.Patient p : r.patients()) byPatient.put(p.patient(), new ArrayList<>());
		int shown = 0;
		for (ScoreWorkflow.LesionScore s : r.lesions())
			if (s.used() && !Double.isNaN(s.score())) {
				byPatient.get(s.lesion().patient()).add(Map.entry(s.lesion().site(), s.score()));
				shown++;
			}
		String subtitle = (shown < r.lesions().size() ? shown + " of " + r.lesions().size() + " lesions (the others filtered out or without a score)"
				: shown + " lesions") + "; colour: site" + (r.model().hasCutoff() ? "; dashed: cut-off" : "");
		return Charts.lesionScores(byPatient, r.model().cutoff(), subtitle);
	}

	/** Writes the three tables (lesion scores only with a model) and the figure into {@code dir}. */
	public static void write(ScoreWorkflow.Result r, Path dir) throws IOException {
		write(r, dir, Figure.DEFAULT_DPI);
	}

	/** As {@link #write}, the PNG figures at {@code dpi} (--dpi). */
	public static void write(ScoreWorkflow.Result r, Path dir, int dpi) throws IOException {
		java.nio.file.Files.createDirectories(dir);
		if (r.model() != null) Csv.writeAtomically(dir.resolve(LESION_SCORES), lesionRows(r));
		Csv.writeAtomically(dir.resolve(PATIENT_METRICS), metricRows(r));
		Csv.writeAtomically(dir.resolve(PATIENT_AGGREGATES), aggregateRows(r));
		Figure f = figure(r);
		if (f != null) f.save(dir.resolve(FIGURE), dpi);
	}
}
