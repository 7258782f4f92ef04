package lesionradiomics.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A results file could not be written (disk full, quota, permission, I/O error). It is a fault of the output, not of
 * the patient being saved: a run stops on it (exit 2) with the folder left resumable, instead of recording it as that
 * patient's failure.
 */
public final class OutputException extends IOException {

	private static final long serialVersionUID = 1L;

	private final Path file;

	public OutputException(Path file, IOException cause) {
		this(file, file + ": cannot write the results (" + reason(cause) + ")", cause);
	}

	public OutputException(Path file, String message, IOException cause) {
		super(message, cause);
		this.file = file;
	}

	public Path file() { return file; }

	/** The cause without the path a {@link FileSystemException} repeats (ours is named once, first). */
	private static String reason(IOException e) {
		if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
		if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}
}
