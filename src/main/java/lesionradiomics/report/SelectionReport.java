package lesionradiomics.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lesionradiomics.analysis.Correlation;
import lesionradiomics.analysis.FeatureSelection;
import lesionradiomics.io.Csv;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.SelectionWorkflow;

/** Tables and heatmap of the robust-feature selection. */
public final class SelectionReport {

	private SelectionReport() {}

	/** One row per feature: CCC per perturbation, in {@link SelectionWorkflow#VARIANTS} order, and the verdict. */
	public static List<List<String>> robustnessRows(SelectionWorkflow.Result r) {
		List<String> perturbations = SelectionWorkflow.VARIANTS.subList(1, SelectionWorkflow.VARIANTS.size());
		List<List<String>> out = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("feature"));
		for (String k : perturbations) header.add("ccc_" + k);
		header.add("robust");
		out.add(header);
		for (FeatureSelection.Robustness f : r.robustness()) {
			List<String> row = new ArrayList<>(List.of(f.feature));
			for (String k : perturbations) row.add(FeatureTableCsv.format(f.ccc.get(k)));
			row.add(f.robust ? "yes" : "no");
			out.add(row);
		}
		return out;
	}

	/** One row per robust feature: its cluster and whether it represents it. */
	public static List<List<String>> clusterRows(SelectionWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("feature", "cluster", "representative"));
		FeatureSelection.Decorrelation d = r.decorrelation();
		if (d == null) return out;
		for (int i = 0; i < d.features.size(); i++)
			out.add(List.of(d.features.get(i), Integer.toString(d.cluster[i]), d.representative[i] ? "yes" : "no"));
		return out;
	}

	/** |r| of the robust features in clustering order; null when there is nothing to draw. */
	public static Figure heatmap(SelectionWorkflow.Result r, Correlation.Method method) {
		FeatureSelection.Decorrelation d = r.decorrelation();
		if (d == null || d.features.isEmpty()) return null;
		int k = d.features.size();
		double[][] abs = new double[k][k];
		for (int i = 0; i < k; i++)
			for (int j = 0; j < k; j++) abs[i][j] = Math.abs(d.correlation[i][j]);
		List<String> names = new ArrayList<>();
		for (String f : d.features) names.add(f.replaceFirst("^original_", "") + (d.representative[names.size()] ? " *" : ""));
		return Heatmap.figure("|" + (method == Correlation.Method.PEARSON ? "Pearson" : "Spearman") + " r| of the robust features over "
				+ r.lesionsUsed().size() + " lesions, in clustering order", names, abs, 0, 1, "|r|", "* = the feature kept for its cluster");
	}

	/**
	 * What the selection command writes: the extracted features (features.csv), the patients and lesions that could not
	 * be used (errors.csv, when any) and the selection tables and heatmap.
	 */
	public static void write(CohortWorkflow.Extracted extracted, SelectionWorkflow.Result r, Correlation.Method method, Path dir) throws IOException {
		write(extracted, r, method, dir, Figure.DEFAULT_DPI);
	}

	/** As {@link #write(CohortWorkflow.Extracted, SelectionWorkflow.Result, Correlation.Method, Path)}, the PNG figures at {@code dpi}. */
	public static void write(CohortWorkflow.Extracted extracted, SelectionWorkflow.Result r, Correlation.Method method, Path dir, int dpi) throws IOException {
		Csv.writeAtomically(dir.resolve("features.csv"), FeatureTableCsv.rows(extracted.original()));
		if (!extracted.failures().isEmpty()) Csv.writeAtomically(dir.resolve("errors.csv"), CohortReport.errorRows(extracted.failures()));
		write(r, method, dir, dpi);
	}

	/** robustness.csv, feature_clusters.csv, selected_features.txt and correlation_heatmap.png into {@code dir}. */
	public static void write(SelectionWorkflow.Result r, Correlation.Method method, Path dir) throws IOException {
		write(r, method, dir, Figure.DEFAULT_DPI);
	}

	/** As {@link #write}, the PNG figures at {@code dpi} (--dpi). */
	public static void write(SelectionWorkflow.Result r, Correlation.Method method, Path dir, int dpi) throws IOException {
		Csv.writeAtomically(dir.resolve("robustness.csv"), robustnessRows(r));
		Csv.writeAtomically(dir.resolve("feature_clusters.csv"), clusterRows(r));
		List<List<String>> selected = new ArrayList<>();
		for (String f : r.selected()) selected.add(List.of(f));
		Csv.writeAtomically(dir.resolve("selected_features.txt"), selected);
		Figure heatmap = heatmap(r, method);
		if (heatmap != null) heatmap.save(dir.resolve("correlation_heatmap.png"), dpi);
	}
}
