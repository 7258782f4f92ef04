package lesionradiomics.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.io.VolumeFormatException;

/** Response per phenotype with two time points: a mixed response is found where lesions of different phenotypes respond differently. */
class PhenotypeResponseTest {

	/** Patients P0..P2 with 6 lesions each, odd labels one planted type, even labels another (4 SD apart). */
	static FeatureMatrix cohort() {
		SplittableRandom r = new SplittableRandom(5);
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
		double[][] x = new double[18][3];
		for (int i = 0; i < 18; i++) {
			int label = i % 6 + 1;
			lesions.add(new FeatureMatrix.Lesion("P" + i / 6, label, "liver"));
			for (int f = 0; f < 3; f++) x[i][f] = r.nextGaussian() * 0.3 + (label % 2 == 0 ? 4 : 0);
		}
		return new FeatureMatrix(lesions, List.of("original_firstorder_A", "original_firstorder_B", "original_glcm_C"), x);
	}

	@Test
	void mixedResponseIsLesionsOfDifferentPhenotypesInDifferentClasses() {
		Map<String, String> responses = new LinkedHashMap<>();
		for (int label = 1; label <= 6; label++) {
			responses.put("P0/" + label, "responding"); // all respond: not mixed
			responses.put("P1/" + label, label % 2 == 0 ? "progressive" : "responding"); // one phenotype progresses: mixed
		}
		// P2: only labels 1..3 followed; label 2 (even phenotype) stable, label 3 (odd phenotype) responding: mixed
		responses.put("P2/1", "stable");
		responses.put("P2/2", "stable");
		responses.put("P2/3", "responding");
		PhenotypeWorkflow.Result r = PhenotypeWorkflow.run(cohort(), new PhenotypeOptions(lesionradiomics.analysis.Phenotypes.Method.AVERAGE, 2, 4, 1),
				responses);
		assertEquals(2, r.clustering().k());
		assertFalse(r.responses().get("P0").mixed());
		assertTrue(r.responses().get("P1").mixed());
		assertTrue(r.responses().get("P2").mixed());
		// P1: one phenotype holds the 3 progressive lesions, the other the 3 responding ones
		Map<Integer, Map<String, Integer>> p1 = r.responses().get("P1").classes();
		assertEquals(2, p1.size());
		for (Map<String, Integer> classes : p1.values()) assertEquals(1, classes.size());
		assertEquals(3, p1.values().stream().mapToInt(c -> c.getOrDefault("progressive", 0)).sum());
		assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("3 lesions have no response")), r.notes().toString()); // P2's labels 4..6
	}

	@Test
	void aResponseTableWithoutTheColumnsNamesFileAndColumns(@TempDir Path dir) throws Exception {
		Path f = Files.writeString(dir.resolve("bad.csv"), "patient,label,response\nP0,1,PR\n");
		VolumeFormatException e = org.junit.jupiter.api.Assertions.assertThrows(VolumeFormatException.class, () -> PhenotypeWorkflow.readResponses(f));
		assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("patient, lesion and class"), e.getMessage());
	}
}
