package lesionradiomics.fiji;

import ij.IJ;
import ij.plugin.PlugIn;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;

/**
 * Plugins › Lesion Radiomics › Extract Lesion Features (ImageJ 1.x entry point, listed in plugins.config so it works in
 * Fiji and plain ImageJ and is macro-recordable): the open image and label image, an optional lesion table and the
 * extraction settings → a "Lesion Features" table, saved as CSV when an output file is given.
 */
public class ExtractLesionFeaturesPlugin implements PlugIn {

	static final String TITLE = "Extract Lesion Features";

	public static DialogForm form(String image, String labels) {
		return new DialogForm(TITLE).image("image", image).image("labels", labels).file("lesion_table").string("patient", "", 12).extraction()
				.file("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = ImageChecks.dialogOverOpenImages(TITLE, ExtractLesionFeaturesPlugin::form);
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			ExtractionOptions o = DialogForm.extraction(v);
			ExtractionWorkflow.Input in = ExtractionWorkflow.prepared(ImageChecks.input(v), o);
			ExtractionWorkflow.Result r;
			try (Execution execution = Execution.of(v.integer("threads"), DialogForm.imageJProgress())) {
				r = ExtractionWorkflow.run(in, o, execution);
			}
			for (String w : r.warnings()) IJ.log("Lesion Radiomics: " + w);
			if (!v.string("output").isEmpty()) FeatureTableCsv.write(r.table(), v.path("output"));
			ResultsTables.features(r.table()).show("Lesion Features");
			IJ.showStatus("Lesion Radiomics: " + r.table().computed().size() + " lesions extracted");
		});
	}
}
