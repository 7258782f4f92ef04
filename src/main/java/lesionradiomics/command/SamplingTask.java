package lesionradiomics.command;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.gui.Plot;
import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.io.Csv;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.Plots;
import lesionradiomics.sampling.PatientLesions;
import lesionradiomics.sampling.Recovery;
import lesionradiomics.sampling.Simulation;
import lesionradiomics.sampling.Strategy;

/** "Sampling Recovery" for every front end: how much MTD and ATH lesion-sampling strategies recover. */
public final class SamplingTask {

	/** Column with the lesion size RECIST and "largest" use. */
	static final String DIAMETER = "original_shape_Maximum2DDiameterSlice";

	/** Options with the study's defaults. */
	public static final class Options {
		public int simulations = 500;
		public long seed = 20220101L;
		public boolean plainRatio = false;
		public Dissimilarity.Scaling scaling = Dissimilarity.Scaling.MINMAX;
		public List<String> recistLikeExcluded = List.of("bone");
		public int kMin = 2, kMax = 15;
		public double targetPercent = 75;
		public List<Strategy> extra = List.of();
	}

	private SamplingTask() {}

	/** The patients' lesions and distances, from the analysed features and the lesion sizes of the full table. */
	public static List<PatientLesions> patients(FeatureMatrix analysed, FeatureMatrix full, Dissimilarity.Scaling scaling, List<String> notes) {
		boolean haveSize = full.features().contains(DIAMETER);
		if (!haveSize) notes.add("no " + DIAMETER + " column: RECIST and 'largest' strategies cannot rank lesions by size");
		java.util.Map<String, Double> size = new java.util.HashMap<>();
		if (haveSize) {
			double[] d = full.column(DIAMETER);
			for (int i = 0; i < full.rows(); i++) size.put(full.lesions().get(i).toString(), d[i]);
		}
		List<PatientLesions> out = new ArrayList<>();
		for (Dissimilarity.Patient p : Dissimilarity.perPatient(analysed, new Dissimilarity.Scaler(analysed, scaling))) {
			for (String e : p.excluded) notes.add("patient " + p.patient + ", " + e);
			int n = p.lesions.size();
			long[] labels = new long[n];
			double[] diam = new double[n];
			List<String> sites = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				FeatureMatrix.Lesion l = p.lesions.get(i);
				labels[i] = l.label();
				sites.add(l.site());
				diam[i] = size.getOrDefault(l.toString(), Double.NaN);
			}
			out.add(new PatientLesions(p.patient, labels, sites, diam, p.distance));
		}
		return out;
	}

	public static Simulation.Result run(List<PatientLesions> patients, Options o, int threads, Progress progress) {
		List<Strategy> strategies = new ArrayList<>(List.of(Strategy.exhaustive()));
		strategies.addAll(Simulation.studyStrategies(o.recistLikeExcluded));
		strategies.addAll(o.extra);
		return new Simulation(o.simulations, o.seed, o.plainRatio, threads).run(patients, strategies, o.kMin, o.kMax, progress);
	}

	static String fmt(double v) {
		return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.0f", v);
	}

	/** The study's Table 3: rows MTD and ATH, the exhaustive value, then each strategy as "mean % [low–high]" (cohort). */
	static List<List<String>> tableRows(Simulation.Result r) {
		List<List<String>> out = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("index", "exhaustive value"));
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

	static List<List<String>> longRows(List<Simulation.Summary> summaries, String strategyHeader) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", strategyHeader, "index", "mean_percent", "low_2.5", "high_97.5"));
		for (Simulation.Summary s : summaries)
			out.add(List.of(s.patient, s.strategy, s.index.name(), FeatureTableCsv.format(s.mean), FeatureTableCsv.format(s.low), FeatureTableCsv.format(s.high)));
		return out;
	}

	static List<List<String>> neededRows(Simulation.Result r, double target) {
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

	public static void write(Simulation.Result r, Options o, Path dir) throws IOException {
		Csv.writeAtomically(dir.resolve("sampling_recovery.csv"), tableRows(r));
		Csv.writeAtomically(dir.resolve("sampling_per_patient.csv"), longRows(r.strategies, "strategy"));
		Csv.writeAtomically(dir.resolve("recovery_curves.csv"), longRows(r.curves, "k"));
		Csv.writeAtomically(dir.resolve("lesions_needed.csv"), neededRows(r, o.targetPercent));
		for (Recovery.Index i : Recovery.Index.values()) Plots.savePng(curve(r, i, o.targetPercent), dir.resolve("recovery_curve_" + i + ".png"));
		Csv.writeAtomically(dir.resolve("sampling_settings.csv"), List.of(List.of("simulations", "seed", "recovery", "scaling", "recist_like_excluded"),
				List.of(Integer.toString(o.simulations), Long.toString(o.seed), o.plainRatio ? "plain ratio I(S)/I" : "max(0, 1 - |I(S) - I| / I)",
						o.scaling.name().toLowerCase(Locale.ROOT), String.join(";", o.recistLikeExcluded))));
	}
}
