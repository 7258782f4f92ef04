package lesionradiomics.fiji;

import ij.IJ;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import lesionradiomics.report.PhenotypeReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.PhenotypeOptions;
import lesionradiomics.workflow.PhenotypeWorkflow;

/** Plugins › Lesion Radiomics › Lesion Phenotypes (ImageJ 1.x entry, macro-recordable). */
public class LesionPhenotypesPlugin implements PlugIn {

	static final String TITLE = "Lesion Phenotypes";

	public static DialogForm form() {
		PhenotypeOptions d = PhenotypeOptions.DEFAULTS;
		return new DialogForm(TITLE).file("features").file("selected").choice("method", Bind.name(d.method()), "average", "ward", "kmeans").number("k", d.k(),
				"(0 = by silhouette)").number("kmax", d.kmax(), "").string("seed", Long.toString(d.seed()), 12).file("response").directory("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = form().show();
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			PhenotypeWorkflow.Result r = PhenotypeWorkflow.run(FeatureInput.read(v.path("features"), v.optionalPath("selected")).analysed(),
					Bind.phenotypes(v.string("method"), v.integer("k"), v.integer("kmax"), DialogForm.seed(v)),
					v.optionalPath("response") == null ? java.util.Map.of() : PhenotypeWorkflow.readResponses(v.optionalPath("response")));
			for (String n : r.notes()) IJ.log("Lesion Radiomics: " + n);
			if (v.optionalPath("output") != null) PhenotypeReport.write(r, v.optionalPath("output"));
			show(r, ResultsTables.of(PhenotypeReport.lesionRows(r)), ResultsTables.of(PhenotypeReport.patientRows(r)));
		});
	}

	static void show(PhenotypeWorkflow.Result r, ResultsTable lesions, ResultsTable patients) {
		lesions.show("Lesion phenotypes");
		patients.show("Patient phenotypes");
		if (!r.responses().isEmpty()) ResultsTables.of(PhenotypeReport.responseRows(r)).show("Phenotype response");
		PhenotypeReport.heatmap(r).imagePlus().show();
	}
}
