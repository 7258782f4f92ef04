package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.Correlation;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.FeatureSelection;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.FeatureTable;
import lesionradiomics.io.CohortTable;
import lesionradiomics.io.Csv;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.LesionTable;
import lesionradiomics.io.VolumeReaders;
import lesionradiomics.preprocess.MaskPerturbation;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.Heatmap;

/**
 * "Select Robust Features" for every front end: per patient, extraction on the delineated, eroded and dilated masks;
 * then robustness (CCC) over all lesions of the cohort and decorrelation of the robust features. A patient whose files
 * cannot be used is recorded with the reason and the others go on.
 */
public final class SelectionTask {

	/** Options with the study's defaults. */
	public static final class Options {
		public double radiusMm = 1;
		public double cccThreshold = 0.8;
		public Correlation.Method method = Correlation.Method.PEARSON;
		public double correlationThreshold = 0.8;
		public int clusters = 0;
		public List<String> preferences = FeatureSelection.DEFAULT_PREFERENCES;
	}

	/** Everything the command reports. */
	public static final class Result {
		public final FeatureTable original;
		public final List<String> lesionsUsed = new ArrayList<>();
		public final List<FeatureSelection.Robustness> robustness;
		public final FeatureSelection.Decorrelation decorrelation;
		public final List<String> warnings;
		public final List<List<String>> errors;

		public Result(FeatureTable original, List<FeatureSelection.Robustness> robustness, FeatureSelection.Decorrelation decorrelation,
				List<String> warnings, List<List<String>> errors) {
			this.original = original;
			this.robustness = robustness;
			this.decorrelation = decorrelation;
			this.warnings = warnings;
			this.errors = errors;
		}
	}

	private SelectionTask() {}

	public static Result run(CohortTable cohort, FeatureSettings settings, Options o, int threads, Progress progress) {
		List<MaskPerturbation> perturbations = List.of(new MaskPerturbation(MaskPerturbation.Kind.ERODE, o.radiusMm),
				new MaskPerturbation(MaskPerturbation.Kind.DILATE, o.radiusMm));
		Map<String, List<FeatureTable>> byVariant = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		List<List<String>> errors = new ArrayList<>();
		errors.add(List.of("patient", "reason"));
		int done = 0;
		for (CohortTable.Patient p : cohort.patients()) {
			progress.checkCancelled();
			try {
				LesionTable table = p.lesions() == null ? null : LesionTable.read(p.lesions());
				ImageData image = VolumeReaders.read(p.image());
				double[] grid = settings.resampledPixelSpacing() != null ? settings.resampledPixelSpacing() : image.geometry().spacing();
				for (int d = 0; d < 3; d++) if (grid[d] == 0) grid[d] = image.geometry().spacing(d);
				if (perturbations.get(0).changesNothing(grid))
					warnings.add("patient " + p.id() + ": a " + o.radiusMm + " mm ball holds no neighbour on voxels of " + java.util.Arrays.toString(grid)
							+ " mm, so erosion and dilation change nothing; resample (e.g. --preset study) or use a larger --radius");
				Map<String, ExtractionTask.Result> r = ExtractionTask.run(image, VolumeReaders.read(p.labels()), table, p.id(),
						settings, threads, Progress.NONE, perturbations);
				r.forEach((variant, res) -> byVariant.computeIfAbsent(variant, k -> new ArrayList<>()).add(res.table()));
				warnings.addAll(r.get(ExtractionTask.ORIGINAL).warnings());
			} catch (IOException | IllegalArgumentException e) {
				errors.add(List.of(p.id(), e.getMessage()));
			}
			progress.update("patients", ++done, cohort.patients().size());
		}
		if (byVariant.isEmpty()) throw new IllegalArgumentException("no patient could be extracted: " + errors.subList(1, errors.size()));
		Map<String, FeatureTable> joined = new LinkedHashMap<>();
		byVariant.forEach((variant, tables) -> joined.put(variant, FeatureTable.concat(tables)));
		FeatureTable original = joined.get(ExtractionTask.ORIGINAL);
		// Only lesions computed on every mask variant enter the comparison, in the same order everywhere.
		List<Integer> keep = new ArrayList<>();
		List<FeatureTable.Row> rows = original.rows();
		for (int i = 0; i < rows.size(); i++) {
			boolean ok = true;
			for (FeatureTable t : joined.values()) ok &= t.rows().get(i).features().ok();
			if (ok) keep.add(i);
			else warnings.add("patient " + rows.get(i).patient() + ", label " + rows.get(i).label() + " left out of the robustness analysis (not computed on every mask)");
		}
		Map<String, FeatureMatrix> matrices = new LinkedHashMap<>();
		joined.forEach((variant, table) -> matrices.put(variant, matrix(table, keep)));
		FeatureMatrix base = matrices.remove(ExtractionTask.ORIGINAL);
		if (base.rows() < 3) throw new IllegalArgumentException("robustness needs at least 3 lesions computed on every mask, found " + base.rows());
		List<FeatureSelection.Robustness> robustness = FeatureSelection.robustness(base, matrices, o.cccThreshold);
		List<String> robust = new ArrayList<>();
		for (FeatureSelection.Robustness r : robustness) if (r.robust) robust.add(r.feature);
		FeatureSelection.Decorrelation dec = FeatureSelection.decorrelate(base.select(robust), o.method, o.correlationThreshold, o.clusters, o.preferences);
		Result res = new Result(original, robustness, dec, warnings, errors);
		for (FeatureMatrix.Lesion l : base.lesions()) res.lesionsUsed.add(l.toString());
		return res;
	}

