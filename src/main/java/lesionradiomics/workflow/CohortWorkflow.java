package lesionradiomics.workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.io.CohortTable;
import lesionradiomics.io.dicom.DicomOptions;
import lesionradiomics.progress.Progress;

/**
 * The whole study on a cohort: per patient (one at a time, so memory is bounded by one patient's images) extraction on
 * the delineated, eroded and dilated masks, saved in a {@link PatientStore}; then selection, heterogeneity and
 * sampling recovery with their own workflows on all patients. A failing patient is recorded with the reason and the
 * others go on. The cohort analyses always start from the saved per-patient tables, so a resumed run gives the same
 * numbers as an uninterrupted one.
 */
public final class CohortWorkflow {

	/** A patient (label empty) or a lesion (label set) that could not be used, and why. */
	public record Failure(String patient, String label, String reason) {}

	/**
	 * @param features      every computed lesion on the delineated masks, all features, in cohort order
	 * @param failures      patients and lesions that could not be used
	 * @param selection     robustness and decorrelation
	 * @param analysed      the features heterogeneity and sampling used (the selected ones, or all)
	 * @param heterogeneity CVs, MTD/ATH, tests
	 * @param sampling      recovery of the sampling strategies
	 * @param scores        lesion scores (with a model), patient metrics and aggregates of the score and analysed features
	 * @param notes         what the user should know (reused patients, skipped steps, excluded lesions)
	 * @param seconds       step → wall-clock seconds
	 */
	public record Result(CohortTable cohort, CohortOptions options, FeatureMatrix features, List<Failure> failures, SelectionWorkflow.Result selection,
			List<String> analysed, HeterogeneityWorkflow.Result heterogeneity, SamplingWorkflow.Result sampling, ScoreWorkflow.Result scores, List<String> notes,
			Map<String, Double> seconds) {}

	private CohortWorkflow() {}

	/**
	 * The extraction part of a cohort run, also used alone by the selection command.
	 *
	 * @param variants "original", "eroded", "dilated" → every computed lesion of every complete patient, cohort order
	 * @param failures patients and lesions that could not be used
	 * @param notes    what the user should know
	 */
	public record Extracted(Map<String, FeatureMatrix> variants, List<Failure> failures, List<String> notes) {
		public FeatureMatrix original() { return variants.get(SelectionWorkflow.VARIANTS.get(0)); }
	}

	/**
	 * Extracts every patient on the delineated, eroded and dilated masks into {@code store} (reusing complete patients
	 * when {@code resume}), then gathers the saved tables.
	 */
	public static Extracted extract(CohortTable cohort, ExtractionOptions extraction, SelectionOptions selection, boolean resume, PatientStore store,
			Execution execution) throws IOException {
		return extract(cohort, extraction, selection, resume, store, execution, Map.of());
	}

	/** @param failedElsewhere patients another engine already tried (the Spark job), with why they failed: not tried again */
	static Extracted extract(CohortTable cohort, ExtractionOptions extraction, SelectionOptions selection, boolean resume, PatientStore store,
			Execution execution, Map<String, String> failedElsewhere) throws IOException {
		if (!extraction.voi().contains("core"))
			throw new IllegalArgumentException("the robustness and cohort analyses need the lesion core: use --voi core or core,ring (the ring's "
					+ "features are then carried along for the scores)");
		Progress progress = execution.progress();
		List<String> notes = new ArrayList<>();
		List<Failure> failures = new ArrayList<>();
		String fingerprint = fingerprint(extraction, selection);
		Execution inner = execution.withProgress(cancelOnly(progress));
		int done = 0, reused = 0;
		java.util.Set<String> complete = new java.util.HashSet<>(); // asked once per patient, not again when gathering
		for (CohortTable.Patient p : cohort.patients()) {
			progress.checkCancelled();
			if (failedElsewhere.containsKey(p.id())) {
				store.remove(p.id());
				failures.add(new Failure(p.id(), "", failedElsewhere.get(p.id())));
			} else if (resume && store.isComplete(p.id(), fingerprint)) {
				reused++;
				complete.add(p.id());
			} else {
				store.remove(p.id());
				try {
					store.save(p.id(), fingerprint, extractPatient(p, extraction, selection, inner, notes));
					complete.add(p.id());
				} catch (IOException | IllegalArgumentException e) {
					failures.add(new Failure(p.id(), "", e.getMessage()));
				}
			}
			progress.update("patients", ++done, cohort.patients().size());
		}
		if (reused > 0) notes.add(reused + " patient(s) reused from an earlier run (--resume)");
		Map<String, List<FeatureMatrix>> byVariant = new LinkedHashMap<>();
		for (CohortTable.Patient p : cohort.patients()) {
			if (!complete.contains(p.id())) continue;
			PatientStore.Saved saved = store.load(p.id());
			saved.variants().forEach((v, m) -> byVariant.computeIfAbsent(v, k -> new ArrayList<>()).add(m));
			for (PatientStore.LesionFailure f : saved.failures()) failures.add(new Failure(f.patient(), Long.toString(f.label()), f.reason()));
		}
		if (byVariant.isEmpty()) {
			List<String> why = new ArrayList<>();
			for (Failure f : failures) why.add(f.patient() + ": " + f.reason());
			throw new IllegalArgumentException("no patient could be extracted: " + String.join("; ", why));
		}
		Map<String, FeatureMatrix> variants = new LinkedHashMap<>();
		for (String v : SelectionWorkflow.VARIANTS) variants.put(v, concat(byVariant.get(v)));
		return new Extracted(variants, failures, notes);
	}

