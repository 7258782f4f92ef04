package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.io.ImagePlusAdapter;
import lesionradiomics.io.LesionTable;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.report.ResultsTables;

/**
 * Plugins › Lesion Radiomics › Extract Lesion Features (ImageJ 1.x entry point, listed in plugins.config so it works in
 * Fiji and plain ImageJ and is macro-recordable): the open image and label image, an optional lesion table and the
 * extraction settings → a "Lesion Features" table, saved as CSV when an output file is given.
 */
public class ExtractLesionFeaturesPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		if (WindowManager.getImageCount() < 2) {
			IJ.error("Extract Lesion Features", "Open the image and its label image first (File > Open).");
			return;
		}
		GenericDialog gd = new GenericDialog("Extract Lesion Features");
		gd.addImageChoice("image", WindowManager.getCurrentImage().getTitle());
		gd.addImageChoice("labels", null);
		gd.addFileField("lesion_table", "", 30);
		gd.addStringField("patient", "", 12);
		DialogFields.addSettings(gd);
		gd.addFileField("output", "", 30);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		ImagePlus image = gd.getNextImage(), labels = gd.getNextImage();
		String table = gd.getNextString().trim(), patient = gd.getNextString().trim();
		try {
			FeatureSettings settings = DialogFields.readSettings(gd);
			int threads = DialogFields.readThreads(gd);
			String output = gd.getNextString().trim();
			ExtractionTask.Result r = ExtractionTask.run(ImagePlusAdapter.wrap(image), ImagePlusAdapter.wrap(labels),
					table.isEmpty() ? null : LesionTable.read(Path.of(table)), patient, settings, threads, imageJProgress());
			for (String w : r.warnings()) IJ.log("Lesion Radiomics: " + w);
			if (!output.isEmpty()) FeatureTableCsv.write(r.table(), Path.of(output));
			ResultsTable rt = ResultsTables.features(r.table());
			rt.show("Lesion Features");
			IJ.showStatus("Lesion Radiomics: " + r.table().computed().size() + " lesions extracted");
		} catch (IOException | IllegalArgumentException e) {
			IJ.error("Extract Lesion Features", e.getMessage());
		} catch (Progress.CancelledException e) {
			IJ.showStatus("Lesion Radiomics: cancelled");
		} finally {
			IJ.showProgress(1.0);
		}
	}

	/** Status bar and progress bar; Esc cancels. */
	static Progress imageJProgress() {
		return new Progress() {
			@Override
			public void update(String what, long done, long total) {
				IJ.showProgress((int) done, (int) total);
				IJ.showStatus("Lesion Radiomics: " + what + " " + done + "/" + total);
			}

			@Override
			public boolean isCancelled() {
				return IJ.escapePressed();
			}
		};
	}
}
