package lesionradiomics.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.outcome.Cox;
import lesionradiomics.outcome.CutPoint;

/** Joining, the train/test split, and degenerate inputs of the survival workflow (the statistics are tested against R). */
class SurvivalWorkflowTest {

	/** 40 patients: the variable is i, times fall with it, every third censored; clinical rows for P1..P41 except P7. */
	static Map<String, Map<String, String>> patients() {
		Map<String, Map<String, String>> p = new LinkedHashMap<>();
		for (int i = 1; i <= 40; i++) p.put("P" + i, Map.of("score_min", Integer.toString(i), "constant", "1"));
		return p;
	}

	static Map<String, Map<String, String>> clinical() {
		Map<String, Map<String, String>> c = new LinkedHashMap<>();
		for (int i = 1; i <= 41; i++)
			if (i != 7) c.put("P" + i, Map.of("time", Double.toString(100.0 / i + (i % 5)), "event", i % 3 == 0 ? "0" : "1", "age", Integer.toString(40 + i % 17),
					"flat", "3"));
		return c;
	}

	static SurvivalOptions options(String cutoff, double train, List<String> covariates) {
		return new SurvivalOptions("score_min", "", cutoff, 0.1, covariates, "", train, 7, true);
	}

	@Test
	void patientsOnOneSideOnlyAreListedNotDropped() throws Exception {
		SurvivalWorkflow.Result r = SurvivalWorkflow.run(patients(), clinical(), options("", 0, List.of()), Path.of("clinical.csv"));
		assertEquals(39, r.subjects().size());
		assertTrue(r.notes().stream().anyMatch(n -> n.contains("no clinical row") && n.contains("P7")), r.notes().toString());
		assertTrue(r.notes().stream().anyMatch(n -> n.contains("no patient-level row") && n.contains("P41")), r.notes().toString());
	}

	@Test
	void theOptimalCutOffIsChosenOnTheTrainingSetAndAppliedUnchangedToTheTestSet() throws Exception {
		SurvivalWorkflow.Result r = SurvivalWorkflow.run(patients(), clinical(), options("optimal", 2.0 / 3, List.of("age")), Path.of("clinical.csv"));
		List<SurvivalWorkflow.Subject> train = r.subjects().stream().filter(s -> s.set().equals("train")).toList();
		assertEquals(26, train.size(), "2/3 of the 26 events and of the 13 censored, rounded");
		CutPoint onTrain = CutPoint.optimal(train.stream().mapToDouble(SurvivalWorkflow.Subject::time).toArray(), events(train),
				train.stream().mapToDouble(SurvivalWorkflow.Subject::value).toArray(), 0.1);
		assertEquals(onTrain.cutoff(), r.cutoff());
		for (SurvivalWorkflow.Subject s : r.subjects()) assertEquals(s.value() <= r.cutoff() ? "low" : "high", s.group(), s.patient());
		assertEquals(List.of("train", "test"), r.sets().stream().map(SurvivalWorkflow.SetResult::set).toList());
		assertNotNull(r.multivariate());
		SurvivalWorkflow.Result again = SurvivalWorkflow.run(patients(), clinical(), options("optimal", 2.0 / 3, List.of("age")), Path.of("clinical.csv"));
		assertEquals(r.subjects().stream().map(SurvivalWorkflow.Subject::set).toList(), again.subjects().stream().map(SurvivalWorkflow.Subject::set).toList(),
				"same seed, same split");
	}

	static boolean[] events(List<SurvivalWorkflow.Subject> s) {
		boolean[] e = new boolean[s.size()];
		for (int i = 0; i < e.length; i++) e[i] = s.get(i).event();
		return e;
	}

	@Test
	void degenerateInputsGiveReasonsNotNumbers() throws Exception {
		SurvivalWorkflow.Result constant = SurvivalWorkflow.run(patients(), clinical(), options("", 0, List.of("flat")), Path.of("c.csv"));
		assertTrue(constant.multivariate().reason().contains("covariate flat is constant"), constant.multivariate().reason());
		assertTrue(Double.isNaN(constant.multivariate().terms().get(0).hazardRatio()));
		SurvivalWorkflow.Result allLow = SurvivalWorkflow.run(patients(), clinical(), options("100", 0, List.of()), Path.of("c.csv"));
		assertTrue(allLow.sets().get(0).reason().contains("at or below the cut-off"), allLow.sets().get(0).reason());
		Map<String, Map<String, String>> noEvents = new LinkedHashMap<>();
		clinical().forEach((k, v) -> noEvents.put(k, Map.of("time", v.get("time"), "event", "0")));
		SurvivalWorkflow.Result none = SurvivalWorkflow.run(patients(), noEvents, options("median", 0, List.of()), Path.of("c.csv"));
		assertTrue(none.continuous().reason().contains("no events"), none.continuous().reason());
		assertTrue(none.sets().get(0).reason().contains("no events"), none.sets().get(0).reason());
		Map<String, Map<String, String>> bad = new LinkedHashMap<>(clinical());
		bad.put("P3", Map.of("time", "5", "event", "yes"));
		VolumeFormatException e = assertThrows(VolumeFormatException.class,
				() -> SurvivalWorkflow.run(patients(), bad, options("", 0, List.of()), Path.of("clin.csv")));
		assertTrue(e.getMessage().contains("clin.csv") && e.getMessage().contains("patient P3") && e.getMessage().contains("'yes'"), e.getMessage());
		IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
				() -> SurvivalWorkflow.run(patients(), clinical(), new SurvivalOptions("score_max", "", "", 0.1, List.of(), "", 0, 1, true), Path.of("c.csv")));
		assertTrue(v.getMessage().contains("no column 'score_max'"), v.getMessage());
	}

	/** Perfect separation (all events in one group, before every censoring): the coefficient runs off; reported, never printed as a number. */
	@Test
	void perfectSeparationIsReportedAsNonConvergence() {
		double[] time = { 1, 2, 3, 4, 5, 6, 7, 8 };
		boolean[] event = { true, true, true, true, false, false, false, false };
		double[][] x = { { 1 }, { 1 }, { 1 }, { 1 }, { 0 }, { 0 }, { 0 }, { 0 } };
		Cox.Fit f = lesionradiomics.outcome.Cox.fit(time, event, x, List.of("group"));
		assertTrue(f.reason() != null && f.reason().contains("did not converge"), String.valueOf(f.reason()));
		assertTrue(Double.isNaN(f.terms().get(0).hazardRatio()));
	}
}
