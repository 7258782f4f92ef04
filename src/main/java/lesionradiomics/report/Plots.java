package lesionradiomics.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Plot;

/** The analysis plots as ImageJ {@link Plot}s: shown in Fiji, saved as PNG in batch runs. */
public final class Plots {

	/** Colour-blind-friendly palette (Okabe–Ito), one colour per patient or series. */
	static final Color[] PALETTE = { new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
			new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), Color.BLACK };

	private Plots() {}

	/**
	 * Mean CV per feature class, one colour per patient (points, patients slightly offset so they do not hide each
	 * other). {@code values}: patient → class → mean CV %.
	 */
	public static Plot cvByClass(Map<String, Map<String, Double>> values, List<String> classes) {
		Plot plot = new Plot("CV by feature class", "feature class: " + String.join(", ", numbered(classes)), "mean CV of the patient's lesions (%)");
		double max = 1;
		int p = 0, patients = values.size();
		for (Map.Entry<String, Map<String, Double>> e : values.entrySet()) {
			double[] x = new double[classes.size()], y = new double[classes.size()];
			for (int c = 0; c < classes.size(); c++) {
				x[c] = c + 1 + (patients > 1 ? 0.5 * (p / (patients - 1.0) - 0.5) : 0);
				Double v = e.getValue().get(classes.get(c));
				y[c] = v == null ? Double.NaN : v;
				if (v != null && v > max) max = v;
			}
			plot.setColor(PALETTE[p % PALETTE.length]);
			plot.addPoints(x, y, Plot.CIRCLE);
			p++;
		}
		plot.setLimits(0.5, classes.size() + 0.5, 0, max * 1.1);
		plot.setColor(Color.BLACK);
		plot.addLegend(String.join("\n", values.keySet()));
		return plot;
	}

	private static List<String> numbered(List<String> classes) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < classes.size(); i++) out.add((i + 1) + " " + classes.get(i));
		return out;
	}

	/** MTD and ATH per patient (points joined per index). */
	public static Plot indexes(List<String> patients, double[] mtd, double[] ath) {
		Plot plot = new Plot("MTD and ATH per patient", "patient (" + String.join(", ", numbered(patients)) + ")", "cosine dissimilarity");
		double[] x = new double[patients.size()];
		for (int i = 0; i < x.length; i++) x[i] = i + 1;
		plot.setLimits(0.5, patients.size() + 0.5, 0, 1.05);
		plot.setColor(PALETTE[0]);
		plot.addPoints(x, mtd, Plot.CONNECTED_CIRCLES);
		plot.setColor(PALETTE[5]);
		plot.addPoints(x, ath, Plot.CONNECTED_CIRCLES);
		plot.setColor(Color.BLACK);
		plot.addLegend("maximal tumoral divergence (MTD)\naverage tumoral heterogeneity (ATH)");
		return plot;
	}

	public static void savePng(Plot plot, Path file) throws IOException {
		ImagePlus imp = plot.getImagePlus();
		Heatmap.savePng(imp.getBufferedImage(), file);
	}
}
