package lesionradiomics.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code report.html} of an analysis command run with {@code --report} (heterogeneity, sampling, select, survival,
 * response): the page cohort writes, built from what the command just wrote into its folder — its last line, notes and
 * losses, each table (first rows, the CSV named) and each figure (its SVG embedded) — and the options it ran with.
 * Nothing is computed or drawn twice: the page shows the files.
 */
public final class AnalysisReport {

	private AnalysisReport() {}

	/**
	 * @param command  the command's name, for the title
	 * @param summary  the run's last line
	 * @param notes    notes and warnings of the run
	 * @param settings the options as given (name → value) and the version
	 */
	public static void write(Path out, String command, String summary, List<String> notes, Map<String, ?> settings) throws IOException {
		HtmlReport h = new HtmlReport("Lesion Radiomics " + command + " report");
		h.section("Summary").paragraph(summary);
		h.warnings("Notes", notes);
		List<Path> files;
		try (Stream<Path> s = Files.list(out)) {
			files = s.filter(Files::isRegularFile).sorted().toList();
		}
		List<Path> figures = files.stream().filter(f -> f.getFileName().toString().endsWith(".svg")).toList();
		if (!figures.isEmpty()) {
			h.section("Figures");
			for (Path f : figures) h.figure(f, caption(f));
		}
		h.section("Tables");
		for (Path f : files)
			if (f.getFileName().toString().endsWith(".csv")) h.table(f.getFileName().toString(), lesionradiomics.io.Csv.read(f), f.getFileName().toString());
		h.section("Settings and versions");
		Map<String, Object> s = new java.util.LinkedHashMap<>();
		s.put("tool", "Lesion Radiomics " + CohortReport.version());
		s.put("java", System.getProperty("java.version"));
		s.putAll(settings);
		h.keyValues(s).paragraph("Every table shown here is a CSV file beside this page; every figure a PNG and SVG.");
		h.write(out.resolve(CohortReport.REPORT));
	}

	/** "dissimilarity_P01.svg" → "dissimilarity P01". */
	private static String caption(Path svg) {
		String n = svg.getFileName().toString();
		return n.substring(0, n.length() - 4).replace('_', ' ');
	}
}
