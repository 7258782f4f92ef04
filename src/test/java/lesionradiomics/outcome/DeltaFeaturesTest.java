package lesionradiomics.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.progress.Progress;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.workflow.MemoryStore;

/** Delta features: an unchanged image gives exactly 0; matching by label or lesion_id; new and disappeared lesions. */
class DeltaFeaturesTest {

	static FeatureMatrix extract(String patient) throws Exception {
		Path d = Path.of("test-data");
		ExtractionWorkflow.Input in = ExtractionWorkflow.read(d.resolve(patient + "_image.nrrd"), d.resolve(patient + "_labels.nrrd"), d.resolve("lesions.csv"),
				patient, ExtractionOptions.DEFAULTS);
		try (Execution e = Execution.of(1, Progress.NONE)) {
			return MemoryStore.matrix(ExtractionWorkflow.run(in, ExtractionOptions.DEFAULTS, e).table());
		}
	}

	@Test
	void anUnchangedImageGivesExactlyZeroForEveryFeature() throws Exception {
		FeatureMatrix first = extract("P05"), second = extract("P05");
		DeltaFeatures.Result r = DeltaFeatures.of(first, second);
		assertEquals(first.rows(), r.pairs().size());
		assertTrue(r.disappeared().isEmpty() && r.appeared().isEmpty());
		for (DeltaFeatures.Pair p : r.pairs())
			for (int f = 0; f < r.features().size(); f++) {
				assertEquals(0.0, p.difference()[f], 0, p.key() + " " + r.features().get(f));
				if (!Double.isNaN(p.relative()[f])) assertEquals(0.0, p.relative()[f], 0, p.key() + " " + r.features().get(f));
			}
	}

	@Test
	void lesionsAreMatchedByIdWhenGivenAndTheOthersListed() {
		List<String> f = List.of("original_shape_VoxelVolume", "original_firstorder_Mean");
		FeatureMatrix t0 = new FeatureMatrix(List.of(new FeatureMatrix.Lesion("A", 1, "liver", Map.of("lesion_id", "L1")),
				new FeatureMatrix.Lesion("A", 2, "lung", Map.of("lesion_id", "L2"))), f, new double[][] { { 1000, 0 }, { 500, 40 } });
		// at follow-up the labels were renumbered: L1 is label 7; L2 is gone; L3 is new
		FeatureMatrix t1 = new FeatureMatrix(List.of(new FeatureMatrix.Lesion("A", 7, "liver", Map.of("lesion_id", "L1")),
				new FeatureMatrix.Lesion("A", 2, "bone", Map.of("lesion_id", "L3"))), f, new double[][] { { 1500, 10 }, { 200, 5 } });
		DeltaFeatures.Result r = DeltaFeatures.of(t0, t1);
		assertEquals(1, r.pairs().size());
		assertEquals("L1", r.pairs().get(0).key());
		assertEquals(500, r.pairs().get(0).difference()[0]);
		assertEquals(0.5, r.pairs().get(0).relative()[0]);
		assertTrue(Double.isNaN(r.pairs().get(0).relative()[1]), "F0 = 0: relative change undefined");
		assertTrue(r.notes().stream().anyMatch(n -> n.contains("baseline value is 0")), r.notes().toString());
		assertEquals("L2", r.disappeared().get(0).annotations().get("lesion_id"));
		assertEquals("L3", r.appeared().get(0).annotations().get("lesion_id"));
	}
}
