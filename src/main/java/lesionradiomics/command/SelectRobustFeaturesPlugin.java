package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import lesionradiomics.analysis.Correlation;
import lesionradiomics.io.CohortTable;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.ResultsTables;

/** Plugins › Lesion Radiomics › Select Robust Features (ImageJ 1.x entry, macro-recordable). */
public class SelectRobustFeaturesPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		GenericDialog gd = new GenericDialog("Select Robust Features");
		gd.addFileField("cohort", "", 30);
		DialogFields.addSettings(gd);
		gd.addNumericField("radius", 1, 2, 6, "mm");
		gd.addNumericField("ccc", 0.8, 2, 6, "");
		gd.addChoice("correlation", new String[] { "pearson", "spearman" }, "pearson");
		gd.addNumericField("cut", 0.8, 2, 6, "|r|");
		gd.addDirectoryField("output", "", 30);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		try {
			Path cohort = Path.of(gd.getNextString().trim());
			lesionradiomics.features.FeatureSettings settings = DialogFields.readSettings(gd);
			int threads = DialogFields.readThreads(gd);
			SelectionTask.Options o = new SelectionTask.Options();
			o.radiusMm = gd.getNextNumber();
			o.cccThreshold = gd.getNextNumber();
			o.method = Correlation.Method.parse(gd.getNextChoice());
			o.correlationThreshold = gd.getNextNumber();
			Path out = Path.of(gd.getNextString().trim());
			SelectionTask.Result r = SelectionTask.run(CohortTable.read(cohort), settings, o, threads, ExtractLesionFeaturesPlugin.imageJProgress());
			for (String w : r.warnings) IJ.log("Lesion Radiomics: " + w);
			SelectionTask.write(r, o.method, out);
			ResultsTables.of(SelectionTask.robustnessRows(r)).show("Feature Robustness");
			ResultsTables.of(SelectionTask.clusterRows(r)).show("Feature Clusters");
			new ImagePlus("Correlation Heatmap", SelectionTask.heatmap(r, o.method)).show();
		} catch (IOException | IllegalArgumentException e) {
			IJ.error("Select Robust Features", e.getMessage());
		} catch (Progress.CancelledException e) {
			IJ.showStatus("Lesion Radiomics: cancelled");
		}
	}
}
