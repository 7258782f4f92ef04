package lesionradiomics.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * One feature, three spellings (issue 29): before, --features took only glcm:Idmn, maps' --threshold and
 * --habitat-features only glcm_Idmn, --variable/--variables only original_glcm_Idmn. Now every option takes all three
 * and writes pyradiomics' column name.
 */
class FeatureNamesTest {

	@Test
	void theThreeSpellingsAreOneColumn() {
		for (String s : List.of("original_glcm_Idmn", "glcm_Idmn", "glcm:Idmn", " GLCM:idmn "))
			assertEquals("original_glcm_Idmn", FeatureNames.column(s, "--x"), s);
		assertEquals("wavelet-LLH_firstorder_10Percentile", FeatureNames.column("wavelet-LLH_firstorder_10Percentile", "--x"));
		assertEquals("ring_original_glcm_Idmn", FeatureNames.parse("ring_original_glcm_Idmn", "--x").column(), "a VOI prefix is kept");
		assertEquals("shape:VoxelVolume", FeatureNames.parse("original_shape_VoxelVolume", "--x").classFeature());
	}

	@Test
	void aMisspelledFeatureIsOneLineWithTheNearest() {
		String m = assertThrows(IllegalArgumentException.class, () -> FeatureNames.parse("glcm:Idmnn", "--features")).getMessage();
		assertTrue(m.startsWith("--features: 'glcm:Idmnn'") && m.contains("did you mean Idmn?"), m);
		m = assertThrows(IllegalArgumentException.class, () -> FeatureNames.parse("glmc_Idmn", "--threshold")).getMessage();
		assertTrue(m.contains("did you mean glcm_Idmn?"), m);
		m = assertThrows(IllegalArgumentException.class, () -> FeatureNames.parse("firstordr:Mean", "--features")).getMessage();
		assertTrue(m.contains("unknown feature class 'firstordr'; did you mean firstorder?"), m);
	}

	@Test
	void tableColumnsResolveInAnySpellingAndOtherColumnsAsGiven() {
		List<String> columns = List.of("score", "original_shape_VoxelVolume", "core_original_firstorder_Mean", "original_glcm_Idmn");
		assertEquals("original_glcm_Idmn", FeatureNames.resolve("glcm:Idmn", columns, "--variables"));
		assertEquals("core_original_firstorder_Mean", FeatureNames.resolve("firstorder_Mean", columns, "--variables"), "the one column of that feature");
		assertEquals("score", FeatureNames.resolve("score", columns, "--variables"));
		String m = assertThrows(IllegalArgumentException.class, () -> FeatureNames.resolve("glcm_Idm", columns, "--variables")).getMessage();
		assertTrue(m.contains("'glcm_Idm' is not a column of this table; did you mean original_glcm_Idmn?"), m);
	}

	@Test
	void everyOptionTakesEverySpelling() {
		ExtractionOptions e = new ExtractionOptions("pyradiomics", Map.of(), "Original", List.of(), List.of("original_glcm_Idmn", "glcm_Contrast", "firstorder:Mean"), 0, 0,
				"error", List.of(), 2);
		assertEquals(Map.of("glcm", Set.of("Idmn", "Contrast"), "firstorder", Set.of("Mean")), e.featureSettings().enabledFeatures());

		MapsOptions d = MapsOptions.DEFAULTS;
		MapsOptions m = new MapsOptions(d.lesionLabels(), d.kernelRadius(), d.classes(), d.features(), d.settings(), d.csv(), d.nrrd(),
				Map.of("firstorder:Mean", 100.0), List.of("glcm:JointEntropy", "original_firstorder_Entropy", "firstorder_Mean"), d.habitats(), d.habitatKmax(), d.seed());
		assertEquals(List.of("original_glcm_JointEntropy", "original_firstorder_Entropy", "original_firstorder_Mean"), m.habitatFeatures());
		assertEquals(Set.of("original_firstorder_Mean"), m.thresholds().keySet());

		ResponseOptions r = ResponseOptions.DEFAULTS;
		for (String v : List.of("delta_glcm:Idmn", "delta_glcm_Idmn", "delta_original_glcm_Idmn"))
			assertEquals("delta_original_glcm_Idmn", new ResponseOptions(r.extraction(), v, r.cutoff(), r.minVolumeMl(), r.progression(), r.response(),
					r.volumeProgression(), r.volumeResponse(), r.deltaSite(), r.deltaAggregation(), r.bootstrap(), r.seed()).variable(), v);
	}
}
