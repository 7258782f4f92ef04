package lesionradiomics.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import lesionradiomics.analysis.Concordance;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.FeatureSelection;
import lesionradiomics.analysis.IntraclassCorrelation;
import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.io.Csv;
import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.model.Calibration;
import lesionradiomics.model.ElasticNet;
import lesionradiomics.model.ElasticNetCv;
import lesionradiomics.model.LogisticRegression;
import lesionradiomics.model.RandomForest;
import lesionradiomics.outcome.KaplanMeier;
import lesionradiomics.outcome.LogRank;
import lesionradiomics.outcome.Roc;

/**
 * Trains a signature and validates it on patients it never saw (Dercle et al. 2020's design): the patients are split
 * (seeded, stratified by outcome, a patient's lesions on one side only) into training and validation sets, or dealt
 * into k folds; on the training rows only, features are filtered coarse to fine (missing or constant values,
 * reproducibility against perturbed or retest tables, redundancy by correlation clustering, univariate ranking, top-k),
 * then the model is fitted (elastic net with λ from a training-only cross-validation grouped by patient, plain
 * logistic regression, or a random forest). The validation rows are scored by the fitted model unchanged: the
 * threshold (Youden's on the training scores) and the survival risk groups (training median) come from training.
 */
public final class SignatureWorkflow {

	/** Column names that are identifiers, never features. */
	static final Set<String> ID_COLUMNS = Set.of("patient", "label", "lesion", "lesion_id", "site");

	/**
	 * The analysed rows (lesions or patients).
	 *
	 * @param keys     a row's lesion key within its patient ("" for a patient-level table)
	 * @param y        binary outcome (null for survival)
	 * @param time     survival time (null for binary)
	 */
	public record Data(List<String> patients, List<String> keys, List<String> features, double[][] x, boolean[] y, double[] time, boolean[] event,
			List<String> notes) {
		public int rows() { return patients.size(); }
		public boolean survival() { return time != null; }

		int positives() {
			int c = 0;
			for (int i = 0; i < rows(); i++) if (survival() ? event[i] : y[i]) c++;
			return c;
		}
	}

	/** One selection step: what it kept, what it dropped and why (the value it judged). */
	public record Step(String name, String rule, List<String> kept, Map<String, String> dropped, Map<String, Double> values) {}

	/**
	 * A model fitted on training rows.
	 *
	 * @param features   the features the model uses (non-zero coefficients, or the forest's inputs)
	 * @param intercept  linear models: constant of the linear predictor (0 for Cox)
	 * @param beta       linear models: per feature, on the original scale
	 * @param forest     the forest (FOREST only)
	 * @param cv         the λ cross-validation (LASSO only)
	 * @param cvFeatures the features that entered the elastic net (the columns of {@code cv})
	 * @param threshold  Youden's threshold on the training scores (binary) or the training median risk (survival)
	 * @param reason     why there is no usable model (then scores are NaN), or null
	 */
	public record Fitted(SignatureOptions.Model kind, List<String> features, double intercept, double[] beta, RandomForest forest, ElasticNetCv.Result cv,
			List<String> cvFeatures, double lambda, double threshold, List<Step> steps, double[] min, double[] max, String reason) {

		/** The score of a row given as the values of {@link #features()}: linear predictor, or the forest's probability. */
		public double score(double[] x) {
			if (reason != null) return Double.NaN;
			for (double v : x) if (!Double.isFinite(v)) return Double.NaN;
			if (kind == SignatureOptions.Model.FOREST) return forest.probability(x);
			double s = intercept;
			for (int j = 0; j < x.length; j++) s += beta[j] * x[j];
			return s;
		}

		/** Probability of the positive class (binary outcomes). */
		public double probability(double score) {
			return kind == SignatureOptions.Model.FOREST ? score : 1 / (1 + Math.exp(-score));
		}
	}

	/**
	 * Performance on one set of rows.
	 *
	 * @param roc         ROC with DeLong interval (null when a class is missing; see reason)
	 * @param sensitivity at the training threshold
	 * @param calibration rms::val.prob-style calibration (binary)
	 * @param harrell     Harrell's C (survival)
	 * @param km          Kaplan–Meier curves of the low and high risk groups (survival; cut at the training median)
	 */
	public record Metrics(String set, int n, int positives, int scored, Roc roc, double sensitivity, double specificity, Calibration calibration, double harrell,
			Map<String, KaplanMeier.Curve> km, double logRankP, String reason) {}

	/**
	 * @param set        per row: "training" or "validation" (split), or "fold k" (CV: the row's held-out fold)
	 * @param score      per row: the training-only model's score of a validation row (split), the out-of-fold score
	 *                   (CV), and the final model's score of a training row
	 * @param model      the model file's content
	 */
	public record Result(SignatureOptions options, Data data, Fitted fitted, String[] set, double[] score, Metrics training, Metrics validation,
			ScoreModel model, List<String> notes) {}

	private SignatureWorkflow() {}

	// ----------------------------------------------------------------------------------------------------------- input

