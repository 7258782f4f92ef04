package lesionradiomics.report;

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
import lesionradiomics.workflow.HeterogeneityWorkflow;

/** Tables, plots and heatmaps of the heterogeneity analysis. */
public final class HeterogeneityReport {

	private HeterogeneityReport() {}

	public static List<List<String>> cvRows(List<Variation.Cv> cvs, boolean site) {
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

	public static List<List<String>> summaryRows(HeterogeneityWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "class", "mean_cv_percent", "features_with_cv", "features"));
		r.summary().forEach((p, byClass) -> byClass.forEach((cls, a) -> out.add(List.of(p, cls, FeatureTableCsv.format(a[1] == 0 ? Double.NaN : a[0] / a[1]),
				Integer.toString((int) a[1]), Integer.toString((int) a[2])))));
		return out;
	}

	public static List<List<String>> indexRows(HeterogeneityWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "n_lesions", "n_analysed", "MTD", "ATH", "reason", "excluded"));
		Map<String, Integer> count = new LinkedHashMap<>();
		for (FeatureMatrix.Lesion l : r.features().lesions()) count.merge(l.patient(), 1, Integer::sum);
		for (Dissimilarity.Patient p : r.dissimilarity())
			out.add(List.of(p.patient, Integer.toString(count.get(p.patient)), Integer.toString(p.lesions.size()), FeatureTableCsv.format(p.mtd),
					FeatureTableCsv.format(p.ath), p.reason == null ? "" : p.reason, String.join("; ", p.excluded)));
		return out;
	}

	public static List<List<String>> testRows(HeterogeneityWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("feature", "test", "statistic", "p_value", "n_group1", "n_group2", "groups", "note"));
		for (HeterogeneityTests.Result t : r.tests())
			out.add(List.of(t.feature, t.test, FeatureTableCsv.format(t.statistic), FeatureTableCsv.format(t.pValue), Integer.toString(t.n1),
					Integer.toString(t.n2), t.test.startsWith("Mann") ? r.groupNames().get(0) + " vs " + r.groupNames().get(1) : "", t.note));
		return out;
	}

	public static List<List<String>> lesionRows(HeterogeneityWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "label", "site", "order", "cluster"));
		for (Dissimilarity.Patient p : r.dissimilarity())
			for (int k = 0; k < p.order.length; k++) {
				FeatureMatrix.Lesion l = p.lesions.get(p.order[k]);
				out.add(List.of(p.patient, Long.toString(l.label()), l.site(), Integer.toString(k + 1), Integer.toString(p.cluster[p.order[k]])));
			}
		return out;
	}

	public static Figure dissimilarityHeatmap(Dissimilarity.Patient p) {
		List<String> names = new ArrayList<>(), sites = new ArrayList<>();
		int n = p.order.length;
		double[][] d = new double[n][n];
		boolean anySite = false;
		for (int a = 0; a < n; a++) {
			FeatureMatrix.Lesion l = p.lesions.get(p.order[a]);
			names.add(l.label() + (l.site().isEmpty() ? "" : " " + l.site()) + " [" + p.cluster[p.order[a]] + "]");
			sites.add(l.site().isEmpty() ? "(no site)" : l.site());
			anySite |= !l.site().isEmpty();
			for (int b = 0; b < n; b++) d[a][b] = p.distance[p.order[a]][p.order[b]];
		}
		return Heatmap.figure("Patient " + p.patient + ": cosine dissimilarity of lesions (MTD " + String.format(java.util.Locale.ROOT, "%.2f", p.mtd)
				+ ", ATH " + String.format(java.util.Locale.ROOT, "%.2f", p.ath) + ")", names, d, 0, 1, "cosine dissimilarity",
				"lesions as label site [cluster], in dendrogram order (average linkage; as many clusters as sites)", p.tree,
				anySite ? new Heatmap.Groups("site", sites) : null);
	}

	/**
	 * Every patient's dissimilarity heatmap as one stack (slice label: patient, MTD and ATH), so a cohort opens one
	 * window instead of one per patient; smaller heatmaps are centred on a white canvas of the largest size.
	 */
	public static ij.ImagePlus dissimilarityStack(HeterogeneityWorkflow.Result r) {
		List<java.awt.image.BufferedImage> images = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		int w = 1, h = 1;
		for (Dissimilarity.Patient p : r.dissimilarity()) {
			if (p.lesions.size() < 2) continue;
			java.awt.image.BufferedImage img = dissimilarityHeatmap(p).image();
			images.add(img);
			labels.add(p.patient); // ImageJ cuts slice labels at a dot; MTD and ATH are in the heatmap's title
			w = Math.max(w, img.getWidth());
			h = Math.max(h, img.getHeight());
		}
		ij.ImageStack stack = new ij.ImageStack(w, h);
		for (int i = 0; i < images.size(); i++) {
			java.awt.image.BufferedImage canvas = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D g = canvas.createGraphics();
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.drawImage(images.get(i), (w - images.get(i).getWidth()) / 2, (h - images.get(i).getHeight()) / 2, null);
			g.dispose();
			stack.addSlice(labels.get(i), new ij.process.ColorProcessor(canvas));
		}
		return stack.size() == 0 ? null : new ij.ImagePlus("Dissimilarity heatmaps", stack);
	}

	/** Box plots of each patient's feature CVs per feature class. */
	public static Figure cvPlot(HeterogeneityWorkflow.Result r) {
		Map<String, Map<String, List<Double>>> cvs = new LinkedHashMap<>();
		List<String> classes = new ArrayList<>();
		for (Variation.Cv c : r.cvPatient()) {
			if (Double.isNaN(c.cvPercent)) continue;
			String cls = Variation.featureClass(c.feature);
			if (!classes.contains(cls)) classes.add(cls);
			cvs.computeIfAbsent(c.patient, k -> new LinkedHashMap<>()).computeIfAbsent(cls, k -> new ArrayList<>()).add(c.cvPercent);
		}
		return Charts.cvByClass(cvs, classes);
	}

	/** MTD and ATH per patient. */
	public static Figure indexPlot(HeterogeneityWorkflow.Result r) {
		List<String> patients = new ArrayList<>();
		double[] mtd = new double[r.dissimilarity().size()], ath = new double[mtd.length];
		for (int i = 0; i < mtd.length; i++) {
			patients.add(r.dissimilarity().get(i).patient);
			mtd[i] = r.dissimilarity().get(i).mtd;
			ath[i] = r.dissimilarity().get(i).ath;
		}
		return Charts.indexes(patients, mtd, ath);
	}

	/** Writes every table and plot into {@code dir}. */
	public static void write(HeterogeneityWorkflow.Result r, Path dir) throws IOException {
		write(r, dir, Figure.DEFAULT_DPI);
	}

	/** As {@link #write}, the PNG figures at {@code dpi} (--dpi). */
	public static void write(HeterogeneityWorkflow.Result r, Path dir, int dpi) throws IOException {
		Csv.writeAtomically(dir.resolve("cv_per_patient.csv"), cvRows(r.cvPatient(), false));
		Csv.writeAtomically(dir.resolve("cv_per_organ.csv"), cvRows(r.cvSite(), true));
		Csv.writeAtomically(dir.resolve("cv_summary.csv"), summaryRows(r));
		Csv.writeAtomically(dir.resolve("heterogeneity_indexes.csv"), indexRows(r));
		Csv.writeAtomically(dir.resolve("lesion_clusters.csv"), lesionRows(r));
		Csv.writeAtomically(dir.resolve("tests.csv"), testRows(r));
		cvPlot(r).save(dir.resolve("cv_by_class.png"), dpi);
		indexPlot(r).save(dir.resolve("heterogeneity_indexes.png"), dpi);
		for (Dissimilarity.Patient p : r.dissimilarity())
			if (p.lesions.size() >= 2) dissimilarityHeatmap(p).save(dir.resolve("dissimilarity_" + safe(p.patient) + ".png"), dpi);
	}

	/** A patient id as a file-name part. */
	public static String safe(String s) {
		return s.replaceAll("[^A-Za-z0-9._-]", "_");
	}
}
