package lesionradiomics.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the plain {@code java -jar lesion-radiomics-cli.jar <short command>} as fast as {@code bin/lesion-radiomics}:
 * on Java 17 a jar's manifest cannot give the JVM options a short run needs (the class-data-sharing archive
 * {@code mvn package} makes, the quick client compiler only, the serial collector), so {@link Main} starts one child JVM with them
 * and waits for it. The child inherits standard input, output, error and the environment, gets the user's own JVM
 * options after ours (so theirs win), and its exit code is returned. Measured on the benchmark case: the optimising
 * compiler alone costs a short run more CPU time than a second JVM start. This runs before the child starts, in a JVM
 * without our archive, so it keeps to plain JDK calls: no lambdas or string concatenation (each would bootstrap
 * {@code invokedynamic} machinery first), no regular expressions.
 *
 * <p>Keep the options in step with {@code bin/lesion-radiomics}, which gives them directly (no second JVM).
 * {@code LESION_RADIOMICS_RELAUNCH=off} or {@code -Dlesionradiomics.relaunch=false} runs in the first JVM; so does
 * anything not started as {@code java [options] -jar <this jar>} (tests, Fiji, {@code java -cp jar
 * lesionradiomics.cli.Cli}), a long command, a JVM making a class-data archive ({@code -XX:ArchiveClassesAtExit}), or a
 * platform that does not tell a process its own command line. Diagnostic JVM options given before {@code -jar}
 * ({@code -Xlog}, JFR) reach both JVMs; the child's output is the run's.
 */
final class TunedJvm {

	/**
	 * Commands that run in the first JVM as started, with the optimising compiler: the benchmarks, so that what they
	 * measure is the code as a long job runs it, and signature (its model fits, unmeasured under the quick compiler).
	 * cohort and maps are not among them: on 2 cores the optimising compiler's threads take the cores the work needs,
	 * and the child ran them faster with less memory, from the demo cohort to a 20-patient one (README, start-up:
	 * the measurements).
	 */
	static final Set<String> LONG_COMMANDS = Set.of("signature", "bench", "bench-analysis", "bench-cohort", "bench-maps", "bench-filters",
			"bench-dicom", "bench-report", "bench-signature");

	/** {@code -Dlesionradiomics.relaunch=false}: stay in this JVM (set on the child, so it never starts another). */
	private static final String STAY = "lesionradiomics.relaunch";

	/**
	 * {@code -Dlesionradiomics.launcher=PID}: the child's launcher, watched so that the child ends with it even when it
	 * is killed hard ({@code kill -9} runs no shutdown hook, so {@link StopChild} cannot end the child then).
	 */
	static final String LAUNCHER = "lesionradiomics.launcher";

	/** Exit code of a child whose launcher ended: as if terminated by SIGTERM (128 + 15), as a killed run would be. */
	static final int LAUNCHER_GONE = 143;

	private TunedJvm() {}

	/**
	 * In a child started by {@link #run}: a daemon thread that exits this JVM (through its shutdown hooks, so locks and
	 * temporary files are released) as soon as the launcher is gone. Does nothing in a JVM started otherwise.
	 */
	static void watchLauncher() {
		String pid = System.getProperty(LAUNCHER);
		if (pid == null) return;
		Optional<ProcessHandle> launcher;
		try {
			launcher = ProcessHandle.of(Long.parseLong(pid));
		} catch (NumberFormatException e) {
			return;
		}
		if (launcher.isEmpty()) System.exit(LAUNCHER_GONE);
		Thread watch = new LauncherWatch(launcher.get());
		watch.setDaemon(true);
		watch.start();
	}

	/**
	 * Looks every {@link #POLL_MS} ms whether the launcher is still alive, and ends this JVM when it is not (a class, not
	 * a lambda, as {@link StopChild}). Polled, not {@code onExit()}: for a process that is not its child the JDK polls
	 * too, about 0.3 s from a {@code kill -9} of the launcher to this JVM's exit, long enough for a run killed and
	 * resumed at once to find its results folder still locked. Nor a blocking read of a pipe from the launcher: a thread
	 * blocked in native code holds up the JVM's exit by 0.3 s (HotSpot's VM_Exit waits for it).
	 */
	private static final class LauncherWatch extends Thread {
		private static final long POLL_MS = 10;
		private final ProcessHandle launcher;

		LauncherWatch(ProcessHandle launcher) {
			super("launcher-watch");
			this.launcher = launcher;
		}

		@Override
		public void run() {
			try {
				while (launcher.isAlive()) Thread.sleep(POLL_MS);
			} catch (InterruptedException e) {
				return;
			}
			System.exit(LAUNCHER_GONE);
		}
	}

