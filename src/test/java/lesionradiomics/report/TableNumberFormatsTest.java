package lesionradiomics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.measure.ResultsTable;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.io.Csv;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.HeterogeneityWorkflow;
import lesionradiomics.workflow.ScoreOptions;
import lesionradiomics.workflow.ScoreWorkflow;
import lesionradiomics.workflow.SurvivalOptions;
import lesionradiomics.workflow.SurvivalWorkflow;

/**
 * The number formats of the tables the Fiji commands show, on the demo cohort's real results (long and wide): every
 * whole number (a count, a label, n) shows as an integer, never 19.0000 or 1.9000E1; p-values and test statistics
 * show in significant digits (0.003, 1.2E-7), never a fixed 4 decimals that turns a small p into 0.0000.
 */
class TableNumberFormatsTest {

	@TempDir
	Path tmp;

	@Test
	void countsAreIntegersAndStatisticsSignificantDigitsInEveryTable() throws Exception {
		FeatureMatrix m = ResultsTablesTest.demoFeatures();
		FeatureInput in = new FeatureInput(m, m);
		Map<String, List<List<String>>> tables = new LinkedHashMap<>();
		HeterogeneityWorkflow.Result h = HeterogeneityWorkflow.run(m, HeterogeneityOptions.DEFAULTS, Map.of());
		tables.put("CV per patient", HeterogeneityReport.cvRows(h.cvPatient(), false));
		tables.put("CV per organ", HeterogeneityReport.cvRows(h.cvSite(), true));
		tables.put("Heterogeneity indexes", HeterogeneityReport.indexRows(h));
		tables.put("Tests", HeterogeneityReport.testRows(h));
		ScoreWorkflow.Result s = ScoreWorkflow.run(in, (Path) null, null, ScoreOptions.DEFAULTS);
		tables.put("Patient metrics", ScoreReport.metricRows(s)); // long: metric, value
		tables.put("Patient aggregates", ScoreReport.aggregateRows(s)); // wide
		Path aggregates = tmp.resolve("aggregates.csv");
		Csv.writeAtomically(aggregates, ScoreReport.aggregateRows(s));
		String variable = ScoreReport.aggregateRows(s).get(0).stream().filter(c -> c.endsWith("_mean")).findFirst().orElseThrow();
		SurvivalWorkflow.Result v = SurvivalWorkflow.run(aggregates, Path.of("test-data/clinical.csv"),
				new SurvivalOptions(variable, "", "median", 0.1, List.of(), "", 0, 20220101L, true));
		tables.put("Cox models", SurvivalReport.coxRows(v));
		tables.put("Median survival", SurvivalReport.medianRows(v));
		tables.put("Log-rank tests", SurvivalReport.logRankRows(v));

		List<String> wrong = new ArrayList<>();
		int wholes = 0, statistics = 0;
		for (Map.Entry<String, List<List<String>>> t : tables.entrySet()) {
			ResultsTable rt = ResultsTables.of(t.getValue());
			List<String> header = t.getValue().get(0);
			for (int r = 0; r < rt.size(); r++)
				for (String c : header) {
					if (!rt.columnExists(c)) continue;
					double x;
					try {
						x = Double.parseDouble(t.getValue().get(r + 1).get(header.indexOf(c)));
					} catch (NumberFormatException | IndexOutOfBoundsException e) {
						continue; // a text cell
					}
					String shown = rt.getStringValue(c, r);
					if (Double.isNaN(x) || x == 0) continue;
					String where = t.getKey() + " " + c + " row " + (r + 1) + ": " + x + " shown as " + shown;
					if (x == Math.rint(x) && Math.abs(x) < 1e9) {
						wholes++;
						if (!shown.equals(Long.toString((long) x))) wrong.add(where);
					} else if (ResultsTables.isStatistic(c) || rowIsStatistic(t.getValue(), r)) {
						statistics++;
						if (!significant(x, shown)) wrong.add(where);
					}
				}
		}
		assertEquals(List.of(), wrong);
		assertTrue(wholes > 50 && statistics > 5, wholes + " whole numbers, " + statistics + " statistics checked");
	}

	/** A long table's row of a p-value (its first cell names it, e.g. metric "p"). */
	static boolean rowIsStatistic(List<List<String>> rows, int r) {
		return ResultsTables.isStatistic(rows.get(r + 1).get(0));
	}

	/**
	 * Significant-digit notation: at most 4 significant digits and the value readable from it within that precision;
	 * scientific notation only below 0.001 (or above a million).
	 */
	static boolean significant(double x, String shown) {
		double parsed;
		try {
			parsed = Double.parseDouble(shown);
		} catch (NumberFormatException e) {
			return false;
		}
		boolean scientific = shown.contains("E");
		if (scientific != (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)) return false;
		return Math.abs(parsed - x) <= Math.abs(x) * 0.05; // two significant digits at least
	}

	@Test
	void theCheckIsNotVacuous() {
		assertTrue(significant(0.00012, "1.200E-4"));
		assertTrue(significant(0.0456, "0.046"));
		assertTrue(!significant(0.0012, "0.001"), "ImageJ's 3 decimals leave one digit of a p of 0.0012");
		assertEquals("0.0012", ResultsTables.of(List.of(List.of("p"), List.of("0.00123"), List.of("0.5"))).getStringValue("p", 0));
		assertTrue(!significant(0.00012, "0.0001"), "fixed decimals lose a small p-value");
		assertTrue(!significant(0.5, "5.000E-1"));
	}
}
