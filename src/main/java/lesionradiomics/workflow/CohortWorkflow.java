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
		String settings = settingsFingerprint(extraction, selection);
		Execution inner = execution.withProgress(cancelOnly(progress));
		int done = 0;
		List<String> reused = new ArrayList<>(), redone = new ArrayList<>();
		java.util.Set<String> complete = new java.util.HashSet<>(); // asked once per patient, not again when gathering
		for (CohortTable.Patient p : cohort.patients()) {
			progress.checkCancelled();
			String fingerprint = fingerprint(p, settings);
			if (failedElsewhere.containsKey(p.id())) {
				output(() -> store.remove(p.id()));
				failures.add(new Failure(p.id(), "", failedElsewhere.get(p.id())));
			} else if (resume && store.isComplete(p.id(), fingerprint)) {
				reused.add(p.id());
				complete.add(p.id());
			} else {
				if (resume) redone.add(p.id() + " (" + whyRedone(store.fingerprint(p.id()), fingerprint) + ")");
				output(() -> store.remove(p.id()));
				ExtractionWorkflow.Result r;
				try {
					r = extractPatient(p, extraction, selection, inner, notes);
				} catch (IOException | IllegalArgumentException e) {
					failures.add(new Failure(p.id(), "", e.getMessage()));
					progress.update("patients", ++done, cohort.patients().size());
					continue;
				}
				output(() -> store.save(p.id(), fingerprint, r)); // a fault of the output stops the run: it is not the patient's
				complete.add(p.id());
			}
			progress.update("patients", ++done, cohort.patients().size());
		}
		if (!reused.isEmpty()) notes.add(reused.size() + " patient(s) reused from an earlier run with the same settings and input files (--resume): "
				+ String.join(", ", reused));
		if (!redone.isEmpty()) notes.add(redone.size() + " patient(s) extracted again (--resume): " + String.join(", ", redone));
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

	/**
	 * The options components that change no saved number, left out of the fingerprint. Everything else of
	 * {@link ExtractionOptions} is in it, so a setting added later is covered without touching this code.
	 */
	static final java.util.Set<String> NOT_IN_FINGERPRINT = java.util.Set.of();

	/**
	 * What describes the per-patient extraction, one {@code name=value} per line: every component of the extraction
	 * options (maps sorted, so the text does not depend on the JVM's hash order), the resolved pyradiomics settings and
	 * the perturbation radius.
	 */
	public static String settingsFingerprint(ExtractionOptions extraction, SelectionOptions selection) {
		StringBuilder b = new StringBuilder();
		for (java.lang.reflect.RecordComponent c : ExtractionOptions.class.getRecordComponents()) {
			if (NOT_IN_FINGERPRINT.contains(c.getName())) continue;
			Object v;
			try {
				v = c.getAccessor().invoke(extraction);
			} catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
			if (v instanceof Map<?, ?> m) v = new java.util.TreeMap<>(m);
			b.append("setting ").append(c.getName()).append('=').append(v).append('\n');
		}
		extraction.featureSettings().asMap().forEach((k, v) -> b.append("setting resolved.").append(k).append('=').append(v).append('\n'));
		b.append("setting perturbationRadius=").append(selection.radius()).append('\n');
		return b.toString();
	}

	/** The settings fingerprint and the patient's input files (path, size, modification time). */
	public static String fingerprint(CohortTable.Patient p, String settingsFingerprint) {
		StringBuilder b = new StringBuilder(settingsFingerprint);
		b.append("input image=").append(describe(p.image())).append('\n');
		b.append("input labels=").append(describe(p.labels())).append('\n');
		b.append("input lesions=").append(p.lesions() == null ? "none" : describe(p.lesions())).append('\n');
		return b.toString();
	}

	public static String fingerprint(CohortTable.Patient p, ExtractionOptions extraction, SelectionOptions selection) {
		return fingerprint(p, settingsFingerprint(extraction, selection));
	}

	/** Path, size and modification time of a file; for a folder (a DICOM series) a digest over its files' ones. */
	static String describe(java.nio.file.Path file) {
		try {
			if (java.nio.file.Files.isDirectory(file)) {
				java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
				int n = 0;
				try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(file)) {
					for (java.nio.file.Path f : s.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
						md.update((file.relativize(f) + " " + java.nio.file.Files.size(f) + " " + java.nio.file.Files.getLastModifiedTime(f).toMillis() + "\n")
								.getBytes(java.nio.charset.StandardCharsets.UTF_8));
						n++;
					}
				}
				return file + " folder of " + n + " files " + java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
			}
			return file + " size " + java.nio.file.Files.size(file) + " modified " + java.nio.file.Files.getLastModifiedTime(file).toMillis();
		} catch (IOException | java.security.NoSuchAlgorithmException e) {
			return file + " unreadable";
		}
	}

	/** Why a patient's saved results are not reused: the first setting or the input files that changed. */
	static String whyRedone(String stored, String now) {
		if (stored == null) return "not complete";
		Map<String, String> a = lines(stored), b = lines(now);
		if (!a.keySet().equals(b.keySet()) && a.keySet().stream().noneMatch(k -> k.startsWith("setting "))) return "saved by an older version";
		List<String> settings = new ArrayList<>(), inputs = new ArrayList<>();
		java.util.Set<String> keys = new java.util.LinkedHashSet<>(b.keySet());
		keys.addAll(a.keySet());
		for (String k : keys) {
			if (java.util.Objects.equals(a.get(k), b.get(k))) continue;
			if (k.startsWith("setting resolved.")) continue; // the options line that caused it is named
			if (k.startsWith("setting ")) settings.add(k.substring(8));
			else inputs.add(k.substring(6));
		}
		List<String> why = new ArrayList<>();
		if (!settings.isEmpty()) why.add("setting changed: " + String.join(", ", settings));
		if (!inputs.isEmpty()) why.add(String.join(", ", inputs) + " file changed");
		return why.isEmpty() ? "settings changed" : String.join("; ", why);
	}

	private static Map<String, String> lines(String fingerprint) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String line : fingerprint.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
		}
		return m;
	}

	/** An output step of the store; its I/O faults stop the run (exit 2), leaving the folder resumable. */
	private interface OutputStep {
		void run() throws IOException;
	}

	private static void output(OutputStep step) throws IOException {
		try {
			step.run();
		} catch (IOException e) {
			java.nio.file.Path file = e instanceof lesionradiomics.io.OutputException o ? o.file() : null;
			throw new lesionradiomics.io.OutputException(file, e.getMessage() + "; the run stopped (no run.json); fix the output and run again with "
					+ "--resume to continue", e);
		}
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
