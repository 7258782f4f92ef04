package lesionradiomics.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lesionradiomics.analysis.Aggregation;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.PatientMetrics;
import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.io.Csv;
import lesionradiomics.io.VolumeFormatException;

/**
 * Lesion scores of a linear model, then per patient the distribution (metrics) and the aggregates of the chosen lesion
 * variables. Lesions whose score cannot be computed keep their row with the reason; filtered lesions (volume, site)
 * are listed but left out of the patient values.
 */
public final class ScoreWorkflow {

	/** The lesion variable holding the model's score. */
	public static final String SCORE = "score";

	/** Where a lesion's volume (mm³) comes from, first found wins: pyradiomics' voxel volume, then its mesh volume. */
	public static final List<String> VOLUME_COLUMNS = List.of("original_shape_VoxelVolume", "original_shape_MeshVolume");

	/**
	 * @param volumeMl NaN when the table has no volume column
	 * @param score    NaN when there is no model or an input is missing
	 * @param reason   why the score is missing, or null
	 * @param used     whether the lesion enters the patient values (volume and site filters)
	 */
	public record LesionScore(FeatureMatrix.Lesion lesion, double volumeMl, double score, String reason, boolean used) {}

	/**
	 * @param lesions  lesions with a row in the table (all of them: filters only clear {@code used})
	 * @param used     lesions entering the patient values
	 * @param metrics  variable → metrics of each of its lesions' values
	 * @param aggregates variable → method → value
	 */
	public record Patient(String patient, int lesions, int used, Map<String, PatientMetrics.Metrics> metrics, Map<String, Map<Aggregation, Double>> aggregates) {}

	/**
	 * @param model     the model, or null when only features are described
	 * @param variables the described variables, in order
	 * @param notes     what the user should know (no volume column, missing scores)
	 */
	public record Result(ScoreOptions options, ScoreModel model, List<LesionScore> lesions, List<String> variables, List<Patient> patients, List<String> notes) {}

	private ScoreWorkflow() {}

	/** Reads a model file (null: no model): a linear model CSV, or a forest's JSON; errors name the file and the line. */
	public static ScoreModel readModel(Path file) throws IOException {
		if (file == null) return null;
		try {
			if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
				return ScoreModel.parseForest(java.nio.file.Files.readString(file));
			return ScoreModel.parse(Csv.read(file));
		} catch (IllegalArgumentException e) {
			throw new VolumeFormatException(file, e.getMessage());
		}
	}

	/**
	 * Reads the optional model file and patient table (null: none) and runs {@link #run(FeatureInput, ScoreModel, Map,
	 * ScoreOptions)}: the front ends' one call.
	 */
	public static Result run(FeatureInput in, Path model, Path patientTable, ScoreOptions o) throws IOException {
		return run(in, readModel(model), patientTable == null ? Map.of() : lesionradiomics.io.PatientTable.read(patientTable), o);
	}

