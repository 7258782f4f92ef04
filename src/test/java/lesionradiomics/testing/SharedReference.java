package lesionradiomics.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.io.Csv;

/**
 * Locates {@code ../shared/reference} (or {@code $LESION_RADIOMICS_SHARED/reference}) and reads its tables. Tests
 * that need it are skipped, with a message, when it is absent (a fresh clone without the shared folder).
 */
public final class SharedReference {

	private SharedReference() {}

	public static Path root() {
		String env = System.getenv("LESION_RADIOMICS_SHARED");
		Path shared = env != null ? Paths.get(env) : Paths.get(System.getProperty("user.dir")).resolve("../shared").normalize();
		return shared.resolve("reference");
	}

	/**
	 * Where reference values come from: the small golden set that travels with the repository
	 * ({@code src/test/resources/golden}: breast1 with every baseline configuration, public_m1 with every label; see its
	 * {@code make_golden.py}) — always there, so a fresh clone checks every feature family — or the whole
	 * {@code ../shared/reference} (skipped with a message when absent).
	 */
	public enum Source {
		GOLDEN, SHARED;

		/** The reference file, failing (golden) or skipping (shared) when it is not there. */
		public Path require(String relative) {
			if (this == SHARED) return SharedReference.require(relative);
			Path p = Paths.get(System.getProperty("user.dir")).resolve("src/test/resources/golden").resolve(relative);
			if (!Files.isRegularFile(p)) throw new AssertionError("golden reference file " + p + " is missing from the repository");
			return p;
		}

		/** pyradiomics' test cases present in this source. */
		public List<String> pyradiomicsCases() {
			return this == GOLDEN ? List.of("breast1") : List.of("brain1", "breast1");
		}

		/** Multi-lesion volumes present in this source. */
		public List<String> multiLesionCases() {
			return this == GOLDEN ? List.of("public_m1") : List.of("public_m1", "public_m2");
		}
	}

	/** The file under shared/reference, or skips the test when it is not there. */
	public static Path require(String relative) {
		Path p = root().resolve(relative);
		if (!Files.isRegularFile(p) && !Files.isDirectory(root()) && SAID.compareAndSet(false, true))
			// once per test run, where a reader of the build log sees it (the per-test reasons are in the surefire reports)
			System.err.println("reference tests skipped: " + root() + " not found (../shared is absent; the golden set in src/test/resources still runs)");
		assumeTrue(Files.isRegularFile(p), "skipped: reference file " + p + " not found (../shared is absent; see README)");
		return p;
	}

	private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();

	/** A "featureName,config1,config2,..." table: feature → (config → value text). */
	public static Map<String, Map<String, String>> readByFeature(Path file) throws IOException {
		List<List<String>> rows = Csv.read(file);
		List<String> header = rows.get(0);
		Map<String, Map<String, String>> out = new LinkedHashMap<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			Map<String, String> byConfig = new LinkedHashMap<>();
			for (int i = 1; i < header.size() && i < row.size(); i++) byConfig.put(header.get(i), row.get(i));
			out.put(row.get(0), byConfig);
		}
		return out;
	}

	/** A table with a header row: list of column → value maps. */
	public static List<Map<String, String>> readRows(Path file) throws IOException {
		List<List<String>> rows = Csv.read(file);
		List<String> header = rows.get(0);
		List<Map<String, String>> out = new ArrayList<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			Map<String, String> m = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) m.put(header.get(i), i < row.size() ? row.get(i) : "");
			out.add(m);
		}
		return out;
	}

	/** pyradiomics' agreement rule: relative 1e-4, or absolute 1e-6 near zero (tolerances as arguments). */
	public static boolean agrees(double actual, double expected, double relative, double absolute) {
		if (Double.isNaN(expected)) return Double.isNaN(actual);
		double diff = Math.abs(actual - expected);
		return diff <= absolute || diff <= relative * Math.abs(expected);
	}
}
