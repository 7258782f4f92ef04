package lesionradiomics.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lesionradiomics.analysis.Correlation;
import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.FeatureSelection;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.CohortTable;
import lesionradiomics.io.Csv;
import lesionradiomics.io.LesionTable;
import lesionradiomics.io.VolumeReaders;
import lesionradiomics.preprocess.MaskPerturbation;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.Heatmap;
import lesionradiomics.sampling.Simulation;

/**
 * The whole study on a cohort: per patient (one at a time, so memory is bounded by one patient's images) extraction
 * on the delineated, eroded and dilated masks, saved under {@code patients/<id>/}; then robustness and
 * decorrelation, heterogeneity and sampling recovery on all patients. A failing patient goes to {@code errors.csv}
 * and the others go on. Every file is written atomically; with {@code resume} patients whose results are complete
 * (and were made with the same settings) are not extracted again, and the final tables are the same as an
 * uninterrupted run's because they are always computed from the saved per-patient tables.
 */
public final class CohortTask {

	/** Everything the cohort run needs besides the cohort table. */
	public static final class Options {
		public FeatureSettings settings = FeatureSettings.defaults();
		public SelectionTask.Options selection = new SelectionTask.Options();
		public SamplingTask.Options sampling = new SamplingTask.Options();
		public Dissimilarity.Scaling scaling = Dissimilarity.Scaling.MINMAX;
		public String groups = "2-5,15-";
		public int threads = Runtime.getRuntime().availableProcessors();
		public boolean resume;
		/** 0 = label maps as given; 6 or 26 = split binary maps into connected components. */
		public int splitConnectivity;
		public double minLesionMm3;
	}

	private CohortTask() {}

	static final List<String> VARIANTS = List.of(ExtractionTask.ORIGINAL, "eroded", "dilated");

	/** What describes a run's extraction, to know whether saved per-patient results can be reused. */
	static String fingerprint(Options o) {
		return o.settings.asMap() + " perturbation radius " + o.selection.radiusMm + " mm, components " + o.splitConnectivity + "/" + o.minLesionMm3;
	}

