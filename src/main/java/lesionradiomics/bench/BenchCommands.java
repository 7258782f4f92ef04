package lesionradiomics.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The benchmark subcommands of the command line, by name, in the order help lists them. */
public final class BenchCommands {

	private BenchCommands() {}

	public static Map<String, Supplier<Object>> all() {
		Map<String, Supplier<Object>> out = new LinkedHashMap<>();
		out.put("bench", BenchCli::new);
		out.put("bench-analysis", BenchAnalysisCli::new);
		out.put("bench-cohort", BenchCohortCli::new);
		out.put("bench-maps", BenchMapsCli::new);
		out.put("bench-filters", BenchFiltersCli::new);
		out.put("bench-dicom", BenchDicomCli::new);
		out.put("bench-report", BenchReportCli::new);
		out.put("bench-signature", BenchSignatureCli::new);
		return out;
	}

	/**
	 * The shared reference folder the benchmarks compare with: {@code $LESION_RADIOMICS_SHARED/reference} (as the
	 * tests), else {@code ../shared/reference} of the working folder, else the one beside the checkout this jar was built
	 * in ({@code <checkout>/target/the.jar} gives {@code <checkout>/../shared/reference}), so a benchmark finds it from
	 * any working folder; the working folder's guess when none exists (the caller says it is absent).
	 */
	static java.nio.file.Path sharedReference() {
		String env = System.getenv("LESION_RADIOMICS_SHARED");
		if (env != null) return java.nio.file.Path.of(env, "reference");
		java.nio.file.Path here = java.nio.file.Path.of("..", "shared", "reference");
		if (java.nio.file.Files.isDirectory(here)) return here;
		try {
			java.nio.file.Path jar = java.nio.file.Path.of(BenchCommands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			java.nio.file.Path beside = jar.toAbsolutePath().getParent().resolve("../../shared/reference").normalize();
			if (java.nio.file.Files.isDirectory(beside)) return beside;
		} catch (java.net.URISyntaxException | RuntimeException e) {
			// no code source (e.g. a custom class loader): the working folder's guess stands
		}
		return here;
	}
}
