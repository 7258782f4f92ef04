package lesionradiomics.fiji;

import java.io.File;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.report.ResultsFolder;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SignatureReport;
import lesionradiomics.workflow.Bind;
import lesionradiomics.workflow.SignatureOptions;
import lesionradiomics.workflow.SignatureWorkflow;

/** SciJava command "Train Signature" (headless, scriptable): selection, a model and its validation on held-out patients. */
@Plugin(type = Command.class, headless = true, label = "Train Signature",
		description = "Coarse-to-fine feature selection on the training patients, an elastic net, logistic regression or random forest, "
				+ "validated on held-out patients; writes a model file that Lesion Scores applies.")
public class TrainSignature extends TaskCommand {

	@Parameter(label = "Features: lesion- or patient-level feature table (CSV)", style = "table:patient,extensions:csv", persist = false)
	private File features;

	@Parameter(label = "Outcome table (optional; default: the feature table)", required = false, style = "table:patient,extensions:csv", persist = false)
	private File outcomeTable;

	@Parameter(label = "Outcome: binary column (blank with time/event for survival)", required = false, persist = false)
	private String outcome = SignatureOptions.DEFAULTS.outcome();

	@Parameter(label = "Positive levels, comma-separated (blank = 1/true/yes)", required = false, persist = false)
	private String positive = "";

	@Parameter(label = "Time: survival time column (survival only)", required = false, persist = false)
	private String time = "";

	@Parameter(label = "Event: survival event column (survival only)", required = false, persist = false)
	private String event = "";

	@Parameter(label = "Model", choices = { "lasso", "logistic", "forest" }, persist = false)
	private String model = "lasso";

	@Parameter(label = "Output folder (optional)", required = false, style = "directory", persist = false)
	private File output;

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Validation", required = false, persist = false)
	private String validationSettings = "Validation";

	@Parameter(label = "Validation: held-out split or k-fold cross-validation", choices = { "split", "cv" }, persist = false)
	private String validation = "split";

	@Parameter(label = "Train fraction of the patients", min = "0.05", max = "0.95", persist = false)
	private double trainFraction = SignatureOptions.DEFAULTS.trainFraction();

	@Parameter(label = "Folds of the cross-validation", min = "2", persist = false)
	private int folds = SignatureOptions.DEFAULTS.folds();

	@Parameter(label = "Seed of the split, folds and forest", persist = false)
	private long seed = SignatureOptions.DEFAULTS.seed();

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Selection (training rows only)", required = false, persist = false)
	private String selectionSettings = "Selection (training rows only)";

	@Parameter(label = "Perturbed: NAME=TABLE.csv pairs separated by ; (blank = no reproducibility step)", required = false, persist = false)
	private String perturbed = "";

	@Parameter(label = "Reproducibility: keep agreement >= this", min = "-1", max = "1", persist = false)
	private double reproducibility = SignatureOptions.DEFAULTS.reproducibility();

	@Parameter(label = "Agreement: ccc or an ICC form (ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k)", persist = false)
	private String agreement = SignatureOptions.DEFAULTS.agreement();

	@Parameter(label = "Redundancy: one feature per cluster of |r| >= this (0 = off)", min = "0", max = "1", persist = false)
	private double redundancy = SignatureOptions.DEFAULTS.redundancy();

	@Parameter(label = "Correlation of the redundancy step", choices = { "pearson", "spearman" }, persist = false)
	private String correlation = "pearson";

	@Parameter(label = "Top k by univariate AUC or Harrell's C (0 = off)", min = "0", persist = false)
	private int topK = SignatureOptions.DEFAULTS.topK();

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Model settings", required = false, persist = false)
	private String modelSettings = "Model settings";

	@Parameter(label = "Alpha: elastic-net mixing (1 = LASSO)", min = "0.01", max = "1", persist = false)
	private double alpha = SignatureOptions.DEFAULTS.alpha();

	@Parameter(label = "Lambda of the training CV", choices = { "min", "1se" }, persist = false)
	private String lambda = "min";

	@Parameter(label = "Fixed lambda instead of the CV (0 = choose by CV)", min = "0", persist = false)
	private double fixedLambda = SignatureOptions.DEFAULTS.fixedLambda();

	@Parameter(label = "Inner folds of the lambda CV", min = "3", persist = false)
	private int innerFolds = SignatureOptions.DEFAULTS.innerFolds();

	@Parameter(label = "Trees of the random forest", min = "1", persist = false)
	private int trees = SignatureOptions.DEFAULTS.trees();

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Signature performance")
	private ResultsTable performance;

	@Parameter(type = ItemIO.OUTPUT, label = "Signature selection")
	private ResultsTable selection;

	@Override
	protected void execute() throws java.io.IOException {
		SignatureOptions o = Bind.signature(outcome, Bind.list(positive), time, event, validation, trainFraction, folds, seed, reproducibility, agreement,
				redundancy, correlation, topK, model, alpha, lambda, fixedLambda, innerFolds, trees, threads);
		SignatureWorkflow.Result r;
		try (var lock = output == null ? null : ResultsFolder.prepare(output.toPath(), SignatureReport.OWNED, false, this::warn)) {
			r = SignatureWorkflow.run(features.toPath(), outcomeTable == null ? null : outcomeTable.toPath(), Bind.perturbed(List.of(perturbed.split("[;\\n]"))), o);
			if (output != null) SignatureReport.write(r, output.toPath());
		}
		for (String n : r.notes()) warn(n);
		if (r.fitted().reason() != null) warn("no model: " + r.fitted().reason());
		performance = ResultsTables.of(SignatureReport.performanceRows(r));
		selection = ResultsTables.of(SignatureReport.selectionRows(r));
		if (!showing()) return;
		showOutputs(SignatureReport.roc(r), SignatureReport.importance(r), r.options().survival() ? SignatureReport.km(r) : null);
		ij.IJ.showStatus("Lesion Radiomics: " + SignatureReport.summary(r));
	}

	@Override
	protected lesionradiomics.io.FolderLock lockResultsFolder() {
		return null; // execute() applies the results-folder rule, which takes the lock
	}
}
