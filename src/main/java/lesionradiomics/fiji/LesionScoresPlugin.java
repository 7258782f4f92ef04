package lesionradiomics.fiji;


import ij.IJ;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import lesionradiomics.report.Figure;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.ScoreReport;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.ScoreWorkflow;

/** Plugins › Lesion Radiomics › Lesion Scores and Patient Metrics (ImageJ 1.x entry, macro-recordable). */
public class LesionScoresPlugin implements PlugIn {

	static final String TITLE = "Lesion Scores and Patient Metrics";

	public static DialogForm form() {
		return new DialogForm(TITLE).file("features").file("selected").file("model").file("patient_table").scores().directory("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = form().show();
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			ScoreWorkflow.Result r = ScoreWorkflow.run(FeatureInput.read(v.path("features"), v.optionalPath("selected")), v.optionalPath("model"),
					v.optionalPath("patient_table"), DialogForm.scores(v));
			for (String n : r.notes()) IJ.log("Lesion Radiomics: " + n);
			if (v.optionalPath("output") != null) ScoreReport.write(r, v.optionalPath("output"));
			show(r, ResultsTables.of(ScoreReport.lesionRows(r)), ResultsTables.of(ScoreReport.metricRows(r)), ResultsTables.of(ScoreReport.aggregateRows(r)));
		});
	}

	static void show(ScoreWorkflow.Result r, ResultsTable scores, ResultsTable metrics, ResultsTable aggregates) {
		if (r.model() != null) scores.show("Lesion scores");
		metrics.show("Patient metrics");
		aggregates.show("Patient aggregates");
		Figure f = ScoreReport.figure(r);
		if (f != null) f.imagePlus().show();
	}
}
