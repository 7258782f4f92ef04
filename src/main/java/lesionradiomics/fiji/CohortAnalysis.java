package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import java.io.File;

import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.io.CohortTable;
import lesionradiomics.report.CohortReport;
import lesionradiomics.report.HeterogeneityReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SamplingReport;
import lesionradiomics.workflow.CohortOptions;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.SamplingOptions;
import lesionradiomics.workflow.ScoreOptions;
import lesionradiomics.workflow.ScoreWorkflow;

/** "Cohort Analysis": the whole study on a cohort table. SciJava command (headless, scriptable); the menu entry is {@link CommandPlugin}. */
@Plugin(type = Command.class, headless = true, label = "Cohort Analysis",
		description = "The whole study on a cohort table: extraction, robust features, heterogeneity, sampling recovery and patient metrics, "
				+ "written into the output folder (run.json, CSV tables, figures).")
public class CohortAnalysis extends SelectionCommand {

	@Parameter(label = "Cohort table (patient,image,labels[,lesions][,group])", style = "extensions:csv", persist = false)
	private File cohort;

	@Parameter(label = "Output folder (blank: lesion-radiomics-results beside the cohort table)", required = false, style = "directory", persist = false)
	private File output;

	@Parameter(label = "Model: lesion score model (CSV, optional)", required = false, style = "extensions:csv", persist = false)
	private File model;

	@Parameter(label = "Resume an interrupted run", persist = false)
	private boolean resume = CohortOptions.DEFAULTS.resume();

	@Parameter(label = "Overwrite: replace the results of an earlier run in the folder", persist = false)
	private boolean overwrite = CohortOptions.DEFAULTS.overwrite();

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Heterogeneity", required = false, persist = false)
	private String heterogeneitySettings = "Heterogeneity";


	@Parameter(label = "Scaling", choices = { "minmax", "zscore", "none" }, persist = false)
	private String scaling = Bind.name(HeterogeneityOptions.DEFAULTS.scaling());

	@Parameter(label = "Groups by lesion count, e.g. 2-5,15- (blank = group column, else 2-5,15-)", required = false, persist = false)
	private String groups = HeterogeneityOptions.DEFAULTS.groups();

	@Parameter(label = "Group column of the cohort table", required = false, persist = false)
	private String groupColumn = HeterogeneityOptions.DEFAULTS.groupColumn();

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Sampling recovery", required = false, persist = false)
	private String samplingSettings = "Sampling recovery";

	@Parameter(label = "Simulations", min = "1", persist = false)
	private int simulations = SamplingOptions.DEFAULTS.simulations();

	@Parameter(label = "Seed", persist = false)
	private long seed = SamplingOptions.DEFAULTS.seed();

	@Parameter(label = "Ratio: plain I(S)/I instead of 1 - |I(S) - I|/I", persist = false)
	private boolean ratio = SamplingOptions.DEFAULTS.ratio();

	@Parameter(label = "Exclude sites from RECIST-like sampling, comma-separated", required = false, persist = false)
	private String excludeSites = String.join(",", SamplingOptions.DEFAULTS.excludeSites());

	@Parameter(label = "Kmax: largest k of the recovery curves", min = "2", persist = false)
	private int kmax = SamplingOptions.DEFAULTS.kmax();

	@Parameter(label = "Target: recovery target (%)", min = "1", max = "100", persist = false)
	private double target = SamplingOptions.DEFAULTS.target();

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Patient metrics", required = false, persist = false)
	private String scoreSettings = "Patient metrics";

	@Parameter(label = "Variables: patient variables, comma-separated (blank = score and selected features)", required = false, persist = false)
	private String variables = "";

	@Parameter(label = "Aggregations: mean,median,min,max,vwmean,largest,smallest,vwmean_k (blank = all)", required = false, persist = false)
	private String aggregations = "";

	@Parameter(label = "K of the volume-weighted mean of the k largest", min = "1", persist = false)
	private int k = ScoreOptions.DEFAULTS.k();

	@Parameter(label = "Entropy bins", min = "1", persist = false)
	private int entropyBins = ScoreOptions.DEFAULTS.entropyBins();

	@Parameter(label = "Min volume ml: smallest lesion in patient values (0 = all)", min = "0", persist = false)
	private double minVolumeMl = ScoreOptions.DEFAULTS.minVolumeMl();

	@Parameter(label = "Sites: only these in patient values (blank = all)", required = false, persist = false)
	private String sites = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Sampling Recovery")
	private ResultsTable recovery;

	@Parameter(type = ItemIO.OUTPUT, label = "Heterogeneity indexes")
	private ResultsTable indexes;

	@Override
	protected void execute() throws java.io.IOException {
		CohortOptions o = new CohortOptions(extractionOptions(), selectionOptions(), Bind.heterogeneity(scaling, groups, groupColumn),
				Bind.sampling(simulations, seed, ratio, scaling, Bind.list(excludeSites), kmax, target),
				Bind.scores(Bind.list(variables), Bind.list(aggregations), k, entropyBins, minVolumeMl, Bind.list(sites)), resume, overwrite);
		java.nio.file.Path out = output != null ? output.toPath() : defaultOutput(cohort.toPath());
		if (showing()) warn("results of Cohort Analysis go to " + out.toAbsolutePath());
		ScoreModel scoreModel = ScoreWorkflow.readModel(model == null ? null : model.toPath());
		CohortWorkflow.Result r;
		try (Execution execution = execution()) {
			r = CohortReport.run(CohortTable.read(cohort.toPath()), o, scoreModel, out, execution);
		}
		for (String n : r.notes()) warn(n);
		lost(r.cohort().patients().size(), lesionradiomics.workflow.Losses.patients(r.failures()), lesionradiomics.workflow.Losses.lesions(r.features(), r.failures()), out);
		recovery = ResultsTables.of(SamplingReport.tableRows(r.sampling().simulation()));
		indexes = ResultsTables.of(HeterogeneityReport.indexRows(r.heterogeneity()));
		if (showing()) {
			showOutputs();
			ij.IJ.showStatus("Lesion Radiomics: cohort analysed, results in " + out);
		}
	}

	@Override
	protected lesionradiomics.io.FolderLock lockResultsFolder() {
		return null; // the cohort workflow locks its folder itself (CohortFolder)
	}
}
