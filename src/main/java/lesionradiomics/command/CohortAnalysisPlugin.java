package lesionradiomics.command;

import java.nio.file.Path;

import ij.IJ;
import ij.plugin.PlugIn;
import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.io.CohortTable;
import lesionradiomics.report.CohortReport;
import lesionradiomics.report.HeterogeneityReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SamplingReport;
import lesionradiomics.workflow.CohortOptions;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ScoreWorkflow;

/** Plugins › Lesion Radiomics › Cohort Analysis (ImageJ 1.x entry, macro-recordable): the whole study on a cohort table. */
public class CohortAnalysisPlugin implements PlugIn {

	static final String TITLE = "Cohort Analysis";

	static DialogForm form() {
		return new DialogForm(TITLE).file("cohort").directory("output").extraction().selection().heterogeneity().sampling().file("model").scores()
				.checkbox("resume", CohortOptions.DEFAULTS.resume()).checkbox("overwrite", CohortOptions.DEFAULTS.overwrite());
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = form().show();
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			CohortOptions o = new CohortOptions(DialogForm.extraction(v), DialogForm.selection(v), DialogForm.heterogeneity(v), DialogForm.sampling(v),
					DialogForm.scores(v), v.bool("resume"), v.bool("overwrite"));
			ScoreModel model = ScoreWorkflow.readModel(v.optionalPath("model"));
			CohortTable cohort = CohortTable.read(v.path("cohort"));
			Path out = v.optionalPath("output") != null ? v.path("output") : ImageChecks.defaultOutput(v.path("cohort"));
			IJ.log("Lesion Radiomics: results of Cohort Analysis go to " + out.toAbsolutePath());
			CohortWorkflow.Result r;
			try (Execution execution = Execution.of(v.integer("threads"), DialogForm.imageJProgress())) {
				r = CohortReport.run(cohort, o, model, out, execution);
			}
			for (String n : r.notes()) IJ.log("Lesion Radiomics: " + n);
			ResultsTables.of(SamplingReport.tableRows(r.sampling().simulation())).show("Sampling Recovery");
			ResultsTables.of(HeterogeneityReport.indexRows(r.heterogeneity())).show("Heterogeneity indexes");
			IJ.log("Lesion Radiomics: cohort analysed, results in " + out);
			IJ.showStatus("Lesion Radiomics: cohort analysed, results in " + out);
		});
	}
}
