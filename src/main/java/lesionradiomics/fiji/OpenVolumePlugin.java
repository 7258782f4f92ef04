package lesionradiomics.fiji;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import lesionradiomics.io.ImagePlusAdapter;
import lesionradiomics.io.VolumeReaders;

/**
 * File › Import › NRRD or NIfTI (Lesion Radiomics): opens .nrrd, .nhdr, .seg.nrrd, .nii and .nii.gz with the plugin's
 * own readers (plain ImageJ cannot; in Fiji, Bio-Formats can too) so macros can open images and label maps anywhere. Not
 * a workflow (no SciJava command): an importer, as File › Import entries are. A label map opens with label colours.
 */
public class OpenVolumePlugin implements PlugIn {

	@Override
	public void run(String arg) {
		GenericDialog gd = new GenericDialog("Open NRRD or NIfTI");
		gd.addFileField("open", arg == null ? "" : arg, 40);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		Path file = Path.of(gd.getNextString().trim());
		try {
			ImagePlus imp = ImagePlusAdapter.toImagePlus(VolumeReaders.read(file), file.getFileName().toString());
			if (Images.isLabelMap(imp)) Images.asLabels(imp); // label colours at the largest lesion, not grey at slice 1
			Images.show(imp);
		} catch (IOException | IllegalArgumentException e) {
			IJ.error("Open NRRD or NIfTI", e.getMessage());
		}
	}
}
