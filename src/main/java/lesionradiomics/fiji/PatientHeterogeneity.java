package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import java.io.File;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.report.HeterogeneityReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.HeterogeneityWorkflow;

/**
 * SciJava command "Patient Heterogeneity" (headless, scriptable): a lesion feature table → "CV per patient",
 * "CV per organ", "Heterogeneity indexes" and "Tests" tables, plus the plots (saved when an output folder is given).
 */
@Plugin(type = Command.class, headless = true, label = "Patient Heterogeneity",
		description = "Per patient: coefficient of variation of each feature over the lesions (also per organ), MTD and ATH (cosine "
				+ "dissimilarity of the scaled features) and the tests between patient groups.")
public class PatientHeterogeneity extends FeatureTableCommand {

	@Parameter(label = "Scaling", choices = { "minmax", "zscore", "none" }, persist = false)
	private String scaling = Bind.name(HeterogeneityOptions.DEFAULTS.scaling());

	@Parameter(label = "Groups by lesion count, e.g. 2-5,15- (blank = group column, else 2-5,15-)", required = false, persist = false)
	private String groups = HeterogeneityOptions.DEFAULTS.groups();

	@Parameter(label = "Group table (patient + group column, optional)", required = false, style = "table:patient,extensions:csv", persist = false)
	private File groupTable;

	@Parameter(label = "Group column", required = false, persist = false)
	private String groupColumn = HeterogeneityOptions.DEFAULTS.groupColumn();

	@Parameter(type = ItemIO.OUTPUT, label = "CV per patient")
	private ResultsTable cvPerPatient;

	@Parameter(type = ItemIO.OUTPUT, label = "CV per organ")
	private ResultsTable cvPerOrgan;

	@Parameter(type = ItemIO.OUTPUT, label = "Heterogeneity indexes")
	private ResultsTable indexes;

	@Parameter(type = ItemIO.OUTPUT, label = "Tests")
	private ResultsTable tests;

	@Override
	protected void execute() throws java.io.IOException {
		HeterogeneityOptions o = Bind.heterogeneity(scaling, groups, groupColumn);
		Map<String, String> groupOf = groupTable == null ? Map.of() : HeterogeneityWorkflow.groupsFrom(groupTable.toPath(), o.groupColumn());
		HeterogeneityWorkflow.Result r = HeterogeneityWorkflow.run(input().analysed(),
				o, groupOf);
		for (String n : r.notes()) warn(n);
		if (output != null) HeterogeneityReport.write(r, output.toPath());
		cvPerPatient = ResultsTables.of(HeterogeneityReport.cvRows(r.cvPatient(), false));
		cvPerOrgan = ResultsTables.of(HeterogeneityReport.cvRows(r.cvSite(), true));
		indexes = ResultsTables.of(HeterogeneityReport.indexRows(r));
		tests = ResultsTables.of(HeterogeneityReport.testRows(r));
		if (!showing()) return;
		showOutputs(HeterogeneityReport.cvPlot(r), HeterogeneityReport.indexPlot(r));
		ImagePlus heatmaps = HeterogeneityReport.dissimilarityStack(r);
		if (heatmaps != null) Images.show(heatmaps);
	}
}
