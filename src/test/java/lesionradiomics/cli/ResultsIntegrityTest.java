package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.CohortTable;
import lesionradiomics.io.FolderLock;
import lesionradiomics.io.OutputException;
import lesionradiomics.report.CohortFolder;
import lesionradiomics.workflow.CohortOptions;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.workflow.PatientStore;

/**
 * A results folder is never silently wrong: a second run on it refuses, resume re-does exactly the patients whose
 * settings or input files changed and says so, and a fault of the output stops the run resumably.
 */
class ResultsIntegrityTest {

	@TempDir
	Path dir;

	/** The three oligometastatic demo patients (a few seconds per run). */
	Path smallCohort() throws IOException {
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		for (String p : List.of("P04", "P05", "P06"))
			for (String kind : List.of("image", "labels"))
				Files.copy(CohortCommandTest.DEMO.resolve(p + "_" + kind + ".nrrd"), data.resolve(p + "_" + kind + ".nrrd"));
		Files.copy(CohortCommandTest.DEMO.resolve("lesions.csv"), data.resolve("lesions.csv"));
		Files.writeString(data.resolve("cohort.csv"), "patient,image,labels,lesions\nP04,P04_image.nrrd,P04_labels.nrrd,lesions.csv\n"
				+ "P05,P05_image.nrrd,P05_labels.nrrd,lesions.csv\nP06,P06_image.nrrd,P06_labels.nrrd,lesions.csv\n");
		return data.resolve("cohort.csv");
	}

	static String[] args(Path cohort, Path out, String... more) {
		List<String> a = new java.util.ArrayList<>(List.of("cohort", "--cohort", cohort.toString(), "--simulations", "20", "--threads", "1", "--out",
				out.toString()));
		a.addAll(List.of(more));
		return a.toArray(new String[0]);
	}

