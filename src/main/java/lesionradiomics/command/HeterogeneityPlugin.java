package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.report.ResultsTables;

/** Plugins › Lesion Radiomics › Patient Heterogeneity (ImageJ 1.x entry, macro-recordable). */
public class HeterogeneityPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		GenericDialog gd = new GenericDialog("Patient Heterogeneity");
		gd.addFileField("features", "", 30);
		gd.addFileField("selected", "", 30);
		gd.addChoice("scaling", new String[] { "minmax", "zscore", "none" }, "minmax");
		gd.addStringField("groups", "2-5,15-", 10);
		gd.addDirectoryField("output", "", 30);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		try {
			Path features = Path.of(gd.getNextString().trim());
			String selected = gd.getNextString().trim();
			HeterogeneityTask.Result r = HeterogeneityTask.run(new AnalysisInput(features, selected.isEmpty() ? null : Path.of(selected)).analysed,
					Dissimilarity.Scaling.parse(gd.getNextChoice()), HeterogeneityTask.Groups.parse(gd.getNextString()));
			String out = gd.getNextString().trim();
			if (!out.isEmpty()) HeterogeneityTask.write(r, Path.of(out));
			show(r, ResultsTables.of(HeterogeneityTask.cvRows(r.cvPatient, false)), ResultsTables.of(HeterogeneityTask.cvRows(r.cvSite, true)),
					ResultsTables.of(HeterogeneityTask.indexRows(r)), ResultsTables.of(HeterogeneityTask.testRows(r)));
		} catch (IOException | IllegalArgumentException e) {
			IJ.error("Patient Heterogeneity", e.getMessage());
		}
	}

	static void show(HeterogeneityTask.Result r, ResultsTable cv, ResultsTable organ, ResultsTable indexes, ResultsTable tests) {
		cv.show("CV per patient");
		organ.show("CV per organ");
		indexes.show("Heterogeneity indexes");
		tests.show("Tests");
		HeterogeneityTask.cvPlot(r).show();
		HeterogeneityTask.indexPlot(r).show();
		for (lesionradiomics.analysis.Dissimilarity.Patient p : r.dissimilarity)
			if (p.lesions.size() >= 2) new ImagePlus("Dissimilarity " + p.patient, HeterogeneityTask.dissimilarityHeatmap(p)).show();
	}
}
