package lesionradiomics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The analysis figures that have categories (feature classes, patients) or intervals, drawn with JFreeChart (which
 * Fiji ships): categories on category axes, a title, labelled axes and a legend wherever colours carry meaning.
 */
public final class Charts {

	/** Colour-blind-friendly palette (Okabe–Ito), one colour per patient or series. */
	static final Color[] PALETTE = { new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
			new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), Color.BLACK };

	private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);

	/** The dashed line of every figure's reference lines (targets, cut-offs, thresholds). */
	static BasicStroke dashed(float width) {
		return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f);
	}

	private Charts() {}

	private static JFreeChart styled(JFreeChart chart, String subtitle) {
		chart.setBackgroundPaint(Color.WHITE);
		chart.getTitle().setFont(TITLE);
		if (subtitle != null) chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
		chart.getPlot().setBackgroundPaint(Color.WHITE);
		return chart;
	}

	/** Fewer values than this give no box (its quartiles would mislead); the points are always drawn. */
	static final int MIN_BOX = 5;

	/**
	 * The CVs of a patient's features, per feature class, one colour per patient (the reference study's figure): every
	 * feature's CV as a point, with a box (quartiles, whiskers 1.5 IQR) where the class has at least {@link #MIN_BOX}
	 * features. {@code cvs}: patient → class → CVs of that class's features (%).
	 */
	public static Figure cvByClass(Map<String, Map<String, List<Double>>> cvs, List<String> classes) {
		DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
		org.jfree.data.statistics.DefaultMultiValueCategoryDataset points = new org.jfree.data.statistics.DefaultMultiValueCategoryDataset();
		org.jfree.data.statistics.BoxAndWhiskerItem none = new org.jfree.data.statistics.BoxAndWhiskerItem(null, null, null, null, null, null, null, null,
				List.of());
		cvs.forEach((patient, byClass) -> {
			for (String c : classes) {
				List<Double> v = byClass.getOrDefault(c, List.of());
				// every patient in both datasets, so series (and colours) line up between boxes and points
				if (v.size() >= MIN_BOX) boxes.add(v, patient, c);
				else boxes.add(none, patient, c);
				points.add(v, patient, c);
			}
		});
		CategoryAxis x = new CategoryAxis("feature class");
		NumberAxis y = new NumberAxis("CV of the patient's lesions (%)");
		BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer();
		r.setMeanVisible(false);
		r.setMaximumBarWidth(0.08);
		r.setItemMargin(0.2);
		r.setFillBox(false);
		org.jfree.chart.renderer.category.ScatterRenderer dots = new org.jfree.chart.renderer.category.ScatterRenderer();
		dots.setUseSeriesOffset(true);
		dots.setItemMargin(0.2);
		for (int i = 0; i < cvs.size(); i++) {
			Color c = PALETTE[i % PALETTE.length];
			r.setSeriesPaint(i, c);
			r.setSeriesOutlinePaint(i, c);
			dots.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 200));
			dots.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
			dots.setSeriesVisibleInLegend(i, false);
		}
		CategoryPlot plot = new CategoryPlot(boxes, x, y, r);
		plot.setDataset(1, points);
		plot.setRenderer(1, dots);
		plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		JFreeChart chart = new JFreeChart("CV by feature class", TITLE, plot, true);
		return Figure.of(styled(chart, "per patient: each feature's CV (points); box (quartiles, whiskers 1.5 IQR) where a class has ≥ " + MIN_BOX
				+ " features"), "CV by feature class", Math.max(760, 110 * classes.size() + 60 * cvs.size()), 480);
	}

	/** MTD and ATH of each patient, as bars by patient name. */
	public static Figure indexes(List<String> patients, double[] mtd, double[] ath) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (int i = 0; i < patients.size(); i++) {
			data.addValue(mtd[i], "maximal tumoral divergence (MTD)", patients.get(i));
			data.addValue(ath[i], "average tumoral heterogeneity (ATH)", patients.get(i));
		}
		CategoryAxis x = new CategoryAxis("patient");
		if (patients.size() > 12) x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
		NumberAxis y = new NumberAxis("cosine dissimilarity");
		y.setRange(0, 1.05);
		BarRenderer r = new BarRenderer();
		r.setBarPainter(new StandardBarPainter());
		r.setShadowVisible(false);
		r.setSeriesPaint(0, PALETTE[0]);
		r.setSeriesPaint(1, PALETTE[5]);
		CategoryPlot plot = new CategoryPlot(data, x, y, r);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		JFreeChart chart = new JFreeChart("MTD and ATH per patient", TITLE, plot, true);
		return Figure.of(styled(chart, "patients with fewer than 2 analysable lesions have no bar"), "MTD and ATH per patient",
				Math.max(700, 40 * patients.size() + 200), 460);
	}

	/**
	 * A recovery curve: the mean recovered % for k lesions sampled at random, its 2.5–97.5 percentile band, and the
	 * target as a line with the smallest k that reaches it in the legend.
	 */
	public static Figure recoveryCurve(String index, int[] k, double[] mean, double[] low, double[] high, double target, int needed, int kMax) {
		YIntervalSeries curve = new YIntervalSeries("mean over simulations, with 2.5–97.5 percentile band");
		YIntervalSeries goal = new YIntervalSeries(String.format(java.util.Locale.ROOT, "%.0f %% target: reached at k = %s", target,
				needed < 0 ? "> " + kMax : Integer.toString(needed)));
		for (int i = 0; i < k.length; i++) {
			curve.add(k[i], mean[i], low[i], high[i]);
			goal.add(k[i], target, target, target);
		}
		YIntervalSeriesCollection data = new YIntervalSeriesCollection();
		data.addSeries(curve);
		data.addSeries(goal);
		NumberAxis x = new NumberAxis("lesions sampled at random (k)");
		x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		if (k.length > 0) x.setRange(k[0] - 0.5, k[k.length - 1] + 0.5);
		NumberAxis y = new NumberAxis("recovered " + index + " (%)");
		y.setRange(0, 105);
		DeviationRenderer r = new DeviationRenderer(true, true);
		r.setSeriesPaint(0, PALETTE[0]);
		r.setSeriesFillPaint(0, new Color(160, 190, 230));
		r.setSeriesStroke(0, new BasicStroke(2f));
		r.setSeriesPaint(1, PALETTE[5]);
		r.setSeriesFillPaint(1, PALETTE[5]);
		r.setSeriesShapesVisible(1, false);
		r.setSeriesStroke(1, dashed(1.5f));
		r.setAlpha(0.35f);
		XYPlot plot = new XYPlot(data, x, y, r);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		JFreeChart chart = new JFreeChart("Recovery curve " + index, TITLE, plot, true);
		return Figure.of(styled(chart, "cohort: per simulation the mean over patients"), "Recovery curve " + index, 720, 480);
	}

	/**
	 * Lesion scores per patient as points, one row per patient (first patient on top), coloured by site, with the
	 * reference cut-off as a dashed vertical line (Sun et al. 2022's heterogeneity figure). Points of one row are drawn
	 * slightly apart vertically so equal scores stay visible.
	 *
	 * @param scores patient → (site, score) of its lesions with a score
	 * @param cutoff NaN for none
	 */
	public static Figure lesionScores(Map<String, List<Map.Entry<String, Double>>> scores, double cutoff, String subtitle) {
		List<String> patients = new java.util.ArrayList<>(scores.keySet());
		java.util.Collections.reverse(patients); // the symbol axis counts upwards
		Map<String, org.jfree.data.xy.XYSeries> bySite = new java.util.TreeMap<>();
		for (int row = 0; row < patients.size(); row++) {
			List<Map.Entry<String, Double>> lesions = scores.get(patients.get(row));
			for (int j = 0; j < lesions.size(); j++) {
				String site = lesions.get(j).getKey().isBlank() ? "(no site)" : lesions.get(j).getKey();
				double jitter = lesions.size() == 1 ? 0 : 0.25 * (2.0 * j / (lesions.size() - 1) - 1);
				bySite.computeIfAbsent(site, k -> new org.jfree.data.xy.XYSeries(k, false, true)).add(lesions.get(j).getValue().doubleValue(), row + jitter);
			}
		}
		org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
		bySite.values().forEach(data::addSeries);
		NumberAxis x = new NumberAxis("lesion score");
		x.setAutoRangeIncludesZero(false);
		org.jfree.chart.axis.SymbolAxis y = new org.jfree.chart.axis.SymbolAxis("patient", patients.toArray(new String[0]));
		y.setGridBandsVisible(false);
		org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, true);
		for (int i = 0; i < data.getSeriesCount(); i++) {
			r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
			r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
		}
		XYPlot plot = new XYPlot(data, x, y, r);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		if (!Double.isNaN(cutoff)) {
			org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(cutoff, Color.DARK_GRAY,
					dashed(1.5f));
			m.setLabel("cut-off " + FeatureTableCsv.format(cutoff));
			m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
			m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
			plot.addDomainMarker(m);
			double lo = Math.min(cutoff, data.getSeriesCount() == 0 ? cutoff : data.getDomainLowerBound(false));
			double hi = Math.max(cutoff, data.getSeriesCount() == 0 ? cutoff : data.getDomainUpperBound(false));
			double pad = Math.max(1e-9, (hi - lo) * 0.05);
			x.setRange(lo - pad, hi + pad);
		}
		JFreeChart chart = new JFreeChart("Lesion scores per patient", TITLE, plot, true);
		return Figure.of(styled(chart, subtitle), "Lesion scores per patient", 760, Math.max(420, 26 * patients.size() + 160));
	}
}
