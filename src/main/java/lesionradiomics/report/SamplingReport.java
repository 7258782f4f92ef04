package lesionradiomics.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

	/** Cohort recovery curve of one index: mean, 2.5–97.5 percentile band, target line with the k that reaches it. */
	public static Figure curve(Simulation.Result r, Recovery.Index index, double target) {
		List<Simulation.Summary> points = new ArrayList<>();
		for (Simulation.Summary s : r.curves) if (s.patient.equals(Simulation.Result.COHORT) && s.index == index) points.add(s);
		int n = points.size();
		int[] k = new int[n];
		double[] mean = new double[n], low = new double[n], high = new double[n];
		for (int i = 0; i < n; i++) {
			k[i] = Integer.parseInt(points.get(i).strategy);
			mean[i] = points.get(i).mean;
			low[i] = points.get(i).low;
			high[i] = points.get(i).high;
		}
		return Charts.recoveryCurve(index.name(), k, mean, low, high, target, r.smallestK(Simulation.Result.COHORT, index, target), r.kMax);
	}

	/** Every table and curve of a sampling run into {@code dir}. */
	public static void write(SamplingWorkflow.Result result, Path dir) throws IOException {
		write(result, dir, Figure.DEFAULT_DPI);
	}

	/** As {@link #write}, the PNG figures at {@code dpi} (--dpi). */
	public static void write(SamplingWorkflow.Result result, Path dir, int dpi) throws IOException {
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
		for (Recovery.Index i : Recovery.Index.values()) curve(r, i, o.target()).save(dir.resolve("recovery_curve_" + i + ".png"), dpi);
		Csv.writeAtomically(dir.resolve("sampling_settings.csv"), List.of(List.of("simulations", "seed", "recovery", "scaling", "recist_like_excluded"),
				List.of(Integer.toString(o.simulations()), Long.toString(o.seed()), o.ratio() ? "plain ratio I(S)/I" : "max(0, 1 - |I(S) - I| / I)",
						o.scaling().name().toLowerCase(Locale.ROOT), String.join(";", o.excludeSites()))));
	}
}
