package lesionradiomics.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.io.ImagePlusAdapter;
import lesionradiomics.io.LesionTable;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.ResultsTables;

/**
 * SciJava command "Extract Lesion Features" for headless and scripted use ({@code CommandService}, {@code --headless
 * --run}); the Fiji menu entry is the ImageJ 1.x plugin of plugins.config, so the function appears once in the menus.
 */
@Plugin(type = Command.class, headless = true, label = "Extract Lesion Features")
public class ExtractLesionFeatures implements Command {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Label image")
	private ImagePlus labels;

	@Parameter(label = "Lesion table (patient,label,site)", required = false)
	private File lesions;

	@Parameter(label = "Patient", required = false)
	private String patient = "";

	@Parameter(label = "Preset", choices = { "pyradiomics", "study" })
	private String preset = "pyradiomics";

	@Parameter(label = "Bin width (0 = preset)", min = "0")
	private double binWidth = 0;

	@Parameter(label = "Bin count (0 = use bin width)", min = "0")
	private int binCount = 0;

	@Parameter(label = "Resample to x,y,z mm (blank = no)", required = false)
	private String resample = "";

	@Parameter(label = "Feature classes (blank = all)", required = false)
	private String classes = "";

	@Parameter(label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(label = "Output CSV", required = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Lesion Features")
	private ResultsTable table;

	@Parameter
	private StatusService status;

	@Parameter(required = false)
	private UIService ui;

	@Override
	public void run() {
		try {
			FeatureSettings settings = SettingsFactory.build(preset, binWidth, binCount, resample, SettingsFactory.list(classes), null, java.util.Map.of());
			Progress progress = (what, done, total) -> status.showStatus((int) done, (int) total, "Lesion Radiomics: " + what + " " + done + "/" + total);
			ExtractionTask.Result r = ExtractionTask.run(ImagePlusAdapter.wrap(image), ImagePlusAdapter.wrap(labels),
					lesions == null ? null : LesionTable.read(lesions.toPath()), patient, settings, SettingsFactory.threads(threads), progress);
			for (String w : r.warnings()) status.warn("Lesion Radiomics: " + w);
			if (output != null) FeatureTableCsv.write(r.table(), output.toPath());
			table = ResultsTables.features(r.table());
			if (ui != null && !ui.isHeadless()) table.show("Lesion Features");
		} catch (java.io.IOException | IllegalArgumentException e) {
			throw new IllegalArgumentException("Extract Lesion Features: " + e.getMessage(), e);
		} finally {
			status.clearStatus();
		}
	}

	public ResultsTable table() { return table; }
}
