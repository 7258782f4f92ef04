package lesionradiomics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
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
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.Csv;
import lesionradiomics.model.ElasticNetCv;
import lesionradiomics.outcome.KaplanMeier;
import lesionradiomics.workflow.SignatureOptions;
import lesionradiomics.workflow.SignatureWorkflow;

/** The files of {@code signature}: model file, selection, performance, predictions and the figures. */
public final class SignatureReport {

	public static final String LINEAR_MODEL = "signature_model.csv", FOREST_MODEL = "signature_model.json";

	public static final ResultsFolder.Owned OWNED = new ResultsFolder.Owned("signature", List.of("signature_model.*", "selection.csv", "performance.csv",
			"predictions.csv", "coefficients.csv", "importance.csv", "cv_curve.*", "lambda_path.*", "importance.*", "roc.*", "calibration.*", "km_risk.*",
			"notes.txt"));

	private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16), SUB = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

	private SignatureReport() {}

	/** The run in one line: rows, patients, features, the model and its validation performance. */
	public static String summary(SignatureWorkflow.Result r) {
		SignatureWorkflow.Metrics v = r.validation();
		String perf;
		if (r.options().survival()) perf = String.format(Locale.ROOT, "%s Harrell's C %s", v.set(), Double.isNaN(v.harrell()) ? "n/a (" + v.reason() + ")"
				: String.format(Locale.ROOT, "%.3f (%d rows, %d event%s%s)", v.harrell(), v.scored(), v.positives(), v.positives() == 1 ? "" : "s", v.positives() < 5 ? ": too few to trust" : ""));
		else perf = v.roc() == null ? v.set() + " AUC n/a (" + v.reason() + ")"
				: String.format(Locale.ROOT, "%s AUC %.3f (95%% CI %.3f-%.3f; %d positive vs %d negative%s)", v.set(), v.roc().auc(), v.roc().lower(),
						v.roc().upper(), v.roc().positives(), v.roc().negatives(), Math.min(v.roc().positives(), v.roc().negatives()) < 5 ? ": too few to trust" : "");
		return String.format(Locale.ROOT, "%d rows of %d patients, %d features: %s signature of %d %s; %s", r.data().rows(),
				new java.util.HashSet<>(r.data().patients()).size(), r.data().features().size(), r.options().model().name().toLowerCase(Locale.ROOT),
				r.fitted().features().size(), r.fitted().features().size() == 1 ? "feature" : "features", perf);
	}

	/** Writes everything into {@code dir}; returns the model file written (null when there is no model). */
	public static Path write(SignatureWorkflow.Result r, Path dir) throws IOException {
		Path model = null;
		if (r.model() != null) {
			String what = "signature " + r.options().model().name().toLowerCase(Locale.ROOT) + " of " + r.data().rows() + " rows, seed " + r.options().seed()
					+ "; score = " + (r.options().survival() ? "Cox linear predictor (risk)" : r.options().model() == SignatureOptions.Model.FOREST
							? "fraction of trees voting positive" : "logit of the probability") + "; cutoff = training threshold";
			if (r.model().forest() != null) {
				model = dir.resolve(FOREST_MODEL);
				String json = r.model().toJson();
				AtomicFiles.write(model, out -> out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			} else {
				model = dir.resolve(LINEAR_MODEL);
				Csv.writeAtomically(model, SignatureWorkflow.modelRows(r.model(), what));
			}
		}
		Csv.writeAtomically(dir.resolve("selection.csv"), selectionRows(r));
		Csv.writeAtomically(dir.resolve("performance.csv"), performanceRows(r));
		Csv.writeAtomically(dir.resolve("predictions.csv"), predictionRows(r));
		if (r.fitted().forest() != null) Csv.writeAtomically(dir.resolve("importance.csv"), importanceRows(r));
		else if (r.fitted().reason() == null) Csv.writeAtomically(dir.resolve("coefficients.csv"), coefficientRows(r));
		List<List<String>> notes = new ArrayList<>();
		for (String n : r.notes()) notes.add(List.of(n));
		if (!notes.isEmpty()) Csv.writeAtomically(dir.resolve("notes.txt"), notes);
		ElasticNetCv.Result cv = r.fitted().cv();
		if (cv != null) {
			if (!cv.folds().isEmpty()) cvCurve(r).save(dir.resolve("cv_curve.png"));
			lambdaPath(r).save(dir.resolve("lambda_path.png"));
		}
		Figure imp = importance(r);
		if (imp != null) imp.save(dir.resolve("importance.png"));
		if (r.options().survival()) {
			Figure km = km(r);
			if (km != null) km.save(dir.resolve("km_risk.png"));
		} else {
			Figure roc = roc(r);
			if (roc != null) roc.save(dir.resolve("roc.png"));
			Figure cal = calibration(r);
			if (cal != null) cal.save(dir.resolve("calibration.png"));
		}
		return model;
	}

	static String f(double v) {
		return FeatureTableCsv.format(v);
	}

	public static List<List<String>> selectionRows(SignatureWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("step", "rule", "feature", "kept", "value", "reason"));
		for (SignatureWorkflow.Step s : r.fitted().steps()) {
			for (String k : s.kept()) out.add(List.of(s.name(), s.rule(), k, "yes", s.values().containsKey(k) ? f(s.values().get(k)) : "", ""));
			for (Map.Entry<String, String> e : s.dropped().entrySet())
				out.add(List.of(s.name(), s.rule(), e.getKey(), "no", s.values().containsKey(e.getKey()) ? f(s.values().get(e.getKey())) : "", e.getValue()));
		}
		return out;
	}

	public static List<List<String>> performanceRows(SignatureWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("set", "rows", "positives_or_events", "scored", "auc", "auc_lower", "auc_upper", "threshold", "sensitivity", "specificity",
				"calibration_intercept", "calibration_slope", "brier", "harrell_c", "logrank_p", "reason"));
		boolean survival = r.options().survival();
		for (SignatureWorkflow.Metrics m : List.of(r.training(), r.validation())) {
			// a column that does not apply to the outcome is left blank (NaN would read as a failed computation)
			out.add(List.of(m.set(), Integer.toString(m.n()), Integer.toString(m.positives()), Integer.toString(m.scored()),
					m.roc() == null ? "" : f(m.roc().auc()), m.roc() == null ? "" : f(m.roc().lower()), m.roc() == null ? "" : f(m.roc().upper()),
					f(r.fitted().threshold()), survival ? "" : f(m.sensitivity()), survival ? "" : f(m.specificity()),
					m.calibration() == null ? "" : f(m.calibration().intercept()), m.calibration() == null ? "" : f(m.calibration().slope()),
					m.calibration() == null ? "" : f(m.calibration().brier()), survival ? f(m.harrell()) : "", survival ? f(m.logRankP()) : "",
					m.reason() == null ? m.calibration() != null && m.calibration().reason() != null ? m.calibration().reason() : "" : m.reason()));
		}
		return out;
	}

	public static List<List<String>> predictionRows(SignatureWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		SignatureWorkflow.Data d = r.data();
		boolean surv = d.survival();
		out.add(surv ? List.of("patient", "lesion", "set", "time", "event", "score", "group") : List.of("patient", "lesion", "set", "outcome", "score", "probability", "class"));
		for (int i = 0; i < d.rows(); i++) {
			double s = r.score()[i];
			String cls = Double.isNaN(s) ? "" : s >= r.fitted().threshold() ? (surv ? "high" : "positive") : (surv ? "low" : "negative");
			if (surv) out.add(List.of(d.patients().get(i), d.keys().get(i), r.set()[i], f(d.time()[i]), d.event()[i] ? "1" : "0", f(s), cls));
			else out.add(List.of(d.patients().get(i), d.keys().get(i), r.set()[i], d.y()[i] ? "1" : "0", f(s), Double.isNaN(s) ? "" : f(r.fitted().probability(s)), cls));
		}
		return out;
	}

	static List<List<String>> coefficientRows(SignatureWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("feature", "coefficient", "training_min", "training_max"));
		SignatureWorkflow.Fitted fit = r.fitted();
		if (!r.options().survival()) out.add(List.of("(intercept)", f(fit.intercept()), "", ""));
		for (int j = 0; j < fit.features().size(); j++) out.add(List.of(fit.features().get(j), f(fit.beta()[j]), f(fit.min()[j]), f(fit.max()[j])));
		return out;
	}

	static List<List<String>> importanceRows(SignatureWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("feature", "permutation_importance", "gini_importance"));
		double[] p = r.fitted().forest().permutationImportance(), g = r.fitted().forest().giniImportance();
		for (int j = 0; j < r.fitted().features().size(); j++) out.add(List.of(r.fitted().features().get(j), f(p[j]), f(g[j])));
		out.add(List.of("# oob_error", f(r.fitted().forest().oobError()), ""));
		return out;
	}

	private static JFreeChart chart(String title, XYPlot plot, String subtitle, boolean legend) {
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(new Color(220, 220, 220));
		plot.setRangeGridlinePaint(new Color(220, 220, 220));
		JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
		c.setBackgroundPaint(Color.WHITE);
		if (subtitle != null) c.addSubtitle(new TextTitle(subtitle, SUB));
		return c;
	}

	/** cv.glmnet's plot: mean CV deviance ± 1 SE against log λ, λ.min and λ.1se marked. */
	public static Figure cvCurve(SignatureWorkflow.Result r) {
		ElasticNetCv.Result cv = r.fitted().cv();
		XYIntervalSeries s = new XYIntervalSeries("mean CV deviance ± 1 SE");
		double[] l = cv.fit().lambda();
		for (int k = 0; k < cv.cvm().length; k++) {
			double x = Math.log(l[k]);
			s.add(x, x, x, cv.cvm()[k], cv.cvm()[k] - cv.cvsd()[k], cv.cvm()[k] + cv.cvsd()[k]);
		}
		XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
		data.addSeries(s);
		XYErrorRenderer rend = new XYErrorRenderer();
		rend.setDrawXError(false);
		rend.setSeriesPaint(0, new Color(213, 94, 0));
		rend.setErrorPaint(new Color(150, 150, 150));
		rend.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
		NumberAxis x = new NumberAxis("log(λ)"), y = new NumberAxis(r.options().survival() ? "partial-likelihood deviance (CV)" : "binomial deviance (CV)");
		x.setAutoRangeIncludesZero(false);
		y.setAutoRangeIncludesZero(false);
		XYPlot plot = new XYPlot(data, x, y, rend);
		mark(plot, Math.log(cv.lambdaMin()), "λ.min");
		mark(plot, Math.log(cv.lambda1se()), "λ.1se");
		return Figure.of(chart("Cross-validation of λ (training rows only)", plot, cv.folds().size() + "-fold CV grouped by patient; α = " + r.options().alpha()
				+ "; chosen: λ." + (r.options().lambda() == SignatureOptions.LambdaRule.MIN ? "min" : "1se"), false), "CV curve", 720, 480);
	}

	private static void mark(XYPlot plot, double x, String label) {
		ValueMarker m = new ValueMarker(x, Color.DARK_GRAY, Charts.dashed(1f));
		m.setLabel(label);
		m.setLabelFont(SUB);
		m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
		m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
		plot.addDomainMarker(m);
	}

	/** Coefficient paths (original scale × training SD, so paths are comparable) against log λ; the chosen λ dashed. */
	public static Figure lambdaPath(SignatureWorkflow.Result r) {
		ElasticNetCv.Result cv = r.fitted().cv();
		XYSeriesCollection data = new XYSeriesCollection();
		List<String> names = r.fitted().cvFeatures();
		double[] l = cv.fit().lambda();
		List<Integer> shown = new ArrayList<>();
		for (int j = 0; j < names.size(); j++) {
			boolean nonzero = false;
			for (int k = 0; k < l.length; k++) if (cv.fit().beta()[k][j] != 0) nonzero = true;
			if (nonzero) shown.add(j);
		}
		// grey (not in the signature) first so the signature's paths are drawn on top; the legend names the signature's
		// features with the largest |standardised coefficient| at the chosen λ, in that order
		int legendMax = 8;
		List<Integer> grey = new ArrayList<>(), chosen = new ArrayList<>();
		for (int j : shown) (r.fitted().features().contains(names.get(j)) ? chosen : grey).add(j);
		int at = 0;
		for (int k = 1; k < l.length; k++) if (Math.abs(l[k] - r.fitted().lambda()) < Math.abs(l[at] - r.fitted().lambda())) at = k;
		int chosenAt = at;
		chosen.sort(Comparator.comparingDouble(j -> -Math.abs(cv.fit().beta()[chosenAt][j] * cv.fit().sd()[j])));
		XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, false);
		int series = 0;
		for (int j : grey) {
			XYSeries s = new XYSeries(names.get(j), false, true);
			for (int k = 0; k < l.length; k++) s.add(Math.log(l[k]), cv.fit().beta()[k][j] * cv.fit().sd()[j]);
			data.addSeries(s);
			rend.setSeriesPaint(series, new Color(200, 200, 200));
			rend.setSeriesStroke(series, new BasicStroke(1f));
			rend.setSeriesVisibleInLegend(series++, false);
		}
		for (int c = 0; c < chosen.size(); c++) {
			int j = chosen.get(c);
			XYSeries s = new XYSeries(shorten(names.get(j)), false, true);
			for (int k = 0; k < l.length; k++) s.add(Math.log(l[k]), cv.fit().beta()[k][j] * cv.fit().sd()[j]);
			data.addSeries(s);
			rend.setSeriesPaint(series, c < legendMax ? Charts.PALETTE[c % (Charts.PALETTE.length - 1)] : new Color(90, 90, 90));
			rend.setSeriesStroke(series, new BasicStroke(c < legendMax ? 2.2f : 1.2f));
			rend.setSeriesVisibleInLegend(series++, c < legendMax);
		}
		NumberAxis x = new NumberAxis("log(λ)"), y = new NumberAxis("standardised coefficient (β × SD)");
		x.setAutoRangeIncludesZero(false);
		XYPlot plot = new XYPlot(data, x, y, rend);
		mark(plot, Math.log(r.fitted().lambda()), r.options().fixedLambda() > 0 ? "given λ" : "chosen λ");
		String sub = shown.size() + " features ever non-zero; " + chosen.size() + " in the signature (dark"
				+ (chosen.size() > legendMax ? "; the " + legendMax + " largest coloured and named" : "") + "), grey: not";
		JFreeChart c = chart("Elastic-net coefficient paths", plot, sub, true);
		if (c.getLegend() != null) c.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		return Figure.of(c, "Lambda path", 760, 560);
	}

	/** Features of the signature by |standardised coefficient| or by permutation importance, largest on top. */
	public static Figure importance(SignatureWorkflow.Result r) {
		SignatureWorkflow.Fitted fit = r.fitted();
		if (fit.reason() != null || fit.features().isEmpty()) return null;
		List<Map.Entry<String, Double>> v = new ArrayList<>();
		String axis;
		if (fit.forest() != null) {
			double[] p = fit.forest().permutationImportance();
			for (int j = 0; j < p.length; j++) v.add(Map.entry(fit.features().get(j), p[j]));
			axis = "permutation importance (mean decrease in OOB accuracy)";
		} else {
			for (int j = 0; j < fit.beta().length; j++) {
				double sd = sd(r, fit.features().get(j));
				v.add(Map.entry(fit.features().get(j), fit.beta()[j] * sd));
			}
			axis = "coefficient × training SD";
		}
		boolean forest = fit.forest() != null; // importance: largest first (negative = noise); coefficients: by size, sign shown
		v.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> forest ? -e.getValue() : -Math.abs(e.getValue())));
		if (v.size() > 20) v = v.subList(0, 20);
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Map.Entry<String, Double> e : v) data.addValue(e.getValue(), "importance", shorten(e.getKey()));
		BarRenderer b = new BarRenderer();
		b.setBarPainter(new StandardBarPainter());
		b.setShadowVisible(false);
		b.setSeriesPaint(0, new Color(0, 114, 178));
		CategoryAxis cat = new CategoryAxis(null);
		cat.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		cat.setMaximumCategoryLabelWidthRatio(0.45f);
		CategoryPlot plot = new CategoryPlot(data, cat, new NumberAxis(axis), b);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT); // the value axis under the bars, as a reader expects
		plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(220, 220, 220));
		JFreeChart c = new JFreeChart("Signature features", TITLE, plot, false);
		c.setBackgroundPaint(Color.WHITE);
		c.addSubtitle(new TextTitle(fit.forest() != null ? String.format(Locale.ROOT, "random forest of %d trees; OOB error %.3f", fit.forest().size(),
				fit.forest().oobError()) : fit.features().size() + " features with a non-zero coefficient", SUB));
		return Figure.of(c, "Feature importance", 760, Math.max(420, 140 + 28 * v.size()));
	}

	private static String shorten(String s) {
		return s.length() <= 48 ? s : s.substring(0, 22) + "…" + s.substring(s.length() - 25);
	}

	private static double sd(SignatureWorkflow.Result r, String feature) {
		int j = r.data().features().indexOf(feature);
		double s = 0, ss = 0;
		int n = 0;
		for (int i = 0; i < r.data().rows(); i++)
			if ((r.set()[i].equals("training") || !r.set()[i].equals("validation")) && Double.isFinite(r.data().x()[i][j])) {
				s += r.data().x()[i][j];
				ss += r.data().x()[i][j] * r.data().x()[i][j];
				n++;
			}
		return n < 2 ? 1 : Math.sqrt(Math.max(0, (ss - s * s / n) / (n - 1)));
	}

	/** ROC of the training and the validation rows, AUC with DeLong CI in the legend. */
	public static Figure roc(SignatureWorkflow.Result r) {
		XYSeriesCollection data = new XYSeriesCollection();
		for (SignatureWorkflow.Metrics m : List.of(r.training(), r.validation())) {
			if (m.roc() == null) continue;
			XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s: AUC %.2f (%.2f-%.2f), %d vs %d", m.set(), m.roc().auc(), m.roc().lower(), m.roc().upper(),
					m.roc().positives(), m.roc().negatives()), false, true);
			for (double[] p : m.roc().curve()) s.add(p[0], p[1]);
			data.addSeries(s);
		}
		if (data.getSeriesCount() == 0) return null;
		int curves = data.getSeriesCount();
		XYSeries chance = new XYSeries("chance");
		chance.add(0, 0);
		chance.add(1, 1);
		data.addSeries(chance);
		XYLineAndShapeRenderer l = new XYLineAndShapeRenderer(true, false);
		Color[] colours = { new Color(150, 150, 150), new Color(0, 114, 178) };
		for (int i = 0; i < curves; i++) {
			l.setSeriesPaint(i, curves == 2 ? colours[i] : colours[1]);
			l.setSeriesStroke(i, new BasicStroke(curves == 2 && i == 0 ? 1.5f : 2.5f));
		}
		l.setSeriesPaint(curves, Color.GRAY);
		l.setSeriesStroke(curves, Charts.dashed(1f));
		NumberAxis x = new NumberAxis("1 - specificity"), y = new NumberAxis("sensitivity");
		x.setRange(-0.02, 1.02);
		y.setRange(-0.02, 1.02);
		XYPlot plot = new XYPlot(data, x, y, l);
		return Figure.of(chart("ROC: training vs validation", plot, "AUC with DeLong 95 % CI; " + r.options().model().name().toLowerCase(Locale.ROOT)
				+ " signature of " + r.fitted().features().size() + " features", true), "ROC", 640, 600);
	}

	/** Observed fraction against mean predicted probability per decile group of the validation rows, with the diagonal. */
	public static Figure calibration(SignatureWorkflow.Result r) {
		SignatureWorkflow.Metrics m = r.validation();
		if (m.calibration() == null) return null;
		List<double[]> pts = new ArrayList<>();
		SignatureWorkflow.Data d = r.data();
		for (int i = 0; i < d.rows(); i++)
			if (!r.set()[i].equals("training") && Double.isFinite(r.score()[i])) pts.add(new double[] { r.fitted().probability(r.score()[i]), d.y()[i] ? 1 : 0 });
		pts.sort(Comparator.comparingDouble(p -> p[0]));
		int groups = Math.max(1, Math.min(10, pts.size() / 5));
		XYSeries s = new XYSeries("observed in " + groups + " groups of ~" + Math.max(1, pts.size() / groups) + " rows by predicted risk", false, true);
		for (int g = 0; g < groups; g++) {
			int a = g * pts.size() / groups, b = (g + 1) * pts.size() / groups;
			double px = 0, oy = 0;
			for (int i = a; i < b; i++) {
				px += pts.get(i)[0];
				oy += pts.get(i)[1];
			}
			s.add(px / (b - a), oy / (b - a));
		}
		XYSeries ideal = new XYSeries("ideal");
		ideal.add(0, 0);
		ideal.add(1, 1);
		// the fitted logistic calibration line of val.prob: P(y) = expit(intercept + slope · logit(p))
		XYSeries fitted = new XYSeries("logistic calibration", false, true);
		boolean line = Double.isFinite(m.calibration().intercept()) && Double.isFinite(m.calibration().slope());
		if (line) {
			double lo = pts.get(0)[0], hi = pts.get(pts.size() - 1)[0];
			for (int k = 0; k <= 100; k++) {
				double p = lo + (hi - lo) * k / 100;
				if (!(p > 0 && p < 1)) continue;
				double eta = m.calibration().intercept() + m.calibration().slope() * Math.log(p / (1 - p));
				fitted.add(p, 1 / (1 + Math.exp(-eta)));
			}
		}
		XYSeriesCollection data = new XYSeriesCollection(s);
		data.addSeries(ideal);
		data.addSeries(fitted);
		XYLineAndShapeRenderer l = new XYLineAndShapeRenderer(true, true);
		l.setSeriesPaint(0, new Color(0, 114, 178));
		l.setSeriesLinesVisible(0, false);
		l.setSeriesStroke(0, new BasicStroke(2f));
		l.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
		l.setSeriesPaint(1, Color.GRAY);
		l.setSeriesShapesVisible(1, false);
		l.setSeriesStroke(1, Charts.dashed(1f));
		l.setSeriesPaint(2, new Color(213, 94, 0));
		l.setSeriesShapesVisible(2, false);
		l.setSeriesStroke(2, new BasicStroke(1.5f));
		l.setSeriesVisibleInLegend(2, line);
		NumberAxis x = new NumberAxis("predicted probability"), y = new NumberAxis("observed fraction positive");
		x.setRange(-0.02, 1.02);
		y.setRange(-0.02, 1.02);
		XYPlot plot = new XYPlot(data, x, y, l);
		return Figure.of(chart("Calibration (" + m.set() + ")", plot, String.format(Locale.ROOT, "intercept %.2f, slope %.2f, Brier %.3f (rms::val.prob); n = %d",
				m.calibration().intercept(), m.calibration().slope(), m.calibration().brier(), m.scored()), true), "Calibration", 640, 600);
	}

	/** Kaplan–Meier of the validation rows' risk groups, cut at the training median risk. */
	public static Figure km(SignatureWorkflow.Result r) {
		SignatureWorkflow.Metrics m = r.validation();
		if (m.km().isEmpty()) return null;
		XYSeriesCollection data = new XYSeriesCollection();
		for (Map.Entry<String, KaplanMeier.Curve> e : m.km().entrySet()) {
			KaplanMeier.Curve c = e.getValue();
			XYSeries s = new XYSeries(e.getKey() + " risk (n = " + (c.atRisk().length == 0 ? 0 : c.atRisk()[0]) + ")", false, true);
			s.add(0, 1);
			for (int k = 0; k < c.time().length; k++) s.add(c.time()[k], c.survival()[k]);
			data.addSeries(s);
		}
		XYStepRenderer l = new XYStepRenderer();
		l.setSeriesPaint(0, new Color(0, 114, 178));
		l.setSeriesPaint(1, new Color(213, 94, 0));
		l.setSeriesStroke(0, new BasicStroke(2f));
		l.setSeriesStroke(1, new BasicStroke(2f));
		NumberAxis x = new NumberAxis("time"), y = new NumberAxis("survival probability");
		y.setRange(0, 1.02);
		XYPlot plot = new XYPlot(data, x, y, l);
		return Figure.of(chart("Risk groups (" + m.set() + ")", plot, String.format(Locale.ROOT, "cut at the training median risk; Harrell's C %.2f; log-rank p %s",
				m.harrell(), Double.isNaN(m.logRankP()) ? "n/a" : String.format(Locale.ROOT, "%.3g", m.logRankP())), true), "KM risk groups", 720, 480);
	}
}