	/**
	 * @param model a linear lesion model for the scores, or null (its covariates come from the lesion tables and the
	 *              cohort table's further columns)
	 */
	/** Start of the notes that say which DICOM series and delineation a patient's features come from (run.json lists them). */
	public static final String DICOM_NOTE = "DICOM input: ";

	/** A patient's DICOM choices from its cohort-table columns ({@code series}, {@code roi}, {@code site_regex}, {@code suv}). */
	static DicomOptions dicomOptions(CohortTable.Patient p) {
		Map<String, String> c = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		c.putAll(p.columns());
		return new DicomOptions(c.getOrDefault("series", ""), c.getOrDefault("roi", ""), null, c.getOrDefault("site_regex", ""), c.getOrDefault("suv", "bw"));
	}

	/** The UIDs the readers recorded (series, structure set/SEG), as one line; empty for non-DICOM input. */
	static String dicomInputs(ExtractionWorkflow.Input in) {
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, String> e : in.image().attributes().entrySet()) parts.add(e.getKey().replace("dicom.", "") + " " + e.getValue());
		for (Map.Entry<String, String> e : in.labels().attributes().entrySet()) parts.add(e.getKey().replace("dicom.", "") + " " + e.getValue());
		return String.join(", ", parts);
	}

	/**
	 * One patient's extraction on the delineated, eroded and dilated masks, as the cohort run saves it (also what the
	 * Spark job runs in each task).
	 *
	 * @param notes receives what the user should know (a perturbation that changes nothing, warnings)
	 */
	public static ExtractionWorkflow.Result extractPatient(CohortTable.Patient p, ExtractionOptions extraction, SelectionOptions selection, Execution inner,
			List<String> notes) throws IOException {
		ExtractionWorkflow.Input in = ExtractionWorkflow.read(p.image(), p.labels(), p.lesions(), p.id(), extraction, dicomOptions(p));
		String uids = dicomInputs(in);
		if (!uids.isEmpty()) notes.add(DICOM_NOTE + "patient " + p.id() + ": " + uids);
		double[] grid = extraction.featureSettings().resampledPixelSpacing();
		double[] spacing = in.image().geometry().spacing();
		if (grid == null) grid = spacing;
		for (int d = 0; d < 3; d++) if (grid[d] == 0) grid[d] = spacing[d];
		String noOp = SelectionWorkflow.noOpWarning(selection, grid);
		if (noOp != null) notes.add("patient " + p.id() + ": " + noOp);
		ExtractionWorkflow.Result r = ExtractionWorkflow.run(in, extraction, SelectionWorkflow.perturbations(selection), inner);
		for (String w : r.warnings()) if (!w.contains(": not computed: ")) notes.add(w); // failed lesions are listed as failures
		return r;
	}

	public static Result run(CohortTable cohort, CohortOptions o, ScoreModel model, PatientStore store, Execution execution) throws IOException {
		return run(cohort, o, model, store, execution, Map.of());
	}

	/**
	 * The cohort run when another engine (the Spark job) has already saved the patients' extractions in {@code store}
	 * and reports the patients that failed, with the reason; every other patient is reused when complete.
	 */
	public static Result run(CohortTable cohort, CohortOptions o, ScoreModel model, PatientStore store, Execution execution,
			Map<String, String> failedElsewhere) throws IOException {
		long start = System.nanoTime();
		Map<String, Double> seconds = new LinkedHashMap<>();
		Extracted x = extract(cohort, o.extraction(), o.selection(), o.resume(), store, execution, failedElsewhere);
		seconds.put("extraction", (System.nanoTime() - start) / 1e9);
		List<String> notes = new ArrayList<>(x.notes());
		List<Failure> failures = x.failures();
		FeatureMatrix features = x.original();
		Execution inner = execution.withProgress(cancelOnly(execution.progress()));

		long t0 = System.nanoTime();
		SelectionWorkflow.Result selection = SelectionWorkflow.run(x.variants(), o.selection());
		List<String> analysed = selection.selected();
		if (selection.skipped() != null) notes.add(selection.skipped() + ": robustness skipped, all features used");
		else if (analysed.isEmpty()) notes.add("no feature is robust: heterogeneity and sampling use all features");
		if (analysed.isEmpty()) analysed = selection.robustness().isEmpty() ? features.features()
				: selection.robustness().stream().map(r -> r.feature).toList(); // the features compared on every mask (no ring)
		seconds.put("selection", (System.nanoTime() - t0) / 1e9);

		t0 = System.nanoTime();
		FeatureMatrix m = features.select(analysed);
		Map<String, String> groups = new LinkedHashMap<>();
		for (CohortTable.Patient p : cohort.patients()) groups.put(p.id(), p.group());
		HeterogeneityWorkflow.Result h = HeterogeneityWorkflow.run(m, o.heterogeneity(), groups);
		notes.addAll(h.notes());
		seconds.put("heterogeneity", (System.nanoTime() - t0) / 1e9);
		t0 = System.nanoTime();
		SamplingWorkflow.Result s = SamplingWorkflow.run(m, features, o.sampling(), inner);
		notes.addAll(s.notes());
		seconds.put("sampling", (System.nanoTime() - t0) / 1e9);
		t0 = System.nanoTime();
		Map<String, Map<String, String>> patientTable = new LinkedHashMap<>();
		for (CohortTable.Patient p : cohort.patients()) patientTable.put(p.id(), p.columns());
		ScoreWorkflow.Result scores = ScoreWorkflow.run(new FeatureInput(features, m), model, patientTable, o.scores());
		notes.addAll(scores.notes());
		seconds.put("scores", (System.nanoTime() - t0) / 1e9);
		seconds.put("total", (System.nanoTime() - start) / 1e9);
		return new Result(cohort, o, features, failures, selection, analysed, h, s, scores, notes, seconds);
	}

	/** What describes the per-patient extraction, to know whether saved per-patient results can be reused. */
	public static String fingerprint(ExtractionOptions extraction, SelectionOptions selection) {
		return extraction.featureSettings().asMap() + " perturbation radius " + selection.radius() + " mm, components " + extraction.splitComponents()
				+ "/" + extraction.minLesionMm3() + ", voi " + extraction.voi() + (extraction.voi().contains("ring") ? " ring " + extraction.ringMm() + " mm" : "");
	}

	/** Inner steps report nothing themselves (the cohort reports patients) but still stop on cancel. */
	private static Progress cancelOnly(Progress p) {
		return new Progress() {
			@Override
			public void update(String what, long done, long total) {}

			@Override
			public boolean isCancelled() {
				return p.isCancelled();
			}
		};
	}

	static FeatureMatrix concat(List<FeatureMatrix> parts) {
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
		List<double[]> rows = new ArrayList<>();
		List<String> features = parts.get(0).features();
		for (FeatureMatrix m : parts) {
			if (!features.equals(m.features())) throw new IllegalArgumentException("patients have different feature columns");
			for (int i = 0; i < m.rows(); i++) {
				lesions.add(m.lesions().get(i));
				rows.add(m.row(i));
			}
		}
		return new FeatureMatrix(lesions, features, rows.toArray(new double[0][]));
	}
}