	/** The child's command line, or empty when this run stays in this JVM. */
	static Optional<List<String>> command(String[] args) {
		if ("false".equals(System.getProperty(STAY)) || "off".equals(System.getenv("LESION_RADIOMICS_RELAUNCH"))) return Optional.empty();
		if (args.length == 0 || LONG_COMMANDS.contains(args[0])) return Optional.empty();
		String[] given = ProcessHandle.current().info().arguments().orElse(new String[0]);
		Optional<Path> self = thisJar();
		return self.isEmpty() ? Optional.empty() : command(args, given, self.get(), Path.of(System.getProperty("java.home"), "bin", "java"));
	}

	/**
	 * The child's command line for {@code args} when this JVM was started with the JVM arguments {@code given}
	 * (everything after {@code java}) from the jar {@code self}; empty when that was not {@code ... -jar <self>}.
	 */
	static Optional<List<String>> command(String[] args, String[] given, Path self, Path java) {
		List<String> userJvmOptions = new ArrayList<>();
		for (String a : given) {
			if (a.equals("-jar")) break;
			// an archive being made should hold this JVM's classes (and a second JVM would write the same file)
			if (a.startsWith("-XX:ArchiveClassesAtExit")) return Optional.empty();
			userJvmOptions.add(a);
		}
		if (userJvmOptions.size() + 1 >= given.length || !sameFile(given[userJvmOptions.size() + 1], self)) return Optional.empty();
		List<String> cmd = new ArrayList<>();
		cmd.add(java.toString());
		String jarName = self.toString();
		Path jsa = Path.of(jarName.substring(0, jarName.length() - ".jar".length()).concat(".jsa"));
		// an archive the JVM cannot map (another Java version) is ignored silently and the run goes on without it
		if (newer(jsa, self)) cmd.addAll(List.of("-XX:SharedArchiveFile=".concat(jsa.toString()), "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
		cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseTransparentHugePages", "-D".concat(STAY).concat("=false"),
				"-D".concat(LAUNCHER).concat("=").concat(Long.toString(ProcessHandle.current().pid()))));
		// the serial collector: a short run's garbage needs no concurrent collector, and G1 grew the heap to ~650 MB of
		// fresh (page-faulted) memory on the filtered bench extraction where this stays below 300 MB (CPU 4.8 -> 3.9 s).
		// Not when the user chose a collector: two of them stop the JVM at start
		if (!choosesCollector(userJvmOptions)) cmd.add("-XX:+UseSerialGC");
		cmd.addAll(userJvmOptions);
		cmd.add("-jar");
		cmd.add(self.toString());
		cmd.addAll(List.of(args));
		return Optional.of(cmd);
	}

	/** Whether JVM options select a garbage collector ({@code -XX:+UseG1GC}, {@code -XX:+UseParallelGC}, ...). */
	private static boolean choosesCollector(List<String> options) {
		for (String o : options) if (o.startsWith("-XX:+Use") && o.endsWith("GC")) return true;
		return false;
	}

	/**
	 * Runs the child and returns its exit code; empty when it could not be started (the caller then runs in this
	 * JVM). A signal that ends this JVM (e.g. {@code kill}) ends the child too, which releases its locks and
	 * temporary files as it would alone.
	 */
	static Optional<Integer> run(List<String> command) {
		Process child;
		try {
			child = new ProcessBuilder(command).inheritIO().start();
		} catch (java.io.IOException | RuntimeException e) {
			return Optional.empty();
		}
		Thread stop = new StopChild(child);
		Runtime.getRuntime().addShutdownHook(stop);
		while (true) {
			try {
				int code = child.waitFor();
				try {
					Runtime.getRuntime().removeShutdownHook(stop);
				} catch (IllegalStateException e) {
					// this JVM is already shutting down: the hook finds the child ended
				}
				return Optional.of(code);
			} catch (InterruptedException e) {
				// nothing interrupts main; keep waiting for the child
			}
		}
	}

	/** The shutdown hook that ends the child with this JVM (a class, not a lambda: see above). */
	private static final class StopChild extends Thread {
		private final Process child;

		StopChild(Process child) {
			this.child = child;
		}

		@Override
		public void run() {
			child.destroy();
			try {
				child.waitFor();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The jar this class was loaded from, if it was. */
	private static Optional<Path> thisJar() {
		try {
			Path self = Path.of(TunedJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return self.toString().endsWith(".jar") ? Optional.of(self) : Optional.empty();
		} catch (Exception e) { // no code source, a URI that is not a file: stay in this JVM
			return Optional.empty();
		}
	}

	/** Whether {@code -jar} named this jar (a jar that merely has us on its class path does not). */
	private static boolean sameFile(String launched, Path self) {
		try {
			return Files.isSameFile(Path.of(launched), self);
		} catch (java.io.IOException | RuntimeException e) {
			return false;
		}
	}

	private static boolean newer(Path file, Path than) {
		File f = file.toFile();
		return f.canRead() && f.lastModified() > than.toFile().lastModified();
	}
}
