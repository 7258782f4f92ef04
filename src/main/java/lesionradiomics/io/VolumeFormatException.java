package lesionradiomics.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be read as a volume or table; the message names the file and what is wrong with it. */
public class VolumeFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	public VolumeFormatException(Path file, String problem) {
		super(file + ": " + problem);
	}

	public VolumeFormatException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
	}
}
