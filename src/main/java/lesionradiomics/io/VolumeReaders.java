package lesionradiomics.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import lesionradiomics.io.dicom.DicomOptions;
import lesionradiomics.io.dicom.DicomReader;
import ij.ImagePlus;
import ij.plugin.FolderOpener;

/**
 * Opens a volume by its name: NRRD ({@code .nrrd}, {@code .nhdr}, {@code .seg.nrrd}) and NIfTI-1 ({@code .nii},
 * {@code .nii.gz}) with the plugin's own readers; a DICOM folder or file as an image series with our own DICOM reader
 * ({@link lesionradiomics.io.dicom}); anything else (TIFF, …) through ImageJ 1.x. {@link #readPair} reads an image
 * with its delineation when either is DICOM (an RTSTRUCT or SEG is rasterised on the image's grid).
 */
public final class VolumeReaders {

	private VolumeReaders() {}

	/**
	 * Image and label map when either is DICOM (read one after the other: the delineation may choose the series and is
	 * rasterised on its grid); null when neither is, so the caller reads the two files as it likes.
	 */
	public static DicomReader.Pair readPair(Path image, Path labels, DicomOptions options) throws IOException {
		if (!Files.exists(image)) throw new VolumeFormatException(image, "file not found");
		if (!Files.exists(labels)) throw new VolumeFormatException(labels, "file not found");
		if (!DicomReader.isDicom(image) && !DicomReader.isDicom(labels)) return null;
		return DicomReader.readPair(image, labels, options, VolumeReaders::read);
	}

	/**
	 * As {@link #read}, but a compressed NRRD image is inflated on a thread of its own while the caller goes on
	 * ({@link NrrdReader#readStreaming}); other formats are read whole.
	 */
	public static ImageData readStreaming(Path file) throws IOException {
		if (!Files.exists(file)) throw new VolumeFormatException(file, "file not found");
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".nrrd") || name.endsWith(".nhdr") ? NrrdReader.readStreaming(file) : read(file);
	}

	public static ImageData read(Path file) throws IOException {
		if (!Files.exists(file)) throw new VolumeFormatException(file, "file not found");
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".nrrd") || name.endsWith(".nhdr")) return NrrdReader.read(file);
		if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return NiftiReader.read(file);
		if (DicomReader.isDicom(file)) return DicomReader.readImage(file, null).data();
		try {
			ImagePlus imp;
			if (Files.isDirectory(file)) {
				imp = FolderOpener.open(file.toString(), "virtual=false");
				if (imp == null) throw new VolumeFormatException(file, "no DICOM files and no image stack ImageJ can read in this folder");
			} else {
				imp = IJ.openImage(file.toString());
				if (imp == null) throw new VolumeFormatException(file, "ImageJ cannot open this file (supported here: .nrrd, .nhdr, .nii, .nii.gz, DICOM folders and files, TIFF)");
			}
			return ImagePlusAdapter.wrap(imp);
		} catch (java.awt.HeadlessException e) {
			throw new VolumeFormatException(file, "ImageJ needs a display to open this file; convert it to NRRD or NIfTI for headless use");
		} catch (IllegalArgumentException e) {
			throw new VolumeFormatException(file, e.getMessage());
		}
	}
}