	/**
	 * Reads a feature table (lesion level: patient, label or lesion, …; patient level: patient, …), its outcome from
	 * the table itself or from {@code outcomeTable} (joined by patient and, when both have it, the lesion key), and the
	 * optional perturbed/retest tables (name → file) of the same rows.
	 */
	public static Data read(Path features, Path outcomeTable, SignatureOptions o) throws IOException {
		Table t = Table.read(features);
		Table out = outcomeTable == null ? null : Table.read(outcomeTable);
		List<String> outcomeColumns = o.survival() ? List.of(o.time(), o.event()) : List.of(o.outcome());
		List<String> notes = new ArrayList<>();
		Map<String, List<String>> outcome = new LinkedHashMap<>(); // column → value per row of t
		for (String c : outcomeColumns) {
			List<String> v;
			if (t.header.contains(c) && out == null) v = t.column(c);
			else if (out != null && out.header.contains(c)) v = out.joinTo(t, c, outcomeTable);
			else if (t.header.contains(c)) v = t.column(c);
			else throw new VolumeFormatException(outcomeTable == null ? features : outcomeTable, "no outcome column '" + c + "' (columns: "
					+ String.join(", ", (out == null ? t : out).header.stream().limit(12).toList()) + (outcomeTable == null ? "; or give --outcome-table" : "") + ")");
			outcome.put(c, v);
		}
		List<String> featureNames = t.featureColumns(Set.copyOf(outcomeColumns));
		if (featureNames.isEmpty()) throw new VolumeFormatException(features, "no numeric feature column besides the identifiers and the outcome");
		List<Integer> rows = new ArrayList<>();
		int unknown = 0;
		List<Boolean> y = new ArrayList<>();
		List<Double> time = new ArrayList<>();
		List<Boolean> event = new ArrayList<>();
		for (int r = 0; r < t.rows.size(); r++) {
			if (o.survival()) {
				double tt = parse(outcome.get(o.time()).get(r));
				String e = outcome.get(o.event()).get(r);
				double en = parse(e); // 1/0 as integers or as numbers (1.0), or true/false
				Boolean ev = e == null ? null : en == 1 || e.trim().equalsIgnoreCase("true") ? Boolean.TRUE
						: en == 0 || e.trim().equalsIgnoreCase("false") ? Boolean.FALSE : null;
				if (!(tt > 0) || ev == null) {
					unknown++;
					continue;
				}
				time.add(tt);
				event.add(ev);
			} else {
				String v = outcome.get(o.outcome()).get(r);
				if (v == null || v.isBlank() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("na")) {
					unknown++;
					continue;
				}
				v = v.trim();
				boolean pos;
				if (!o.positive().isEmpty()) pos = o.positive().stream().anyMatch(v::equalsIgnoreCase);
				else if (List.of("true", "yes").contains(v.toLowerCase(Locale.ROOT)) || parse(v) == 1) pos = true;
				else if (List.of("false", "no").contains(v.toLowerCase(Locale.ROOT)) || parse(v) == 0) pos = false;
				else throw new VolumeFormatException(features, "outcome " + o.outcome() + " = '" + v + "' (patient " + t.patient(r)
						+ ") is not 1/0, true/false or yes/no; name the positive level(s) with --positive (e.g. progressive)");
				y.add(pos);
			}
			rows.add(r);
		}
		if (unknown > 0)
			notes.add(unknown + " row(s) without an outcome (" + (o.survival() ? "time > 0 and event 0/1" : "empty or NA") + ") left out");
		int n = rows.size();
		double[][] x = new double[n][];
		List<String> patients = new ArrayList<>(), keys = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int r = rows.get(i);
			patients.add(t.patient(r));
			keys.add(t.key(r));
			x[i] = new double[featureNames.size()];
			for (int j = 0; j < featureNames.size(); j++) x[i][j] = parse(t.rows.get(r).get(t.header.indexOf(featureNames.get(j))));
		}
		boolean[] yy = o.survival() ? null : new boolean[n], ev = o.survival() ? new boolean[n] : null;
		double[] tt = o.survival() ? new double[n] : null;
		for (int i = 0; i < n; i++) {
			if (o.survival()) {
				tt[i] = time.get(i);
				ev[i] = event.get(i);
			} else yy[i] = y.get(i);
		}
		return new Data(patients, keys, featureNames, x, yy, tt, ev, notes);
	}

	/** The values of {@code d}'s features in a perturbed or retest table, matched by patient and lesion key (NaN when absent). */
	public static double[][] readPaired(Path file, Data d) throws IOException {
		Table t = Table.read(file);
		Map<String, Integer> rowOf = new HashMap<>();
		for (int r = 0; r < t.rows.size(); r++) rowOf.put(t.patient(r) + "\u0000" + t.key(r), r);
		double[][] out = new double[d.rows()][d.features().size()];
		int matched = 0;
		for (int i = 0; i < d.rows(); i++) {
			Integer r = rowOf.get(d.patients().get(i) + "\u0000" + d.keys().get(i));
			if (r != null) matched++;
			for (int j = 0; j < d.features().size(); j++) {
				int c = t.header.indexOf(d.features().get(j));
				out[i][j] = r == null || c < 0 ? Double.NaN : parse(t.rows.get(r).get(c));
			}
		}
		if (matched == 0) throw new VolumeFormatException(file, "no row matches a row of the feature table (by patient and label/lesion)");
		return out;
	}

	static double parse(String s) {
		if (s == null) return Double.NaN;
		s = s.trim();
		if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na")) return Double.NaN;
		try {
			return Double.parseDouble(s);
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** A CSV table with a patient column. */
	static final class Table {
		final Path file;
		final List<String> header;
		final List<List<String>> rows;
		final int patient, key;

		Table(Path file, List<String> header, List<List<String>> rows) {
			this.file = file;
			this.header = header;
			this.rows = rows;
			this.patient = header.indexOf("patient");
			int k = header.indexOf("label");
			if (k < 0) k = header.indexOf("lesion");
			if (k < 0) k = header.indexOf("lesion_id");
			this.key = k;
		}

		static Table read(Path file) throws IOException {
			List<List<String>> all = Csv.read(file);
			List<List<String>> rows = new ArrayList<>();
			for (List<String> r : all) if (!r.isEmpty() && !r.get(0).startsWith("#") && !r.stream().allMatch(String::isBlank)) rows.add(r);
			if (rows.isEmpty()) throw new VolumeFormatException(file, "empty table");
			List<String> header = rows.get(0).stream().map(String::trim).toList();
			if (!header.contains("patient")) throw new VolumeFormatException(file, "the table needs a 'patient' column; header is " + header.subList(0, Math.min(5, header.size())));
			List<List<String>> body = new ArrayList<>(rows.subList(1, rows.size()));
			for (int r = 0; r < body.size(); r++)
				if (body.get(r).size() != header.size())
					throw new VolumeFormatException(file, "line " + (r + 2) + " has " + body.get(r).size() + " fields, the header " + header.size());
			if (body.isEmpty()) throw new VolumeFormatException(file, "the table has a header but no rows");
			Table t = new Table(file, header, body);
			Map<String, Integer> seen = new HashMap<>();
			for (int r = 0; r < body.size(); r++) {
				Integer first = seen.putIfAbsent(t.patient(r) + "\u0000" + t.key(r), r + 2);
				if (first != null)
					throw new VolumeFormatException(file, "lines " + first + " and " + (r + 2) + " are the same " + (t.key < 0 ? "patient " + t.patient(r)
							: "lesion (patient " + t.patient(r) + ", " + header.get(t.key) + " " + t.key(r) + ")") + "; each must be one row");
			}
			return t;
		}

		String patient(int r) { return rows.get(r).get(patient).trim(); }
		String key(int r) { return key < 0 ? "" : rows.get(r).get(key).trim(); }

		List<String> column(String c) {
			int j = header.indexOf(c);
			List<String> out = new ArrayList<>();
			for (List<String> r : rows) out.add(r.get(j));
			return out;
		}

		/** This table's column c for each row of {@code to}, by patient and (when both have one) lesion key. */
		List<String> joinTo(Table to, String c, Path file) {
			boolean byKey = key >= 0 && to.key >= 0;
			Map<String, String> v = new HashMap<>();
			int j = header.indexOf(c);
			for (int r = 0; r < rows.size(); r++) v.put(patient(r) + (byKey ? "\u0000" + key(r) : ""), rows.get(r).get(j));
			List<String> out = new ArrayList<>();
			for (int r = 0; r < to.rows.size(); r++) out.add(v.get(to.patient(r) + (byKey ? "\u0000" + to.key(r) : "")));
			return out;
		}

		/**
		 * Feature columns: those named like features (pyradiomics classes, delta suffixes included); in a table without
		 * any (made by hand, or patient aggregates), every numeric column that is neither an identifier nor the outcome.
		 */
		List<String> featureColumns(Set<String> outcome) {
			List<String> named = new ArrayList<>(), numeric = new ArrayList<>();
			for (int c = 0; c < header.size(); c++) {
				String h = header.get(c);
				if (c == patient || c == key || ID_COLUMNS.contains(h) || outcome.contains(h)) continue;
				boolean isNumeric = true;
				for (List<String> r : rows) {
					String s = r.get(c).trim();
					if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na")) continue;
					try {
						Double.parseDouble(s);
					} catch (NumberFormatException e) {
						isNumeric = false;
						break;
					}
				}
				if (!isNumeric) continue;
				numeric.add(h);
				if (FeatureInput.isFeatureColumn(h)) named.add(h);
			}
			return named.isEmpty() ? numeric : named;
		}
	}

	// ------------------------------------------------------------------------------------------------------------ run

	/**
	 * The front ends' one call: reads the tables and runs. {@code perturbed}: name → a table of the same rows computed
	 * on eroded/dilated masks or a retest scan (empty: no reproducibility step).
	 */
	public static Result run(Path features, Path outcomeTable, Map<String, Path> perturbed, SignatureOptions o) throws IOException {
		Data d = read(features, outcomeTable, o);
		Map<String, double[][]> p = new LinkedHashMap<>();
		for (Map.Entry<String, Path> e : perturbed.entrySet()) p.put(e.getKey(), readPaired(e.getValue(), d));
		return run(d, p, o);
	}

	/**
	 * @param perturbed name → {@link #readPaired} values of the same rows (reproducibility step; empty: step off)
	 */
	public static Result run(Data d, Map<String, double[][]> perturbed, SignatureOptions o) {
		List<String> notes = new ArrayList<>(d.notes());
		int n = d.rows();
		if (n < 4) throw new IllegalArgumentException(n + " row(s) with an outcome: a signature needs at least 4");
		int pos = d.positives();
		if (d.survival() && pos == 0) throw new IllegalArgumentException("no event among the " + n + " rows: a survival signature needs events");
		if (!d.survival() && (pos == 0 || pos == n))
			throw new IllegalArgumentException("one class only: all " + n + " rows are " + (pos == 0 ? "negative" : "positive") + " for outcome " + o.outcome()
					+ (o.positive().isEmpty() ? "" : " (positive: " + o.positive() + ")"));
		List<String> patientList = new ArrayList<>(new LinkedHashSet<>(d.patients()));
		Map<String, Boolean> stratum = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) stratum.merge(d.patients().get(i), d.survival() ? d.event()[i] : d.y()[i], Boolean::logicalOr);
		if (patientList.size() < n) notes.add(n + " rows of " + patientList.size() + " patients: split and folds are by patient (a patient's lesions stay together)");

		String[] set = new String[n];
		double[] score = new double[n];
		Arrays.fill(score, Double.NaN);
		Fitted fitted;
		Metrics training, validation;
		SplittableRandom root = new SplittableRandom(o.seed());
		if (o.validation() == SignatureOptions.Validation.SPLIT) {
			Set<String> train = split(patientList, stratum, o.trainFraction(), root.split());
			int[] tr = indices(d, p -> train.contains(p)), va = indices(d, p -> !train.contains(p));
			for (int i : tr) set[i] = "training";
			for (int i : va) set[i] = "validation";
			fitted = fit(d, tr, perturbed, o, root.split(), notes);
			for (int i = 0; i < n; i++) score[i] = fitted.score(row(d, i, fitted.features()));
			training = metrics("training", d, tr, score, fitted);
			validation = metrics("validation", d, va, score, fitted);
		} else {
			int k = Math.min(o.folds(), patientList.size());
			if (k < 2) throw new IllegalArgumentException("cross-validation needs at least 2 patients");
			if (k < o.folds()) notes.add(o.folds() + " folds asked for " + patientList.size() + " patients: " + k + " folds");
			Map<String, Integer> foldOf = patientFolds(patientList, stratum, k, root.split());
			SplittableRandom foldRandom = root.split();
			double[] thresholds = new double[n];
			for (int f = 1; f <= k; f++) {
				int ff = f;
				int[] tr = indices(d, p -> foldOf.get(p) != ff), te = indices(d, p -> foldOf.get(p) == ff);
				Fitted m = fit(d, tr, perturbed, o, foldRandom.split(), new ArrayList<>());
				for (int i : te) {
					set[i] = "fold " + f;
					score[i] = m.score(row(d, i, m.features()));
					thresholds[i] = m.threshold();
				}
			}
			fitted = fit(d, indices(d, p -> true), perturbed, o, root.split(), notes);
			double[] apparent = new double[n];
			for (int i = 0; i < n; i++) apparent[i] = fitted.score(row(d, i, fitted.features()));
			int[] all = indices(d, p -> true);
			training = metrics("apparent (all rows, final model)", d, all, apparent, fitted);
			validation = metrics("cross-validated (out-of-fold)", d, all, score, fitted, thresholds);
		}
		if (fitted.reason() != null) notes.add("no model: " + fitted.reason());
		return new Result(o, d, fitted, set, score, training, validation, modelFile(fitted, d), notes);
	}

	private static int[] indices(Data d, java.util.function.Predicate<String> patient) {
		return java.util.stream.IntStream.range(0, d.rows()).filter(i -> patient.test(d.patients().get(i))).toArray();
	}

	static double[] row(Data d, int i, List<String> features) {
		double[] x = new double[features.size()];
		for (int j = 0; j < x.length; j++) x[j] = d.x()[i][d.features().indexOf(features.get(j))];
		return x;
	}

	/**
	 * The training patients: per stratum (positive/event or not) a seeded shuffle, the first round(fraction × size)
	 * to training, at least one patient of each stratum on each side when the stratum has two.
	 */
	static Set<String> split(List<String> patients, Map<String, Boolean> stratum, double fraction, SplittableRandom r) {
		Set<String> train = new LinkedHashSet<>();
		for (boolean s : new boolean[] { true, false }) {
			List<String> group = new ArrayList<>();
			for (String p : patients) if (stratum.get(p) == s) group.add(p);
			shuffle(group, r);
			int m = (int) Math.round(fraction * group.size());
			if (group.size() >= 2) m = Math.max(1, Math.min(group.size() - 1, m));
			train.addAll(group.subList(0, m));
		}
		return train;
	}

	/** Patients dealt into k folds, stratified: each stratum shuffled and dealt in turn, continuing where the last left off. */
	static Map<String, Integer> patientFolds(List<String> patients, Map<String, Boolean> stratum, int k, SplittableRandom r) {
		Map<String, Integer> fold = new LinkedHashMap<>();
		int next = 0;
		for (boolean s : new boolean[] { true, false }) {
			List<String> group = new ArrayList<>();
			for (String p : patients) if (stratum.get(p) == s) group.add(p);
			shuffle(group, r);
			for (String p : group) fold.put(p, (next++ % k) + 1);
		}
		return fold;
	}

	private static void shuffle(List<String> l, SplittableRandom r) {
		for (int i = l.size() - 1; i > 0; i--) java.util.Collections.swap(l, i, r.nextInt(i + 1));
	}

	// ------------------------------------------------------------------------------------------------------------ fit

	/** Selection and model on the rows {@code tr} only. */
	static Fitted fit(Data d, int[] tr, Map<String, double[][]> perturbed, SignatureOptions o, SplittableRandom r, List<String> notes) {
		List<Step> steps = new ArrayList<>();
		int p = d.features().size();
		List<Integer> cols = new ArrayList<>();
		for (int j = 0; j < p; j++) cols.add(j);
		// 1. usable: every training value finite, not constant
		Map<String, String> dropped = new LinkedHashMap<>();
		List<Integer> kept = new ArrayList<>();
		for (int j : cols) {
			int missing = 0;
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (int i : tr) {
				double v = d.x()[i][j];
				if (!Double.isFinite(v)) missing++;
				else {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
			}
			if (missing > 0) dropped.put(d.features().get(j), missing + " training row(s) without a finite value");
			else if (!(hi > lo)) dropped.put(d.features().get(j), "constant on the training rows (" + lo + ")");
			else kept.add(j);
		}
		steps.add(step("usable", "finite and not constant on the training rows", d, kept, dropped, Map.of()));
		cols = kept;
		// 2. reproducibility
		if (!perturbed.isEmpty()) {
			dropped = new LinkedHashMap<>();
			kept = new ArrayList<>();
			Map<String, Double> values = new LinkedHashMap<>();
			for (int j : cols) {
				double worst = Double.POSITIVE_INFINITY;
				for (Map.Entry<String, double[][]> e : perturbed.entrySet()) {
					List<double[]> pairs = new ArrayList<>();
					for (int i : tr) if (Double.isFinite(e.getValue()[i][j])) pairs.add(new double[] { d.x()[i][j], e.getValue()[i][j] });
					double a = agreement(pairs, o.agreement());
					worst = Double.isNaN(a) ? Double.NaN : Math.min(worst, a);
					if (Double.isNaN(worst)) break;
				}
				values.put(d.features().get(j), worst);
				if (worst >= o.reproducibility()) kept.add(j);
				else dropped.put(d.features().get(j), o.agreement() + " " + fmt(worst) + " < " + o.reproducibility() + (Double.isNaN(worst) ? " (undefined: fewer than 2 pairs or no variance)" : ""));
			}
			steps.add(step("reproducibility", o.agreement() + " >= " + o.reproducibility() + " against " + perturbed.keySet() + " (training rows)", d, kept, dropped, values));
			cols = kept;
		}
		// 3. redundancy
		if (o.redundancy() > 0 && cols.size() > 1) {
			List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
			double[][] v = new double[tr.length][cols.size()];
			List<String> names = new ArrayList<>();
			for (int j : cols) names.add(d.features().get(j));
			for (int a = 0; a < tr.length; a++) {
				lesions.add(new FeatureMatrix.Lesion(d.patients().get(tr[a]), a, ""));
				for (int b = 0; b < cols.size(); b++) v[a][b] = d.x()[tr[a]][cols.get(b)];
			}
			FeatureSelection.Decorrelation dec = FeatureSelection.decorrelate(new FeatureMatrix(lesions, names, v), o.correlation(), o.redundancy(), 0,
					FeatureSelection.DEFAULT_PREFERENCES);
			Set<String> sel = new LinkedHashSet<>(dec.selected());
			dropped = new LinkedHashMap<>();
			kept = new ArrayList<>();
			for (int a = 0; a < dec.features.size(); a++) {
				String f = dec.features.get(a);
				if (sel.contains(f)) continue;
				String rep = null;
				for (int b = 0; b < dec.features.size(); b++) if (dec.cluster[b] == dec.cluster[a] && dec.representative[b]) rep = dec.features.get(b);
				dropped.put(f, "cluster " + dec.cluster[a] + ", represented by " + rep);
			}
			for (int j : cols) if (sel.contains(d.features().get(j))) kept.add(j);
			steps.add(step("redundancy", o.correlation().name().toLowerCase(Locale.ROOT) + " |r| >= " + o.redundancy() + ": one feature per cluster", d, kept, dropped, Map.of()));
			cols = kept;
		}
		// 4. univariate ranking and top-k
		if (o.topK() > 0) {
			Map<String, Double> values = new LinkedHashMap<>();
			double[] strength = new double[p];
			for (int j : cols) {
				double[] x = new double[tr.length];
				for (int a = 0; a < tr.length; a++) x[a] = d.x()[tr[a]][j];
				double u;
				if (d.survival()) {
					double[] t = new double[tr.length];
					boolean[] e = new boolean[tr.length];
					for (int a = 0; a < tr.length; a++) {
						t[a] = d.time()[tr[a]];
						e[a] = d.event()[tr[a]];
					}
					u = lesionradiomics.outcome.Concordance.harrell(t, e, x).c();
				} else {
					boolean[] y = new boolean[tr.length];
					for (int a = 0; a < tr.length; a++) y[a] = d.y()[tr[a]];
					u = Roc.auc(x, y);
				}
				values.put(d.features().get(j), u);
				strength[j] = Double.isNaN(u) ? -1 : Math.abs(u - 0.5);
			}
			List<Integer> ranked = new ArrayList<>(cols);
			ranked.sort(Comparator.comparingDouble((Integer j) -> -strength[j]).thenComparing(j -> d.features().get(j)));
			kept = new ArrayList<>(ranked.subList(0, Math.min(o.topK(), ranked.size())));
			dropped = new LinkedHashMap<>();
			for (int a = kept.size(); a < ranked.size(); a++)
				dropped.put(d.features().get(ranked.get(a)), "rank " + (a + 1) + " (" + (d.survival() ? "C " : "AUC ") + fmt(values.get(d.features().get(ranked.get(a)))) + ")");
			steps.add(step("ranking", "top " + o.topK() + " by |" + (d.survival() ? "Harrell's C" : "AUC") + " - 0.5| on the training rows", d, kept, dropped, values));
			cols = kept;
		}
		List<String> names = new ArrayList<>();
		for (int j : cols) names.add(d.features().get(j));
		if (cols.isEmpty()) return empty(o, steps, "no feature is left after selection");
		double[][] x = new double[tr.length][cols.size()];
		double[] min = new double[cols.size()], max = new double[cols.size()];
		Arrays.fill(min, Double.POSITIVE_INFINITY);
		Arrays.fill(max, Double.NEGATIVE_INFINITY);
		for (int a = 0; a < tr.length; a++)
			for (int b = 0; b < cols.size(); b++) {
				x[a][b] = d.x()[tr[a]][cols.get(b)];
				min[b] = Math.min(min[b], x[a][b]);
				max[b] = Math.max(max[b], x[a][b]);
			}
		boolean[] y = d.survival() ? null : new boolean[tr.length], ev = d.survival() ? new boolean[tr.length] : null;
		double[] time = d.survival() ? new double[tr.length] : null;
		int positives = 0;
		for (int a = 0; a < tr.length; a++) {
			if (d.survival()) {
				time[a] = d.time()[tr[a]];
				ev[a] = d.event()[tr[a]];
				if (ev[a]) positives++;
			} else {
				y[a] = d.y()[tr[a]];
				if (y[a]) positives++;
			}
		}
		if (positives == 0 || positives == tr.length && !d.survival())
			return empty(o, steps, "the training rows have one class only (" + positives + " of " + tr.length + " positive)");
		if (positives == 0) return empty(o, steps, "no event in the training rows");
		if (positives < cols.size()) notes.add("training rows: " + positives + (d.survival() ? " events" : " positives") + " for " + cols.size()
				+ " candidate features (fewer events than features: the penalty or the forest must carry the fit)");
		Fitted f = switch (o.model()) {
		case LASSO -> lasso(d, tr, x, y, time, ev, names, min, max, o, r, steps, notes);
		case LOGISTIC -> logistic(x, y, names, min, max, o, steps);
		case FOREST -> forest(x, y, names, min, max, o, r, steps);
		};
		return f;
	}

	private static Fitted empty(SignatureOptions o, List<Step> steps, String reason) {
		return new Fitted(o.model(), List.of(), 0, new double[0], null, null, List.of(), Double.NaN, Double.NaN, steps, new double[0], new double[0], reason);
	}

	private static Step step(String name, String rule, Data d, List<Integer> kept, Map<String, String> dropped, Map<String, Double> values) {
		List<String> k = new ArrayList<>();
		for (int j : kept) k.add(d.features().get(j));
		return new Step(name, rule, k, dropped, values);
	}

	static double agreement(List<double[]> pairs, String method) {
		if (pairs.size() < 2) return Double.NaN;
		if (method.equalsIgnoreCase("ccc")) {
			double[] a = new double[pairs.size()], b = new double[pairs.size()];
			for (int i = 0; i < a.length; i++) {
				a[i] = pairs.get(i)[0];
				b[i] = pairs.get(i)[1];
			}
			return Concordance.ccc(a, b);
		}
		return IntraclassCorrelation.of(IntraclassCorrelation.Form.parse(method), pairs.toArray(new double[0][]));
	}

	private static Fitted lasso(Data d, int[] tr, double[][] x, boolean[] y, double[] time, boolean[] ev, List<String> names, double[] min, double[] max,
			SignatureOptions o, SplittableRandom r, List<Step> steps, List<String> notes) {
		ElasticNet.Settings s = ElasticNet.Settings.of(o.alpha());
		ElasticNetCv.Result cv;
		int k = 0;
		if (o.fixedLambda() > 0) { // the user's λ: the path on the training rows, no cross-validation
			try {
				ElasticNet.Path path = d.survival() ? ElasticNet.cox(x, time, ev, s) : ElasticNet.binomial(x, y, s);
				double[] nan = new double[path.size()];
				Arrays.fill(nan, Double.NaN);
				cv = new ElasticNetCv.Result(path, nan, nan.clone(), 0, 0, true, List.of());
			} catch (IllegalArgumentException e) {
				return new Fitted(o.model(), List.of(), 0, new double[0], null, null, names, Double.NaN, Double.NaN, steps, min, max, "elastic net: " + e.getMessage());
			}
		} else {
			// inner folds by patient, so λ is never chosen on a lesion whose sibling trained the fold's model
			List<String> patients = new ArrayList<>();
			for (int i : tr) if (!patients.contains(d.patients().get(i))) patients.add(d.patients().get(i));
			int[] foldId = new int[tr.length];
			k = Math.min(o.innerFolds(), patients.size());
			if (k >= 3) {
				Map<String, Boolean> stratum = new LinkedHashMap<>();
				for (int a = 0; a < tr.length; a++) stratum.merge(d.patients().get(tr[a]), d.survival() ? ev[a] : y[a], Boolean::logicalOr);
				Map<String, Integer> fold = patientFolds(patients, stratum, k, r);
				for (int a = 0; a < tr.length; a++) foldId[a] = fold.get(d.patients().get(tr[a]));
			} else {
				k = Math.min(o.innerFolds(), tr.length);
				if (k < 3) return new Fitted(o.model(), List.of(), 0, new double[0], null, null, names, Double.NaN, Double.NaN, steps, min, max,
						tr.length + " training rows: the λ cross-validation needs at least 3");
				foldId = ElasticNetCv.folds(tr.length, k, r);
				notes.add("the λ cross-validation has " + patients.size() + " training patient(s): its " + k + " folds are by row, not by patient");
			}
			try {
				cv = d.survival() ? ElasticNetCv.cox(x, time, ev, foldId, s, true, o.threads()) : ElasticNetCv.binomial(x, y, foldId, s, true, o.threads());
			} catch (IllegalArgumentException e) {
				return new Fitted(o.model(), List.of(), 0, new double[0], null, null, names, Double.NaN, Double.NaN, steps, min, max, "elastic net: " + e.getMessage()
						+ (d.survival() ? " (too few training events for a " + k + "-fold λ cross-validation: fewer inner folds, or a fixed λ)" : ""));
			}
		}
		double lambda = o.fixedLambda() > 0 ? o.fixedLambda() : o.lambda() == SignatureOptions.LambdaRule.MIN ? cv.lambdaMin() : cv.lambda1se();
		double[] c = cv.fit().coefficientsAt(lambda);
		List<String> used = new ArrayList<>();
		List<Double> beta = new ArrayList<>();
		List<Double> mn = new ArrayList<>(), mx = new ArrayList<>();
		Map<String, String> dropped = new LinkedHashMap<>();
		Map<String, Double> values = new LinkedHashMap<>();
		for (int j = 0; j < names.size(); j++) {
			values.put(names.get(j), c[j + 1]);
			if (c[j + 1] != 0) {
				used.add(names.get(j));
				beta.add(c[j + 1]);
				mn.add(min[j]);
				mx.add(max[j]);
			} else dropped.put(names.get(j), "coefficient 0 at λ = " + fmt(lambda));
		}
		steps.add(new Step("elastic net", "α = " + o.alpha() + (o.fixedLambda() > 0 ? ", λ = " + fmt(lambda) + " (given, no CV)" : ", λ."
				+ (o.lambda() == SignatureOptions.LambdaRule.MIN ? "min" : "1se") + " = " + fmt(lambda) + " of a " + k + "-fold CV on the training rows"), used, dropped,
				values));
		double[] b = beta.stream().mapToDouble(Double::doubleValue).toArray();
		String reason = used.isEmpty() ? "the elastic net at λ = " + fmt(lambda) + " keeps no feature (the CV prefers the null model)" : null;
		Fitted f = new Fitted(o.model(), used, d.survival() ? 0 : c[0], b, null, cv, names, lambda, Double.NaN, steps,
				mn.stream().mapToDouble(Double::doubleValue).toArray(), mx.stream().mapToDouble(Double::doubleValue).toArray(), reason);
		return withThreshold(f, x, names, y, time);
	}

	private static Fitted logistic(double[][] x, boolean[] y, List<String> names, double[] min, double[] max, SignatureOptions o, List<Step> steps) {
		LogisticRegression.Fit fit = LogisticRegression.fit(x, y);
		double[] b = fit.ok() ? Arrays.copyOfRange(fit.coefficients(), 1, fit.coefficients().length) : new double[names.size()];
		String reason = fit.ok() ? null : "logistic regression: " + fit.reason() + (x.length <= names.size() + 1 ? " (select fewer features: --top-k)" : "");
		if (reason == null) for (double v : fit.coefficients()) if (!Double.isFinite(v) || Math.abs(v) > 1e6) reason = "logistic regression: coefficients diverge (separation)";
		Fitted f = new Fitted(o.model(), names, fit.ok() ? fit.coefficients()[0] : 0, b, null, null, List.of(), Double.NaN, Double.NaN, steps, min, max, reason);
		return withThreshold(f, x, names, y, null);
	}

	private static Fitted forest(double[][] x, boolean[] y, List<String> names, double[] min, double[] max, SignatureOptions o, SplittableRandom r,
			List<Step> steps) {
		RandomForest rf = RandomForest.fit(x, y, new RandomForest.Settings(o.trees(), 0, 1, r.nextLong(), true), o.threads());
		Fitted f = new Fitted(o.model(), names, 0, new double[0], rf, null, List.of(), Double.NaN, Double.NaN, steps, min, max, null);
		return withThreshold(f, x, names, y, null);
	}

	/**
	 * The training threshold: Youden's on the training scores (for a forest on the out-of-bag probabilities, since
	 * in-bag training scores are near perfect); survival: the median training risk.
	 */
	private static Fitted withThreshold(Fitted f, double[][] x, List<String> names, boolean[] y, double[] time) {
		if (f.reason() != null) return f;
		double[] s = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			double[] row = new double[f.features().size()];
			for (int j = 0; j < row.length; j++) row[j] = x[i][names.indexOf(f.features().get(j))];
			s[i] = f.score(row);
		}
		double t;
		if (y == null) {
			double[] sorted = s.clone();
			Arrays.sort(sorted);
			int m = sorted.length;
			t = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
		} else {
			double[] use = f.kind() == SignatureOptions.Model.FOREST ? f.forest().oobProbability() : s;
			List<Integer> ok = new ArrayList<>();
			for (int i = 0; i < use.length; i++) if (Double.isFinite(use[i])) ok.add(i);
			double[] u = new double[ok.size()];
			boolean[] yy = new boolean[ok.size()];
			for (int a = 0; a < u.length; a++) {
				u[a] = use[ok.get(a)];
				yy[a] = y[ok.get(a)];
			}
			boolean both = false;
			for (boolean b : yy) if (b != yy[0]) both = true;
			t = both ? Roc.of(u, yy).threshold() : f.kind() == SignatureOptions.Model.FOREST ? 0.5 : 0;
			if (Double.isInfinite(t)) t = f.kind() == SignatureOptions.Model.FOREST ? 0.5 : 0;
		}
		return new Fitted(f.kind(), f.features(), f.intercept(), f.beta(), f.forest(), f.cv(), f.cvFeatures(), f.lambda(), t, f.steps(), f.min(), f.max(), null);
	}

	// -------------------------------------------------------------------------------------------------------- metrics

	static Metrics metrics(String name, Data d, int[] rows, double[] score, Fitted f) {
		double[] t = new double[d.rows()];
		Arrays.fill(t, f.threshold());
		return metrics(name, d, rows, score, f, t);
	}

	/** Metrics of the rows' scores; {@code threshold} per row (CV: each fold's own training threshold). */
	static Metrics metrics(String name, Data d, int[] rows, double[] score, Fitted f, double[] threshold) {
		List<Integer> ok = new ArrayList<>();
		int pos = 0;
		for (int i : rows) {
			if (d.survival() ? d.event()[i] : d.y()[i]) pos++;
			if (Double.isFinite(score[i])) ok.add(i);
		}
		int m = ok.size();
		if (m == 0) return new Metrics(name, rows.length, pos, 0, null, Double.NaN, Double.NaN, null, Double.NaN, Map.of(), Double.NaN,
				rows.length == 0 ? "no rows" : f.reason() != null ? f.reason() : "no row could be scored (a model feature is missing)");
		double[] s = new double[m];
		for (int a = 0; a < m; a++) s[a] = score[ok.get(a)];
		if (d.survival()) {
			double[] t = new double[m];
			boolean[] e = new boolean[m];
			String[] group = new String[m];
			int events = 0;
			for (int a = 0; a < m; a++) {
				t[a] = d.time()[ok.get(a)];
				e[a] = d.event()[ok.get(a)];
				if (e[a]) events++;
				group[a] = s[a] > threshold[ok.get(a)] ? "high" : "low";
			}
			double c = events == 0 ? Double.NaN : lesionradiomics.outcome.Concordance.harrell(t, e, s).c();
			Map<String, KaplanMeier.Curve> km = new LinkedHashMap<>();
			for (String g : List.of("low", "high")) {
				List<Integer> in = new ArrayList<>();
				for (int a = 0; a < m; a++) if (group[a].equals(g)) in.add(a);
				if (in.isEmpty()) continue;
				double[] gt = new double[in.size()];
				boolean[] ge = new boolean[in.size()];
				for (int b = 0; b < gt.length; b++) {
					gt[b] = t[in.get(b)];
					ge[b] = e[in.get(b)];
				}
				km.put(g, KaplanMeier.fit(gt, ge));
			}
			double p = Double.NaN;
			String reason = events == 0 ? "no event" : null;
			if (km.size() == 2 && events > 0) p = LogRank.test(t, e, group, null).pValue();
			else if (reason == null) reason = "one risk group only: the log-rank test needs both";
			return new Metrics(name, rows.length, pos, m, null, Double.NaN, Double.NaN, null, c, km, p, reason);
		}
		boolean[] y = new boolean[m];
		int mp = 0;
		for (int a = 0; a < m; a++) {
			y[a] = d.y()[ok.get(a)];
			if (y[a]) mp++;
		}
		double tp = 0, tn = 0;
		for (int a = 0; a < m; a++) {
			boolean predicted = s[a] >= threshold[ok.get(a)];
			if (predicted && y[a]) tp++;
			if (!predicted && !y[a]) tn++;
		}
		double[] prob = new double[m];
		for (int a = 0; a < m; a++) prob[a] = f.probability(s[a]);
		Calibration cal = mp == 0 || mp == m ? null : Calibration.of(prob, y);
		Roc roc = mp == 0 || mp == m ? null : Roc.of(s, y);
		String reason = roc == null ? "one class only in this set (" + mp + " of " + m + " positive): no AUC or calibration" : null;
		return new Metrics(name, rows.length, pos, m, roc, mp == 0 ? Double.NaN : tp / mp, mp == m ? Double.NaN : tn / (m - mp), cal, Double.NaN, Map.of(),
				Double.NaN, reason);
	}

	// ----------------------------------------------------------------------------------------------------- model file

	/**
	 * The model as {@code score} applies it: a linear predictor b0 + Σ βj xj written in the file's min–max terms
	 * (coefficient βj (maxj − minj), intercept b0 + Σ βj minj, so score gives the same number), or the forest; the
	 * training threshold as the cut-off. Null when there is no model.
	 */
	static ScoreModel modelFile(Fitted f, Data d) {
		if (f.reason() != null || f.features().isEmpty()) return null;
		if (f.kind() == SignatureOptions.Model.FOREST) {
			return new ScoreModel(List.of(), 0, f.threshold(), new ScoreModel.Forest(f.features(), f.forest().trees()));
		}
		List<ScoreModel.Term> terms = new ArrayList<>();
		double intercept = f.intercept();
		for (int j = 0; j < f.features().size(); j++) {
			intercept += f.beta()[j] * f.min()[j];
			terms.add(new ScoreModel.Term(f.features().get(j), ScoreModel.Kind.FEATURE, f.features().get(j), "", f.min()[j], f.max()[j],
					f.beta()[j] * (f.max()[j] - f.min()[j]), false));
		}
		return new ScoreModel(terms, intercept, f.threshold());
	}

	/** The rows of a linear model file (the header of {@link ScoreModel#HEADER}), with a comment saying what made it. */
	public static List<List<String>> modelRows(ScoreModel m, String comment) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("# " + comment));
		out.add(ScoreModel.HEADER);
		out.add(List.of("intercept", "intercept", "", "", "", "", exact(m.intercept()), ""));
		for (ScoreModel.Term t : m.terms())
			out.add(List.of(t.name(), "feature", t.column(), "", exact(t.min()), exact(t.max()), exact(t.coefficient()), ""));
		if (m.hasCutoff()) out.add(List.of("cutoff", "cutoff", "", "", "", "", exact(m.cutoff()), ""));
		return out;
	}

	/** Shortest text that reads back as the same double. */
	static String exact(double v) {
		return Double.toString(v);
	}

	static String fmt(double v) {
		return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4g", v);
	}
}
