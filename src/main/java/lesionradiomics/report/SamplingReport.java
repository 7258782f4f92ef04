package lesionradiomics.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.gui.Plot;
import lesionradiomics.io.Csv;
import lesionradiomics.sampling.Recovery;
import lesionradiomics.sampling.Simulation;
import lesionradiomics.workflow.SamplingOptions;
import lesionradiomics.workflow.SamplingWorkflow;

/** Tables and recovery curves of the sampling analysis. */
public final class SamplingReport {

	private SamplingReport() {}

	static String fmt(double v) {
		return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.0f", v);
	}

	/** Header of the table's first value column: the cohort mean of each patient's index on all its lesions. */
	public static final String MEAN_INDEX = "mean index (all lesions)";

	/** The study's Table 3: rows MTD and ATH, the mean index over all lesions, then each strategy as "mean % [low–high]" (cohort). */
	public static List<List<String>> tableRows(Simulation.Result r) {
		List<List<String>> out = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("index", MEAN_INDEX));
		for (Simulation.Summary s : r.strategies)
			if (s.patient.equals(Simulation.Result.COHORT) && s.index == Recovery.Index.MTD && !s.strategy.equals("exhaustive")) header.add(s.strategy);
		out.add(header);
		for (Recovery.Index index : List.of(Recovery.Index.ATH, Recovery.Index.MTD)) {
			double sum = 0;
			int n = 0;
			for (double[] e : r.exhaustive)
				if (!Double.isNaN(e[index.ordinal()])) {
					sum += e[index.ordinal()];
					n++;
				}
			List<String> row = new ArrayList<>(List.of(index.name(), String.format(Locale.ROOT, "%.2f", sum / n)));
			for (Simulation.Summary s : r.strategies)
				if (s.patient.equals(Simulation.Result.COHORT) && s.index == index && !s.strategy.equals("exhaustive"))
					row.add(fmt(s.mean) + " % [" + fmt(s.low) + "-" + fmt(s.high) + "]");
			out.add(row);
		}
		return out;
	}

	public static List<List<String>> longRows(List<Simulation.Summary> summaries, String strategyHeader) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", strategyHeader, "index", "mean_percent", "low_2.5", "high_97.5"));
		for (Simulation.Summary s : summaries)
			out.add(List.of(s.patient, s.strategy, s.index.name(), FeatureTableCsv.format(s.mean), FeatureTableCsv.format(s.low), FeatureTableCsv.format(s.high)));
		return out;
	}

	public static List<List<String>> neededRows(Simulation.Result r, double target) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "index", "target_percent", "smallest_k"));
		List<String> who = new ArrayList<>(r.patients);
		who.add(Simulation.Result.COHORT);
		for (String p : who)
			for (Recovery.Index i : Recovery.Index.values()) {
				int k = r.smallestK(p, i, target);
				out.add(List.of(p, i.name(), fmt(target), k < 0 ? "> " + r.kMax : Integer.toString(k)));
			}
		return out;
	}

	/** Cohort recovery curve of one index: mean line, 95 % interval lines, target line. */
	public static Plot curve(Simulation.Result r, Recovery.Index index, double target) {
		List<Double> k = new ArrayList<>(), mean = new ArrayList<>(), low = new ArrayList<>(), high = new ArrayList<>();
		for (Simulation.Summary s : r.curves)
			if (s.patient.equals(Simulation.Result.COHORT) && s.index == index) {
				k.add(Double.parseDouble(s.strategy));
				mean.add(s.mean);
				low.add(s.low);
				high.add(s.high);
			}
		Plot plot = new Plot("Recovery curve " + index, "lesions sampled at random (k)", "recovered " + index + " (%)");
		plot.setLimits(r.kMin - 0.5, r.kMax + 0.5, 0, 105);
		plot.setColor(new Color(160, 190, 230));
		plot.addPoints(toArray(k), toArray(low), Plot.LINE);
		plot.addPoints(toArray(k), toArray(high), Plot.LINE);
		plot.setColor(new Color(0, 114, 178));
		plot.setLineWidth(2);
		plot.addPoints(toArray(k), toArray(mean), Plot.CONNECTED_CIRCLES);
		plot.setLineWidth(1);
		plot.setColor(new Color(213, 94, 0));
		plot.drawDottedLine(r.kMin - 0.5, target, r.kMax + 0.5, target, 3);
		plot.setColor(Color.BLACK);
		int needed = r.smallestK(Simulation.Result.COHORT, index, target);
		plot.addLegend("2.5th percentile\n97.5th percentile\nmean over simulations (cohort)\n" + fmt(target) + " % target: k = "
				+ (needed < 0 ? "> " + r.kMax : needed));
		return plot;
	}

	private static double[] toArray(List<Double> v) {
		return v.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** Every table and curve of a sampling run into {@code dir}. */
	public static void write(SamplingWorkflow.Result result, Path dir) throws IOException {
		Simulation.Result r = result.simulation();
		SamplingOptions o = result.options();
		Csv.writeAtomically(dir.resolve("sampling_recovery.csv"), tableRows(r));
		List<List<String>> excluded = new ArrayList<>();
		excluded.add(List.of("patient", "analysable_lesions", "reason"));
		for (SamplingWorkflow.Excluded e : result.excluded()) excluded.add(List.of(e.patient(), Integer.toString(e.lesions()), e.reason()));
		Csv.writeAtomically(dir.resolve("sampling_excluded.csv"), excluded);
		Csv.writeAtomically(dir.resolve("sampling_per_patient.csv"), longRows(r.strategies, "strategy"));
		Csv.writeAtomically(dir.resolve("recovery_curves.csv"), longRows(r.curves, "k"));
		Csv.writeAtomically(dir.resolve("lesions_needed.csv"), neededRows(r, o.target()));
		for (Recovery.Index i : Recovery.Index.values()) Plots.savePng(curve(r, i, o.target()), dir.resolve("recovery_curve_" + i + ".png"));
		Csv.writeAtomically(dir.resolve("sampling_settings.csv"), List.of(List.of("simulations", "seed", "recovery", "scaling", "recist_like_excluded"),
				List.of(Integer.toString(o.simulations()), Long.toString(o.seed()), o.ratio() ? "plain ratio I(S)/I" : "max(0, 1 - |I(S) - I| / I)",
						o.scaling().name().toLowerCase(Locale.ROOT), String.join(";", o.excludeSites()))));
	}
}
