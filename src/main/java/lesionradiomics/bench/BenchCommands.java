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
}
