package lesionradiomics.fiji;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;

/**
 * "Extract Lesion Features": the open image and label image → one row of pyradiomics features per lesion. A SciJava
 * command (headless, scriptable); the menu entry is {@link CommandPlugin} with this class as argument.
 */
@Plugin(type = Command.class, headless = true, label = "Extract Lesion Features",
		description = "Extracts pyradiomics-compatible features of every lesion of an image and its label map (one integer label per lesion) "
				+ "into a 'Lesion Features' table, saved as CSV when an output file is given.")
public class ExtractLesionFeatures extends ExtractionCommand {

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Labels: the label image (one integer label per lesion)", persist = false)
	private ImagePlus labels;

	@Parameter(label = "Lesion table (patient,label,site; optional)", required = false, style = "extensions:csv", persist = false)
	private File lesions;

	@Parameter(label = "Patient (blank: the only one of the lesion table)", required = false, persist = false)
	private String patient = "";

	@Parameter(label = "Output CSV (optional)", required = false, style = "save,extensions:csv", persist = false)
	private File output;

	@Parameter(label = "Overlay the lesions on the image", persist = false)
	private boolean overlay;

	@Parameter(type = ItemIO.OUTPUT, label = "Lesion Features")
	private ResultsTable table;

	@Override
	protected void execute() throws java.io.IOException {
		ExtractionOptions o = extractionOptions();
		ExtractionWorkflow.Input in = ExtractionWorkflow.prepared(Images.input(image, labels, lesions, patient), o);
		ExtractionWorkflow.Result r;
		try (Execution execution = execution()) {
			r = ExtractionWorkflow.run(in, o, execution);
		}
		for (String w : r.warnings()) warn(w);
		if (output != null) FeatureTableCsv.write(r.table(), output.toPath());
		table = ResultsTables.features(r.table());
		if (showing()) {
			showOutputs();
			if (overlay) Images.overlay(image, labels);
			IJ.showStatus("Lesion Radiomics: " + r.table().computed().size() + " lesions extracted");
		}
	}
}
