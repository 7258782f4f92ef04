package lesionradiomics.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.report.ResultsTables;

/**
 * SciJava command "Patient Heterogeneity" (headless, scriptable): a lesion feature table → "CV per patient",
 * "CV per organ", "Heterogeneity indexes" and "Tests" tables, plus the plots (saved when an output folder is given).
 */
@Plugin(type = Command.class, headless = true, label = "Patient Heterogeneity")
public class PatientHeterogeneity extends TaskCommand {

	@Parameter(label = "Lesion features (CSV)")
	private File features;

	@Parameter(label = "Selected features (list, optional)", required = false)
	private File selected;

	@Parameter(label = "Scaling", choices = { "minmax", "zscore", "none" })
	private String scaling = "minmax";

	@Parameter(label = "Groups by lesion count")
	private String groups = "2-5,15-";

	@Parameter(label = "Output folder", required = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "CV per patient")
	private ResultsTable cvPerPatient;

	@Parameter(type = ItemIO.OUTPUT, label = "CV per organ")
	private ResultsTable cvPerOrgan;

	@Parameter(type = ItemIO.OUTPUT, label = "Heterogeneity indexes")
	private ResultsTable indexes;

	@Parameter(type = ItemIO.OUTPUT, label = "Tests")
	private ResultsTable tests;

	@Override
	protected String title() {
		return "Patient Heterogeneity";
	}

	@Override
	protected void execute() throws java.io.IOException {
		HeterogeneityTask.Result r = HeterogeneityTask.run(
				new AnalysisInput(features.toPath(), selected == null ? null : selected.toPath()).analysed,
				Dissimilarity.Scaling.parse(scaling), HeterogeneityTask.Groups.parse(groups));
		if (output != null) HeterogeneityTask.write(r, output.toPath());
		cvPerPatient = ResultsTables.of(HeterogeneityTask.cvRows(r.cvPatient, false));
		cvPerOrgan = ResultsTables.of(HeterogeneityTask.cvRows(r.cvSite, true));
		indexes = ResultsTables.of(HeterogeneityTask.indexRows(r));
		tests = ResultsTables.of(HeterogeneityTask.testRows(r));
		if (showing()) HeterogeneityPlugin.show(r, cvPerPatient, cvPerOrgan, indexes, tests);
	}
}
