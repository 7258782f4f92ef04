package lesionradiomics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import lesionradiomics.io.Csv;
import lesionradiomics.outcome.DeltaFeatures;
import lesionradiomics.outcome.Recist;
import lesionradiomics.workflow.ResponseWorkflow;

/**
 * Tables and figures of the two-time-point analysis: lesion_response.csv, patient_response.csv, delta_features.csv,
 * patient_delta.csv, association.csv, errors.csv; waterfall.png (per-lesion change coloured by class), spider.png (each
 * patient's sum of diameters) and roc.png (ROC curves with the AUC in the legend).
 */
public final class ResponseReport {

	private ResponseReport() {}

	private static String f(double v) {
		return FeatureTableCsv.format(v);
	}

	public static List<List<String>> lesionRows(ResponseWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "lesion", "site", "measure", "measure_0_mm", "measure_1_mm", "change_mm", "change_percent", "class", "volume_0_mm3",
				"volume_1_mm3", "volume_change_mm3", "volume_change_percent", "volume_class", "voxel_volume_0_mm3", "voxel_volume_1_mm3",
				"voxel_volume_change_percent"));
		for (ResponseWorkflow.LesionResponse l : r.lesions())
			out.add(List.of(l.patient(), l.key(), l.site(), l.measure(), f(l.measure0()), f(l.measure1()), f(l.measure1() - l.measure0()),
					f(100 * l.relativeMeasureChange()), l.byDiameter().label(), f(l.volume0()), f(l.volume1()), f(l.volume1() - l.volume0()),
					f(100 * l.relativeVolumeChange()), l.byVolume().label(), f(l.voxelVolume0()), f(l.voxelVolume1()),
					f(100 * (l.voxelVolume1() - l.voxelVolume0()) / l.voxelVolume0())));
		return out;
	}

	public static List<List<String>> patientRows(ResponseWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "baseline", "follow_up", "targets", "sum_0_mm", "sum_1_mm", "change_percent", "new_lesions", "response", "reason"));
		r.patients().forEach((p, x) -> out.add(List.of(p, r.timepoints().get(p).get(0), r.timepoints().get(p).get(1), Integer.toString(x.targets().size()),
				f(x.sumBaseline()), f(x.sumFollowUp()), f(100 * x.change()), Integer.toString(x.newLesions()), x.response() == null ? "" : x.response().name(),
				x.reason() == null ? "" : x.reason())));
		return out;
	}

	public static List<List<String>> deltaRows(ResponseWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		List<String> h = new ArrayList<>(List.of("patient", "lesion", "site"));
		for (String feature : r.delta().features()) {
			h.add(feature + "_diff");
			h.add(feature + "_rel");
		}
		out.add(h);
		for (DeltaFeatures.Pair p : r.delta().pairs()) {
			List<String> row = new ArrayList<>(List.of(p.patient(), p.key(), p.baseline().site()));
			for (int k = 0; k < p.difference().length; k++) {
				row.add(f(p.difference()[k]));
				row.add(f(p.relative()[k]));
			}
			out.add(row);
		}
		return out;
	}

	public static List<List<String>> patientDeltaRows(ResponseWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		List<String> h = new ArrayList<>(List.of("patient"));
		for (String feature : r.delta().features()) h.add("delta_" + feature + "_" + r.options().deltaAggregation().key());
		out.add(h);
		r.patientDelta().forEach((p, values) -> {
			List<String> row = new ArrayList<>(List.of(p));
			for (String feature : r.delta().features()) row.add(f(values.get(feature)));
			out.add(row);
		});
		return out;
	}

	public static List<List<String>> associationRows(ResponseWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("variable", "subgroup", "lesions", "progressive", "auc", "auc_lower_delong", "auc_upper_delong", "auc_p", "auc_lower_bootstrap",
				"auc_upper_bootstrap", "youden_threshold", "sensitivity", "specificity", "spearman_rho_volume_change", "spearman_p", "cutoff", "odds_ratio",
				"or_lower", "or_upper", "fisher_p", "reason"));
		for (ResponseWorkflow.Association a : r.associations()) {
			if (a.roc() == null) {
				List<String> row = new ArrayList<>(List.of(r.options().variable(), a.subgroup(), Integer.toString(a.lesions()), Integer.toString(a.progressive())));
				while (row.size() < out.get(0).size() - 1) row.add("NaN");
				row.add(a.reason());
				out.add(row);
				continue;
			}
			out.add(List.of(r.options().variable(), a.subgroup(), Integer.toString(a.lesions()), Integer.toString(a.progressive()), f(a.roc().auc()),
					f(a.roc().lower()), f(a.roc().upper()), f(a.roc().pValue()), f(a.bootstrapLower()), f(a.bootstrapUpper()), f(a.roc().threshold()),
					f(a.roc().sensitivity()), f(a.roc().specificity()), a.spearman() == null ? "NaN" : f(a.spearman().rho()),
					a.spearman() == null ? "NaN" : f(a.spearman().pValue()), f(a.cutoff()), f(a.fisher().oddsRatio()), f(a.fisher().lower()), f(a.fisher().upper()),
					f(a.fisher().pValue()), ""));
		}
		return out;
	}

	public static void write(ResponseWorkflow.Result r, Path dir) throws IOException {
		write(r, dir, Figure.DEFAULT_DPI);
	}

	/** As {@link #write}, the PNG figures at {@code dpi} (--dpi). */
	public static void write(ResponseWorkflow.Result r, Path dir, int dpi) throws IOException {
		Files.createDirectories(dir);
		Csv.writeAtomically(dir.resolve("lesion_response.csv"), lesionRows(r));
		Csv.writeAtomically(dir.resolve("patient_response.csv"), patientRows(r));
		Csv.writeAtomically(dir.resolve("delta_features.csv"), deltaRows(r));
		Csv.writeAtomically(dir.resolve("patient_delta.csv"), patientDeltaRows(r));
		List<List<String>> errors = new ArrayList<>(List.of(List.of("patient", "reason")));
		r.failures().forEach((p, why) -> errors.add(List.of(p, why)));
		Csv.writeAtomically(dir.resolve("errors.csv"), errors);
		if (!r.associations().isEmpty()) Csv.writeAtomically(dir.resolve("association.csv"), associationRows(r));
		waterfall(r).save(dir.resolve("waterfall.png"), dpi);
		spider(r).save(dir.resolve("spider.png"), dpi);
		Figure roc = roc(r);
		if (roc != null) roc.save(dir.resolve("roc.png"), dpi);
	}

	private static final Map<Recist.LesionClass, Color> CLASS = Map.of(Recist.LesionClass.PROGRESSIVE, new Color(213, 94, 0), Recist.LesionClass.STABLE,
			new Color(150, 150, 150), Recist.LesionClass.RESPONDING, new Color(0, 114, 178), Recist.LesionClass.DISAPPEARED, new Color(0, 158, 115));

	/** Per-lesion change of the RECIST measure, largest increase first, coloured by class, with the +20 % / −30 % lines. */
	public static Figure waterfall(ResponseWorkflow.Result r) {
		List<ResponseWorkflow.LesionResponse> ls = new ArrayList<>(r.lesions().stream().filter(l -> !Double.isNaN(l.measure0())).toList());
		ls.sort(Comparator.comparingDouble((ResponseWorkflow.LesionResponse l) -> Double.isNaN(l.measure1()) ? -1 : l.relativeMeasureChange()).reversed());
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Recist.LesionClass c : List.of(Recist.LesionClass.PROGRESSIVE, Recist.LesionClass.STABLE, Recist.LesionClass.RESPONDING, Recist.LesionClass.DISAPPEARED))
			for (ResponseWorkflow.LesionResponse l : ls)
				data.addValue(l.byDiameter() == c ? 100 * (Double.isNaN(l.measure1()) ? -1 : l.relativeMeasureChange()) : null, c.label(),
						l.patient() + "/" + l.key());
		CategoryAxis x = new CategoryAxis("lesion (patient/lesion)");
		x.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_90);
		x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
		NumberAxis y = new NumberAxis("change of the RECIST measure (%)");
		BarRenderer b = new BarRenderer();
		b.setBarPainter(new StandardBarPainter());
		b.setShadowVisible(false);
		b.setItemMargin(-3); // one bar per lesion: the other classes' empty slots take no room
		int k = 0;
		for (Recist.LesionClass c : List.of(Recist.LesionClass.PROGRESSIVE, Recist.LesionClass.STABLE, Recist.LesionClass.RESPONDING, Recist.LesionClass.DISAPPEARED))
			b.setSeriesPaint(k++, CLASS.get(c));
		CategoryPlot plot = new CategoryPlot(data, x, y, b);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		BasicStroke dash = Charts.dashed(1.2f);
		plot.addRangeMarker(new ValueMarker(100 * r.options().progression(), Color.DARK_GRAY, dash));
		plot.addRangeMarker(new ValueMarker(-100 * r.options().response(), Color.DARK_GRAY, dash));
		JFreeChart chart = new JFreeChart("Lesion response (waterfall)", new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%d lesions present at baseline; dashed: +%.0f %% and -%.0f %%; long axis, short axis for nodes",
				ls.size(), 100 * r.options().progression(), 100 * r.options().response()), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
		return Figure.of(chart, "Lesion response (waterfall)", Math.max(720, 22 * ls.size() + 160), 480);
	}

	/** Each patient's sum of target measures relative to baseline, at both time points. */
	public static Figure spider(ResponseWorkflow.Result r) {
		XYSeriesCollection data = new XYSeriesCollection();
		r.patients().forEach((p, x) -> {
			if (Double.isNaN(x.change())) return;
			XYSeries s = new XYSeries(p + (x.response() == null ? "" : " (" + x.response() + ")"));
			s.add(0, 0);
			s.add(1, 100 * x.change());
			data.addSeries(s);
		});
		NumberAxis xa = new NumberAxis("time point");
		xa.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
		xa.setRange(-0.1, 1.1);
		NumberAxis ya = new NumberAxis("change of the sum of target measures (%)");
		double lo = -40, hi = 30; // the PR and PD lines always in view
		for (int i = 0; i < data.getSeriesCount(); i++) {
			lo = Math.min(lo, data.getSeries(i).getMinY() - 5);
			hi = Math.max(hi, data.getSeries(i).getMaxY() + 5);
		}
		ya.setRange(lo, hi);
		XYLineAndShapeRenderer l = new XYLineAndShapeRenderer(true, true);
		for (int i = 0; i < data.getSeriesCount(); i++) l.setSeriesPaint(i, Charts.PALETTE[i % Charts.PALETTE.length]);
		XYPlot plot = new XYPlot(data, xa, ya, l);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		BasicStroke dash = Charts.dashed(1.2f);
		plot.addRangeMarker(new ValueMarker(20, Color.DARK_GRAY, dash));
		plot.addRangeMarker(new ValueMarker(-30, Color.DARK_GRAY, dash));
		JFreeChart chart = new JFreeChart("Patient response (spider plot)", new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.addSubtitle(new TextTitle("RECIST 1.1 targets; dashed: +20 % (PD) and -30 % (PR); response in the legend", new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
		return Figure.of(chart, "Patient response (spider plot)", 720, 480);
	}

	/** ROC curves of the variable against progression, overall and per subgroup with an AUC, the AUC in the legend. */
	public static Figure roc(ResponseWorkflow.Result r) {
		XYSeriesCollection data = new XYSeriesCollection();
		for (ResponseWorkflow.Association a : r.associations()) {
			if (a.roc() == null) continue;
			data.addSeries(curve(a, r));
		}
		if (data.getSeriesCount() == 0) return null;
		XYSeries chance = new XYSeries("chance");
		chance.add(0, 0);
		chance.add(1, 1);
		data.addSeries(chance);
		NumberAxis x = new NumberAxis("1 - specificity"), y = new NumberAxis("sensitivity");
		x.setRange(-0.02, 1.02); // curves along the frame stay visible
		y.setRange(-0.02, 1.02);
		XYLineAndShapeRenderer l = new XYLineAndShapeRenderer(true, true);
		for (int i = 0; i < data.getSeriesCount() - 1; i++) {
			l.setSeriesPaint(i, Charts.PALETTE[i % Charts.PALETTE.length]);
			l.setSeriesStroke(i, new BasicStroke(2f));
			l.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
		}
		int last = data.getSeriesCount() - 1;
		l.setSeriesPaint(last, Color.GRAY);
		l.setSeriesShapesVisible(last, false);
		l.setSeriesStroke(last, Charts.dashed(1f));
		XYPlot plot = new XYPlot(data, x, y, l);
		plot.setBackgroundPaint(Color.WHITE);
		JFreeChart chart = new JFreeChart("ROC: " + r.options().variable() + " vs progression", new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.addSubtitle(new TextTitle("lesion level; AUC with DeLong 95 % CI in the legend", new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
		return Figure.of(chart, "ROC curves", 640, 600);
	}

	/** Fewer lesions than this in either class make an AUC and its CI too unstable to read without a warning. */
	static final int FEW = 5;

	/** The legend of one ROC curve: AUC with CI and the counts behind it, so an AUC of 1 from one event reads as such. */
	static String rocLegend(ResponseWorkflow.Association a) {
		int events = a.progressive(), others = a.lesions() - a.progressive();
		return String.format(Locale.ROOT, "%s: AUC %.2f (%.2f-%.2f); %d progressing vs %d not%s", a.subgroup(), a.roc().auc(), a.roc().lower(),
				a.roc().upper(), events, others, Math.min(events, others) < FEW ? " (too few to trust)" : "");
	}

	private static XYSeries curve(ResponseWorkflow.Association a, ResponseWorkflow.Result r) {
		XYSeries s = new XYSeries(rocLegend(a), false, true);
		for (double[] point : a.roc().curve()) s.add(point[0], point[1]);
		return s;
	}
}