	/**
	 * @param in           the lesion features (every feature of {@code in.full()} can feed the model; the default
	 *                     variables are {@code in.analysed()}'s)
	 * @param model        a linear model, or null
	 * @param patientTable patient → column → value for covariates (may be empty)
	 */
	public static Result run(FeatureInput in, ScoreModel model, Map<String, Map<String, String>> patientTable, ScoreOptions o) {
		FeatureMatrix full = in.full();
		List<String> notes = new ArrayList<>();
		if (model != null) check(model, full, patientTable);
		String volumeColumn = VOLUME_COLUMNS.stream().filter(full.features()::contains).findFirst().orElse(null);
		if (volumeColumn == null) {
			if (o.minVolumeMl() > 0)
				throw new IllegalArgumentException("min-volume-ml needs the lesion volumes, but the feature table has neither of " + VOLUME_COLUMNS);
			notes.add("the feature table has no volume column (" + String.join(" or ", VOLUME_COLUMNS)
					+ "): volume-weighted, largest and smallest aggregates are NaN");
		}
		List<String> variables = variables(o, model, in);

		List<LesionScore> scores = new ArrayList<>();
		int missing = 0;
		for (int i = 0; i < full.rows(); i++) {
			FeatureMatrix.Lesion l = full.lesions().get(i);
			double volumeMl = volumeColumn == null ? Double.NaN : full.get(i, full.features().indexOf(volumeColumn)) / 1000;
			boolean used = (o.minVolumeMl() == 0 || volumeMl >= o.minVolumeMl())
					&& (o.sites().isEmpty() || o.sites().stream().anyMatch(s -> s.equalsIgnoreCase(l.site())));
			ScoreModel.Score s = model == null ? new ScoreModel.Score(Double.NaN, "no model") : model.score(inputs(full, i, patientTable));
			if (model != null && s.missing()) missing++;
			scores.add(new LesionScore(l, volumeMl, s.value(), s.reason(), used));
		}
		if (missing > 0) notes.add(missing + " lesion(s) without a score (reasons in lesion_scores.csv)");
		if (model != null) notes.addAll(unseenLevels(model, full, patientTable));
		if (o.minVolumeMl() > 0 || !o.sites().isEmpty())
			notes.add(scores.stream().filter(LesionScore::used).count() + " of " + scores.size() + " lesions pass the filters"
					+ (o.minVolumeMl() > 0 ? " (volume >= " + o.minVolumeMl() + " mL)" : "") + (o.sites().isEmpty() ? "" : " (sites " + o.sites() + ")"));
		return new Result(o, model, scores, variables, patients(full, scores, variables, o), notes);
	}

	private static List<String> variables(ScoreOptions o, ScoreModel model, FeatureInput in) {
		if (o.variables().isEmpty()) {
			List<String> v = new ArrayList<>();
			if (model != null) v.add(SCORE);
			v.addAll(in.analysed().features());
			return v;
		}
		List<String> out = new ArrayList<>();
		for (String v : o.variables()) {
			if (v.equals(SCORE) && model == null) throw new IllegalArgumentException("the variable 'score' needs a model file (--model)");
			// a feature in any of its spellings, written as its column (FeatureNames)
			out.add(v.equals(SCORE) ? v : FeatureNames.resolve(v, in.full().features(), "--variables"));
		}
		return out;
	}

	/** Every column the model needs exists somewhere (a lesion without a value is a missing score, a missing column an error). */
	private static void check(ScoreModel model, FeatureMatrix m, Map<String, Map<String, String>> patientTable) {
		Set<String> annotations = new LinkedHashSet<>(List.of("site"));
		for (FeatureMatrix.Lesion l : m.lesions()) annotations.addAll(l.annotations().keySet());
		Set<String> patientColumns = new LinkedHashSet<>();
		patientTable.values().forEach(r -> patientColumns.addAll(r.keySet()));
		if (model.forest() != null)
			for (String f : model.forest().features())
				if (!m.features().contains(f)) throw new IllegalArgumentException("forest model: feature column " + f + " is not in the feature table");
		for (ScoreModel.Term t : model.terms()) {
			if (t.kind() == ScoreModel.Kind.FEATURE) {
				if (!m.features().contains(t.column()))
					throw new IllegalArgumentException("model term " + t.name() + ": feature column " + t.column() + " is not in the feature table"
							+ (t.column().startsWith(ExtractionWorkflow.RING_PREFIX) ? " (extract with --voi core,ring)" : ""));
			} else if (!annotations.contains(t.column()) && !patientColumns.contains(t.column()) && !m.features().contains(t.column()))
				throw new IllegalArgumentException("model term " + t.name() + ": column " + t.column() + " is in neither the lesion table " + annotations
						+ " nor the patient table " + patientColumns);
		}
	}

	/** Lesion i's values: features, then its lesion-table columns, then its patient's row. */
	/**
	 * A category level no lesion has (e.g. "Liver " or "hepatic" for "liver") scores every lesion as "not that level"
	 * without a word: said here, with the values the data has.
	 */
	static List<String> unseenLevels(ScoreModel model, FeatureMatrix m, Map<String, Map<String, String>> patientTable) {
		List<String> out = new ArrayList<>();
		for (ScoreModel.Term t : model.terms()) {
			if (t.kind() != ScoreModel.Kind.CATEGORY) continue;
			java.util.Set<String> values = new java.util.TreeSet<>();
			for (int i = 0; i < m.rows(); i++) {
				String v = inputs(m, i, patientTable).text(t.column());
				if (v != null && !v.isBlank()) values.add(v.trim());
			}
			if (values.stream().noneMatch(v -> v.equalsIgnoreCase(t.level())))
				out.add("model term " + t.name() + ": no lesion has " + t.column() + " = '" + t.level() + "' (the data has " + (values.isEmpty() ? "no value"
						: String.join(", ", values.stream().limit(10).toList())) + "); check the level's spelling");
		}
		return out;
	}

