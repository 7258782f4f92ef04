package lesionradiomics.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.sampling.PatientLesions;
import lesionradiomics.sampling.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sampling}: heterogeneity recovered by lesion-sampling strategies, and recovery curves. */
@Command(name = "sampling", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "How much of each patient's heterogeneity (MTD, ATH) sampling strategies recover:",
				"2 and 3 at random, 3 from one site, <=3 per site over all sites, RECIST-like (2 from one site, excluding bone),",
				"RECIST 1.1 targets; seeded simulations, 95 % intervals, recovery curves for k = 2..15 at random.",
				"Writes sampling_recovery.csv (the study's Table 3 layout), sampling_per_patient.csv, recovery_curves.csv,",
				"lesions_needed.csv, recovery_curve_MTD.png, recovery_curve_ATH.png and sampling_settings.csv." })
final class SamplingCli implements Callable<Integer> {

	@Option(names = "--features", required = true, paramLabel = "FEATURES.csv", description = "Lesion features (patient,label,site,features...).")
	Path features;

	@Option(names = "--selected", paramLabel = "LIST", description = "Features to compute distances on (e.g. selected_features.txt).")
	Path selected;

	@Option(names = "--simulations", description = "Simulations per patient and strategy (default 500).")
	int simulations = 500;

	@Option(names = "--seed", description = "Random seed (default 20220101); same seed, same output.")
	long seed = 20220101L;

	@Option(names = "--ratio", description = "Report the plain ratio I(subset)/I(all) instead of max(0, 1 - |I(S) - I| / I).")
	boolean ratio;

	@Option(names = "--scaling", description = "minmax (default), zscore or none.")
	String scaling = "minmax";

	@Option(names = "--exclude-sites", split = ",", description = "Sites the RECIST-like strategy never samples (default: bone).")
	List<String> exclude = new ArrayList<>(List.of("bone"));

	@Option(names = "--kmax", description = "Largest k of the recovery curves (default 15).")
	int kmax = 15;

	@Option(names = "--target", description = "Recovery target in %% for the lesions needed (default 75).")
	double target = 75;

	@Option(names = "--threads", description = "Patients simulated in parallel (default: all cores). Results do not depend on it.")
	int threads = 0;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
	Path out;

	@Override
	public Integer call() throws Exception {
		AnalysisInput in = new AnalysisInput(features, selected);
		SamplingTask.Options o = new SamplingTask.Options();
		o.simulations = simulations;
		o.seed = seed;
		o.plainRatio = ratio;
		o.scaling = Dissimilarity.Scaling.parse(scaling);
		o.recistLikeExcluded = exclude;
		o.kMax = kmax;
		o.targetPercent = target;
		List<String> notes = new ArrayList<>();
		List<PatientLesions> patients = SamplingTask.patients(in.analysed, in.full, o.scaling, notes);
		Simulation.Result r = SamplingTask.run(patients, o, SettingsFactory.threads(threads), new CliProgress(System.err));
		SamplingTask.write(r, o, out);
		for (String n : notes) System.err.println("note: " + n);
		for (List<String> row : SamplingTask.tableRows(r)) System.out.println(String.join(" | ", row));
		System.err.println("results in " + out);
		return 0;
	}
}
