package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --report: the analysis commands write report.html as cohort does (before: only cohort had a page to open). */
class AnalysisReportTest {

	@TempDir
	Path dir;

	@Test
	void heterogeneityAndSurvivalWriteOnePageWithTheirFiguresTablesAndOptions() throws Exception {
		StringBuilder b = new StringBuilder("patient,label,site,original_shape_VoxelVolume,original_firstorder_Mean\n");
		for (int p = 1; p <= 2; p++)
			for (int l = 1; l <= 3; l++) b.append("P0").append(p).append(',').append(l).append(",liver,").append(100 * l + p).append(',').append(40 - 7 * l * p).append('\n');
		Path table = Files.writeString(dir.resolve("features.csv"), b.toString());
		Path out = dir.resolve("het");
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("heterogeneity", "--features", table.toString(), "--report", "--out", out.toString())));
		String html = Files.readString(out.resolve("report.html"));
		assertTrue(html.contains("<title>Lesion Radiomics heterogeneity report</title>"), html.substring(0, 200));
		int figures = Integer.parseInt(html.replaceAll("(?s).*data-figures=\"(\\d+)\".*", "$1"));
		assertEquals(Files.list(out).filter(f -> f.toString().endsWith(".svg")).count(), figures, "every figure embedded");
		assertTrue(figures >= 3 && html.contains("<caption>heterogeneity_indexes.csv</caption>") && html.contains("--report"), err);
		assertFalse(html.contains("src=\"dissimilarity"), "figures are embedded, not linked");

		Path[] t = survivalTables();
		Path s = dir.resolve("surv");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("survival", "--patients", t[0].toString(), "--clinical", t[1].toString(), "--variable", "karno",
				"--report", "--out", s.toString())));
		assertTrue(Files.readString(s.resolve("report.html")).contains("cox.csv"));
		Path none = dir.resolve("none");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("heterogeneity", "--features", table.toString(), "--out", none.toString())));
		assertFalse(Files.exists(none.resolve("report.html")), "only with --report");
	}

	/** The lung data set of the survival golden tests: a patient table (karno) and a clinical table. */
	private Path[] survivalTables() throws Exception {
		java.util.List<java.util.List<String>> rows = lesionradiomics.io.Csv.read(Path.of("src/test/resources/survival/dataset_lung.csv"));
		StringBuilder p = new StringBuilder("patient,karno\n"), c = new StringBuilder("patient,time,event\n");
		for (int i = 1; i < rows.size(); i++) {
			p.append("L").append(i).append(',').append(rows.get(i).get(2)).append('\n');
			c.append("L").append(i).append(',').append(rows.get(i).get(0)).append(',').append(rows.get(i).get(1)).append('\n');
		}
		return new Path[] { Files.writeString(dir.resolve("patients.csv"), p), Files.writeString(dir.resolve("clinical.csv"), c) };
	}
}