	private static FeatureMatrix matrix(FeatureTable t, List<Integer> keep) {
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
		double[][] v = new double[keep.size()][];
		for (int k = 0; k < keep.size(); k++) {
			FeatureTable.Row r = t.rows().get(keep.get(k));
			lesions.add(new FeatureMatrix.Lesion(r.patient(), r.label(), r.site()));
			v[k] = new double[t.columns().size()];
			for (int c = 0; c < v[k].length; c++) v[k][c] = r.features().get(t.columns().get(c));
		}
		return new FeatureMatrix(lesions, t.columns(), v);
	}

	/** The tables as CSV rows: robustness (one row per feature) and clusters (one row per robust feature). */
	public static List<List<String>> robustnessRows(Result r) {
		List<List<String>> out = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("feature"));
		if (!r.robustness.isEmpty()) for (String k : r.robustness.get(0).ccc.keySet()) header.add("ccc_" + k);
		header.add("robust");
		out.add(header);
		for (FeatureSelection.Robustness f : r.robustness) {
			List<String> row = new ArrayList<>(List.of(f.feature));
			for (double v : f.ccc.values()) row.add(FeatureTableCsv.format(v));
			row.add(f.robust ? "yes" : "no");
			out.add(row);
		}
		return out;
	}

	public static List<List<String>> clusterRows(Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("feature", "cluster", "representative"));
		FeatureSelection.Decorrelation d = r.decorrelation;
		for (int i = 0; i < d.features.size(); i++)
			out.add(List.of(d.features.get(i), Integer.toString(d.cluster[i]), d.representative[i] ? "yes" : "no"));
		return out;
	}

	public static java.awt.image.BufferedImage heatmap(Result r, Correlation.Method method) {
		FeatureSelection.Decorrelation d = r.decorrelation;
		int k = d.features.size();
		double[][] abs = new double[k][k];
		for (int i = 0; i < k; i++)
			for (int j = 0; j < k; j++) abs[i][j] = Math.abs(d.correlation[i][j]);
		List<String> names = new ArrayList<>();
		for (String f : d.features) names.add(f.replaceFirst("^original_", "") + (d.representative[names.size()] ? " *" : ""));
		return Heatmap.render("|" + (method == Correlation.Method.PEARSON ? "Pearson" : "Spearman") + " r| of robust features ("
				+ r.lesionsUsed.size() + " lesions; * = selected)", names, abs, 0, 1, "|r|");
	}

	/** Writes every table, the selected list and the heatmap into {@code dir}. */
	public static void write(Result r, Correlation.Method method, Path dir) throws IOException {
		FeatureTableCsv.write(r.original, dir.resolve("features.csv"));
		Csv.writeAtomically(dir.resolve("robustness.csv"), robustnessRows(r));
		Csv.writeAtomically(dir.resolve("feature_clusters.csv"), clusterRows(r));
		List<List<String>> selected = new ArrayList<>();
		for (String f : r.decorrelation.selected()) selected.add(List.of(f));
		Csv.writeAtomically(dir.resolve("selected_features.txt"), selected);
		Heatmap.savePng(heatmap(r, method), dir.resolve("correlation_heatmap.png"));
		if (r.errors.size() > 1) Csv.writeAtomically(dir.resolve("errors.csv"), r.errors);
	}
}
