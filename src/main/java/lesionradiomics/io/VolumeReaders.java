package lesionradiomics.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.FolderOpener;

/**
 * Opens a volume by its name: NRRD ({@code .nrrd}, {@code .nhdr}, {@code .seg.nrrd}) and NIfTI-1 ({@code .nii},
 * {@code .nii.gz}) with the plugin's own readers; a folder as a DICOM series and anything else (TIFF, …) through
 * ImageJ 1.x.
 */
public final class VolumeReaders {

	private VolumeReaders() {}

	public static ImageData read(Path file) throws IOException {
		if (!Files.exists(file)) throw new VolumeFormatException(file, "file not found");
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".nrrd") || name.endsWith(".nhdr")) return NrrdReader.read(file);
		if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return NiftiReader.read(file);
		ImagePlus imp;
		if (Files.isDirectory(file)) {
			imp = FolderOpener.open(file.toString(), "virtual=false");
			if (imp == null) throw new VolumeFormatException(file, "no readable DICOM series in this folder");
		} else {
			imp = IJ.openImage(file.toString());
			if (imp == null) throw new VolumeFormatException(file, "ImageJ cannot open this file (supported here: .nrrd, .nhdr, .nii, .nii.gz, DICOM folders, TIFF)");
		}
		try {
			return ImagePlusAdapter.wrap(imp);
		} catch (IllegalArgumentException e) {
			throw new VolumeFormatException(file, e.getMessage());
		}
	}
}
