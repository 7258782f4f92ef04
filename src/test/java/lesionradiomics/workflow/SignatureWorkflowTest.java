package lesionradiomics.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.analysis.Correlation;
import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.report.SignatureReport;

/**
 * The signature workflow's guards: selection and λ see the training rows only, a patient's lesions stay on one side,
 * degenerate inputs give a message or a reported fallback, and the model file gives {@code score} the same numbers.
 */
class SignatureWorkflowTest {

	@TempDir
	Path dir;

	static SignatureOptions options(SignatureOptions.Model model, int topK) {
		return new SignatureOptions("y", List.of(), null, null, SignatureOptions.Validation.SPLIT, 2.0 / 3, 5, 7, 0.85, "ccc", 0, Correlation.Method.PEARSON,
				topK, model, 1, SignatureOptions.LambdaRule.MIN, 0, 5, 100, 1);
	}

	/**
	 * {@code patients} patients with 2 lesions each; a patient's outcome drives feature "good" (plus noise); "noise_k"
	 * are noise. Features named with a pyradiomics class so the table reader takes them as features.
	 */
	static SignatureWorkflow.Data planted(int patients, int noise, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		List<String> ps = new ArrayList<>(), keys = new ArrayList<>(), features = new ArrayList<>(List.of("original_firstorder_Good"));
		for (int k = 0; k < noise; k++) features.add("original_glcm_Noise" + k);
		int n = patients * 2;
		double[][] x = new double[n][features.size()];
		boolean[] y = new boolean[n];
		for (int p = 0; p < patients; p++) {
			boolean out = p % 2 == 0;
			for (int l = 0; l < 2; l++) {
				int i = 2 * p + l;
				ps.add("P" + p);
				keys.add(Integer.toString(l + 1));
				y[i] = out;
				x[i][0] = (out ? 1.2 : 0) + r.nextGaussian();
				for (int k = 1; k < features.size(); k++) x[i][k] = r.nextGaussian();
			}
		}
		return new SignatureWorkflow.Data(ps, keys, features, x, y, null, null, List.of());
	}

	@Test
	void patientsNeverStraddleTheSplitOrTheFolds() {
		SignatureWorkflow.Data d = planted(30, 5, 1);
		SignatureWorkflow.Result r = SignatureWorkflow.run(d, Map.of(), options(SignatureOptions.Model.LASSO, 0));
		Map<String, String> side = new HashMap<>();
		for (int i = 0; i < d.rows(); i++) {
			String before = side.putIfAbsent(d.patients().get(i), r.set()[i]);
			assertTrue(before == null || before.equals(r.set()[i]), "patient " + d.patients().get(i) + " on both sides");
		}
		long training = side.values().stream().filter("training"::equals).count();
		assertEquals(20, training, "2/3 of 30 patients train");
		SignatureOptions cv = new SignatureOptions("y", List.of(), null, null, SignatureOptions.Validation.CV, 2.0 / 3, 5, 7, 0.85, "ccc", 0,
				Correlation.Method.PEARSON, 0, SignatureOptions.Model.LASSO, 1, SignatureOptions.LambdaRule.MIN, 0, 5, 100, 1);
		SignatureWorkflow.Result c = SignatureWorkflow.run(d, Map.of(), cv);
		side.clear();
		for (int i = 0; i < d.rows(); i++) {
			String before = side.putIfAbsent(d.patients().get(i), c.set()[i]);
			assertTrue(before == null || before.equals(c.set()[i]), "patient " + d.patients().get(i) + " in two folds");
			assertTrue(Double.isFinite(c.score()[i]), "every row has an out-of-fold score");
		}
		assertEquals(5, new java.util.HashSet<>(side.values()).size());
	}

