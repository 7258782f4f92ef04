package lesionradiomics.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.SamplingReport;

/** Sampling draws depend on the seed and the names of patient and strategy, never on positions or thread counts. */
class SamplingWorkflowTest {

	/** Patients with lesions over three sites and four features. */
	static FeatureMatrix cohort(List<String> patients) {
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
		List<double[]> rows = new ArrayList<>();
		String[] sites = { "liver", "lung", "bone" };
		for (String p : patients) {
			SplittableRandom r = new SplittableRandom(p.hashCode()); // each patient's lesions depend on the patient only
			for (int l = 1; l <= 9; l++) {
				lesions.add(new FeatureMatrix.Lesion(p, l, sites[l % 3]));
				rows.add(new double[] { 10 + 5 * r.nextDouble(), 3 * r.nextDouble(), 100 * r.nextDouble(), 5 + 20 * r.nextDouble() });
			}
		}
		return new FeatureMatrix(lesions, List.of("original_firstorder_Mean", "original_glcm_Idmn", "original_shape_VoxelVolume",
				SamplingWorkflow.DIAMETER), rows.toArray(new double[0][]));
	}

	static List<List<String>> rowsOf(SamplingWorkflow.Result r, String patient) {
		List<List<String>> out = new ArrayList<>();
		for (List<String> row : SamplingReport.longRows(r.simulation().strategies, "strategy")) if (row.get(0).equals(patient)) out.add(row);
		for (List<String> row : SamplingReport.longRows(r.simulation().curves, "k")) if (row.get(0).equals(patient)) out.add(row);
		return out;
	}

	/**
	 * P01's table is the same with and without P02 in the input. Scaling "none": with min–max scaling the distances of
	 * P01's lesions depend, by definition, on the range over every analysed lesion.
	 */
	@Test
	void patientResultsDoNotDependOnTheOtherPatients() {
		SamplingOptions o = new SamplingOptions(200, 7, false, Dissimilarity.Scaling.NONE, List.of("bone"), 6, 75);
		FeatureMatrix all = cohort(List.of("P02", "P01", "P03")), fewer = cohort(List.of("P01", "P03"));
		SamplingWorkflow.Result a, b;
		try (Execution two = Execution.of(2, Progress.NONE)) {
			a = SamplingWorkflow.run(all, all, o, two);
		}
		b = SamplingWorkflow.run(fewer, fewer, o, Execution.serial());
		List<List<String>> p01 = rowsOf(a, "P01");
		assertTrue(p01.size() > 20);
		assertEquals(p01, rowsOf(b, "P01"));
		assertEquals(rowsOf(a, "P03"), rowsOf(b, "P03"));
	}

	/** A patient with one analysable lesion has no index to recover: listed, left out of the means, exhaustive 100 %. */
	@Test
	void oneLesionPatientIsListedNotScoredZero() {
		FeatureMatrix two = cohort(List.of("P01", "P02"));
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>(two.lesions());
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < two.rows(); i++) rows.add(two.row(i));
		lesions.add(new FeatureMatrix.Lesion("P09", 1, "liver"));
		rows.add(new double[] { 12, 1, 50, 10 });
		FeatureMatrix m = new FeatureMatrix(lesions, two.features(), rows.toArray(new double[0][]));
		SamplingWorkflow.Result r = SamplingWorkflow.run(m, m, new SamplingOptions(50, 3, false, Dissimilarity.Scaling.MINMAX, List.of("bone"), 4, 75),
				Execution.serial());
		assertEquals(List.of(new SamplingWorkflow.Excluded("P09", 1, "fewer than 2 analysable lesions: MTD and ATH are undefined")), r.excluded());
		assertEquals(List.of("P01", "P02"), r.simulation().patients);
		for (lesionradiomics.sampling.Simulation.Summary s : r.simulation().strategies)
			if (s.strategy.equals("exhaustive")) assertEquals(100, s.mean, 1e-12, s.patient + " " + s.index);
	}

	/** Esc reaches a long sampling run within a second, even with fewer patients than cores (cancel per strategy). */
	@Test
	void cancelIsHonouredWithinASecond() {
		FeatureMatrix m = cohort(List.of("P01"));
		SamplingOptions o = new SamplingOptions(2_000_000, 1, false, Dissimilarity.Scaling.MINMAX, List.of("bone"), 9, 75);
		long start = System.nanoTime();
		Progress cancelAfter200ms = new Progress() {
			@Override
			public void update(String what, long done, long total) {}

			@Override
			public boolean isCancelled() {
				return System.nanoTime() - start > 200_000_000L;
			}
		};
		try (Execution two = Execution.of(2, cancelAfter200ms)) {
			org.junit.jupiter.api.Assertions.assertThrows(Progress.CancelledException.class, () -> SamplingWorkflow.run(m, m, o, two));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		assertTrue(seconds < 1.2, "cancelled after " + seconds + " s");
	}
}
