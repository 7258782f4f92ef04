package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import java.io.File;

import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.io.LongitudinalTable;
import lesionradiomics.report.ResponseReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ResponseOptions;
import lesionradiomics.workflow.ResponseWorkflow;

/** SciJava command "Lesion Response (two time points)": RECIST response, delta-radiomics and a variable vs progression. */
@Plugin(type = Command.class, headless = true, label = "Lesion Response (two time points)",
		description = "Matches lesions of two time points, classifies their RECIST-like and volumetric response, computes delta features "
				+ "and tests a variable against progression (ROC, odds ratio at a cut-off).")
public class LesionResponse extends ExtractionCommand {

	@Parameter(label = "Cohort: longitudinal table (patient,timepoint,image,labels[,lesions])", style = "extensions:csv", persist = false)
	private File cohort;

	@Parameter(label = "Variable vs progression (feature, or delta_feature; blank = none)", required = false, persist = false)
	private String variable = ResponseOptions.DEFAULTS.variable();

	@Parameter(label = "Cutoff for the odds ratio (a number or youden)", required = false, persist = false)
	private String cutoff = ResponseOptions.DEFAULTS.cutoff();

	@Parameter(label = "Min volume ml: baseline volume subgroups, comma-separated", required = false, persist = false)
	private String minVolumeMl = "";

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Response criteria", required = false, persist = false)
	private String criteria = "Response criteria";

	@Parameter(label = "Progression: diameter increase (fraction)", persist = false)
	private double progression = ResponseOptions.DEFAULTS.progression();

	@Parameter(label = "Response: diameter decrease (fraction)", persist = false)
	private double response = ResponseOptions.DEFAULTS.response();

	@Parameter(label = "Volume progression (fraction)", persist = false)
	private double volumeProgression = ResponseOptions.DEFAULTS.volumeProgression();

	@Parameter(label = "Volume response (fraction)", persist = false)
	private double volumeResponse = ResponseOptions.DEFAULTS.volumeResponse();

	@Parameter(label = "Delta site: patient delta over this site only (blank = all)", required = false, persist = false)
	private String deltaSite = ResponseOptions.DEFAULTS.deltaSite();

	@Parameter(label = "Delta aggregation of the patient delta", persist = false)
	private String deltaAggregation = ResponseOptions.DEFAULTS.deltaAggregation().key();

	@Parameter(label = "Bootstrap resamples (0 = none)", min = "0", persist = false)
	private int bootstrap = ResponseOptions.DEFAULTS.bootstrap();

	@Parameter(label = "Seed", persist = false)
	private long seed = ResponseOptions.DEFAULTS.seed();

	@Parameter(label = "Output folder (optional)", required = false, style = "directory", persist = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Lesion response")
	private ResultsTable lesionResponse;

	@Parameter(type = ItemIO.OUTPUT, label = "Patient response")
	private ResultsTable patientResponse;

	@Override
	protected void execute() throws java.io.IOException {
		ResponseOptions o = Bind.response(extractionOptions(), variable, cutoff, Bind.numbers(minVolumeMl), progression, response, volumeProgression,
				volumeResponse, deltaSite, deltaAggregation, bootstrap, seed);
		ResponseWorkflow.Result r;
		try (Execution execution = execution()) {
			r = ResponseWorkflow.run(LongitudinalTable.read(cohort.toPath()), o, execution);
		}
		for (String n : r.notes()) warn(n);
		r.failures().forEach((p, why) -> warn("patient " + p + " left out: " + why));
		if (output != null) ResponseReport.write(r, output.toPath());
		lesionResponse = ResultsTables.of(ResponseReport.lesionRows(r));
		patientResponse = ResultsTables.of(ResponseReport.patientRows(r));
		if (!showing()) return;
		showOutputs(ResponseReport.waterfall(r), ResponseReport.spider(r), ResponseReport.roc(r));
	}
}
