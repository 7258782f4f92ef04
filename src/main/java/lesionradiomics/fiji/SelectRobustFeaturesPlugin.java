package lesionradiomics.fiji;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.PlugIn;
import lesionradiomics.io.CohortTable;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SelectionReport;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.MemoryStore;
import lesionradiomics.workflow.SelectionOptions;
import lesionradiomics.workflow.SelectionWorkflow;

/** Plugins › Lesion Radiomics › Select Robust Features (ImageJ 1.x entry, macro-recordable). */
public class SelectRobustFeaturesPlugin implements PlugIn {

	static final String TITLE = "Select Robust Features";

	public static DialogForm form() {
		return new DialogForm(TITLE).file("cohort").extraction().selection().directory("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = form().show();
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			SelectionOptions o = DialogForm.selection(v);
			CohortTable cohort = CohortTable.read(v.path("cohort"));
			Path out = v.optionalPath("output") != null ? v.path("output") : ImageChecks.defaultOutput(v.path("cohort"));
			IJ.log("Lesion Radiomics: results of Select Robust Features go to " + out.toAbsolutePath());
			CohortWorkflow.Extracted x;
			try (Execution execution = Execution.of(v.integer("threads"), DialogForm.imageJProgress())) {
				x = CohortWorkflow.extract(cohort, DialogForm.extraction(v), o, false, new MemoryStore(), execution);
			}
			for (String w : x.notes()) IJ.log("Lesion Radiomics: " + w);
			SelectionWorkflow.Result r = SelectionWorkflow.run(x.variants(), o);
			if (r.skipped() != null) throw new IllegalArgumentException(r.skipped());
			SelectionReport.write(x, r, o.correlation(), out);
			ResultsTables.of(SelectionReport.robustnessRows(r)).show("Feature Robustness");
			ResultsTables.of(SelectionReport.clusterRows(r)).show("Feature Clusters");
			lesionradiomics.report.Figure heatmap = SelectionReport.heatmap(r, o.correlation());
			if (heatmap != null) new ImagePlus("Correlation Heatmap", heatmap.image()).show();
			IJ.log("Lesion Radiomics: selected " + r.selected() + "; files in " + out);
		});
	}
}