	static String run(int expected, String... args) {
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args));
		assertEquals(expected, code[0], err);
		return err;
	}

	/** Equal file sets and contents; a failure names the files that differ, not their whole text. */
	static void assertSameFiles(Map<String, String> expected, Map<String, String> actual, String what) {
		assertEquals(expected.keySet(), actual.keySet(), what);
		List<String> differ = expected.keySet().stream().filter(k -> !expected.get(k).equals(actual.get(k))).toList();
		assertTrue(differ.isEmpty(), what + ": " + differ);
	}

	@Test
	void aSecondRunOnALockedFolderRefusesNamingTheFolderAndTheRunningProcess() throws Exception {
		Path cohort = smallCohort(), out = dir.resolve("out");
		try (CohortFolder first = new CohortFolder(out, false, false)) { // a run in this JVM (another Fiji window)
			String err = run(2, args(cohort, out));
			assertEquals(1, err.trim().lines().count(), err);
			assertTrue(err.contains(out.toString()) && err.contains("in use by another run") && err.contains("pid " + ProcessHandle.current().pid()), err);
		}
		// a run in another process
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
				HoldLock.class.getName(), out.toString()).redirectErrorStream(true).start();
		try {
			assertEquals('L', p.getInputStream().read(), "the other process took the lock");
			String err = run(2, args(cohort, out, "--resume"));
			assertEquals(1, err.trim().lines().count(), err);
			assertTrue(err.contains(out.toString()) && err.contains("pid " + p.pid()), err);
			assertFalse(Files.exists(out.resolve("patients")), "nothing written");
		} finally {
			p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		// its lock is now stale: taken over, reported, and only the dead run's temporary files are removed
		Files.createDirectories(out.resolve("patients/P04"));
		String lock = Files.readString(out.resolve(FolderLock.NAME));
		String deadRun = lock.lines().filter(l -> l.startsWith("run=")).findFirst().orElseThrow().substring(4);
		Path dead = out.resolve("patients/P04/.original.csv." + deadRun + ".1234.tmp"), other = out.resolve("patients/P04/.original.csv.77-abcd.99.tmp");
		Files.writeString(dead, "half");
		Files.writeString(other, "another run's");
		try (FolderLock l = FolderLock.acquire(out, "test")) {
			String stale = l.stale().orElseThrow();
			assertTrue(stale.contains("pid " + p.pid()) && stale.contains(out.toString()) && stale.contains("ended without finishing"), stale);
		}
		assertFalse(Files.exists(dead), "the dead run's leftover is removed");
		assertTrue(Files.exists(other), "a file of a run not known to be dead is left alone");
		try (FolderLock l = FolderLock.acquire(out, "test")) {
			assertTrue(l.stale().isEmpty(), "a lock released at the end is not stale");
		}
	}

	/** Holds a folder's lock until killed (the other process of the test above). */
	public static final class HoldLock {
		public static void main(String[] a) throws Exception {
			FolderLock l = FolderLock.acquire(Path.of(a[0]), "cohort");
			System.out.print('L');
			System.out.flush();
			Thread.sleep(120_000);
			l.close();
		}
	}

	@Test
	void resumeRedoesExactlyThePatientsWhoseInputOrSettingsChangedAndSaysSo() throws IOException {
		Path cohort = smallCohort(), out = dir.resolve("out");
		run(0, args(cohort, out));
		Map<String, String> first = CohortCommandTest.outputs(out);
		String p04 = Files.readString(out.resolve("patients/P04/complete.txt"));

		// one image replaced (same bytes, new modification time: what a copy from PACS does)
		Path image = cohort.resolveSibling("P05_image.nrrd");
		Files.setLastModifiedTime(image, FileTime.fromMillis(Files.getLastModifiedTime(image).toMillis() + 60_000));
		String err = run(0, args(cohort, out, "--resume"));
		assertTrue(err.contains("2 patient(s) reused") && err.contains("P04, P06"), err);
		assertTrue(err.contains("1 patient(s) extracted again (--resume): P05 (image file changed)"), err);
		assertEquals(p04, Files.readString(out.resolve("patients/P04/complete.txt")));
		assertTrue(Files.readString(out.resolve("patients/P05/complete.txt")).contains(image + " size " + Files.size(image) + " modified "
				+ Files.getLastModifiedTime(image).toMillis()));
		Map<String, String> again = CohortCommandTest.outputs(out);
		again.put("patients/P05/complete.txt", first.get("patients/P05/complete.txt")); // the new modification time, checked above
		assertSameFiles(first, again, "same image content: same numbers");

		// one setting changed that the old fingerprint left out
		err = run(0, args(cohort, out, "--resume", "--nan-policy", "exclude"));
		assertTrue(err.contains("3 patient(s) extracted again (--resume): P04 (setting changed: nanPolicy), P05 (setting changed: nanPolicy), "
				+ "P06 (setting changed: nanPolicy)"), err);
		assertFalse(err.contains("reused"), err);
		// a setting that changes the numbers
		err = run(0, args(cohort, out, "--resume", "--nan-policy", "exclude", "--bin-width", "10"));
		assertTrue(err.contains("P04 (setting changed: settings)"), err);
		assertTrue(!first.get("features.csv").equals(CohortCommandTest.outputs(out).get("features.csv")));
	}

	/** Every option of the extraction is in the fingerprint, also one added later (no list to keep up to date). */
	@Test
	void theFingerprintCoversEveryExtractionOption() {
		assertTrue(lesionradiomics.workflow.ExtractionOptions.class.getRecordComponents().length > 0);
		String f = CohortWorkflow.settingsFingerprint(lesionradiomics.workflow.ExtractionOptions.DEFAULTS, lesionradiomics.workflow.SelectionOptions.DEFAULTS);
		for (java.lang.reflect.RecordComponent c : lesionradiomics.workflow.ExtractionOptions.class.getRecordComponents())
			assertTrue(f.contains("setting " + c.getName() + "="), c.getName());
		assertTrue(f.contains("setting perturbationRadius=1.0"), f);
	}

	/** A store whose disk fills up while saving the second patient. */
	static final class DiskFull implements PatientStore {
		final CohortFolder folder;
		final Path out;
		int saves;

		DiskFull(CohortFolder folder, Path out) {
			this.folder = folder;
			this.out = out;
		}

		@Override
		public boolean isComplete(String patient, String fingerprint) throws IOException { return folder.isComplete(patient, fingerprint); }
		@Override
		public String fingerprint(String patient) throws IOException { return folder.fingerprint(patient); }
		@Override
		public void remove(String patient) throws IOException { folder.remove(patient); }
		@Override
		public Saved load(String patient) throws IOException { return folder.load(patient); }

		@Override
		public void save(String patient, String fingerprint, ExtractionWorkflow.Result result) throws IOException {
			if (++saves == 2) {
				Path file = out.resolve("patients").resolve(patient).resolve("eroded.csv");
				lesionradiomics.io.AtomicFiles.write(file, s -> {
					throw new IOException("No space left on device");
				});
			}
			folder.save(patient, fingerprint, result);
		}
	}

	@Test
	void aWriteFailureStopsTheRunWithExit2AndResumeCompletesToTheFilesOfAnUninterruptedRun() throws IOException {
		Path cohort = smallCohort(), reference = dir.resolve("reference"), out = dir.resolve("out");
		run(0, args(cohort, reference));
		CohortCli.Parsed parsed = CohortCli.parse(java.util.Arrays.copyOfRange(args(cohort, out), 1, args(cohort, out).length));
		CohortOptions o = parsed.options();
		OutputException e;
		try (CohortFolder folder = new CohortFolder(out, false, false)) {
			e = assertThrows(OutputException.class,
					() -> CohortWorkflow.run(CohortTable.read(cohort), o, null, new DiskFull(folder, out), Execution.serial()));
		}
		assertTrue(e.getMessage().contains("eroded.csv: cannot write the results (No space left on device)") && e.getMessage().contains("--resume"),
				e.getMessage());
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(2, Cli.report(e, null)));
		assertEquals(1, err.trim().lines().count(), err);
		assertFalse(Files.exists(out.resolve("run.json")), "no run record: the run did not finish");
		assertFalse(Files.exists(out.resolve("patients/P05/complete.txt")), "the patient being saved is not marked complete");
		assertFalse(Files.exists(out.resolve("errors.csv")), "the fault is not recorded as the patient's failure");
		String resumed = run(0, args(cohort, out, "--resume"));
		assertTrue(resumed.contains("1 patient(s) reused") && resumed.contains("P05 (not complete), P06 (not complete)"), resumed);
		assertSameFiles(CohortCommandTest.outputs(reference), CohortCommandTest.outputs(out), "resumed after the fault");
	}
}
