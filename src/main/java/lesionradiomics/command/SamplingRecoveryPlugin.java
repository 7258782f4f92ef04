package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.sampling.Recovery;
import lesionradiomics.sampling.Simulation;

/** Plugins › Lesion Radiomics › Sampling Recovery (ImageJ 1.x entry, macro-recordable). */
public class SamplingRecoveryPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		GenericDialog gd = new GenericDialog("Sampling Recovery");
		gd.addFileField("features", "", 30);
		gd.addFileField("selected", "", 30);
		gd.addNumericField("simulations", 500, 0);
		gd.addNumericField("seed", 20220101, 0);
		gd.addCheckbox("plain_ratio", false);
		gd.addStringField("exclude", "bone", 20);
		gd.addDirectoryField("output", "", 30);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		try {
			Path features = Path.of(gd.getNextString().trim());
			String sel = gd.getNextString().trim();
			AnalysisInput in = new AnalysisInput(features, sel.isEmpty() ? null : Path.of(sel));
			SamplingTask.Options o = new SamplingTask.Options();
			o.simulations = (int) gd.getNextNumber();
			o.seed = (long) gd.getNextNumber();
			o.plainRatio = gd.getNextBoolean();
			o.recistLikeExcluded = SettingsFactory.list(gd.getNextString());
			String out = gd.getNextString().trim();
			List<String> notes = new ArrayList<>();
			Simulation.Result r = SamplingTask.run(SamplingTask.patients(in.analysed, in.full, o.scaling, notes), o, Runtime.getRuntime().availableProcessors(),
					ExtractLesionFeaturesPlugin.imageJProgress());
			for (String n : notes) IJ.log("Lesion Radiomics: " + n);
			if (!out.isEmpty()) SamplingTask.write(r, o, Path.of(out));
			ResultsTables.of(SamplingTask.tableRows(r)).show("Sampling Recovery");
			ResultsTables.of(SamplingTask.longRows(r.curves, "k")).show("Recovery Curves");
			for (Recovery.Index i : Recovery.Index.values()) SamplingTask.curve(r, i, o.targetPercent).show();
		} catch (IOException | IllegalArgumentException e) {
			IJ.error("Sampling Recovery", e.getMessage());
		} catch (Progress.CancelledException e) {
			IJ.showStatus("Lesion Radiomics: cancelled");
		}
	}
}