	private static ScoreModel.Inputs inputs(FeatureMatrix m, int i, Map<String, Map<String, String>> patientTable) {
		FeatureMatrix.Lesion l = m.lesions().get(i);
		return new ScoreModel.Inputs() {
			@Override
			public double feature(String column) {
				int c = m.features().indexOf(column);
				return c < 0 ? Double.NaN : m.get(i, c);
			}

			@Override
			public String text(String column) {
				if (column.equals("site")) return l.site();
				if (l.annotations().containsKey(column)) return l.annotations().get(column);
				Map<String, String> row = patientTable.get(l.patient());
				if (row != null && row.containsKey(column)) return row.get(column);
				int c = m.features().indexOf(column);
				return c < 0 || Double.isNaN(m.get(i, c)) ? null : Double.toString(m.get(i, c));
			}
		};
	}

	private static List<Patient> patients(FeatureMatrix m, List<LesionScore> scores, List<String> variables, ScoreOptions o) {
		Map<String, List<Integer>> all = new LinkedHashMap<>(), used = new LinkedHashMap<>();
		for (int i = 0; i < scores.size(); i++) {
			String p = scores.get(i).lesion().patient();
			all.computeIfAbsent(p, x -> new ArrayList<>()).add(i);
			used.computeIfAbsent(p, x -> new ArrayList<>());
			if (scores.get(i).used()) used.get(p).add(i);
		}
		Map<String, double[]> values = new LinkedHashMap<>(), range = new LinkedHashMap<>();
		for (String v : variables) {
			double[] x = new double[scores.size()];
			for (int i = 0; i < x.length; i++) x[i] = v.equals(SCORE) ? scores.get(i).score() : m.get(i, m.features().indexOf(v));
			values.put(v, x);
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY; // cohort-wide, over the lesions used
			for (int i = 0; i < x.length; i++)
				if (scores.get(i).used() && Double.isFinite(x[i])) {
					lo = Math.min(lo, x[i]);
					hi = Math.max(hi, x[i]);
				}
			range.put(v, new double[] { lo, hi });
		}
		List<Patient> out = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> e : used.entrySet()) {
			List<Integer> idx = e.getValue();
			double[] volumes = idx.stream().mapToDouble(i -> scores.get(i).volumeMl()).toArray();
			Map<String, PatientMetrics.Metrics> metrics = new LinkedHashMap<>();
			Map<String, Map<Aggregation, Double>> aggregates = new LinkedHashMap<>();
			for (String v : variables) {
				double[] x = idx.stream().mapToDouble(i -> values.get(v)[i]).toArray();
				for (int j = 0; j < x.length; j++) if (Double.isInfinite(x[j])) x[j] = Double.NaN; // an infinite feature is no value
				metrics.put(v, idx.isEmpty() ? PatientMetrics.of(x, 0, 0, o.entropyBins()).withReason(noLesionReason(o))
						: PatientMetrics.of(x, range.get(v)[0], range.get(v)[1], o.entropyBins()));
				Map<Aggregation, Double> agg = new LinkedHashMap<>();
				for (Aggregation a : o.aggregations()) agg.put(a, a.apply(x, volumes, o.k()));
				aggregates.put(v, agg);
			}
			out.add(new Patient(e.getKey(), all.get(e.getKey()).size(), idx.size(), metrics, aggregates));
		}
		return out;
	}

	private static String noLesionReason(ScoreOptions o) {
		return "no lesion passes the filters" + (o.minVolumeMl() > 0 ? " (volume >= " + o.minVolumeMl() + " mL)" : "")
				+ (o.sites().isEmpty() ? "" : " (sites " + o.sites() + ")");
	}
}