	/**
	 * A feature that carries the outcome in the validation rows only (noise in training) is never selected, neither by
	 * the ranking nor by the LASSO: both look at the training rows only.
	 */
	@Test
	void aFeatureInformativeOnlyInValidationIsNeverSelected() {
		SignatureWorkflow.Data d = planted(40, 20, 3);
		SignatureOptions o = options(SignatureOptions.Model.LASSO, 3);
		String[] set = SignatureWorkflow.run(d, Map.of(), o).set(); // the split does not depend on the features
		List<String> features = new ArrayList<>(d.features());
		features.add("original_firstorder_Leak");
		double[][] x = new double[d.rows()][];
		SplittableRandom r = new SplittableRandom(5);
		for (int i = 0; i < d.rows(); i++) {
			x[i] = java.util.Arrays.copyOf(d.x()[i], features.size());
			x[i][features.size() - 1] = set[i].equals("validation") ? (d.y()[i] ? 10 : -10) : r.nextGaussian();
		}
		SignatureWorkflow.Data leaky = new SignatureWorkflow.Data(d.patients(), d.keys(), features, x, d.y(), null, null, List.of());
		for (SignatureOptions.Model m : SignatureOptions.Model.values()) {
			SignatureWorkflow.Result res = SignatureWorkflow.run(leaky, Map.of(), options(m, 3));
			assertArrayEquals(set, res.set());
			assertFalse(res.fitted().features().contains("original_firstorder_Leak"), m + " selected the validation-only feature");
			SignatureWorkflow.Step ranking = res.fitted().steps().stream().filter(s -> s.name().equals("ranking")).findFirst().orElseThrow();
			assertTrue(ranking.dropped().containsKey("original_firstorder_Leak"));
			assertTrue(ranking.kept().contains("original_firstorder_Good"), "the training-informative feature ranks in the top 3");
		}
		// without the ranking, the LASSO's λ and coefficients come from training rows only: same model with or without
		// the leak's validation values changed
		double[][] x2 = new double[d.rows()][];
		for (int i = 0; i < d.rows(); i++) {
			x2[i] = x[i].clone();
			if (set[i].equals("validation")) x2[i][features.size() - 1] = -x2[i][features.size() - 1];
		}
		SignatureWorkflow.Result a = SignatureWorkflow.run(leaky, Map.of(), options(SignatureOptions.Model.LASSO, 0));
		SignatureWorkflow.Result b = SignatureWorkflow.run(new SignatureWorkflow.Data(d.patients(), d.keys(), features, x2, d.y(), null, null, List.of()), Map.of(),
				options(SignatureOptions.Model.LASSO, 0));
		assertEquals(a.fitted().lambda(), b.fitted().lambda(), 0, "λ chosen on training rows only");
		assertArrayEquals(a.fitted().beta(), b.fitted().beta(), 0);
		assertNotNull(a.validation().roc());
	}

