package lesionradiomics.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.report.SurvivalReport;
import lesionradiomics.workflow.SurvivalOptions;
import lesionradiomics.workflow.SurvivalWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code survival}: Kaplan–Meier, log-rank, Cox and the optimal cut-off of a patient-level variable. */
@Command(name = "survival", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Survival of a patient-level variable: Kaplan-Meier, log-rank, Cox, cut-off.",
				"%nJoins a patient table (e.g. scores/patient_aggregates.csv) to a clinical",
				"table (patient,time,event[,covariates]); the numbers equal R's survival,",
				"maxstat and survminer. Files written:",
				"  survival_data.csv, km.csv, km_medians.csv, logrank.csv, cox.csv,",
				"  cutpoint.csv, cutpoint_scan.csv, km_<set>.png, forest.png." })
final class SurvivalCli implements Callable<Integer> {

	@Option(names = "--patients", required = true, paramLabel = "TABLE.csv", description = "Patient-level table with a patient column (patient_aggregates.csv, patient_metrics pivoted, heterogeneity_indexes.csv, ...).")
	Path patients;

	@Option(names = "--clinical", required = true, paramLabel = "CLIN.csv", description = "patient,time,event[,covariates...] (event 1 = death or progression, 0 = censored).")
	Path clinical;

	@Option(names = "--variable", required = true, paramLabel = "NAME", description = "The patient table's column to analyse, e.g. score_min.")
	String variable;

	@Option(names = "--endpoint", paramLabel = "NAME", description = "Use the clinical columns NAME_time and NAME_event (e.g. os, pfs) instead of time and event.")
	String endpoint = SurvivalOptions.DEFAULTS.endpoint();

	@Option(names = "--cutoff", paramLabel = "X|median|optimal", description = "Split the patients at a value, at the median, or at the optimal cut-off (maximally selected log-rank statistic, as survminer's surv_cutpoint). Default: continuous only.")
	String cutoff = SurvivalOptions.DEFAULTS.cutoff();

	@Option(names = "--minprop", paramLabel = "P", description = "Smallest share of patients on either side of the optimal cut-off (default 0.1).")
	double minprop = SurvivalOptions.DEFAULTS.minprop();

	@Option(names = "--covariates", split = ",", paramLabel = "NAME", description = "Clinical columns added to the multivariate Cox model.")
	List<String> covariates = new ArrayList<>();

	@Option(names = "--strata", paramLabel = "NAME", description = "Clinical column to stratify the log-rank test by (e.g. center).")
	String strata = SurvivalOptions.DEFAULTS.strata();

	@Option(names = "--train-fraction", paramLabel = "F", description = "Share of patients in a training set (e.g. 0.667): the cut-off is chosen on it and applied unchanged to the test set. Default 0: no split.")
	double trainFraction = SurvivalOptions.DEFAULTS.trainFraction();

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the train/test split (default 20220101).")
	long seed = SurvivalOptions.DEFAULTS.seed();

	@Option(names = "--stratify-by-event", negatable = true, description = "Split events and censored patients separately (default true; --no-stratify-by-event to turn off).")
	boolean stratifyByEvent = SurvivalOptions.DEFAULTS.stratifyByEvent();

	@Option(names = "--time-unit", paramLabel = "UNIT", description = "Unit of the clinical table's times, shown on the Kaplan-Meier axes (e.g. days, months).")
	String timeUnit = "";

	@Mixin
	FigureCliArgs results;

	@Override
	public Integer call() throws Exception {
		SurvivalOptions o = new SurvivalOptions(variable, endpoint, cutoff, minprop, covariates, strata, trainFraction, seed, stratifyByEvent);
		try (lesionradiomics.io.FolderLock lock = results.prepare(lesionradiomics.report.ResultsFolder.SURVIVAL)) {
			SurvivalWorkflow.Result r = SurvivalWorkflow.run(patients, clinical, o);
			SurvivalReport.write(r, results.out(), results.dpi, timeUnit);
			if (timeUnit.isBlank()) System.err.println("note: the Kaplan-Meier time axis has no unit; give --time-unit (e.g. months)");
			String done = String.format(java.util.Locale.ROOT, "%d patients (%d events); results in %s", r.subjects().size(),
					r.subjects().stream().filter(SurvivalWorkflow.Subject::event).count(), results.out());
			return results.finish(done, r.notes());
		}
	}
}
