package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import java.io.File;

import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.report.Figure;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SurvivalReport;
import lesionradiomics.workflow.SurvivalOptions;
import lesionradiomics.workflow.SurvivalWorkflow;

/** SciJava command "Survival Analysis" (headless, scriptable): Kaplan–Meier, log-rank, Cox and the cut-off of a patient-level variable. */
@Plugin(type = Command.class, headless = true, label = "Survival Analysis",
		description = "Kaplan-Meier curves, log-rank tests and Cox models of a patient-level variable against survival, with a median or "
				+ "optimal cut-off and an optional training/validation split.")
public class SurvivalAnalysis extends TaskCommand {

	@Parameter(label = "Patients: patient table (CSV or an open table with a patient column)", style = "table:patient,extensions:csv", persist = false)
	private File patients;

	@Parameter(label = "Clinical table (patient,time,event[,covariates])", style = "table:patient,extensions:csv", persist = false)
	private File clinical;

	@Parameter(label = "Variable: a column of the patient table", style = "columns:patients", persist = false)
	private String variable = SurvivalOptions.DEFAULTS.variable();

	@Parameter(label = "Endpoint (blank = time/event; os = os_time/os_event)", required = false, persist = false)
	private String endpoint = SurvivalOptions.DEFAULTS.endpoint();

	@Parameter(label = "Cutoff: a value, median or optimal (blank = continuous only)", required = false, persist = false)
	private String cutoff = SurvivalOptions.DEFAULTS.cutoff();

	@Parameter(label = "Minprop: smallest share on either side of the optimal cut-off", min = "0.01", max = "0.49", persist = false)
	private double minprop = SurvivalOptions.DEFAULTS.minprop();

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Cox model and split", required = false, persist = false)
	private String coxSettings = "Cox model and split";

	@Parameter(label = "Covariates of the multivariate Cox model (comma-separated)", required = false, persist = false)
	private String covariates = "";

	@Parameter(label = "Strata: stratify the log-rank test by (clinical column, optional)", required = false, persist = false)
	private String strata = SurvivalOptions.DEFAULTS.strata();

	@Parameter(label = "Train fraction (0 = no split)", min = "0", max = "0.99", persist = false)
	private double trainFraction = SurvivalOptions.DEFAULTS.trainFraction();

	@Parameter(label = "Seed of the split", persist = false)
	private long seed = SurvivalOptions.DEFAULTS.seed();

	@Parameter(label = "Stratify by event: split events and censored patients separately", persist = false)
	private boolean stratifyByEvent = SurvivalOptions.DEFAULTS.stratifyByEvent();

	@Parameter(label = "Output folder (optional)", required = false, style = "directory", persist = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Cox models")
	private ResultsTable cox;

	@Parameter(type = ItemIO.OUTPUT, label = "Median survival")
	private ResultsTable medians;

	@Parameter(type = ItemIO.OUTPUT, label = "Log-rank tests")
	private ResultsTable logRank;

	@Override
	protected void execute() throws java.io.IOException {
		SurvivalOptions o = new SurvivalOptions(variable, endpoint, cutoff, minprop, Bind.list(covariates), strata, trainFraction, seed, stratifyByEvent);
		SurvivalWorkflow.Result r = SurvivalWorkflow.run(patients.toPath(), clinical.toPath(), o);
		for (String n : r.notes()) warn(n);
		if (output != null) SurvivalReport.write(r, output.toPath());
		cox = ResultsTables.of(SurvivalReport.coxRows(r));
		medians = ResultsTables.of(SurvivalReport.medianRows(r));
		logRank = ResultsTables.of(SurvivalReport.logRankRows(r));
		if (!showing()) return;
		showOutputs(r.sets().stream().map(s -> SurvivalReport.kaplanMeier(r, s)).toArray(Figure[]::new));
		showFigures(SurvivalReport.forest(r));
	}
}
