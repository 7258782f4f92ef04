package lesionradiomics.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A results folder held by one run at a time: the file {@code .lesion-radiomics.lock} in it carries the owner's pid,
 * host, run id and start time, and an operating-system lock on that file is held for the whole run. The OS lock is what
 * decides (it goes away with the process, however the process ends, also on a shared file system with lock support);
 * the file's text is what the refusal and the stale-lock report name.
 *
 * <p>A lock file with text but no OS lock was left by a run that ended without finishing (killed, power cut): it is
 * taken over and reported ({@link #stale()}), and that run's hidden temporary files are removed (their names carry its
 * run id, see {@link AtomicFiles}), never anybody else's. Two runs in one JVM (two Fiji windows) are told apart too:
 * the JVM refuses a second lock on the same file.
 *
 * <p>The file is emptied, not deleted, at the end: deleting would let a run that opened it just before the deletion
 * lock a file nobody else sees.
 */
public final class FolderLock implements AutoCloseable {

	/** The lock file's name inside the results folder. */
	public static final String NAME = ".lesion-radiomics.lock";

	private final Path folder;
	private final FileChannel channel;
	private final FileLock lock;
	private final Map<String, String> stale;

	private FolderLock(Path folder, FileChannel channel, FileLock lock, Map<String, String> stale) {
		this.folder = folder;
		this.channel = channel;
		this.lock = lock;
		this.stale = stale;
	}

	/**
	 * Locks {@code folder} (created when missing) for the command {@code command}.
	 *
	 * @throws IOException naming the folder and the running process when another run holds it
	 */
	public static FolderLock acquire(Path folder, String command) throws IOException {
		Files.createDirectories(folder);
		Path file = folder.resolve(NAME);
		FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = ch.tryLock();
		} catch (OverlappingFileLockException e) {
			lock = null; // held by another run in this JVM
		} catch (IOException e) {
			ch.close();
			throw new IOException(folder + ": cannot lock the results folder (" + e.getMessage() + ")", e);
		}
		try {
			Map<String, String> previous = parse(read(ch));
			if (lock == null) {
				ch.close();
				throw new IOException(folder + ": the results folder is in use by another run (" + describe(previous)
						+ "); wait for it to end or choose another output folder");
			}
			Map<String, String> mine = new LinkedHashMap<>();
			mine.put("pid", Long.toString(ProcessHandle.current().pid()));
			mine.put("host", host());
			mine.put("run", AtomicFiles.RUN_ID);
			mine.put("command", command);
			mine.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
			StringBuilder text = new StringBuilder();
			mine.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
			ch.truncate(0);
			ch.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
			ch.force(true);
			FolderLock l = new FolderLock(folder, ch, lock, previous.isEmpty() ? null : previous);
			if (l.stale != null) l.sweep(l.stale.get("run"));
			return l;
		} catch (IOException | RuntimeException e) {
			if (ch.isOpen()) ch.close();
			throw e;
		}
	}

	/** The hidden temporary files of run {@code run} in the folder (its own leftovers, or a dead owner's). */
	private void sweep(String run) throws IOException {
		if (run == null || run.isBlank()) return;
		String tag = "." + run + ".";
		try (Stream<Path> s = Files.walk(folder)) {
			for (Path p : (Iterable<Path>) s::iterator) {
				String n = p.getFileName().toString();
				if (n.startsWith(".") && n.endsWith(".tmp") && n.contains(tag)) Files.deleteIfExists(p);
			}
		}
	}

	/**
	 * The owner of a lock left by a run that ended without releasing it, as one line (pid, host, command, start), or
	 * empty when the folder was free.
	 */
	public Optional<String> stale() {
		return stale == null ? Optional.empty() : Optional.of(folder + ": took over the lock of a run that ended without finishing (" + describe(stale) + ")");
	}

	public Path folder() { return folder; }

	/** Also removes this run's own leftover temporary files (none after a clean run). */
	@Override
	public void close() throws IOException {
		try {
			sweep(AtomicFiles.RUN_ID);
			if (channel.isOpen()) channel.truncate(0);
		} finally {
			try {
				if (lock.isValid()) lock.release();
			} finally {
				channel.close();
			}
		}
	}

	private static String read(FileChannel ch) throws IOException {
		long size = Math.min(ch.size(), 4096);
		ByteBuffer b = ByteBuffer.allocate((int) size);
		while (b.hasRemaining() && ch.read(b, b.position()) > 0) {}
		return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
	}

	private static Map<String, String> parse(String text) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
		}
		return m;
	}

	private static String describe(Map<String, String> owner) {
		if (owner.isEmpty()) return "owner not yet recorded";
		return "pid " + owner.getOrDefault("pid", "?") + " on " + owner.getOrDefault("host", "?") + ", " + owner.getOrDefault("command", "?")
				+ " started " + owner.getOrDefault("started", "?");
	}

	static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		} catch (IOException e) {
			String h = System.getenv("HOSTNAME");
			return h == null ? "unknown host" : h;
		}
	}

	/** A run id unique to this process: pid and a random part (pids are reused across reboots and hosts). */
	static String newRunId() {
		return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
