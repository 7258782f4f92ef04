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

import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.CohortTable;
import lesionradiomics.io.Csv;
import lesionradiomics.workflow.CohortOptions;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;

/**
 * Everything a cohort run writes besides the per-patient tables: {@code features.csv}, {@code errors.csv},
 * {@code selection/}, {@code heterogeneity/}, {@code sampling/} and {@code run.json} (settings, seed, versions,
 * timings), in a fixed layout so two runs on the same input give the same files.
 */
public final class CohortReport {

	private CohortReport() {}

	/**
	 * A cohort run into its results folder, as every front end runs it: the folder is locked from before the first
	 * patient to after run.json (a second run on it refuses, naming this one), then every table is written. A lock taken
	 * over from a run that ended without finishing is the first note.
	 */
	public static CohortWorkflow.Result run(CohortTable cohort, CohortOptions o, ScoreModel model, Path out, Execution execution) throws IOException {
		return run(cohort, o, model, out, execution, Figure.DEFAULT_DPI);
	}

	/** As {@link #run(CohortTable, CohortOptions, ScoreModel, Path, Execution)}, with the figures' PNGs at {@code dpi}. */
	public static CohortWorkflow.Result run(CohortTable cohort, CohortOptions o, ScoreModel model, Path out, Execution execution, int dpi) throws IOException {
		try (CohortFolder folder = new CohortFolder(out, o.resume(), o.overwrite())) {
			CohortWorkflow.Result r = CohortWorkflow.run(cohort, o, model, folder, execution);
			if (folder.staleLock().isPresent()) {
				List<String> notes = new ArrayList<>();
				notes.add(folder.staleLock().get());
				notes.addAll(r.notes());
				r = new CohortWorkflow.Result(r.cohort(), r.options(), r.features(), r.failures(), r.selection(), r.analysed(), r.heterogeneity(),
						r.sampling(), r.scores(), List.copyOf(notes), r.seconds());
			}
			write(r, out, dpi);
			return r;
		}
	}

	public static void write(CohortWorkflow.Result r, Path out) throws IOException {
		write(r, out, Figure.DEFAULT_DPI);
	}

	public static void write(CohortWorkflow.Result r, Path out, int dpi) throws IOException {
		Csv.writeAtomically(out.resolve("features.csv"), FeatureTableCsv.rows(r.features()));
		Csv.writeAtomically(out.resolve("errors.csv"), errorRows(r.failures()));
		if (r.selection().skipped() == null) SelectionReport.write(r.selection(), r.options().selection().correlation(), out.resolve("selection"), dpi);
		HeterogeneityReport.write(r.heterogeneity(), out.resolve("heterogeneity"), dpi);
		SamplingReport.write(r.sampling(), out.resolve("sampling"), dpi);
		ScoreReport.write(r.scores(), out.resolve("scores"), dpi);
		htmlReport(r, out).write(out.resolve(REPORT));
		writeRunRecord(r, out);
	}

	/** The page a reader opens first: {@code report.html} beside run.json. */
	public static final String REPORT = "report.html";

