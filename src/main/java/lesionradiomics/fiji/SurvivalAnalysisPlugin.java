package lesionradiomics.fiji;

import ij.IJ;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import lesionradiomics.report.Figure;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SurvivalReport;
import lesionradiomics.workflow.SurvivalWorkflow;

/** Plugins › Lesion Radiomics › Survival Analysis (ImageJ 1.x entry, macro-recordable). */
public class SurvivalAnalysisPlugin implements PlugIn {

	static final String TITLE = "Survival Analysis";

	public static DialogForm form() {
		return new DialogForm(TITLE).file("patients").file("clinical").survival().directory("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = form().show();
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			SurvivalWorkflow.Result r = SurvivalWorkflow.run(v.path("patients"), v.path("clinical"), DialogForm.survival(v));
			for (String n : r.notes()) IJ.log("Lesion Radiomics: " + n);
			if (v.optionalPath("output") != null) SurvivalReport.write(r, v.optionalPath("output"));
			show(r, ResultsTables.of(SurvivalReport.coxRows(r)), ResultsTables.of(SurvivalReport.medianRows(r)), ResultsTables.of(SurvivalReport.logRankRows(r)));
		});
	}

	static void show(SurvivalWorkflow.Result r, ResultsTable cox, ResultsTable medians, ResultsTable logRank) {
		cox.show("Cox models");
		medians.show("Median survival");
		logRank.show("Log-rank tests");
		for (SurvivalWorkflow.SetResult s : r.sets()) SurvivalReport.kaplanMeier(r, s).imagePlus().show();
		Figure forest = SurvivalReport.forest(r);
		if (forest != null) forest.imagePlus().show();
	}
}
