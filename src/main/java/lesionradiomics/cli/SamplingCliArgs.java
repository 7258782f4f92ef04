package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.util.ArrayList;
import java.util.List;

import lesionradiomics.workflow.SamplingOptions;
import picocli.CommandLine.Option;

/** Sampling options of {@code sampling} and {@code cohort}, bound to {@link SamplingOptions} (scaling: see the heterogeneity options). */
final class SamplingCliArgs {

	@Option(names = "--simulations", paramLabel = "N", description = "Simulations per patient and random strategy (default 500).")
	int simulations = SamplingOptions.DEFAULTS.simulations();

	@Option(names = "--seed", paramLabel = "S", description = "Random seed (default 20220101); same seed, same output.")
	long seed = SamplingOptions.DEFAULTS.seed();

	@Option(names = "--ratio", description = "Report the plain ratio I(subset)/I(all) instead of max(0, 1 - |I(S) - I| / I).")
	boolean ratio = SamplingOptions.DEFAULTS.ratio();

	@Option(names = "--exclude-sites", split = ",", paramLabel = "SITE", description = "Sites the RECIST-like strategy never samples (default: bone).")
	List<String> excludeSites = new ArrayList<>(SamplingOptions.DEFAULTS.excludeSites());

	@Option(names = "--max-lesions", paramLabel = "K", description = "Largest k of the recovery curves (default 15).")
	int kmax = SamplingOptions.DEFAULTS.kmax();

	@Option(names = "--target", paramLabel = "PERCENT", description = "Recovery target in percent for the lesions needed (default 75).")
	double target = SamplingOptions.DEFAULTS.target();

	SamplingOptions options(String scaling) {
		return Bind.sampling(simulations, seed, ratio, scaling, excludeSites, kmax, target);
	}
}
