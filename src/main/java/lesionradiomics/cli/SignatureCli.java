package lesionradiomics.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.workflow.Bind;
import lesionradiomics.report.SignatureReport;
import lesionradiomics.workflow.SignatureOptions;
import lesionradiomics.workflow.SignatureWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code signature}: coarse-to-fine selection, a model, validation on held-out patients, and a model file for {@code score}. */
@Command(name = "signature", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Trains a signature and validates it on patients it never saw.",
				"%nSplits the patients (seeded, stratified by outcome; a patient's lesions on",
				"one side) or deals them into k folds; on the training rows only: drops",
				"missing/constant features, then optionally unreproducible ones (CCC or ICC",
				"against --perturbed tables), redundant ones (correlation clusters) and all",
				"but the --top-k by univariate AUC or Harrell's C; fits an elastic net",
				"(lambda by a training-only CV grouped by patient), a logistic regression or",
				"a random forest. Files written into --out:",
				"  signature_model.csv (or .json for a forest; score --model applies it),",
				"  selection.csv, performance.csv, predictions.csv, coefficients.csv or",
				"  importance.csv, and the figures (PNG and SVG) roc, calibration,",
				"  cv_curve, lambda_path, importance, km_risk." })
final class SignatureCli implements Callable<Integer> {

	@Option(names = "--features", required = true, paramLabel = "TABLE.csv", description = "Lesion- or patient-level feature table (extract, cohort, response, score output; a patient column).")
	Path features;

	@Option(names = "--outcome-table", paramLabel = "FILE", description = "Table with the outcome columns, joined by patient (and label/lesion when both tables have one); default: the feature table.")
	Path outcomeTable;

	@Option(names = "--outcome", paramLabel = "COLUMN", description = "Binary outcome column (default: response).")
	String outcome = SignatureOptions.DEFAULTS.outcome();

	@Option(names = "--positive", split = ",", paramLabel = "LEVEL", description = "Outcome levels counted positive, e.g. progressive (default: 1/true/yes).")
	List<String> positive = new ArrayList<>();

	@Option(names = "--time", paramLabel = "COLUMN", description = "Survival time column (with --event: a survival outcome, LASSO-Cox).")
	String time;

	@Option(names = "--event", paramLabel = "COLUMN", description = "Survival event column (1 event, 0 censored).")
	String event;

	@Option(names = "--validation", paramLabel = "split|cv", description = "Held-out validation split (default) or k-fold cross-validation.")
	String validation = "split";

	@Option(names = "--train-fraction", paramLabel = "F", description = "Share of patients in training (default 0.667, Dercle et al.'s 2:1).")
	double trainFraction = SignatureOptions.DEFAULTS.trainFraction();

	@Option(names = "--folds", paramLabel = "K", description = "Outer folds of --validation cv (default 5).")
	int folds = SignatureOptions.DEFAULTS.folds();

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the split, folds and forest (default 1).")
	long seed = SignatureOptions.DEFAULTS.seed();

	@Option(names = "--perturbed", split = ",", paramLabel = "NAME=FILE", description = "Tables (CSV) of the same lesions on eroded/dilated masks or a retest scan: the reproducibility step.")
	List<String> perturbed = new ArrayList<>();

	@Option(names = "--reproducibility", paramLabel = "T", description = "Keep features whose agreement with every perturbed table is >= T (default 0.85).")
	double reproducibility = SignatureOptions.DEFAULTS.reproducibility();

	@Option(names = "--agreement", paramLabel = "ccc|ICCn", description = "Agreement of the reproducibility step: ccc (default) or a psych::ICC form (ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k).")
	String agreement = SignatureOptions.DEFAULTS.agreement();

	@Option(names = "--redundancy", paramLabel = "R", description = "Cluster features while average |r| >= R, keep one per cluster (default 0: off; e.g. 0.9).")
	double redundancy = SignatureOptions.DEFAULTS.redundancy();

	@Option(names = "--correlation", paramLabel = "M", description = "pearson (default) or spearman, for --redundancy.")
	String correlation = "pearson";

	@Option(names = "--top-k", paramLabel = "K", description = "Keep the K features ranked best by univariate AUC / Harrell's C on the training rows (default 0: off).")
	int topK = SignatureOptions.DEFAULTS.topK();

	@Option(names = "--model", paramLabel = "lasso|logistic|forest", description = "Elastic net (default), plain logistic regression or random forest.")
	String model = "lasso";

	@Option(names = "--alpha", paramLabel = "A", description = "Elastic-net mixing, 1 = LASSO (default), 0.5 = elastic net.")
	double alpha = SignatureOptions.DEFAULTS.alpha();

	@Option(names = "--lambda", paramLabel = "min|1se", description = "lambda.min (default) or lambda.1se of the training CV.")
	String lambda = "min";

	@Option(names = "--fixed-lambda", paramLabel = "L", description = "Use this lambda instead of a CV (e.g. too few events for one; default 0: CV).")
	double fixedLambda = SignatureOptions.DEFAULTS.fixedLambda();

	@Option(names = "--inner-folds", paramLabel = "K", description = "Folds of the training-only lambda CV (default 10).")
	int innerFolds = SignatureOptions.DEFAULTS.innerFolds();

	@Option(names = "--trees", paramLabel = "N", description = "Trees of the random forest (default 500).")
	int trees = SignatureOptions.DEFAULTS.trees();

	@Option(names = "--threads", paramLabel = "N", description = "Threads (default 0: all cores; results do not depend on it).")
	int threads = 0;

	@Mixin
	OutFolderCliArgs folder;

	@Override
	public Integer call() throws Exception {
		SignatureOptions o = Bind.signature(outcome, positive, time, event, validation, trainFraction, folds, seed, reproducibility, agreement, redundancy,
				correlation, topK, model, alpha, lambda, fixedLambda, innerFolds, trees, threads);
		try (var lock = folder.prepare(SignatureReport.OWNED)) {
			SignatureWorkflow.Result r = SignatureWorkflow.run(features, outcomeTable, Bind.perturbed(perturbed), o);
			Path modelFile = SignatureReport.write(r, folder.out);
			for (String n : r.notes()) System.err.println("note: " + n);
			System.err.println(SignatureReport.summary(r));
			if (modelFile == null) {
				System.err.println("no model file written (" + r.fitted().reason() + "); selection and performance in " + folder.out);
				return EndingCliArgs.INCOMPLETE;
			}
			System.err.println("model in " + modelFile + "; results in " + folder.out);
			return EndingCliArgs.OK;
		}
	}
}
