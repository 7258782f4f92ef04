package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.io.CohortTable;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SelectionReport;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.MemoryStore;
import lesionradiomics.workflow.SelectionOptions;
import lesionradiomics.workflow.SelectionWorkflow;

/**
 * SciJava command "Select Robust Features" (headless, scriptable): a cohort table, or one patient's files, → the
 * robustness and cluster tables, the selected list and the clustered correlation heatmap (saved into the output
 * folder). The menu entry is {@link CommandPlugin}.
 */
@Plugin(type = Command.class, headless = true, label = "Select Robust Features",
		description = "Re-extracts every lesion with its mask eroded and dilated, keeps the features whose concordance (CCC) stays above the "
				+ "threshold, clusters them by correlation and keeps one representative per cluster.")
public class SelectRobustFeatures extends SelectionCommand {

	@Parameter(label = "Cohort table (patient,image,labels[,lesions])", required = false, style = "extensions:csv", persist = false)
	private File cohort;

	@Parameter(label = "Image file (single patient, instead of a cohort table)", required = false, persist = false)
	private File image;

	@Parameter(label = "Labels: label map file (single patient)", required = false, persist = false)
	private File labels;

	@Parameter(label = "Lesion table (single patient, optional)", required = false, style = "extensions:csv", persist = false)
	private File lesions;

	@Parameter(label = "Patient", required = false, persist = false)
	private String patient = "";

	@Parameter(label = "Output folder (blank: lesion-radiomics-results beside the cohort table)", required = false, style = "directory", persist = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Feature Robustness")
	private ResultsTable robustness;

	@Parameter(type = ItemIO.OUTPUT, label = "Feature Clusters")
	private ResultsTable featureClusters;

	@Parameter(type = ItemIO.OUTPUT, label = "Correlation Heatmap")
	private ImagePlus heatmap;

	@Override
	protected void execute() throws java.io.IOException {
		SelectionOptions o = selectionOptions();
		CohortTable c = Bind.cohort(cohort == null ? null : cohort.toPath(), image == null ? null : image.toPath(),
				labels == null ? null : labels.toPath(), lesions == null ? null : lesions.toPath(), patient);
		CohortWorkflow.Extracted x;
		try (Execution execution = execution()) {
			x = CohortWorkflow.extract(c, extractionOptions(), o, false, new MemoryStore(), execution);
		}
		for (String w : x.notes()) warn(w);
		SelectionWorkflow.Result r = SelectionWorkflow.run(x.variants(), o);
		if (r.skipped() != null) throw new IllegalArgumentException(r.skipped());
		java.nio.file.Path out = output != null ? output.toPath() : defaultOutput(cohort != null ? cohort.toPath() : image.toPath());
		SelectionReport.write(x, r, o.correlation(), out);
		if (output == null) warn("results of Select Robust Features are in " + out.toAbsolutePath());
		lost(c.patients().size(), lesionradiomics.workflow.Losses.patients(x.failures()), lesionradiomics.workflow.Losses.lesions(x.original(), x.failures()), out);
		robustness = ResultsTables.of(SelectionReport.robustnessRows(r));
		featureClusters = ResultsTables.of(SelectionReport.clusterRows(r));
		lesionradiomics.report.Figure img = SelectionReport.heatmap(r, o.correlation());
		heatmap = img == null ? null : new ImagePlus("Correlation Heatmap", img.image());
		if (showing()) {
			showOutputs();
		}
	}
}
