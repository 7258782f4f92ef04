package lesionradiomics.fiji;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import lesionradiomics.io.ImagePlusAdapter;
import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.io.VolumeReaders;
import lesionradiomics.io.dicom.DicomOptions;
import lesionradiomics.io.dicom.DicomReader;

/**
 * File › Import › "DICOM series with RTSTRUCT/SEG": a DICOM image series (HU, or SUV for PET, as a calibration) and its
 * delineation as a label map named by the ROIs, two images every Lesion Radiomics command takes. Titled
 * {@code PatientID_Modality} and {@code PatientID_Modality_labels}, so a macro can name them.
 */
@Plugin(type = Command.class, headless = true, label = "DICOM series with RTSTRUCT/SEG (Lesion Radiomics)",
		description = "Opens a DICOM image series and its RTSTRUCT or DICOM SEG (in the same folder, or given) as an image calibrated in HU (PET: SUV) "
				+ "and a label map, one label per ROI/segment, named by the ROI names.")
public class OpenDicom extends TaskCommand {

	@Parameter(label = "Folder of the DICOM series (and its RTSTRUCT/SEG)", style = "directory", persist = false)
	private File folder;

	@Parameter(label = "Delineation: RTSTRUCT/SEG file or folder (blank: found in the series folder)", required = false, persist = false)
	private File delineation;

	@Parameter(label = "Series UID (blank: the only one, or the one the delineation refers to)", required = false, persist = false)
	private String series = "";

	@Parameter(label = "ROI: regular expression of the ROI names to keep (blank: all), e.g. GTV.*", required = false, persist = false)
	private String roi = "";

	@Parameter(label = "SUV of a PET series in Bq/ml: bw (body weight), sul (lean body mass) or none", choices = { "bw", "sul", "none" }, persist = false)
	private String suv = "bw";

	@Parameter(type = ItemIO.OUTPUT, label = "Image")
	private ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;

	@Override
	protected String title() {
		return "DICOM series with RTSTRUCT/SEG";
	}

	@Override
	protected void execute() throws IOException {
		var pair = VolumeReaders.readPair(folder.toPath(), delineation == null ? folder.toPath() : delineation.toPath(), new DicomOptions(series, roi, null, "", suv));
		if (pair == null) throw new VolumeFormatException(folder.toPath(), "no DICOM files in this folder");
		for (String w : pair.image().warnings()) warn(w);
		for (String w : pair.labels().warnings()) warn(w);
		String name = DicomReader.name(pair.image(), folder.getName());
		image = ImagePlusAdapter.toCalibratedImagePlus(pair.image(), name, DicomReader.valueUnit(pair.image()));
		labels = ImagePlusAdapter.toImagePlus(pair.labels(), name + "_labels");
		Images.asLabels(labels);
		if (showing()) {
			Images.show(image);
			Images.show(labels);
		}
	}

	public ImagePlus image() { return image; }

	public ImagePlus labels() { return labels; }
}
