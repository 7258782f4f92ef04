package lesionradiomics.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file atomically: into a hidden temporary file next to it, then renamed over the target, so a cancelled or
 * killed run never leaves a half-written output.
 */
public final class AtomicFiles {

	/** Writes the content of one file. */
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFiles() {}

	public static void write(Path file, Content content) throws IOException {
		Path abs = file.toAbsolutePath();
		Path dir = abs.getParent();
		if (dir != null) Files.createDirectories(dir);
		Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				content.writeTo(out);
			}
			try {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Checks, before any work is done, that files can be created in {@code dir} (created when missing); the error
	 * names the folder and why not.
	 */
	public static void checkWritable(Path dir) throws IOException {
		Path abs = dir.toAbsolutePath();
		try {
			Files.createDirectories(abs);
			Path probe = Files.createTempFile(abs, ".write-check", ".tmp");
			Files.delete(probe);
		} catch (IOException | SecurityException e) {
			String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
					: e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way" : e.toString();
			throw new IOException(abs + ": cannot write the results here (" + why + "); choose another output folder", e);
		}
	}
}
