package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import lesionradiomics.io.CohortTable;
import lesionradiomics.io.Csv;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.ResultsTables;

/** Plugins › Lesion Radiomics › Cohort Analysis (ImageJ 1.x entry, macro-recordable): the whole study on a cohort table. */
public class CohortAnalysisPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		GenericDialog gd = new GenericDialog("Cohort Analysis");
		gd.addFileField("cohort", "", 30);
		gd.addDirectoryField("output", "", 30);
		DialogFields.addSettings(gd);
		gd.addNumericField("simulations", 500, 0);
		gd.addNumericField("seed", 20220101, 0);
		gd.addCheckbox("resume", false);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		try {
			Path cohort = Path.of(gd.getNextString().trim()), out = Path.of(gd.getNextString().trim());
			CohortTask.Options o = new CohortTask.Options();
			o.settings = DialogFields.readSettings(gd);
			o.threads = DialogFields.readThreads(gd);
			o.sampling.simulations = (int) gd.getNextNumber();
			o.sampling.seed = (long) gd.getNextNumber();
			o.resume = gd.getNextBoolean();
			List<String> notes = CohortTask.run(CohortTable.read(cohort), o, out, ExtractLesionFeaturesPlugin.imageJProgress());
			for (String n : notes) IJ.log("Lesion Radiomics: " + n);
			ResultsTables.of(Csv.read(out.resolve("sampling/sampling_recovery.csv"))).show("Sampling Recovery");
			ResultsTables.of(Csv.read(out.resolve("heterogeneity/heterogeneity_indexes.csv"))).show("Heterogeneity indexes");
			IJ.showStatus("Lesion Radiomics: cohort analysed, results in " + out);
		} catch (IOException | IllegalArgumentException e) {
			IJ.error("Cohort Analysis", e.getMessage());
		} catch (Progress.CancelledException e) {
			IJ.showStatus("Lesion Radiomics: cancelled (resume later with 'resume' checked)");
		} finally {
			IJ.showProgress(1.0);
		}
	}
}
