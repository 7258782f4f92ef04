package lesionradiomics.io.dicom;

import java.nio.file.Path;

import lesionradiomics.io.VolumeFormatException;

/** A DICOM file (or a set of files) that cannot be read as asked; the message names the file and what is wrong. */
public final class DicomFormatException extends VolumeFormatException {

	private static final long serialVersionUID = 1L;

	public DicomFormatException(Path file, String problem) {
		super(file, problem);
	}
}
