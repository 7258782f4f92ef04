package lesionradiomics.cli;

import java.nio.file.Path;

import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The CLI's one-patient input (a picocli mixin): image, label map, optional lesion table and patient. */
final class ImagesCliArgs {

	@Option(names = "--image", required = true, paramLabel = "IMG", description = "Image volume: .nrrd, .nhdr, .nii, .nii.gz, a DICOM series (folder, or one of its files) or any file ImageJ opens.")
	Path image;

	@Option(names = "--labels", required = true, paramLabel = "LABELS", description = "Label map on the image's grid, one integer label per lesion (0 = background); .seg.nrrd segment names become sites. Or a DICOM RTSTRUCT/SEG (file or folder): rasterised on the image's grid, one lesion per ROI/segment, ROI names become sites.")
	Path labels;

	@Option(names = "--lesions", paramLabel = "TABLE.csv", description = "Lesion table with columns patient,label,site (+ any others). Only listed labels are used.")
	Path lesions;

	@Option(names = "--patient", paramLabel = "ID", description = "Patient (required when the lesion table lists several; default: the image file name).")
	String patient;

	@Mixin
	DicomCliArgs dicom = new DicomCliArgs();

	/** Reads both volumes (at the same time) and the lesion table. */
	ExtractionWorkflow.Input read(ExtractionOptions options) throws java.io.IOException {
		return ExtractionWorkflow.read(image, labels, lesions, patient, options, dicom.options());
	}
}
