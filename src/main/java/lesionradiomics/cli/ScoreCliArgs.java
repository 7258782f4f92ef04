package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.util.ArrayList;
import java.util.List;

import lesionradiomics.workflow.ScoreOptions;
import picocli.CommandLine.Option;

/** Lesion-to-patient options of {@code score} and {@code cohort}, bound to {@link ScoreOptions}. */
final class ScoreCliArgs {

	@Option(names = "--variables", split = ",", paramLabel = "NAME", description = "Lesion variables described per patient and aggregated: score and/or feature columns (default: the score when a model is given, and every feature, or the --selected ones).")
	List<String> variables = new ArrayList<>(ScoreOptions.DEFAULTS.variables());

	@Option(names = "--aggregations", split = ",", paramLabel = "M", description = "Patient aggregates: mean, median, min, max, vwmean, largest, smallest, vwmean_k (default: all).")
	List<String> aggregations = new ArrayList<>();

	@Option(names = "--largest-k", paramLabel = "K", description = "Lesions of vwmean_k, the volume-weighted mean of the k largest (default 3).")
	int k = ScoreOptions.DEFAULTS.k();

	@Option(names = "--entropy-bins", paramLabel = "N", description = "Equal-width bins over the cohort-wide range for the entropy metric (default 10).")
	int entropyBins = ScoreOptions.DEFAULTS.entropyBins();

	@Option(names = "--min-volume-ml", paramLabel = "ML", description = "Only lesions of at least this volume in the patient values (default 0: all; the study's subset: 1).")
	double minVolumeMl = ScoreOptions.DEFAULTS.minVolumeMl();

	@Option(names = "--sites", split = ",", paramLabel = "SITE", description = "Only lesions of these sites in the patient values (default: all).")
	List<String> sites = new ArrayList<>();

	ScoreOptions options() {
		return Bind.scores(variables, aggregations, k, entropyBins, minVolumeMl, sites);
	}
}
