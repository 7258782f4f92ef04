package lesionradiomics.fiji;

import ij.IJ;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import lesionradiomics.io.LongitudinalTable;
import lesionradiomics.report.Figure;
import lesionradiomics.report.ResponseReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ResponseWorkflow;

/** Plugins › Lesion Radiomics › Lesion Response (two time points) (ImageJ 1.x entry, macro-recordable). */
public class LesionResponsePlugin implements PlugIn {

	static final String TITLE = "Lesion Response (two time points)";

	public static DialogForm form() {
		return new DialogForm(TITLE).file("cohort").response().extraction().directory("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = form().show();
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			ResponseWorkflow.Result r;
			try (Execution execution = Execution.of(v.integer("threads"), DialogForm.imageJProgress())) {
				r = ResponseWorkflow.run(LongitudinalTable.read(v.path("cohort")), DialogForm.response(v), execution);
			}
			for (String n : r.notes()) IJ.log("Lesion Radiomics: " + n);
			r.failures().forEach((p, why) -> IJ.log("Lesion Radiomics: patient " + p + " left out: " + why));
			if (v.optionalPath("output") != null) ResponseReport.write(r, v.optionalPath("output"));
			show(r, ResultsTables.of(ResponseReport.lesionRows(r)), ResultsTables.of(ResponseReport.patientRows(r)));
		});
	}

	static void show(ResponseWorkflow.Result r, ResultsTable lesions, ResultsTable patients) {
		lesions.show("Lesion response");
		patients.show("Patient response");
		ResponseReport.waterfall(r).imagePlus().show();
		ResponseReport.spider(r).imagePlus().show();
		Figure roc = ResponseReport.roc(r);
		if (roc != null) roc.imagePlus().show();
	}
}
