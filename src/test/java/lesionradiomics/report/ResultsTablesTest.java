package lesionradiomics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.HeterogeneityWorkflow;

/** What a Fiji user reads: integers as integers, readable decimals, one window per title, heatmaps in one stack. */
class ResultsTablesTest {

	@Test
	void integersShowAsIntegersAndDecimalsPerColumn() {
		ResultsTable rt = ResultsTables.of(List.of(List.of("patient", "label", "n_lesions", "cv_percent", "p_value", "volume"),
				List.of("P01", "1", "30", "12.345678", "0.00012", "1234567.5"), List.of("P02", "12", "3", "7.5", "0.5", "88.25")));
		assertEquals("1", rt.getStringValue("label", 0));
		assertEquals("30", rt.getStringValue("n_lesions", 0));
		assertEquals("12.3457", rt.getStringValue("cv_percent", 0));
		assertTrue(rt.getStringValue("p_value", 0).contains("E"), "small values in scientific notation: " + rt.getStringValue("p_value", 0));
		assertEquals("P02", rt.getStringValue("patient", 1));
	}

	/**
	 * A p-value column and a long table's value column (counts beside statistics) show value by value: 1 not
	 * 1.0000E0, a count of 19 not 1.9000E1, small values in significant digits.
	 */
	@Test
	void pValuesAndMixedValueColumnsShowValueByValue() {
		ResultsTable rt = ResultsTables.of(List.of(List.of("metric", "value", "p"), List.of("n_lesions", "19", "1"), List.of("cv", "0.003", "0.00000012"),
				List.of("mean", "12.5", "0.0456")));
		assertEquals("19", rt.getStringValue("value", 0));
		assertEquals("0.003", rt.getStringValue("value", 1));
		assertEquals("12.500", rt.getStringValue("value", 2));
		assertEquals("1", rt.getStringValue("p", 0));
		assertEquals("1.200E-7", rt.getStringValue("p", 1));
		assertEquals("0.046", rt.getStringValue("p", 2));
	}

	@Test
	void heterogeneityWindowsHaveUniqueTitlesAndHeatmapsFormOneStack() throws Exception {
		HeterogeneityWorkflow.Result r = HeterogeneityWorkflow.run(demoFeatures(), HeterogeneityOptions.DEFAULTS, Map.of());
		ImagePlus stack = HeterogeneityReport.dissimilarityStack(r);
		assertNotNull(stack);
		assertEquals(r.dissimilarity().stream().filter(p -> p.lesions.size() >= 2).count(), stack.getStackSize(), "one slice per patient");
		assertEquals("P01", stack.getStack().getSliceLabel(1));
		Set<String> titles = new HashSet<>(List.of("CV per patient", "CV per organ", "Heterogeneity indexes", "Tests"));
		for (String t : List.of(HeterogeneityReport.cvPlot(r).title(), HeterogeneityReport.indexPlot(r).title(), stack.getTitle()))
			assertTrue(titles.add(t), "window title used twice: " + t);
	}

	/** Three features of every lesion of the demo cohort. */
	static lesionradiomics.analysis.FeatureMatrix demoFeatures() throws Exception {
		try (lesionradiomics.workflow.Execution ex = lesionradiomics.workflow.Execution.serial()) {
			var x = lesionradiomics.workflow.CohortWorkflow.extract(lesionradiomics.io.CohortTable.read(Path.of("test-data/cohort.csv")),
					lesionradiomics.workflow.ExtractionOptions.DEFAULTS, lesionradiomics.workflow.SelectionOptions.DEFAULTS, false,
					new lesionradiomics.workflow.MemoryStore(), ex);
			return x.original().select(List.of("original_firstorder_Mean", "original_glcm_Idmn", "original_shape_Sphericity"));
		}
	}
}
