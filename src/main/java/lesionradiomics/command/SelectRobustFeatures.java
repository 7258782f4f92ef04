package lesionradiomics.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.analysis.Correlation;
import lesionradiomics.io.CohortTable;
import lesionradiomics.report.ResultsTables;

/**
 * SciJava command "Select Robust Features" (headless, scriptable): a cohort table, or one patient's files, → the
 * robustness and cluster tables, the selected list and the clustered correlation heatmap (saved into the output
 * folder). The Fiji menu entry is the ImageJ 1.x plugin of plugins.config.
 */
@Plugin(type = Command.class, headless = true, label = "Select Robust Features")
public class SelectRobustFeatures extends ExtractionCommand {

	@Parameter(label = "Cohort table (patient,image,labels[,lesions])", required = false)
	private File cohort;

	@Parameter(label = "Image file (single patient)", required = false)
	private File image;

	@Parameter(label = "Label map file (single patient)", required = false)
	private File labels;

	@Parameter(label = "Lesion table", required = false)
	private File lesions;

	@Parameter(label = "Patient", required = false)
	private String patient = "";

	@Parameter(label = "Perturbation radius (mm)", min = "0")
	private double radius = 1;

	@Parameter(label = "CCC threshold")
	private double ccc = 0.8;

	@Parameter(label = "Correlation", choices = { "pearson", "spearman" })
	private String correlation = "pearson";

	@Parameter(label = "Cluster at |r| >=")
	private double cut = 0.8;

	@Parameter(label = "Output folder")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Feature Robustness")
	private ResultsTable robustness;

	@Parameter(type = ItemIO.OUTPUT, label = "Feature Clusters")
	private ResultsTable clusters;

	@Parameter(type = ItemIO.OUTPUT, label = "Correlation Heatmap")
	private ImagePlus heatmap;

	@Override
	protected String title() {
		return "Select Robust Features";
	}

	@Override
	protected void execute() throws java.io.IOException {
		CohortTable c = Inputs.cohort(cohort == null ? null : cohort.toPath(), image == null ? null : image.toPath(),
				labels == null ? null : labels.toPath(), lesions == null ? null : lesions.toPath(), patient);
		SelectionTask.Options o = new SelectionTask.Options();
		o.radiusMm = radius;
		o.cccThreshold = ccc;
		o.method = Correlation.Method.parse(correlation);
		o.correlationThreshold = cut;
		SelectionTask.Result r = SelectionTask.run(c, settings(), o, threads(), progress());
		for (String w : r.warnings) warn(w);
		SelectionTask.write(r, o.method, output.toPath());
		robustness = ResultsTables.of(SelectionTask.robustnessRows(r));
		clusters = ResultsTables.of(SelectionTask.clusterRows(r));
		heatmap = new ImagePlus("Correlation Heatmap", SelectionTask.heatmap(r, o.method));
		if (showing()) {
			robustness.show("Feature Robustness");
			clusters.show("Feature Clusters");
			heatmap.show();
		}
	}
}
