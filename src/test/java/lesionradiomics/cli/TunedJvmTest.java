package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedJvmTest {

	@Test
	void aJvmNotStartedWithMinusJarRunsTheCommandItself() {
		// the test JVM runs from a class path: no child, so Cli.run's in-process behaviour (all the other tests) is what main does
		assertTrue(TunedJvm.command(new String[] { "extract", "--help" }).isEmpty());
		assertTrue(TunedJvm.command(new String[0]).isEmpty());
	}

	@Test
	void theChildGetsTheTunedOptionsThenTheUsersThenTheSameCommand(@TempDir Path dir) throws Exception {
		Path jar = Files.createFile(dir.resolve("cli.jar"));
		Path javaBin = Path.of("/jdk/bin/java");
		String[] args = { "extract", "--image", "a b.nrrd" };
		List<String> child = TunedJvm.command(args, new String[] { "-Xmx8g", "-jar", jar.toString(), "extract", "--image", "a b.nrrd" }, jar, javaBin)
				.orElseThrow();
		assertEquals(List.of(javaBin.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseTransparentHugePages", "-Dlesionradiomics.relaunch=false",
				"-Dlesionradiomics.launcher=" + ProcessHandle.current().pid(), "-XX:+UseSerialGC", "-Xmx8g",
				"-jar", jar.toString(), "extract", "--image", "a b.nrrd"), child);
		// cohort and maps run in the child too, under the quick compiler
		for (String job : List.of("cohort", "maps")) {
			child = TunedJvm.command(new String[] { job }, new String[] { "-jar", jar.toString(), job }, jar, javaBin).orElseThrow();
			assertTrue(child.contains("-XX:TieredStopAtLevel=1") && child.contains("-XX:+UseSerialGC"), job + ": " + child);
		}
		// a collector of the user's replaces ours (the JVM refuses two)
		child = TunedJvm.command(args, new String[] { "-XX:+UseG1GC", "-jar", jar.toString() }, jar, javaBin).orElseThrow();
		assertTrue(child.contains("-XX:+UseG1GC") && !child.contains("-XX:+UseSerialGC"), "the user's collector alone: " + child);

		Path jsa = Files.createFile(dir.resolve("cli.jsa"));
		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jsa).toMillis() - 10_000));
		child = TunedJvm.command(args, new String[] { "-jar", jar.toString() }, jar, javaBin).orElseThrow();
		assertEquals("-XX:SharedArchiveFile=" + jsa, child.get(1), "a current archive is used");
		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jsa).toMillis() + 10_000));
		child = TunedJvm.command(args, new String[] { "-jar", jar.toString() }, jar, javaBin).orElseThrow();
		assertTrue(child.stream().noneMatch(o -> o.startsWith("-XX:SharedArchiveFile")), "an archive older than the jar is not");
	}

	@Test
	void staysInThisJvmUnlessStartedWithMinusJarOnThisJar(@TempDir Path dir) throws Exception {
		Path jar = Files.createFile(dir.resolve("cli.jar"));
		Path other = Files.createFile(dir.resolve("other.jar"));
		Path javaBin = Path.of("java");
		String[] args = { "extract" };
		assertTrue(TunedJvm.command(args, new String[] { "-cp", jar.toString(), "lesionradiomics.cli.Cli", "extract" }, jar, javaBin).isEmpty());
		assertTrue(TunedJvm.command(args, new String[] { "-jar", other.toString(), "extract" }, jar, javaBin).isEmpty());
		assertTrue(TunedJvm.command(args, new String[] { "-XX:ArchiveClassesAtExit=x.jsa", "-jar", jar.toString(), "extract" }, jar, javaBin).isEmpty(),
				"a JVM making a class-data archive archives its own run");
		assertTrue(TunedJvm.command(args, new String[0], jar, javaBin).isEmpty(), "a platform that does not say how the JVM was started");
	}

	@Test
	void theChildEndsWhenItsLauncherIsKilledHard() throws Exception {
		// a stand-in launcher, then a JVM watching it as a child started by TunedJvm.run does; kill -9 the launcher
		Process launcher = new ProcessBuilder("sleep", "300").start();
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "-Dlesionradiomics.launcher=" + launcher.pid(),
				WatchingChild.class.getName()).redirectErrorStream(true).start();
		try {
			assertEquals("watching", new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine());
			assertTrue(child.isAlive(), "the child runs while its launcher does");
			launcher.destroyForcibly().waitFor();
			assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the child outlived its launcher");
			assertEquals(TunedJvm.LAUNCHER_GONE, child.exitValue());
		} finally {
			launcher.destroyForcibly();
			child.destroyForcibly();
		}
	}

	/** A child's main: watch the launcher, say so, then work for longer than any test waits. */
	static final class WatchingChild {
		public static void main(String[] args) throws InterruptedException {
			TunedJvm.watchLauncher();
			System.out.println("watching");
			System.out.flush();
			Thread.sleep(300_000);
		}
	}

	@Test
	void theLauncherScriptKeepsTheOptimisingCompilerForTheSameLongCommands() throws Exception {
		String script = Files.readString(Path.of("bin/lesion-radiomics"));
		Matcher m = Pattern.compile("(?m)^\\s*([a-z|-]+)\\) jit=\"\" ;;").matcher(script);
		assertTrue(m.find(), "bin/lesion-radiomics lists its long commands in one case branch");
		assertEquals(TunedJvm.LONG_COMMANDS, Set.of(m.group(1).split("\\|")));
		for (String command : TunedJvm.LONG_COMMANDS) assertTrue(Cli.COMMANDS.containsKey(command), command);
	}
}