	@Test
	void degenerateInputsGiveAMessageOrAReportedFallback() {
		SignatureWorkflow.Data d = planted(12, 3, 9);
		boolean[] none = new boolean[d.rows()];
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignatureWorkflow.run(
				new SignatureWorkflow.Data(d.patients(), d.keys(), d.features(), d.x(), none, null, null, List.of()), Map.of(), options(SignatureOptions.Model.LASSO, 0)));
		assertTrue(e.getMessage().contains("one class only"), e.getMessage());
		// constant and NaN features are dropped and reported; all of them gone: no model, with the reason
		double[][] x = new double[d.rows()][4];
		for (int i = 0; i < d.rows(); i++) {
			x[i][0] = 3;
			x[i][1] = Double.NaN;
			x[i][2] = d.x()[i][0];
			x[i][3] = i == 0 ? Double.NaN : d.x()[i][1];
		}
		List<String> names = List.of("original_firstorder_Const", "original_firstorder_Nan", "original_firstorder_Good", "original_firstorder_OneNan");
		for (SignatureOptions.Model m : SignatureOptions.Model.values()) {
			SignatureWorkflow.Result r = SignatureWorkflow.run(new SignatureWorkflow.Data(d.patients(), d.keys(), names, x, d.y(), null, null, List.of()), Map.of(),
					options(m, 0));
			SignatureWorkflow.Step usable = r.fitted().steps().get(0);
			assertTrue(usable.dropped().get("original_firstorder_Const").startsWith("constant"), usable.dropped().toString());
			assertTrue(usable.dropped().get("original_firstorder_Nan").contains("without a finite value"));
			assertFalse(r.fitted().features().contains("original_firstorder_Const"));
		}
		double[][] flat = new double[d.rows()][1];
		SignatureWorkflow.Result r = SignatureWorkflow.run(new SignatureWorkflow.Data(d.patients(), d.keys(), List.of("original_firstorder_Const"), flat, d.y(),
				null, null, List.of()), Map.of(), options(SignatureOptions.Model.LASSO, 0));
		assertEquals("no feature is left after selection", r.fitted().reason());
		assertNull(r.model());
		assertNotNull(r.validation().reason());
		// fewer events than features: fitted, with a note
		SignatureWorkflow.Data wide = planted(12, 60, 4);
		SignatureWorkflow.Result w = SignatureWorkflow.run(wide, Map.of(), options(SignatureOptions.Model.LASSO, 0));
		assertTrue(w.notes().stream().anyMatch(n -> n.contains("fewer events than features")), w.notes().toString());
		// plain logistic on more features than rows: no model, the reason says why, never an exception
		SignatureWorkflow.Result l = SignatureWorkflow.run(wide, Map.of(), options(SignatureOptions.Model.LOGISTIC, 0));
		assertNotNull(l.fitted().reason());
		assertTrue(l.fitted().reason().contains("--top-k"), l.fitted().reason());
	}

	@Test
	void survivalLassoCoxValidatesWithHarrellsCAndRiskGroups() {
		SplittableRandom r = new SplittableRandom(2);
		int n = 60;
		List<String> ps = new ArrayList<>(), keys = new ArrayList<>();
		double[][] x = new double[n][6];
		double[] t = new double[n];
		boolean[] ev = new boolean[n];
		for (int i = 0; i < n; i++) {
			ps.add("P" + i);
			keys.add("");
			for (int j = 0; j < 6; j++) x[i][j] = r.nextGaussian();
			t[i] = -Math.log(r.nextDouble()) / Math.exp(0.9 * x[i][0]);
			ev[i] = r.nextDouble() < 0.8;
		}
		List<String> names = List.of("a_firstorder_X0", "a_firstorder_X1", "a_firstorder_X2", "a_firstorder_X3", "a_firstorder_X4", "a_firstorder_X5");
		SignatureOptions o = new SignatureOptions(null, List.of(), "time", "event", SignatureOptions.Validation.SPLIT, 2.0 / 3, 5, 3, 0.85, "ccc", 0,
				Correlation.Method.PEARSON, 0, SignatureOptions.Model.LASSO, 1, SignatureOptions.LambdaRule.MIN, 0, 5, 100, 1);
		SignatureWorkflow.Result res = SignatureWorkflow.run(new SignatureWorkflow.Data(ps, keys, names, x, null, t, ev, List.of()), Map.of(), o);
		assertTrue(res.fitted().features().contains("a_firstorder_X0"));
		assertTrue(res.validation().harrell() > 0.6, "validation C " + res.validation().harrell());
		assertEquals(2, res.validation().km().size());
	}

	/** Writes a lesion feature table that {@code score} reads (patient,label,site,features). */
	static Path table(SignatureWorkflow.Data d, Path file) throws Exception {
		StringBuilder b = new StringBuilder("patient,label,site," + String.join(",", d.features()) + ",y\n");
		for (int i = 0; i < d.rows(); i++) {
			b.append(d.patients().get(i)).append(',').append(d.keys().get(i)).append(",liver");
			for (double v : d.x()[i]) b.append(',').append(v);
			b.append(',').append(d.y()[i] ? 1 : 0).append('\n');
		}
		Files.writeString(file, b);
		return file;
	}

	/** The model file written by signature, applied by score's own reader and scorer, gives the same scores. */
	@Test
	void modelFilesRoundTripThroughScore() throws Exception {
		SignatureWorkflow.Data d = planted(30, 8, 11);
		Path csv = table(d, dir.resolve("features.csv"));
		for (SignatureOptions.Model m : SignatureOptions.Model.values()) {
			SignatureOptions o = options(m, m == SignatureOptions.Model.LOGISTIC ? 3 : 0);
			SignatureWorkflow.Result r = SignatureWorkflow.run(csv, null, Map.of(), o);
			Path out = dir.resolve(m.name());
			Files.createDirectories(out);
			Path file = SignatureReport.write(r, out);
			assertNotNull(file, m + ": " + r.fitted().reason());
			ScoreModel model = ScoreWorkflow.readModel(file);
			ScoreWorkflow.Result s = ScoreWorkflow.run(FeatureInput.read(csv, null), model, Map.of(), ScoreOptions.DEFAULTS);
			for (int i = 0; i < d.rows(); i++) {
				double expected = r.score()[i], got = s.lesions().get(i).score();
				assertEquals(expected, got, 1e-9 * Math.max(1, Math.abs(expected)), m + " row " + i);
			}
			assertEquals(r.fitted().threshold(), model.cutoff(), 0, "the training threshold is the file's cut-off");
		}
	}

	/** A LASSO-Cox model file: the linear predictor (intercept 0) through score, and the training median as its cut-off. */
	@Test
	void coxModelFileRoundTripsAndANanRowIsNotScored() throws Exception {
		SplittableRandom r = new SplittableRandom(8);
		double[][] v = new double[60][5];
		for (int i = 0; i < 60; i++) {
			v[i][2] = r.nextGaussian();
			v[i][3] = r.nextGaussian();
			v[i][4] = r.nextGaussian();
			v[i][0] = -Math.log(r.nextDouble()) / Math.exp(v[i][2] - 0.5 * v[i][3]) + 0.01;
			v[i][1] = r.nextDouble() < 0.8 ? 1 : 0;
		}
		Path csv = dir.resolve("surv.csv");
		SignatureOptions o = new SignatureOptions(null, List.of(), "time", "event", SignatureOptions.Validation.SPLIT, 2.0 / 3, 5, 3, 0.85, "ccc", 0,
				Correlation.Method.PEARSON, 0, SignatureOptions.Model.LASSO, 1, SignatureOptions.LambdaRule.MIN, 0, 5, 100, 1);
		writeSurvival(csv, v);
		String[] set = SignatureWorkflow.run(csv, null, Map.of(), o).set();
		int nanRow = java.util.Arrays.asList(set).indexOf("validation");
		v[nanRow][2] = Double.NaN; // a validation row missing a model feature: no score, the others unchanged
		writeSurvival(csv, v);
		SignatureWorkflow.Result res = SignatureWorkflow.run(csv, null, Map.of(), o);
		assertTrue(res.fitted().features().contains("original_firstorder_A"), res.fitted().features() + " " + res.fitted().reason());
		assertTrue(Double.isNaN(res.score()[nanRow]), "a row missing a model feature has no score");
		assertEquals(res.validation().n() - 1, res.validation().scored());
		Path out = dir.resolve("cox");
		Files.createDirectories(out);
		ScoreModel model = ScoreWorkflow.readModel(SignatureReport.write(res, out));
		ScoreWorkflow.Result s = ScoreWorkflow.run(FeatureInput.read(csv, null), model, Map.of(), ScoreOptions.DEFAULTS);
		for (int i = 0; i < 60; i++) {
			double expected = res.score()[i], got = s.lesions().get(i).score();
			if (Double.isNaN(expected)) assertTrue(Double.isNaN(got), "row " + i);
			else assertEquals(expected, got, 1e-9 * Math.max(1, Math.abs(expected)), "row " + i);
		}
		assertTrue(Files.exists(out.resolve("km_risk.png")) && Files.exists(out.resolve("lambda_path.svg")));
	}

	static void writeSurvival(Path csv, double[][] v) throws Exception {
		StringBuilder b = new StringBuilder("patient,label,site,time,event,original_firstorder_A,original_firstorder_B,original_glcm_C\n");
		for (int i = 0; i < v.length; i++) {
			b.append("P").append(i).append(",1,liver");
			for (double x : v[i]) b.append(',').append(x);
			b.append('\n');
		}
		Files.writeString(csv, b);
	}

	@Test
	void oldModelFilesStillLoad() throws Exception {
		ScoreModel m = ScoreWorkflow.readModel(Path.of("test-data/example_model.csv"));
		assertEquals(5, m.terms().size());
		assertNull(m.forest());
		assertEquals(0.85, m.cutoff(), 0);
	}

	@Test
	void reproducibilityStepUsesThePerturbedTable() throws Exception {
		SignatureWorkflow.Data d = planted(20, 3, 13);
		SplittableRandom r = new SplittableRandom(1);
		double[][] p = new double[d.rows()][d.features().size()];
		for (int i = 0; i < d.rows(); i++)
			for (int j = 0; j < p[i].length; j++) p[i][j] = j == 1 ? r.nextGaussian() : d.x()[i][j] + 0.01 * r.nextGaussian();
		for (String agreement : List.of("ccc", "ICC3")) {
			SignatureOptions o = new SignatureOptions("y", List.of(), null, null, SignatureOptions.Validation.SPLIT, 2.0 / 3, 5, 7, 0.85, agreement, 0,
					Correlation.Method.PEARSON, 0, SignatureOptions.Model.FOREST, 1, SignatureOptions.LambdaRule.MIN, 0, 5, 50, 1);
			SignatureWorkflow.Result res = SignatureWorkflow.run(d, Map.of("eroded", p), o);
			SignatureWorkflow.Step step = res.fitted().steps().get(1);
			assertEquals("reproducibility", step.name());
			assertEquals(List.of("original_glcm_Noise0"), List.copyOf(step.dropped().keySet()), agreement);
			assertTrue(step.values().get("original_firstorder_Good") > 0.99);
		}
	}
}
