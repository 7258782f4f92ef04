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
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.MemoryStore;
import lesionradiomics.workflow.PatientStore;
import lesionradiomics.workflow.SelectionWorkflow;

/**
 * A cohort run's per-patient results on disk: {@code patients/<id>/original.csv}, {@code eroded.csv},
 * {@code dilated.csv}, {@code lesion_errors.csv} and {@code complete.txt} (the settings fingerprint, written last), each
 * written atomically; so a killed run leaves every patient either complete or incomplete, never half-written.
 */
public final class CohortFolder implements PatientStore {

	private static final String MARKER = "complete.txt";
	private static final String ERRORS = "lesion_errors.csv";

	private final Path root;

	/** Opens (creates) the folder and removes the hidden temporary files a killed run may have left. */
	public CohortFolder(Path out) throws IOException {
		this.root = out;
		Files.createDirectories(out);
		try (Stream<Path> s = Files.walk(out)) {
			for (Path p : (Iterable<Path>) s::iterator) {
				String n = p.getFileName().toString();
				if (n.startsWith(".") && n.endsWith(".tmp")) Files.deleteIfExists(p);
			}
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