	/** Runs everything; returns the notes (warnings, skipped steps). */
	public static List<String> run(CohortTable cohort, Options o, Path out, Progress progress) throws IOException {
		long start = System.nanoTime();
		Files.createDirectories(out);
		cleanTemporaryFiles(out);
		List<String> notes = new ArrayList<>();
		List<List<String>> errors = new ArrayList<>();
		errors.add(List.of("patient", "label", "reason"));
		String fingerprint = fingerprint(o);
		List<MaskPerturbation> perturbations = List.of(new MaskPerturbation(MaskPerturbation.Kind.ERODE, o.selection.radiusMm),
				new MaskPerturbation(MaskPerturbation.Kind.DILATE, o.selection.radiusMm));
		int done = 0, reused = 0;
		long lesions = 0;
		Map<String, Double> seconds = new LinkedHashMap<>();
		long t0 = System.nanoTime();
		for (CohortTable.Patient p : cohort.patients()) {
			progress.checkCancelled();
			Path dir = out.resolve("patients").resolve(HeterogeneityTask.safe(p.id()));
			Path marker = dir.resolve("complete.txt");
			if (o.resume && Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(fingerprint)) {
				reused++;
				lesions += Csv.read(dir.resolve(ExtractionTask.ORIGINAL + ".csv")).size() - 1;
			} else {
				try {
					Files.deleteIfExists(marker);
					LesionTable table = p.lesions() == null ? null : LesionTable.read(p.lesions());
					lesionradiomics.io.ImageData labels = VolumeReaders.read(p.labels());
					if (o.splitConnectivity > 0) labels = ExtractionTask.splitComponents(labels, o.splitConnectivity, o.minLesionMm3);
					Map<String, ExtractionTask.Result> r = ExtractionTask.run(VolumeReaders.read(p.image()), labels, table, p.id(),
							o.settings, o.threads, Progress.NONE, perturbations);
					for (String v : VARIANTS) FeatureTableCsv.write(r.get(v).table(), dir.resolve(v + ".csv"));
					List<List<String>> failed = new ArrayList<>();
					for (String v : VARIANTS) {
						List<List<String>> f = FeatureTableCsv.failureRows(r.get(v).table());
						if (failed.isEmpty()) failed.add(f.get(0));
						for (List<String> row : f.subList(1, f.size()))
							failed.add(List.of(row.get(0), row.get(1), row.get(2), row.get(3), (v.equals(ExtractionTask.ORIGINAL) ? "" : v + " mask: ") + row.get(4)));
					}
					Csv.writeAtomically(dir.resolve("lesion_errors.csv"), failed);
					AtomicFiles.write(marker, s -> s.write(fingerprint.getBytes(StandardCharsets.UTF_8)));
					lesions += r.get(ExtractionTask.ORIGINAL).table().computed().size();
				} catch (IOException | IllegalArgumentException e) {
					errors.add(List.of(p.id(), "", e.getMessage()));
				}
			}
			progress.update("patients (" + lesions + " lesions)", ++done, cohort.patients().size());
		}
		seconds.put("extraction", (System.nanoTime() - t0) / 1e9);
		if (reused > 0) notes.add(reused + " patient(s) reused from an earlier run (--resume)");

		// Gather the saved tables of every complete patient, in cohort order.
		Map<String, List<Path>> tables = new LinkedHashMap<>();
		for (CohortTable.Patient p : cohort.patients()) {
			Path dir = out.resolve("patients").resolve(HeterogeneityTask.safe(p.id()));
			if (!Files.isRegularFile(dir.resolve("complete.txt"))) continue;
			for (String v : VARIANTS) tables.computeIfAbsent(v, k -> new ArrayList<>()).add(dir.resolve(v + ".csv"));
			List<List<String>> failed = Csv.read(dir.resolve("lesion_errors.csv"));
			for (List<String> row : failed.subList(1, failed.size())) errors.add(List.of(row.get(0), row.get(1), row.get(4)));
		}
		Csv.writeAtomically(out.resolve("errors.csv"), errors);
		if (tables.isEmpty()) throw new IllegalArgumentException("no patient could be extracted; see " + out.resolve("errors.csv"));
		Map<String, FeatureMatrix> matrices = new LinkedHashMap<>();
		for (String v : VARIANTS) matrices.put(v, concat(tables.get(v)));
		FeatureMatrix features = matrices.get(ExtractionTask.ORIGINAL);
		Csv.writeAtomically(out.resolve("features.csv"), rows(features));

		// Robustness and decorrelation.
		t0 = System.nanoTime();
		List<String> selected = features.features();
		Path sel = out.resolve("selection");
		FeatureMatrix[] aligned = align(matrices);
		if (aligned[0].rows() >= 3) {
			List<FeatureSelection.Robustness> robustness = FeatureSelection.robustness(aligned[0], Map.of("eroded", aligned[1], "dilated", aligned[2]),
					o.selection.cccThreshold);
			List<String> robust = new ArrayList<>();
			for (FeatureSelection.Robustness r : robustness) if (r.robust) robust.add(r.feature);
			FeatureSelection.Decorrelation d = FeatureSelection.decorrelate(aligned[0].select(robust), o.selection.method, o.selection.correlationThreshold,
					o.selection.clusters, o.selection.preferences);
			SelectionTask.Result r = new SelectionTask.Result(null, robustness, d, List.of(), List.of());
			for (FeatureMatrix.Lesion l : aligned[0].lesions()) r.lesionsUsed.add(l.toString());
			Csv.writeAtomically(sel.resolve("robustness.csv"), SelectionTask.robustnessRows(r));
			Csv.writeAtomically(sel.resolve("feature_clusters.csv"), SelectionTask.clusterRows(r));
			List<List<String>> list = new ArrayList<>();
			for (String f : d.selected()) list.add(List.of(f));
			Csv.writeAtomically(sel.resolve("selected_features.txt"), list);
			if (!d.features.isEmpty()) Heatmap.savePng(SelectionTask.heatmap(r, o.selection.method), sel.resolve("correlation_heatmap.png"));
			if (!d.selected().isEmpty()) selected = d.selected();
			else notes.add("no feature is robust: heterogeneity and sampling use all features");
		} else notes.add("fewer than 3 lesions computed on every mask: robustness skipped, all features used");
		seconds.put("selection", (System.nanoTime() - t0) / 1e9);

		// Heterogeneity and sampling on the selected features.
		t0 = System.nanoTime();
		FeatureMatrix analysed = features.select(selected);
		HeterogeneityTask.Result h = HeterogeneityTask.run(analysed, o.scaling, HeterogeneityTask.Groups.parse(o.groups));
		HeterogeneityTask.write(h, out.resolve("heterogeneity"));
		notes.addAll(h.notes);
		seconds.put("heterogeneity", (System.nanoTime() - t0) / 1e9);
		t0 = System.nanoTime();
		o.sampling.scaling = o.scaling;
		Simulation.Result s = SamplingTask.run(SamplingTask.patients(analysed, features, o.scaling, notes), o.sampling, o.threads, Progress.NONE);
		SamplingTask.write(s, o.sampling, out.resolve("sampling"));
		seconds.put("sampling", (System.nanoTime() - t0) / 1e9);
		seconds.put("total", (System.nanoTime() - start) / 1e9);
		writeRunRecord(out, cohort, o, selected, seconds, errors.size() - 1);
		return notes;
	}

	/** Deletes hidden temporary files a killed run may have left (never a finished output). */
	static void cleanTemporaryFiles(Path out) throws IOException {
		try (java.util.stream.Stream<Path> s = Files.walk(out)) {
			for (Path p : (Iterable<Path>) s::iterator) {
				String n = p.getFileName().toString();
				if (n.startsWith(".") && n.endsWith(".tmp")) Files.deleteIfExists(p);
			}
		}
	}

