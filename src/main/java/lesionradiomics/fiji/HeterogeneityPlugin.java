package lesionradiomics.fiji;

import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import lesionradiomics.report.HeterogeneityReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.HeterogeneityWorkflow;

/** Plugins › Lesion Radiomics › Patient Heterogeneity (ImageJ 1.x entry, macro-recordable). */
public class HeterogeneityPlugin implements PlugIn {

	static final String TITLE = "Patient Heterogeneity";

	public static DialogForm form() {
		return new DialogForm(TITLE).file("features").file("selected").heterogeneity().file("group_table").directory("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = form().show();
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			HeterogeneityOptions o = DialogForm.heterogeneity(v);
			Map<String, String> groups = v.optionalPath("group_table") == null ? Map.of()
					: HeterogeneityWorkflow.groupsFrom(v.optionalPath("group_table"), o.groupColumn());
			HeterogeneityWorkflow.Result r = HeterogeneityWorkflow.run(FeatureInput.read(v.path("features"), v.optionalPath("selected")).analysed(), o,
					groups);
			for (String n : r.notes()) ij.IJ.log("Lesion Radiomics: " + n);
			if (v.optionalPath("output") != null) HeterogeneityReport.write(r, v.optionalPath("output"));
			show(r, ResultsTables.of(HeterogeneityReport.cvRows(r.cvPatient(), false)), ResultsTables.of(HeterogeneityReport.cvRows(r.cvSite(), true)),
					ResultsTables.of(HeterogeneityReport.indexRows(r)), ResultsTables.of(HeterogeneityReport.testRows(r)));
		});
	}

	static void show(HeterogeneityWorkflow.Result r, ResultsTable cv, ResultsTable organ, ResultsTable indexes, ResultsTable tests) {
		cv.show("CV per patient");
		organ.show("CV per organ");
		indexes.show("Heterogeneity indexes");
		tests.show("Tests");
		HeterogeneityReport.cvPlot(r).imagePlus().show();
		HeterogeneityReport.indexPlot(r).imagePlus().show();
		ImagePlus heatmaps = HeterogeneityReport.dissimilarityStack(r);
		if (heatmaps != null) heatmaps.show();
	}
}
