package lesionradiomics.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;

import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.Csv;
import lesionradiomics.workflow.CohortOptions;
import lesionradiomics.workflow.CohortWorkflow;

/**
 * Everything a cohort run writes besides the per-patient tables: {@code features.csv}, {@code errors.csv},
 * {@code selection/}, {@code heterogeneity/}, {@code sampling/} and {@code run.json} (settings, seed, versions,
 * timings), in a fixed layout so two runs on the same input give the same files.
 */
public final class CohortReport {

	private CohortReport() {}

	public static void write(CohortWorkflow.Result r, Path out) throws IOException {
		Csv.writeAtomically(out.resolve("features.csv"), FeatureTableCsv.rows(r.features()));
		Csv.writeAtomically(out.resolve("errors.csv"), errorRows(r.failures()));
		if (r.selection().skipped() == null) SelectionReport.write(r.selection(), r.options().selection().correlation(), out.resolve("selection"));
		HeterogeneityReport.write(r.heterogeneity(), out.resolve("heterogeneity"));
		SamplingReport.write(r.sampling(), out.resolve("sampling"));
		ScoreReport.write(r.scores(), out.resolve("scores"));
		writeRunRecord(r, out);
	}

	/** patient,label,reason: the patients (label empty) and lesions that could not be used. */
	public static List<List<String>> errorRows(List<CohortWorkflow.Failure> failures) {
		List<List<String>> errors = new ArrayList<>();
		errors.add(List.of("patient", "label", "reason"));
		for (CohortWorkflow.Failure f : failures) errors.add(List.of(f.patient(), f.label(), f.reason()));
		return errors;
	}

	/** The tool's version from the jar manifest ("development build" when run from classes). */
	public static String version() {
		String v = CohortReport.class.getPackage().getImplementationVersion();
		return v == null ? "development build" : v;
	}

	/** run.json: settings, versions, seed and timings, so a run can be repeated. Written last: it marks a finished run. */
	static void writeRunRecord(CohortWorkflow.Result r, Path out) throws IOException {
		CohortOptions o = r.options();
		Map<String, Object> j = new LinkedHashMap<>();
		j.put("tool", "Lesion Radiomics " + version());
		j.put("java", System.getProperty("java.version"));
		j.put("cohort", r.cohort().source() == null ? "" : r.cohort().source().toString());
		j.put("patients", r.cohort().patients().size());
		j.put("errors", r.failures().size());
		Map<String, String> settings = new LinkedHashMap<>();
		o.extraction().featureSettings().asMap().forEach((k, v) -> settings.put(k, String.valueOf(v)));
		j.put("settings", settings);
		j.put("preset", o.extraction().preset());
		j.put("perturbation_radius_mm", o.selection().radius());
		j.put("ccc_threshold", o.selection().ccc());
		j.put("correlation", o.selection().correlation().name().toLowerCase(Locale.ROOT));
		j.put("correlation_cut", o.selection().cut());
		j.put("clusters", o.selection().clusters());
		j.put("scaling", o.heterogeneity().scaling().name().toLowerCase(Locale.ROOT));
		j.put("groups", r.heterogeneity().groupNames());
		j.put("simulations", o.sampling().simulations());
		j.put("seed", o.sampling().seed());
		j.put("selected_features", r.analysed());
		List<String> dicom = new java.util.ArrayList<>();
		for (String n : r.notes()) if (n.startsWith(CohortWorkflow.DICOM_NOTE)) dicom.add(n.substring(CohortWorkflow.DICOM_NOTE.length()));
		if (!dicom.isEmpty()) j.put("dicom_inputs", dicom);
		Map<String, Double> seconds = new LinkedHashMap<>();
		r.seconds().forEach((k, v) -> seconds.put(k, Math.round(v * 100) / 100.0));
		j.put("seconds", seconds);
		String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(j) + "\n";
		AtomicFiles.write(out.resolve("run.json"), s -> s.write(json.getBytes(StandardCharsets.UTF_8)));
	}
}
