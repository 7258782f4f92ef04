package lesionradiomics.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import lesionradiomics.report.ScoreReport;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.ScoreOptions;
import lesionradiomics.workflow.ScoreWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code score}: lesion scores of a linear model, patient metrics and patient aggregates. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Lesion scores of a linear model, patient metrics and aggregates.",
				"%nscore = intercept + sum of coefficient x term; feature terms are min-max",
				"normalised with the training range of the model file (see README, 'Model",
				"files'). Per patient: n, min, max, mean, median, SD, skewness, kurtosis and",
				"entropy of each variable, and its aggregates (mean, median, min, max,",
				"volume-weighted mean, largest, smallest, volume-weighted mean of the k",
				"largest). Files written:",
				"  lesion_scores.csv (with --model), patient_metrics.csv,",
				"  patient_aggregates.csv, lesion_scores.png (with --model)." })
final class ScoreCli implements Callable<Integer> {

	@Mixin
	FeaturesCliArgs input;

	@Option(names = "--model", paramLabel = "MODEL.csv", description = "Linear model file (term,kind,column,level,min,max,coefficient,clip), or a forest as JSON (signature writes both); without it only the feature variables are described.")
	Path model;

	@Option(names = "--patient-table", paramLabel = "TABLE.csv", description = "Per-patient values for covariate terms (a patient column, then e.g. kvp).")
	Path patientTable;

	@Mixin
	ScoreCliArgs scores;

	@Mixin
	FigureCliArgs results;

	@Override
	public Integer call() throws Exception {
		ScoreOptions o = scores.options();
		try (lesionradiomics.io.FolderLock lock = results.prepare(lesionradiomics.report.ResultsFolder.SCORE)) {
			FeatureInput in = input.read();
			ScoreWorkflow.Result r = ScoreWorkflow.run(in, model, patientTable, o);
			ScoreReport.write(r, results.out(), results.dpi);
			String done = String.format(java.util.Locale.ROOT, "%d patients, %d lesions, %d variables; results in %s", r.patients().size(), r.lesions().size(),
					r.variables().size(), results.out());
			return results.finish(done, r.notes());
		}
	}
}