	static FeatureMatrix concat(List<Path> files) throws IOException {
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
		List<double[]> rows = new ArrayList<>();
		List<String> features = null;
		for (Path f : files) {
			FeatureMatrix m = FeatureTableCsv.readMatrix(f, null);
			if (features == null) features = m.features();
			else if (!features.equals(m.features())) throw new IllegalArgumentException(f + " has other feature columns than the other patients");
			for (int i = 0; i < m.rows(); i++) {
				lesions.add(m.lesions().get(i));
				rows.add(m.row(i));
			}
		}
		return new FeatureMatrix(lesions, features, rows.toArray(new double[0][]));
	}

	/** The lesions present in every variant, in the original's order: {original, eroded, dilated}. */
	static FeatureMatrix[] align(Map<String, FeatureMatrix> m) {
		List<Map<String, Integer>> index = new ArrayList<>();
		for (String v : VARIANTS) {
			Map<String, Integer> ix = new LinkedHashMap<>();
			FeatureMatrix x = m.get(v);
			for (int i = 0; i < x.rows(); i++) ix.put(x.lesions().get(i).toString(), i);
			index.add(ix);
		}
		List<List<Integer>> keep = new ArrayList<>();
		for (int v = 0; v < 3; v++) keep.add(new ArrayList<>());
		for (String key : index.get(0).keySet()) {
			if (!index.get(1).containsKey(key) || !index.get(2).containsKey(key)) continue;
			for (int v = 0; v < 3; v++) keep.get(v).add(index.get(v).get(key));
		}
		FeatureMatrix[] out = new FeatureMatrix[3];
		for (int v = 0; v < 3; v++) out[v] = m.get(VARIANTS.get(v)).rows(keep.get(v));
		return out;
	}

	static List<List<String>> rows(FeatureMatrix m) {
		List<List<String>> out = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("patient", "label", "site"));
		header.addAll(m.features());
		out.add(header);
		for (int i = 0; i < m.rows(); i++) {
			FeatureMatrix.Lesion l = m.lesions().get(i);
			List<String> row = new ArrayList<>(List.of(l.patient(), Long.toString(l.label()), l.site()));
			for (int c = 0; c < m.columns(); c++) row.add(FeatureTableCsv.format(m.get(i, c)));
			out.add(row);
		}
		return out;
	}

	/** run.json: settings, versions, seed and timings, so a run can be repeated. */
	static void writeRunRecord(Path out, CohortTable cohort, Options o, List<String> selected, Map<String, Double> seconds, int errors) throws IOException {
		StringBuilder j = new StringBuilder("{\n");
		j.append("  \"tool\": ").append(str("Lesion Radiomics " + new Cli.Version().getVersion()[0].replace("Lesion Radiomics ", ""))).append(",\n");
		j.append("  \"java\": ").append(str(System.getProperty("java.version"))).append(",\n");
		j.append("  \"cohort\": ").append(str(cohort.source() == null ? "" : cohort.source().toString())).append(",\n");
		j.append("  \"patients\": ").append(cohort.patients().size()).append(",\n");
		j.append("  \"errors\": ").append(errors).append(",\n");
		j.append("  \"settings\": {");
		boolean first = true;
		for (Map.Entry<String, Object> e : o.settings.asMap().entrySet()) {
			j.append(first ? "" : ", ").append(str(e.getKey())).append(": ").append(str(String.valueOf(e.getValue())));
			first = false;
		}
		j.append("},\n");
		j.append("  \"perturbation_radius_mm\": ").append(o.selection.radiusMm).append(",\n");
		j.append("  \"ccc_threshold\": ").append(o.selection.cccThreshold).append(",\n");
		j.append("  \"correlation\": ").append(str(o.selection.method.name().toLowerCase(Locale.ROOT))).append(",\n");
		j.append("  \"correlation_cut\": ").append(o.selection.correlationThreshold).append(",\n");
		j.append("  \"scaling\": ").append(str(o.scaling.name().toLowerCase(Locale.ROOT))).append(",\n");
		j.append("  \"groups\": ").append(str(o.groups)).append(",\n");
		j.append("  \"simulations\": ").append(o.sampling.simulations).append(",\n");
		j.append("  \"seed\": ").append(o.sampling.seed).append(",\n");
		j.append("  \"selected_features\": [");
		for (int i = 0; i < selected.size(); i++) j.append(i == 0 ? "" : ", ").append(str(selected.get(i)));
		j.append("],\n  \"seconds\": {");
		first = true;
		for (Map.Entry<String, Double> e : seconds.entrySet()) {
			j.append(first ? "" : ", ").append(str(e.getKey())).append(": ").append(String.format(Locale.ROOT, "%.2f", e.getValue()));
			first = false;
		}
		j.append("}\n}\n");
		AtomicFiles.write(out.resolve("run.json"), s -> s.write(j.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static String str(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}
}
