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
 * killed run never leaves a half-written output. The temporary file's name carries this process's run id
 * ({@code .<name>.<run id>.<random>.tmp}), so that a later run removes only the leftovers of a run known to be dead
 * (see {@link FolderLock}), never the files another live run is writing.
 *
 * <p>A failure of the output (disk full, quota, I/O error) is an {@link OutputException} naming the file.
 */
public final class AtomicFiles {

	/** This process's run id (pid and a random part): an identity, not a setting, so one per JVM is right. */
	public static final String RUN_ID = FolderLock.newRunId();

	/** Writes the content of one file. */
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFiles() {}

	public static void write(Path file, Content content) throws IOException {
		Path abs = file.toAbsolutePath();
		Path dir = abs.getParent();
		if (dir != null) Files.createDirectories(dir);
		Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + RUN_ID + "." + UUID.randomUUID() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				content.writeTo(out);
			}
			try {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (OutputException e) {
			throw e;
		} catch (IOException e) {
			// "No space left on device" alone does not say where
			throw new OutputException(abs, e);
		} finally {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException e) {
				// the leftover carries our run id: the next run's sweep removes it
			}
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
