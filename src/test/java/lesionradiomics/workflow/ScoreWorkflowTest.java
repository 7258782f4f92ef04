package lesionradiomics.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.analysis.Aggregation;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.ScoreModel;

/**
 * Lesion scores to patient values on a hand-computed cohort. Patient A: lesions of 2, 0.5 and 1.5 mL with feature
 * f = 10, 30, 50 and kvp 100; model 1 + 2 × (f − 10)/40 + 0.01 × kvp gives scores 2, 3, 4. Patient B has no kvp.
 */
class ScoreWorkflowTest {

	static final String F = "original_firstorder_Mean", VOLUME = "original_shape_VoxelVolume";

	static FeatureInput cohort() {
		List<FeatureMatrix.Lesion> lesions = List.of(new FeatureMatrix.Lesion("A", 1, "liver"), new FeatureMatrix.Lesion("A", 2, "lung"),
				new FeatureMatrix.Lesion("A", 3, "liver"), new FeatureMatrix.Lesion("B", 1, "liver"), new FeatureMatrix.Lesion("B", 2, "bone"));
		FeatureMatrix m = new FeatureMatrix(lesions, List.of(VOLUME, F),
				new double[][] { { 2000, 10 }, { 500, 30 }, { 1500, 50 }, { 1000, 20 }, { 3000, 40 } });
		return new FeatureInput(m, m);
	}

	static final ScoreModel MODEL = ScoreModel.parse(List.of(List.of("kind", "column", "min", "max", "coefficient"),
			List.of("intercept", "", "", "", "1"), List.of("feature", F, "10", "50", "2"), List.of("covariate", "kvp", "", "", "0.01")));

	static final Map<String, Map<String, String>> PATIENTS = Map.of("A", Map.of("kvp", "100"), "B", Map.of("kvp", ""));

	static ScoreOptions options(List<String> aggregations, double minVolumeMl) {
		return new ScoreOptions(List.of(ScoreWorkflow.SCORE), aggregations.stream().map(Aggregation::parse).toList(), 2, 10, minVolumeMl, List.of());
	}

	@Test
	void scoresMetricsAndAggregatesEqualHandComputedValues() {
		ScoreWorkflow.Result r = ScoreWorkflow.run(cohort(), MODEL, PATIENTS, options(List.of(), 0));
		assertEquals(List.of(2.0, 3.0, 4.0), r.lesions().subList(0, 3).stream().map(ScoreWorkflow.LesionScore::score).toList());
		assertEquals(2.0, r.lesions().get(0).volumeMl(), 1e-12);
		Map<Aggregation, Double> a = r.patients().get(0).aggregates().get(ScoreWorkflow.SCORE);
		assertEquals(3, a.get(Aggregation.MEAN), 1e-12);
		assertEquals(3, a.get(Aggregation.MEDIAN), 1e-12);
		assertEquals(2, a.get(Aggregation.MIN), 1e-12);
		assertEquals(4, a.get(Aggregation.MAX), 1e-12);
		assertEquals(11.5 / 4, a.get(Aggregation.VOLUME_WEIGHTED_MEAN), 1e-12); // (2×2 + 3×0.5 + 4×1.5) / 4
		assertEquals(2, a.get(Aggregation.LARGEST), 1e-12);
		assertEquals(3, a.get(Aggregation.SMALLEST), 1e-12);
		assertEquals(10 / 3.5, a.get(Aggregation.VOLUME_WEIGHTED_MEAN_OF_K_LARGEST), 1e-12); // k = 2: (2×2 + 4×1.5) / 3.5
		// entropy over 10 bins of the cohort range [2, 4]: 2, 3, 4 fall in bins 0, 5 and 9, so log2(3)
		assertEquals(Math.log(3) / Math.log(2), r.patients().get(0).metrics().get(ScoreWorkflow.SCORE).entropy(), 1e-12);
	}

	@Test
	void aMissingCovariateGivesMissingScoresWithTheReasonAndNoPatientValue() {
		ScoreWorkflow.Result r = ScoreWorkflow.run(cohort(), MODEL, PATIENTS, options(List.of("mean"), 0));
		ScoreWorkflow.LesionScore b = r.lesions().get(3);
		assertTrue(Double.isNaN(b.score()));
		assertEquals("covariate kvp is missing", b.reason());
		ScoreWorkflow.Patient patientB = r.patients().get(1);
		assertEquals(2, patientB.metrics().get(ScoreWorkflow.SCORE).missing());
		assertTrue(patientB.metrics().get(ScoreWorkflow.SCORE).reason().contains("no lesion with a value"));
		assertTrue(Double.isNaN(patientB.aggregates().get(ScoreWorkflow.SCORE).get(Aggregation.MEAN)), "never a score of 0");
		assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("2 lesion(s) without a score")), r.notes().toString());
	}

	@Test
	void theVolumeFilterLeavesSmallLesionsOutOfThePatientValues() {
		ScoreWorkflow.Result r = ScoreWorkflow.run(cohort(), MODEL, PATIENTS, options(List.of("mean", "min"), 1));
		ScoreWorkflow.Patient a = r.patients().get(0);
		assertEquals(3, a.lesions());
		assertEquals(2, a.used());
		assertEquals(3, a.aggregates().get(ScoreWorkflow.SCORE).get(Aggregation.MEAN), 1e-12); // lesions 1 and 3: scores 2 and 4
		assertEquals(false, r.lesions().get(1).used());
	}

	@Test
	void aModelColumnMissingFromEveryTableIsAnErrorNamingIt() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoreWorkflow.run(cohort(), MODEL, Map.of(), options(List.of(), 0)));
		assertTrue(e.getMessage().contains("column kvp is in neither the lesion table"), e.getMessage());
		ScoreModel ring = ScoreModel.parse(List.of(List.of("kind", "column", "min", "max", "coefficient"),
				List.of("feature", "ring_original_glcm_Idmn", "0", "1", "1")));
		e = assertThrows(IllegalArgumentException.class, () -> ScoreWorkflow.run(cohort(), ring, Map.of(), options(List.of(), 0)));
		assertTrue(e.getMessage().contains("ring_original_glcm_Idmn is not in the feature table (extract with --voi core,ring)"), e.getMessage());
	}
}
