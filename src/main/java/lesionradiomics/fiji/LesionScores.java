package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.report.Figure;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.ScoreReport;
import lesionradiomics.workflow.ScoreOptions;
import lesionradiomics.workflow.ScoreWorkflow;

/**
 * SciJava command "Lesion Scores and Patient Metrics" (headless, scriptable): a lesion feature table and an optional
 * model file → "Lesion scores", "Patient metrics" and "Patient aggregates" tables and the score figure.
 */
@Plugin(type = Command.class, headless = true, label = "Lesion Scores and Patient Metrics",
		description = "Scores each lesion with a model file (optional) and aggregates lesion values per patient (mean, median, min, max, "
				+ "volume-weighted means, largest, smallest, entropy) into patient metrics.")
public class LesionScores extends FeatureTableCommand {

	@Parameter(label = "Model file (CSV, or JSON for a forest; optional)", required = false, style = "extensions:csv/json", persist = false)
	private File model;

	@Parameter(label = "Patient table for covariates (optional)", required = false, style = "table:patient,extensions:csv", persist = false)
	private File patientTable;

	@Parameter(label = "Variables, comma-separated (blank = score and all features)", required = false, persist = false)
	private String variables = "";

	@Parameter(label = "Aggregations: mean,median,min,max,vwmean,largest,smallest,vwmean_k (blank = all)", required = false, persist = false)
	private String aggregations = "";

	@Parameter(label = "K of the volume-weighted mean of the k largest", min = "1", persist = false)
	private int k = ScoreOptions.DEFAULTS.k();

	@Parameter(label = "Entropy bins", min = "1", persist = false)
	private int entropyBins = ScoreOptions.DEFAULTS.entropyBins();

	@Parameter(label = "Min volume ml: smallest lesion in patient values (0 = all)", min = "0", persist = false)
	private double minVolumeMl = ScoreOptions.DEFAULTS.minVolumeMl();

	@Parameter(label = "Sites: only these, comma-separated (blank = all)", required = false, persist = false)
	private String sites = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Lesion scores")
	private ResultsTable lesionScores;

	@Parameter(type = ItemIO.OUTPUT, label = "Patient metrics")
	private ResultsTable patientMetrics;

	@Parameter(type = ItemIO.OUTPUT, label = "Patient aggregates")
	private ResultsTable patientAggregates;

	@Override
	protected void execute() throws java.io.IOException {
		ScoreOptions o = Bind.scores(Bind.list(variables), Bind.list(aggregations), k, entropyBins, minVolumeMl, Bind.list(sites));
		ScoreWorkflow.Result r = ScoreWorkflow.run(input(),
				model == null ? null : model.toPath(), patientTable == null ? null : patientTable.toPath(), o);
		for (String n : r.notes()) warn(n);
		if (output != null) ScoreReport.write(r, output.toPath());
		lesionScores = ResultsTables.of(ScoreReport.lesionRows(r));
		patientMetrics = ResultsTables.of(ScoreReport.metricRows(r));
		patientAggregates = ResultsTables.of(ScoreReport.aggregateRows(r));
		if (!showing()) return;
		if (r.model() != null) lesionScores.show("Lesion scores");
		patientMetrics.show("Patient metrics");
		patientAggregates.show("Patient aggregates");
		showFigures(ScoreReport.figure(r));
	}
}