	/**
	 * The cohort run on one page: what was analysed and what failed, the settings, then each analysis with its key table
	 * and figures (read back from the SVG files just written, so nothing is drawn twice).
	 */
	static HtmlReport htmlReport(CohortWorkflow.Result r, Path out) throws IOException {
		HtmlReport h = new HtmlReport("Lesion Radiomics cohort report");
		Map<String, Integer> lesions = new LinkedHashMap<>();
		for (lesionradiomics.analysis.FeatureMatrix.Lesion l : r.features().lesions()) lesions.merge(l.patient(), 1, Integer::sum);
		int patients = r.cohort().patients().size();
		java.util.Set<String> failedPatients = new java.util.TreeSet<>();
		List<String> failures = new ArrayList<>();
		for (CohortWorkflow.Failure f : r.failures()) {
			if (f.label().isEmpty()) failedPatients.add(f.patient());
			failures.add(f.patient() + (f.label().isEmpty() ? "" : ", label " + f.label()) + ": " + f.reason());
		}
		h.section("Summary").paragraph(String.format(Locale.ROOT, "%d of %d patients analysed, %d lesions with features; %d selected features: %s.",
				patients - failedPatients.size(), patients, r.features().lesions().size(), r.analysed().size(), String.join(", ", r.analysed())));
		h.warnings(failures.size() + (failures.size() == 1 ? " patient or lesion" : " patients or lesions") + " could not be used (errors.csv)", failures);
		// how this run went (patients reused or redone by --resume, a stale lock taken over) is run.json's business: the page depends on the results only
		h.warnings("Notes", r.notes().stream().filter(n -> !n.contains("(--resume)") && !n.contains("took over the lock")).toList());
		List<List<String>> perPatient = new ArrayList<>(List.of(List.of("patient", "lesions with features")));
		lesions.forEach((p, n) -> perPatient.add(List.of(p, Integer.toString(n))));
		h.table("Lesions per patient", perPatient, "features.csv");

		h.section("Robust and decorrelated features");
		if (r.selection().skipped() != null) h.paragraph("Selection skipped: " + r.selection().skipped());
		else {
			List<List<String>> all = SelectionReport.robustnessRows(r.selection()), robust = new ArrayList<>(List.of(all.get(0)));
			int flag = all.get(0).indexOf("robust");
			for (List<String> row : all.subList(1, all.size())) if (flag < 0 || row.get(flag).equals("yes")) robust.add(row);
			h.table("The " + (robust.size() - 1) + " of " + (all.size() - 1) + " features robust to 1 mm erosion and dilation (CCC ≥ "
					+ r.options().selection().ccc() + " for both)", robust, "selection/robustness.csv");
			h.figure(out.resolve("selection/correlation_heatmap.svg"), "Correlation of the robust features");
		}

		h.section("Heterogeneity");
		h.table("Maximal tumoral divergence (MTD) and average tumoral heterogeneity (ATH) per patient", HeterogeneityReport.indexRows(r.heterogeneity()),
				"heterogeneity/heterogeneity_indexes.csv");
		h.figure(out.resolve("heterogeneity/heterogeneity_indexes.svg"), "MTD and ATH per patient");
		h.figure(out.resolve("heterogeneity/cv_by_class.svg"), "Coefficient of variation of the lesions' features, per feature class and patient");
		for (lesionradiomics.analysis.Dissimilarity.Patient p : r.heterogeneity().dissimilarity())
			if (p.lesions.size() >= 2)
				h.figure(out.resolve("heterogeneity/dissimilarity_" + HeterogeneityReport.safe(p.patient) + ".svg"), "Patient " + p.patient
						+ ": cosine dissimilarity of its lesions, in dendrogram order");

		h.section("Sampling recovery");
		h.table("Recovered heterogeneity of sampling strategies (cohort mean, 2.5–97.5 percentile over simulations)",
				SamplingReport.tableRows(r.sampling().simulation()), "sampling/sampling_recovery.csv");
		for (lesionradiomics.sampling.Recovery.Index i : lesionradiomics.sampling.Recovery.Index.values())
			h.figure(out.resolve("sampling/recovery_curve_" + i + ".svg"), "Recovery curve of " + i + " (k lesions sampled at random)");

		if (r.scores().model() != null) {
			h.section("Lesion scores");
			h.table("Patient aggregates", ScoreReport.aggregateRows(r.scores()), "scores/" + ScoreReport.PATIENT_AGGREGATES);
			h.figure(out.resolve("scores/" + ScoreReport.FIGURE.replace(".png", ".svg")), "Lesion scores per patient");
		}

		h.section("Settings and versions");
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("tool", "Lesion Radiomics " + version());
		settings.put("java", System.getProperty("java.version"));
		settings.put("cohort table", r.cohort().source() == null ? "" : r.cohort().source().toString());
		settings.put("preset", r.options().extraction().preset());
		r.options().extraction().featureSettings().asMap().forEach((k, v) -> settings.put(k, String.valueOf(v)));
		settings.put("perturbation radius (mm)", r.options().selection().radius());
		settings.put("CCC threshold", r.options().selection().ccc());
		settings.put("dissimilarity scaling", r.options().heterogeneity().scaling().name().toLowerCase(Locale.ROOT));
		settings.put("simulations", r.options().sampling().simulations());
		settings.put("seed", r.options().sampling().seed());
		h.keyValues(settings).paragraph("Timings are in run.json; every table shown here is a CSV file beside this page.");
		return h;
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
