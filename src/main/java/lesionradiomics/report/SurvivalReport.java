package lesionradiomics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import lesionradiomics.io.Csv;
import lesionradiomics.outcome.Cox;
import lesionradiomics.outcome.KaplanMeier;
import lesionradiomics.outcome.ProportionalHazards;
import lesionradiomics.workflow.SurvivalWorkflow;

/**
 * Tables and figures of the survival analysis: survival_data.csv, km.csv, km_medians.csv, logrank.csv, cox.csv,
 * cutpoint.csv (with the scan), km_<set>.png (Kaplan–Meier by group with censoring ticks, log-rank p and the numbers at
 * risk under the axis) and forest.png (hazard ratios with 95 % intervals).
 */
public final class SurvivalReport {

	private SurvivalReport() {}

	private static String f(double v) {
		return FeatureTableCsv.format(v);
	}

	public static List<List<String>> dataRows(SurvivalWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		List<String> h = new ArrayList<>(List.of("patient", "time", "event", r.options().variable(), "set", "group"));
		h.addAll(r.options().covariates());
		out.add(h);
		for (SurvivalWorkflow.Subject s : r.subjects()) {
			List<String> row = new ArrayList<>(List.of(s.patient(), f(s.time()), s.event() ? "1" : "0", f(s.value()), s.set(), s.group()));
			for (double c : s.covariates()) row.add(f(c));
			out.add(row);
		}
		return out;
	}

