package lesionradiomics.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.io.Csv;
import lesionradiomics.workflow.PhenotypeWorkflow;

/**
 * lesion_phenotypes.csv, patient_phenotypes.csv, silhouette.csv, the cohort heatmap with phenotype and patient bars, and
 * with lesion responses phenotype_response.csv.
 */
public final class PhenotypeReport {

	private PhenotypeReport() {}

	public static List<List<String>> lesionRows(PhenotypeWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>(List.of(List.of("patient", "label", "site", "phenotype")));
		for (int i = 0; i < r.lesions().size(); i++) {
			FeatureMatrix.Lesion l = r.lesions().get(i);
			out.add(List.of(l.patient(), Long.toString(l.label()), l.site(), Integer.toString(r.clustering().labels()[i])));
		}
		return out;
	}

	public static List<List<String>> patientRows(PhenotypeWorkflow.Result r) {
		List<String> h = new ArrayList<>(List.of("patient", "n_lesions", "distinct_phenotypes", "phenotype_entropy"));
		for (int q = 1; q <= r.clustering().k(); q++) h.add("phenotype_" + q);
		boolean response = !r.responses().isEmpty();
		if (response) h.add("mixed_response");
		List<List<String>> out = new ArrayList<>(List.of(h));
		r.compositions().forEach((p, c) -> {
			List<String> row = new ArrayList<>(List.of(p, Integer.toString(java.util.Arrays.stream(c.counts()).sum()), Integer.toString(c.distinct()),
					FeatureTableCsv.format(c.entropy())));
			for (int n : c.counts()) row.add(Integer.toString(n));
			if (response) row.add(r.responses().containsKey(p) ? (r.responses().get(p).mixed() ? "yes" : "no") : "");
			out.add(row);
		});
		return out;
	}

	/** patient, phenotype, response class, lesions: the response of each phenotype within each patient. */
	public static List<List<String>> responseRows(PhenotypeWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>(List.of(List.of("patient", "phenotype", "class", "lesions", "mixed_response")));
		r.responses().forEach((p, x) -> x.classes().forEach((phenotype, classes) -> classes.forEach((cls, n) -> out.add(List.of(p,
				Integer.toString(phenotype), cls, Integer.toString(n), x.mixed() ? "yes" : "no")))));
		return out;
	}

	public static void write(PhenotypeWorkflow.Result r, Path dir) throws IOException {
		write(r, dir, Figure.DEFAULT_DPI);
	}

	/** As {@link #write}, the PNG figures at {@code dpi} (--dpi). */
	public static void write(PhenotypeWorkflow.Result r, Path dir, int dpi) throws IOException {
		Files.createDirectories(dir);
		Csv.writeAtomically(dir.resolve("lesion_phenotypes.csv"), lesionRows(r));
		Csv.writeAtomically(dir.resolve("patient_phenotypes.csv"), patientRows(r));
		if (!r.responses().isEmpty()) Csv.writeAtomically(dir.resolve("phenotype_response.csv"), responseRows(r));
		List<List<String>> sil = new ArrayList<>(List.of(List.of("k", "mean_silhouette")));
		double[] s = r.clustering().silhouettes();
		for (int k = 2; k < s.length; k++) if (!Double.isNaN(s[k])) sil.add(List.of(Integer.toString(k), FeatureTableCsv.format(s[k])));
		Csv.writeAtomically(dir.resolve("silhouette.csv"), sil);
		heatmap(r).save(dir.resolve("phenotype_heatmap.png"), dpi);
	}

	/** Phenotype colours, distinct from the patients' (Okabe–Ito) palette. */
	private static final Color[] PHENOTYPE = { new Color(102, 194, 165), new Color(252, 141, 98), new Color(141, 160, 203), new Color(231, 138, 195),
			new Color(166, 216, 84), new Color(255, 217, 47), new Color(229, 196, 148), new Color(179, 179, 179) };

