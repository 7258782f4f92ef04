package lesionradiomics.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.features.FeatureTable;
import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.Csv;
import lesionradiomics.io.FolderLock;
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.MemoryStore;
import lesionradiomics.workflow.PatientStore;
import lesionradiomics.workflow.SelectionWorkflow;

/**
 * A cohort run's per-patient results on disk: {@code patients/<id>/original.csv}, {@code eroded.csv},
 * {@code dilated.csv}, {@code lesion_errors.csv} and {@code complete.txt} (the settings and input fingerprint, written
 * last), each written atomically; so a killed run leaves every patient either complete or incomplete, never
 * half-written. The folder is locked ({@link FolderLock}) from opening to {@link #close}: a second run on it refuses.
 */
public final class CohortFolder implements PatientStore, AutoCloseable {

	private static final String MARKER = "complete.txt";
	private static final String ERRORS = "lesion_errors.csv";

	private final Path root;
	private final FolderLock lock;

	/** What a cohort run writes at the top of its folder; run.json first: it is the mark of a finished run. */
	static final List<String> OWNED = List.of("run.json", "report.html", "features.csv", "errors.csv", "selection", "heterogeneity", "sampling", "scores", "patients");

	/**
	 * Opens (creates) and locks the output folder of a cohort run so that it never mixes two runs' files: a folder
	 * another run holds is refused, naming that run; a folder that is not empty is refused unless the run resumes
	 * ({@code resume}: run.json is removed until the run ends) or replaces it ({@code overwrite}: the files a cohort run
	 * writes are removed first, anything else is left alone). Only temporary files of a run known to have ended are
	 * removed (see {@link FolderLock}).
	 */
	public CohortFolder(Path out, boolean resume, boolean overwrite) throws IOException {
		this.root = out;
		this.lock = FolderLock.acquire(out, "cohort");
		try {
			List<String> present = new ArrayList<>();
			try (Stream<Path> s = Files.list(out)) {
				s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(FolderLock.NAME) && !(n.startsWith(".") && n.endsWith(".tmp"))).sorted()
						.forEach(present::add);
			}
			if (!present.isEmpty() && !resume && !overwrite)
				throw new IOException(out + ": the output folder is not empty (" + String.join(", ", present.subList(0, Math.min(5, present.size())))
						+ (present.size() > 5 ? ", ..." : "") + "); use --resume to continue the run in it, --overwrite to replace its results, or another folder");
			Files.deleteIfExists(out.resolve("run.json"));
			if (overwrite && !resume) for (String name : OWNED) deleteRecursively(out.resolve(name));
		} catch (IOException | RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/** A lock taken over from a run that ended without finishing, as a line to show the user (empty: none). */
	public java.util.Optional<String> staleLock() {
		return lock.stale();
	}

	/** Releases the folder (after the last file of the run is written). */
	@Override
	public void close() throws IOException {
		lock.close();
	}

	private static void deleteRecursively(Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			List<Path> all = new ArrayList<>();
			s.forEach(all::add);
			java.util.Collections.reverse(all); // children before their folder
			for (Path x : all) Files.deleteIfExists(x);
		}
	}

	private Path dir(String patient) {
		return root.resolve("patients").resolve(HeterogeneityReport.safe(patient));
	}

	@Override
	public boolean isComplete(String patient, String fingerprint) throws IOException {
		Path marker = dir(patient).resolve(MARKER);
		return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(fingerprint);
	}

	@Override
	public String fingerprint(String patient) throws IOException {
		Path marker = dir(patient).resolve(MARKER);
		return Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8) : null;
	}

	@Override
	public void save(String patient, String fingerprint, ExtractionWorkflow.Result result) throws IOException {
		Path dir = dir(patient);
		for (Map.Entry<String, FeatureTable> v : result.tables().entrySet()) FeatureTableCsv.write(v.getValue(), dir.resolve(v.getKey() + ".csv"));
		List<List<String>> failed = new ArrayList<>();
		failed.add(List.of("patient", "label", "reason"));
		for (LesionFailure f : MemoryStore.failures(result)) failed.add(List.of(f.patient(), Long.toString(f.label()), f.reason()));
		Csv.writeAtomically(dir.resolve(ERRORS), failed);
		AtomicFiles.write(dir.resolve(MARKER), s -> s.write(fingerprint.getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public void remove(String patient) throws IOException {
		Path dir = dir(patient);
		Files.deleteIfExists(dir.resolve(MARKER)); // first: the patient is incomplete from here on
		for (String v : SelectionWorkflow.VARIANTS) Files.deleteIfExists(dir.resolve(v + ".csv"));
		Files.deleteIfExists(dir.resolve(ERRORS));
	}

	/**
	 * A saved patient's files (name → bytes), to move a patient's results between folders, e.g. from a Spark task to
	 * the driver's output folder.
	 */
	public Map<String, byte[]> files(String patient) throws IOException {
		Map<String, byte[]> out = new LinkedHashMap<>();
		Path dir = dir(patient);
		for (String v : SelectionWorkflow.VARIANTS) out.put(v + ".csv", Files.readAllBytes(dir.resolve(v + ".csv")));
		out.put(ERRORS, Files.readAllBytes(dir.resolve(ERRORS)));
		out.put(MARKER, Files.readAllBytes(dir.resolve(MARKER)));
		return out;
	}

	/**
	 * Writes a patient's files as {@link #files} gave them, each atomically, the completion marker last; with
	 * {@code fingerprint} (not null) as the marker instead of the one in {@code files} (a Spark task sees copies of the
	 * input files, the driver the originals).
	 */
	public void restore(String patient, Map<String, byte[]> files, String fingerprint) throws IOException {
		remove(patient);
		Path dir = dir(patient);
		Files.createDirectories(dir);
		for (Map.Entry<String, byte[]> f : files.entrySet())
			if (!f.getKey().equals(MARKER)) AtomicFiles.write(dir.resolve(f.getKey()), s -> s.write(f.getValue()));
		byte[] marker = fingerprint == null ? files.get(MARKER) : fingerprint.getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(dir.resolve(MARKER), s -> s.write(marker));
	}

	@Override
	public Saved load(String patient) throws IOException {
		Path dir = dir(patient);
		Map<String, FeatureMatrix> variants = new LinkedHashMap<>();
		for (String v : SelectionWorkflow.VARIANTS) variants.put(v, FeatureInput.readMatrix(dir.resolve(v + ".csv")));
		List<LesionFailure> failures = new ArrayList<>();
		List<List<String>> rows = Csv.read(dir.resolve(ERRORS));
		for (List<String> row : rows.subList(1, rows.size())) failures.add(new LesionFailure(row.get(0), Long.parseLong(row.get(1)), row.get(2)));
		return new Saved(variants, failures);
	}
}