	public static List<List<String>> kmRows(SurvivalWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("set", "group", "time", "n_risk", "n_event", "n_censor", "survival", "std_err", "lower_95", "upper_95"));
		for (SurvivalWorkflow.SetResult s : r.sets())
			for (SurvivalWorkflow.GroupCurve g : s.curves()) {
				KaplanMeier.Curve c = g.curve();
				for (int i = 0; i < c.time().length; i++)
					out.add(List.of(s.set(), g.group(), f(c.time()[i]), Integer.toString(c.atRisk()[i]), Integer.toString(c.events()[i]),
							Integer.toString(c.censored()[i]), f(c.survival()[i]), f(c.stdErr()[i]), f(c.lower()[i]), f(c.upper()[i])));
			}
		return out;
	}

	public static List<List<String>> medianRows(SurvivalWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("set", "group", "n", "events", "median", "lower_95", "upper_95"));
		for (SurvivalWorkflow.SetResult s : r.sets())
			for (SurvivalWorkflow.GroupCurve g : s.curves())
				out.add(List.of(s.set(), g.group(), Integer.toString(g.n()), Integer.toString(g.events()), f(g.median().median()), f(g.median().lower()),
						f(g.median().upper())));
		return out;
	}

	public static List<List<String>> logRankRows(SurvivalWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("set", "observed_low", "expected_low", "observed_high", "expected_high", "chisq", "df", "p_value", "reason"));
		for (SurvivalWorkflow.SetResult s : r.sets()) {
			if (s.logRank() == null) {
				out.add(List.of(s.set(), "", "", "", "", "NaN", "", "NaN", s.reason() == null ? "" : s.reason()));
				continue;
			}
			int low = java.util.Arrays.asList(s.logRank().groups()).indexOf("low"), high = java.util.Arrays.asList(s.logRank().groups()).indexOf("high");
			out.add(List.of(s.set(), f(s.logRank().observed()[low]), f(s.logRank().expected()[low]), f(s.logRank().observed()[high]),
					f(s.logRank().expected()[high]), f(s.logRank().chiSquare()), Integer.toString(s.logRank().df()), f(s.logRank().pValue()), ""));
		}
		return out;
	}

	public static List<List<String>> coxRows(SurvivalWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("model", "set", "term", "n", "events", "coef", "se", "hazard_ratio", "lower_95", "upper_95", "z", "p_value", "concordance",
				"lr_chisq", "lr_p", "wald_chisq", "wald_p", "score_chisq", "score_p", "zph_chisq", "zph_p", "zph_global_p", "sd", "hr_per_sd", "hr_per_sd_lower_95", "hr_per_sd_upper_95", "reason"));
		double[] sd = termSds(r);
		addCox(out, "continuous", "all", r.continuous(), r.continuousZph(), sd);
		if (r.multivariate() != null) addCox(out, "multivariate", "all", r.multivariate(), r.multivariateZph(), sd);
		for (SurvivalWorkflow.SetResult s : r.sets()) if (s.hazard() != null) addCox(out, "cut-off", s.set(), s.hazard(), null, new double[0]);
		return out;
	}

	/**
	 * Sample SD (n − 1) over the analysed patients of the variable and of each covariate, in the Cox models' term order,
	 * so a continuous term's hazard ratio can also be read per SD: HR_SD = exp(β·SD), CI exp((β ± z·se)·SD).
	 */
	static double[] termSds(SurvivalWorkflow.Result r) {
		int terms = 1 + r.options().covariates().size();
		double[] sd = new double[terms];
		for (int k = 0; k < terms; k++) {
			org.apache.commons.statistics.descriptive.Variance v = org.apache.commons.statistics.descriptive.Variance.create();
			for (SurvivalWorkflow.Subject s : r.subjects()) {
				double x = k == 0 ? s.value() : s.covariates()[k - 1];
				if (Double.isFinite(x)) v.accept(x);
			}
			sd[k] = Math.sqrt(v.getAsDouble());
		}
		return sd;
	}

	/** A term's hazard ratio and 95 % CI per {@code sd} units: exp(β·SD) and exp((β ± z·se)·SD) = bound^SD. */
	static double[] perSd(Cox.Term t, double sd) {
		return new double[] { Math.exp(t.coef() * sd), Math.pow(t.lower(), sd), Math.pow(t.upper(), sd) };
	}

	private static void addCox(List<List<String>> out, String model, String set, Cox.Fit fit, ProportionalHazards zph, double[] sd) {
		for (int k = 0; k < fit.terms().size(); k++) {
			Cox.Term t = fit.terms().get(k);
			double s = k < sd.length ? sd[k] : Double.NaN;
			List<String> row = new ArrayList<>(List.of(model, set, t.name(), Integer.toString(fit.n()), Integer.toString(fit.events()), f(t.coef()), f(t.se()),
					f(t.hazardRatio()), f(t.lower()), f(t.upper()), f(t.z()), f(t.pValue()), f(fit.concordance()), f(fit.likelihoodRatio()),
					f(fit.likelihoodRatioP()), f(fit.wald()), f(fit.waldP()), f(fit.score()), f(fit.scoreP()), zph == null ? "" : f(zph.chiSquare()[k]),
					zph == null ? "" : f(zph.pValue()[k]), zph == null ? "" : f(zph.pValue()[zph.pValue().length - 1])));
			if (Double.isNaN(s)) row.addAll(List.of("", "", "", ""));
			else {
				double[] per = perSd(t, s);
				row.addAll(List.of(f(s), f(per[0]), f(per[1]), f(per[2])));
			}
			row.add(fit.reason() == null ? "" : fit.reason());
			out.add(row);
		}
	}

	public static List<List<String>> cutpointRows(SurvivalWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("variable", "method", "cutoff", "statistic", "p_value_lau94", "minprop", "chosen_on"));
		out.add(List.of(r.options().variable(), r.options().cutoff(), f(r.cutoff()), r.cutPoint() == null ? "" : f(r.cutPoint().statistic()),
				r.cutPoint() == null ? "" : f(r.cutPoint().pValue()), r.cutPoint() == null ? "" : f(r.options().minprop()),
				r.options().trainFraction() > 0 ? "train" : "all"));
		return out;
	}

	/** Writes every table and figure into {@code dir}. */
	public static void write(SurvivalWorkflow.Result r, Path dir) throws IOException {
		write(r, dir, Figure.DEFAULT_DPI);
	}

	/** As {@link #write}, the PNG figures at {@code dpi} (--dpi). */
	public static void write(SurvivalWorkflow.Result r, Path dir, int dpi) throws IOException {
		write(r, dir, dpi, "");
	}

	/** As {@link #write}, the PNG figures at {@code dpi} and the time axes in {@code timeUnit} (e.g. months; blank: none). */
	public static void write(SurvivalWorkflow.Result r, Path dir, int dpi, String timeUnit) throws IOException {
		Files.createDirectories(dir);
		Csv.writeAtomically(dir.resolve("survival_data.csv"), dataRows(r));
		Csv.writeAtomically(dir.resolve("km.csv"), kmRows(r));
		Csv.writeAtomically(dir.resolve("km_medians.csv"), medianRows(r));
		Csv.writeAtomically(dir.resolve("logrank.csv"), logRankRows(r));
		Csv.writeAtomically(dir.resolve("cox.csv"), coxRows(r));
		if (!Double.isNaN(r.cutoff())) Csv.writeAtomically(dir.resolve("cutpoint.csv"), cutpointRows(r));
		if (r.cutPoint() != null) {
			List<List<String>> scan = new ArrayList<>(List.of(List.of("cutoff", "standardized_logrank")));
			for (int i = 0; i < r.cutPoint().cuts().length; i++) scan.add(List.of(f(r.cutPoint().cuts()[i]), f(r.cutPoint().stats()[i])));
			Csv.writeAtomically(dir.resolve("cutpoint_scan.csv"), scan);
		}
		for (SurvivalWorkflow.SetResult s : r.sets()) kaplanMeier(r, s, timeUnit).save(dir.resolve("km_" + s.set() + ".png"), dpi);
		Figure forest = forest(r);
		if (forest != null) forest.save(dir.resolve("forest.png"), dpi);
	}

	private static final Color[] GROUP = { new Color(0, 114, 178), new Color(213, 94, 0), Color.DARK_GRAY };

	/** Kaplan–Meier curves of a set's groups with censoring ticks, the log-rank p, HR and the numbers at risk under the axis. */
	public static Figure kaplanMeier(SurvivalWorkflow.Result r, SurvivalWorkflow.SetResult s) {
		return kaplanMeier(r, s, "");
	}

	/** The time axis label: "time (months)", or "time" when the unit is not known. */
	static String timeAxis(String unit) {
		return unit == null || unit.isBlank() ? "time" : "time (" + unit.trim() + ")";
	}

	/** As {@link #kaplanMeier(SurvivalWorkflow.Result, SurvivalWorkflow.SetResult)}, the time axis in {@code timeUnit}. */
	public static Figure kaplanMeier(SurvivalWorkflow.Result r, SurvivalWorkflow.SetResult s, String timeUnit) {
		XYSeriesCollection curves = new XYSeriesCollection(), ticks = new XYSeriesCollection();
		double tmax = 0;
		for (SurvivalWorkflow.GroupCurve g : s.curves()) {
			String label = g.group().equals("all") ? "all patients, n = " + g.n() : g.group() + " (" + r.options().variable()
					+ (g.group().equals("low") ? " ≤ " : " > ") + g3(r.cutoff()) + "), n = " + g.n();
			XYSeries c = new XYSeries(label, false, true), t = new XYSeries(label + " censored", false, true);
			c.add(0, 1);
			KaplanMeier.Curve k = g.curve();
			for (int i = 0; i < k.time().length; i++) {
				c.add(k.time()[i], k.survival()[i]);
				if (k.censored()[i] > 0) t.add(k.time()[i], k.survival()[i]);
				tmax = Math.max(tmax, k.time()[i]);
			}
			curves.addSeries(c);
			ticks.addSeries(t);
		}
		NumberAxis x = new NumberAxis(timeAxis(timeUnit)), y = new NumberAxis("survival probability");
		x.setRange(0, tmax * 1.02);
		y.setRange(0, 1.02);
		XYStepRenderer step = new XYStepRenderer();
		XYLineAndShapeRenderer tick = new XYLineAndShapeRenderer(false, true);
		java.awt.Shape plus = new java.awt.geom.Rectangle2D.Double(-0.75, -5, 1.5, 10);
		for (int i = 0; i < s.curves().size(); i++) {
			step.setSeriesPaint(i, GROUP[i % GROUP.length]);
			step.setSeriesStroke(i, new BasicStroke(2f));
			tick.setSeriesPaint(i, GROUP[i % GROUP.length]);
			tick.setSeriesShape(i, plus);
			tick.setSeriesVisibleInLegend(i, false);
		}
		XYPlot plot = new XYPlot(curves, x, y, step);
		plot.setDataset(1, ticks);
		plot.setRenderer(1, tick);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		String title = "Kaplan-Meier: " + (s.set().equals("all") ? "all patients" : s.set() + " set");
		JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		String sub;
		if (s.logRank() == null) sub = (s.reason() == null ? "" : s.reason() + "; ") + "+ censored";
		else if (s.hazard().reason() != null) sub = "log-rank p = " + p(s.logRank().pValue()) + "; no hazard ratio: " + s.hazard().reason() + "; + censored";
		else sub = String.format(Locale.ROOT, "log-rank p = %s; HR high vs low %s (95%% CI %s–%s); + censored", p(s.logRank().pValue()),
				g3(s.hazard().terms().get(0).hazardRatio()), g3(s.hazard().terms().get(0).lower()), g3(s.hazard().terms().get(0).upper()));
		chart.addSubtitle(new TextTitle(sub, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
		int width = 820, rows = s.curves().size(), table = 30 + 18 * rows, height = 520 + table;
		double tMax = tmax;
		return new Figure(title, width, height, g -> {
			ChartRenderingInfo info = new ChartRenderingInfo();
			chart.draw(g, new Rectangle2D.Double(0, 0, width, height - table), info);
			Rectangle2D area = info.getPlotInfo().getDataArea();
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
			g.drawString("Number at risk", 10, height - table + 16);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			double[] at = x.getTickUnit() == null ? new double[0] : ticksOf(x, tMax);
			for (int i = 0; i < rows; i++) {
				SurvivalWorkflow.GroupCurve gc = s.curves().get(i);
				int yy = height - table + 34 + 18 * i;
				g.setColor(GROUP[i % GROUP.length]);
				g.drawString(gc.group(), 10, yy);
				g.setColor(Color.BLACK);
				for (double t : at) {
					String n = Integer.toString(gc.curve().atRiskAt(t));
					float px = (float) x.valueToJava2D(t, area, RectangleEdge.BOTTOM);
					g.drawString(n, px - g.getFontMetrics().stringWidth(n) / 2f, yy);
				}
			}
		});
	}

	/** The axis' tick values up to tmax, thinned to at most 12 columns so the numbers stay readable. */
	private static double[] ticksOf(NumberAxis x, double tmax) {
		double unit = x.getTickUnit().getSize();
		int n = (int) Math.floor(tmax / unit) + 1, every = (n + 11) / 12;
		double[] out = new double[(n + every - 1) / every];
		for (int i = 0; i < out.length; i++) out[i] = i * every * unit;
		return out;
	}

	private static String p(double p) {
		return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
	}

	/**
	 * Three significant digits, for labels (the tables keep full precision): plain between 0.001 and 10,000,
	 * otherwise as 1.31e-11 or 1.05e+06 so an extreme estimate stays one short word.
	 */
	static String g3(double v) {
		if (Double.isNaN(v)) return "NaN";
		if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
		if (v == 0) return "0";
		double a = Math.abs(v);
		if (a < 1e-3 || a >= 1e4) return String.format(Locale.ROOT, "%.2e", v).replace("e-0", "e-").replace("e+0", "e+");
		return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
	}

	/** Hazard ratios with 95 % intervals (log scale) of the multivariate model, or of the continuous one without covariates. */
	public static Figure forest(SurvivalWorkflow.Result r) {
		Cox.Fit fit = r.multivariate() != null ? r.multivariate() : r.continuous();
		if (fit.reason() != null) return null;
		XYIntervalSeries s = new XYIntervalSeries("hazard ratio with 95 % CI");
		List<String> names = new ArrayList<>();
		double[] sd = termSds(r);
		double lo = 1, hi = 1;
		for (Cox.Term t : fit.terms())
			for (double v : new double[] { t.hazardRatio(), t.lower(), t.upper() })
				if (Double.isFinite(v) && v > 0) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
		for (int k = 0; k < fit.terms().size(); k++) {
			Cox.Term t = fit.terms().get(k);
			int row = fit.terms().size() - 1 - k;
			// an unbounded CI ends at the frame (the label says ∞) instead of leaving the plot
			s.add(t.hazardRatio(), Double.isFinite(t.lower()) && t.lower() > 0 ? t.lower() : lo, Double.isFinite(t.upper()) ? t.upper() : hi, row, row, row);
			double[] per = k < sd.length && sd[k] > 0 && Double.isFinite(sd[k]) ? perSd(t, sd[k]) : null;
			String perSd = per == null ? "" : String.format(Locale.ROOT, "; per SD %s (%s–%s)", g3(per[0]), g3(per[1]), g3(per[2]));
			names.add(0, String.format(Locale.ROOT, "%s  HR %s (%s–%s)%s, p %s", t.name(), g3(t.hazardRatio()), g3(t.lower()), g3(t.upper()), perSd,
					p(t.pValue())));
		}
		XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
		data.addSeries(s);
		org.jfree.chart.axis.LogAxis x = new org.jfree.chart.axis.LogAxis("hazard ratio (log scale)");
		x.setSmallestValue(Math.min(1e-6, lo / 2));
		x.setRange(lo / 1.5, hi * 1.5); // every whisker inside the frame
		SymbolAxis y = new SymbolAxis("", names.toArray(new String[0]));
		y.setGridBandsVisible(false);
		XYErrorRenderer e = new XYErrorRenderer();
		e.setDrawYError(false);
		e.setSeriesPaint(0, GROUP[0]);
		e.setErrorPaint(GROUP[0]);
		e.setErrorStroke(new BasicStroke(2f));
		e.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10));
		XYPlot plot = new XYPlot(data, x, y, e);
		plot.setBackgroundPaint(Color.WHITE);
		plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(1, Color.GRAY, Charts.dashed(1f)));
		String title = r.multivariate() != null ? "Multivariate Cox model" : "Cox model of " + r.options().variable();
		JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "n = %d, %d events; concordance %.3f; likelihood-ratio p %s", fit.n(), fit.events(),
				fit.concordance(), p(fit.likelihoodRatioP())), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
		return Figure.of(chart, title, 820, 200 + 50 * fit.terms().size());
	}
}
