package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.FolderLock;

/**
 * Every command that writes a results folder holds it locked for its run (report.ResultsFolder, the cohort folder's
 * lock): a second run on it refuses with one line naming the folder and the running process (pid and host), and writes
 * nothing; the lock file is not a result (an otherwise empty folder is still empty, --overwrite keeps it).
 */
class ResultsFolderLockTest {

	@TempDir
	Path dir;

	private Path features() throws Exception {
		StringBuilder b = new StringBuilder("patient,label,site,original_shape_VoxelVolume,original_firstorder_Mean\n");
		for (int p = 1; p <= 2; p++)
			for (int l = 1; l <= 3; l++) b.append("P0").append(p).append(',').append(l).append(",liver,").append(100 * l + p).append(',').append(40 - 7 * l * p).append('\n');
		return Files.writeString(dir.resolve("features.csv"), b.toString());
	}

	private static String run(int expected, String... args) {
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args));
		assertEquals(expected, code[0], err);
		return err;
	}

	private static List<String> entries(Path out) throws Exception {
		try (Stream<Path> s = Files.list(out)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(FolderLock.NAME)).sorted().toList();
		}
	}

	@Test
	void heterogeneityOnAFolderAnotherProcessHoldsRefusesNamingItsPidAndHost() throws Exception {
		Path table = features(), out = dir.resolve("het");
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
				ResultsIntegrityTest.HoldLock.class.getName(), out.toString()).redirectErrorStream(true).start();
		try {
			assertEquals('L', p.getInputStream().read(), "the other process took the lock");
			String err = run(2, "heterogeneity", "--features", table.toString(), "--out", out.toString());
			assertEquals(1, err.strip().lines().count(), err);
			assertTrue(err.contains(out.toString()) && err.contains("in use by another run") && err.contains("pid " + p.pid())
					&& err.contains(InetAddress.getLocalHost().getHostName()), err);
			assertEquals(List.of(), entries(out), "nothing written");
		} finally {
			p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		// the holder died: its lock is taken over (and said), the folder is otherwise empty, the run completes
		String err = run(0, "heterogeneity", "--features", table.toString(), "--out", out.toString());
		assertTrue(err.contains("took over the lock of a run that ended without finishing"), err);
		assertTrue(Files.exists(out.resolve("heterogeneity_indexes.csv")));
		// --overwrite replaces the results and keeps the lock file (not a foreign file)
		run(0, "heterogeneity", "--features", table.toString(), "--overwrite", "--out", out.toString());
	}

	@Test
	void scoreAndPhenotypesOnAFolderLockedInThisJvmRefuse() throws Exception {
		Path table = features(), out = dir.resolve("scores");
		try (FolderLock first = FolderLock.acquire(out, "sampling")) { // another Fiji window's run
			for (List<String> args : List.of(List.of("score", "--features", table.toString(), "--model", "x.csv", "--out", out.toString()),
					List.of("phenotypes", "--features", table.toString(), "--out", out.toString()))) {
				String err = run(2, args.toArray(String[]::new));
				assertEquals(1, err.strip().lines().count(), err);
				assertTrue(err.contains(out.toString()) && err.contains("pid " + ProcessHandle.current().pid()) && err.contains("sampling started"), err);
				assertEquals(List.of(), entries(out), "nothing written");
			}
		}
	}

	@Test
	void aFijiCommandOnAFolderLockedByAnotherRunRefusesAndWritesNothing() throws Exception {
		Path table = features(), out = dir.resolve("fiji");
		try (FolderLock first = FolderLock.acquire(out, "heterogeneity"); // the CLI or another Fiji window
				org.scijava.Context context = new org.scijava.Context(org.scijava.command.CommandService.class, org.scijava.app.StatusService.class)) {
			java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
					() -> context.service(org.scijava.command.CommandService.class).run(lesionradiomics.fiji.PatientHeterogeneity.class, true,
							java.util.Map.of("features", table.toFile(), "output", out.toFile())).get());
			Throwable cause = e;
			while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) cause = cause.getCause(); // SciJava wraps it twice
			String message = cause.getMessage();
			assertTrue(message.startsWith("Patient Heterogeneity") && message.contains(out.toString()) && message.contains("in use by another run")
					&& message.contains("pid " + ProcessHandle.current().pid()), message);
			assertEquals(List.of(), entries(out), "nothing written");
		}
	}
}
