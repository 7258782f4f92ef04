package lesionradiomics.fiji;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;

/**
 * SciJava command "Extract Lesion Features" for headless and scripted use ({@code CommandService}, {@code --headless
 * --run}); the Fiji menu entry is the ImageJ 1.x plugin of plugins.config, so the function appears once in the menus.
 */
@Plugin(type = Command.class, headless = true, label = "Extract Lesion Features")
public class ExtractLesionFeatures extends ExtractionCommand {

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Label image", persist = false)
	private ImagePlus labels;

	@Parameter(label = "Lesion table (patient,label,site)", required = false, persist = false)
	private File lesions;

	@Parameter(label = "Patient", required = false, persist = false)
	private String patient = "";

	@Parameter(label = "Output CSV", required = false, persist = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Lesion Features")
	private ResultsTable table;

	@Override
	protected String title() {
		return "Extract Lesion Features";
	}

	@Override
	protected void execute() throws java.io.IOException {
		ExtractionOptions o = extractionOptions();
		ExtractionWorkflow.Input in = ExtractionWorkflow.prepared(Bind.images(image, labels, lesions == null ? null : lesions.toPath(), patient), o);
		ExtractionWorkflow.Result r;
		try (Execution execution = execution()) {
			r = ExtractionWorkflow.run(in, o, execution);
		}
		for (String w : r.warnings()) warn(w);
		if (output != null) FeatureTableCsv.write(r.table(), output.toPath());
		table = ResultsTables.features(r.table());
		if (showing()) table.show("Lesion Features");
	}

	public ResultsTable table() { return table; }
}
