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
 * {@code mvn package} makes, the quick client compiler only), so {@link Cli#main} starts one child JVM with them
 * and waits for it. The child inherits standard input, output, error and the environment, gets the user's own JVM
 * options after ours (so theirs win), and its exit code is returned. Measured on the benchmark case: the optimising
 * compiler alone costs a short run more CPU time than a second JVM start.
 *
 * <p>Keep the options in step with {@code bin/lesion-radiomics}, which gives them directly (no second JVM).
 * {@code LESION_RADIOMICS_RELAUNCH=off} or {@code -Dlesionradiomics.relaunch=false} runs in the first JVM; so does anything not started as
 * {@code java [options] -jar <this jar>} (tests, Fiji, a class path), a long command, or a platform that does not
 * tell a process its own command line.
 */
final class TunedJvm {

	/** Commands that run long enough to repay the optimising compiler: they run in the first JVM as started. */
	static final Set<String> LONG_COMMANDS = Set.of("cohort", "bench", "bench-analysis", "bench-cohort");

	/** {@code -Dlesionradiomics.relaunch=false}: stay in this JVM (set on the child, so it never starts another). */
	private static final String STAY = "lesionradiomics.relaunch";

	private TunedJvm() {}

	/** The child's command line, or empty when this run stays in this JVM. */
	static Optional<List<String>> command(String[] args) {
		if ("false".equals(System.getProperty(STAY)) || "off".equals(System.getenv("LESION_RADIOMICS_RELAUNCH"))) return Optional.empty();
		if (args.length == 0 || LONG_COMMANDS.contains(args[0])) return Optional.empty();
		String[] given = ProcessHandle.current().info().arguments().orElse(new String[0]);
		List<String> userJvmOptions = new ArrayList<>();
		for (String a : given) {
			if (a.equals("-jar")) break;
			userJvmOptions.add(a);
		}
		if (userJvmOptions.size() + 1 >= given.length) return Optional.empty(); // not started as java ... -jar <jar>
		Optional<Path> jar = thisJar(given[userJvmOptions.size() + 1]);
		if (jar.isEmpty()) return Optional.empty();
		List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		Path jsa = Path.of(jar.get().toString().replaceFirst("\\.jar$", ".jsa"));
		// an archive the JVM cannot map (another Java version) is ignored silently and the run goes on without it
		if (newer(jsa, jar.get())) cmd.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
		cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseTransparentHugePages", "-D" + STAY + "=false"));
		cmd.addAll(userJvmOptions);
		cmd.add("-jar");
		cmd.add(jar.get().toString());
		cmd.addAll(List.of(args));
		return Optional.of(cmd);
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
		Thread stop = new Thread(() -> {
			child.destroy();
			try {
				child.waitFor();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
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

	/** This class's jar, when it is the one {@code -jar} named (a jar that merely has us on its class path is not). */
	private static Optional<Path> thisJar(String launched) {
		try {
			Path self = Path.of(TunedJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return self.toString().endsWith(".jar") && Files.isSameFile(Path.of(launched), self) ? Optional.of(self) : Optional.empty();
		} catch (Exception e) { // no code source, a URI that is not a file, an unreadable path: stay in this JVM
			return Optional.empty();
		}
	}

	private static boolean newer(Path file, Path than) {
		File f = file.toFile();
		return f.canRead() && f.lastModified() > than.toFile().lastModified();
	}
}