	/** Lesions (rows, in clustering order) × features (z-scores, blue −3 … red +3), with phenotype and patient colour bars. */
	public static Figure heatmap(PhenotypeWorkflow.Result r) {
		int n = r.lesions().size(), p = r.features().size();
		int cell = Math.max(2, Math.min(14, 700 / Math.max(n, 1))), col = Math.max(6, Math.min(28, 900 / Math.max(p, 1)));
		int left = 150, top = 110, width = left + 40 + p * col + 170, height = Math.max(top + n * cell + 170, top + 200 + 16 * r.clustering().k() + 200);
		int[] order = r.clustering().order();
		Map<String, Color> patientColor = new LinkedHashMap<>();
		for (FeatureMatrix.Lesion l : r.lesions()) patientColor.putIfAbsent(l.patient(), Charts.PALETTE[patientColor.size() % Charts.PALETTE.length]);
		String title = "Lesion phenotypes heatmap"; // the window title: the tables are "Lesion phenotypes", "Patient phenotypes"
		return new Figure(title, width, height, g -> {
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
			g.drawString("Lesion phenotypes (" + r.clustering().k() + " phenotypes, " + n + " lesions, " + p + " features)", 10, 24);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			g.drawString("rows: lesions in clustering order; left bars: each lesion's phenotype and patient; cells: the feature's z-score", 10, 44);
			for (int row = 0; row < n; row++) {
				int i = order[row], y = top + row * cell;
				g.setColor(PHENOTYPE[(r.clustering().labels()[i] - 1) % PHENOTYPE.length]);
				g.fillRect(left, y, 16, cell);
				g.setColor(patientColor.get(r.lesions().get(i).patient()));
				g.fillRect(left + 18, y, 16, cell);
				for (int c = 0; c < p; c++) {
					double z = Math.max(-3, Math.min(3, r.clustering().z()[i][c])) / 3;
					g.setColor(z >= 0 ? new Color(255, (int) (255 * (1 - z)), (int) (255 * (1 - z))) : new Color((int) (255 * (1 + z)), (int) (255 * (1 + z)), 255));
					g.fillRect(left + 40 + c * col, y, col, cell);
				}
			}
			g.setColor(Color.BLACK);
			java.awt.geom.AffineTransform upright = g.getTransform();
			for (String[] bar : new String[][] { { "phenotype", "0" }, { "patient", "18" } }) {
				g.setTransform(upright);
				g.translate(left + Integer.parseInt(bar[1]) + 12, top - 6);
				g.rotate(-Math.PI / 2);
				g.drawString(bar[0], 0, 0);
			}
			g.setTransform(upright);
			int lx = left + 40 + p * col + 20, ly = top;
			// colour bar of the cells: z-score, clipped to ±3
			int barHeight = 160;
			g.drawString("z-score", lx, ly - 6);
			for (int yy = 0; yy < barHeight; yy++) {
				double z = 1 - 2.0 * yy / (barHeight - 1);
				g.setColor(z >= 0 ? new Color(255, (int) (255 * (1 - z)), (int) (255 * (1 - z))) : new Color((int) (255 * (1 + z)), (int) (255 * (1 + z)), 255));
				g.fillRect(lx, ly + yy, 16, 1);
			}
			g.setColor(Color.BLACK);
			g.drawRect(lx, ly, 16, barHeight);
			g.drawString("≥ +3", lx + 20, ly + 10);
			g.drawString("0", lx + 20, ly + barHeight / 2 + 4);
			g.drawString("≤ −3", lx + 20, ly + barHeight);
			ly += barHeight + 34;
			g.drawString("phenotype", lx, ly - 6);
			for (int q = 1; q <= r.clustering().k(); q++, ly += 14) {
				g.setColor(PHENOTYPE[(q - 1) % PHENOTYPE.length]);
				g.fillRect(lx, ly, 10, 10);
				g.setColor(Color.BLACK);
				g.drawString(Integer.toString(q), lx + 14, ly + 10);
			}
			java.awt.geom.AffineTransform t = g.getTransform();
			for (int c = 0; c < p; c++) {
				g.setTransform(t);
				g.translate(left + 40 + c * col + col / 2 + 4, top + n * cell + 6);
				g.rotate(Math.PI / 2);
				String name = r.features().get(c);
				g.drawString(name.length() > 26 ? name.substring(name.indexOf('_') + 1) : name, 0, 0);
			}
			g.setTransform(t);
			int x = 10, y = top;
			g.drawString("patient", x, y - 6);
			for (Map.Entry<String, Color> e : patientColor.entrySet()) {
				if (y > top + n * cell) break;
				g.setColor(e.getValue());
				g.fillRect(x, y, 10, 10);
				g.setColor(Color.BLACK);
				g.drawString(e.getKey(), x + 14, y + 10);
				y += 14;
			}
		});
	}
}
