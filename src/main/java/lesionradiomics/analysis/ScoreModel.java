package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A linear lesion signature such as Sun et al. 2022's CD8-Rscore: score = intercept + Σ coefficient × term, with three
 * kinds of term:
 * <ul>
 * <li>feature: a feature column min–max normalised with the training minimum and maximum, (x − min)/(max − min);
 * values outside the training range stay outside unless the term says {@code clip};</li>
 * <li>category: 1 when a lesion-table column equals a level (e.g. {@code site=liver}), else 0;</li>
 * <li>covariate: a number from the lesion table or the patient table (e.g. the scan's kVp), used as it is.</li>
 * </ul>
 * A missing input gives a missing score with the reason, never a score computed as if the term were 0.
 *
 * @param terms     the terms, in file order
 * @param intercept the constant
 * @param cutoff    optional reference cut-off: a score at or above it is "high" (NaN when none)
 * @param forest    a tree ensemble instead of the linear terms (a JSON model file, as {@code signature} writes for a
 *                  random forest): the score is then the fraction of trees voting positive; null for a linear model
 */
public record ScoreModel(List<Term> terms, double intercept, double cutoff, Forest forest) {

	public enum Kind { FEATURE, CATEGORY, COVARIATE }

	/**
	 * @param name        label of the term (defaults to the column)
	 * @param column      the feature or lesion/patient table column
	 * @param level       the category's level (category terms only)
	 * @param min         training minimum (feature terms)
	 * @param max         training maximum (feature terms)
	 * @param clip        feature terms: clamp the normalised value to [0, 1]
	 */
	public record Term(String name, Kind kind, String column, String level, double min, double max, double coefficient, boolean clip) {}

	/** A lesion's score, or NaN with the reason. */
	public record Score(double value, String reason) {
		public boolean missing() { return Double.isNaN(value); }
	}

	/** The columns of the model file, in the order the documentation shows them. */
	public static final List<String> HEADER = List.of("term", "kind", "column", "level", "min", "max", "coefficient", "clip");

	/** A linear model. */
	public ScoreModel(List<Term> terms, double intercept, double cutoff) {
		this(terms, intercept, cutoff, null);
	}

	public ScoreModel {
		terms = List.copyOf(terms);
		if (forest != null && !terms.isEmpty()) throw new IllegalArgumentException("a forest model has no linear terms");
		if (forest == null && terms.isEmpty()) throw new IllegalArgumentException("the model has no feature, category or covariate term");
		if (!Double.isFinite(intercept)) throw new IllegalArgumentException("the intercept must be a finite number");
	}

	public boolean hasCutoff() {
		return !Double.isNaN(cutoff);
	}

	/**
	 * Parses a model table: a header naming at least {@code kind}, {@code column} and {@code coefficient} (any order;
	 * {@code term}, {@code level}, {@code min}, {@code max}, {@code clip} as needed), then one row per term. Kinds:
	 * {@code intercept} and {@code cutoff} (value in the coefficient column), {@code feature}, {@code category},
	 * {@code covariate}. Lines whose first field starts with {@code #} are comments. Errors name the line.
	 */
	public static ScoreModel parse(List<List<String>> rows) {
		List<List<String>> lines = new ArrayList<>();
		List<Integer> lineNumbers = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			if (r.isEmpty() || r.get(0).trim().startsWith("#") || r.stream().allMatch(String::isBlank)) continue;
			lines.add(r);
			lineNumbers.add(i + 1);
		}
		if (lines.isEmpty()) throw new IllegalArgumentException("empty model file");
		List<String> header = lines.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
		for (String required : List.of("kind", "column", "coefficient"))
			if (!header.contains(required))
				throw new IllegalArgumentException("the header needs the columns " + HEADER + " (at least kind, column, coefficient); it is " + header);
		List<Term> terms = new ArrayList<>();
		double intercept = Double.NaN, cutoff = Double.NaN;
		for (int r = 1; r < lines.size(); r++) {
			List<String> row = lines.get(r);
			String where = "line " + lineNumbers.get(r) + ": ";
			if (row.size() > header.size()) throw new IllegalArgumentException(where + row.size() + " fields, the header has " + header.size());
			Function<String, String> cell = name -> {
				int c = header.indexOf(name);
				return c < 0 || c >= row.size() ? "" : row.get(c).trim();
			};
			String kind = cell.apply("kind").toLowerCase(Locale.ROOT);
			double coefficient = number(cell.apply("coefficient"), where + "coefficient");
			switch (kind) {
			case "intercept":
				if (!Double.isNaN(intercept)) throw new IllegalArgumentException(where + "a second intercept");
				intercept = coefficient;
				continue;
			case "cutoff":
				if (!Double.isNaN(cutoff)) throw new IllegalArgumentException(where + "a second cutoff");
				cutoff = coefficient;
				continue;
			case "feature": case "category": case "covariate": break;
			default: throw new IllegalArgumentException(where + "kind '" + kind + "' is not intercept, feature, category, covariate or cutoff");
			}
			String column = cell.apply("column");
			if (column.isEmpty()) throw new IllegalArgumentException(where + "a " + kind + " term needs a column");
			String name = cell.apply("term").isEmpty() ? column : cell.apply("term");
			String level = cell.apply("level");
			double min = Double.NaN, max = Double.NaN;
			Kind k = Kind.valueOf(kind.toUpperCase(Locale.ROOT));
			if (k == Kind.FEATURE) {
				min = number(cell.apply("min"), where + "min (the training minimum of " + column + ")");
				max = number(cell.apply("max"), where + "max (the training maximum of " + column + ")");
				if (!(max > min)) throw new IllegalArgumentException(where + "max must be greater than min for " + column + " (" + min + ", " + max + ")");
			} else if (k == Kind.CATEGORY && level.isEmpty()) throw new IllegalArgumentException(where + "a category term needs a level (e.g. liver)");
			String clip = cell.apply("clip").toLowerCase(Locale.ROOT);
			if (!List.of("", "clip", "yes", "true", "no", "false").contains(clip))
				throw new IllegalArgumentException(where + "clip must be empty, clip/yes/true or no/false, is '" + clip + "'");
			terms.add(new Term(name, k, column, level, min, max, coefficient, List.of("clip", "yes", "true").contains(clip)));
		}
		if (Double.isNaN(intercept)) intercept = 0;
		return new ScoreModel(terms, intercept, cutoff);
	}

	private static double number(String text, String what) {
		try {
			double v = Double.parseDouble(text);
			if (Double.isFinite(v)) return v;
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(what + " must be a finite number, is '" + text + "'");
	}

	/** What a lesion offers the model. */
	public interface Inputs {
		/** A feature's value (NaN when the lesion has none). */
		double feature(String column);

		/** A lesion- or patient-table value, or null when neither table gives this lesion one. */
		String text(String column);
	}

	/**
	 * A classification forest as flat node arrays: a row goes left when x[feature] ≤ threshold; a leaf (feature −1)
	 * holds its positive fraction; a tree votes 1 above ½, 0 below, ½ at ½; the forest's value is the mean vote
	 * (Breiman 2001, as {@code model.RandomForest} predicts).
	 *
	 * @param features the feature columns, in the order the node arrays index them
	 */
	public record Forest(List<String> features, List<Tree> trees) {

		public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
			public double vote(double[] x) {
				return vote(value[leaf(feature, threshold, left, right, x)]);
			}

			/** The leaf row x reaches: left when x[feature] ≤ threshold, until a node whose feature is −1. */
			public static int leaf(int[] feature, double[] threshold, int[] left, int[] right, double[] x) {
				int node = 0;
				while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
				return node;
			}

			/** A tree's vote from its leaf's positive fraction: 1 above ½, 0 below, ½ for an evenly split leaf. */
			public static double vote(double leafFraction) {
				return leafFraction > 0.5 ? 1 : leafFraction < 0.5 ? 0 : 0.5;
			}
		}

		public Forest {
			features = List.copyOf(features);
			trees = List.copyOf(trees);
			if (features.isEmpty() || trees.isEmpty()) throw new IllegalArgumentException("a forest model needs features and trees");
			for (int t = 0; t < trees.size(); t++) {
				Tree tr = trees.get(t);
				int n = tr.feature().length;
				if (tr.threshold().length != n || tr.left().length != n || tr.right().length != n || tr.value().length != n || n == 0)
					throw new IllegalArgumentException("tree " + (t + 1) + ": the node arrays differ in length");
				for (int k = 0; k < n; k++)
					if (tr.feature()[k] >= features.size() || tr.feature()[k] >= 0
							&& (tr.left()[k] <= k || tr.right()[k] <= k || tr.left()[k] >= n || tr.right()[k] >= n))
						throw new IllegalArgumentException("tree " + (t + 1) + ", node " + k + ": a feature index or child out of range");
			}
		}

		public double probability(double[] x) {
			double v = 0;
			for (Tree t : trees) v += t.vote(x);
			return v / trees.size();
		}
	}

	/** The file format tag of a forest model file. */
	public static final String FOREST_FORMAT = "lesion-radiomics random forest";

	/** A forest model as JSON (doubles written exactly, so a read model predicts as the written one). */
	public String toJson() {
		if (forest == null) throw new IllegalStateException("a linear model is written as CSV");
		com.google.gson.JsonObject o = new com.google.gson.JsonObject();
		o.addProperty("format", FOREST_FORMAT);
		o.addProperty("version", 1);
		o.addProperty("score", "fraction of trees voting positive");
		if (hasCutoff()) o.addProperty("cutoff", cutoff);
		com.google.gson.JsonArray f = new com.google.gson.JsonArray();
		forest.features().forEach(f::add);
		o.add("features", f);
		com.google.gson.JsonArray trees = new com.google.gson.JsonArray();
		for (Forest.Tree t : forest.trees()) { // explicit arrays, not record reflection: Fiji's Gson may predate records
			com.google.gson.JsonObject j = new com.google.gson.JsonObject();
			com.google.gson.JsonArray feature = new com.google.gson.JsonArray(), threshold = new com.google.gson.JsonArray(),
					left = new com.google.gson.JsonArray(), right = new com.google.gson.JsonArray(), value = new com.google.gson.JsonArray();
			for (int k = 0; k < t.feature().length; k++) {
				feature.add(t.feature()[k]);
				threshold.add(t.threshold()[k]);
				left.add(t.left()[k]);
				right.add(t.right()[k]);
				value.add(t.value()[k]);
			}
			j.add("feature", feature);
			j.add("threshold", threshold);
			j.add("left", left);
			j.add("right", right);
			j.add("value", value);
			trees.add(j);
		}
		o.add("trees", trees);
		return new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(o);
	}

	/** Reads a forest model file written by {@link #toJson()}; errors say what is wrong. */
	public static ScoreModel parseForest(String json) {
		try {
			com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
			if (!o.has("format") || !FOREST_FORMAT.equals(o.get("format").getAsString()))
				throw new IllegalArgumentException("a JSON model file must have \"format\": \"" + FOREST_FORMAT + "\"");
			List<String> features = new ArrayList<>();
			o.getAsJsonArray("features").forEach(e -> features.add(e.getAsString()));
			List<Forest.Tree> trees = new ArrayList<>();
			for (com.google.gson.JsonElement e : o.getAsJsonArray("trees")) {
				com.google.gson.JsonObject j = e.getAsJsonObject();
				for (String key : List.of("feature", "threshold", "left", "right", "value"))
					if (!j.has(key)) throw new IllegalArgumentException("tree " + (trees.size() + 1) + " lacks its '" + key + "' array");
				int n = j.getAsJsonArray("feature").size();
				int[] feature = new int[n], left = new int[n], right = new int[n];
				double[] threshold = new double[n], value = new double[n];
				for (int k = 0; k < n; k++) {
					feature[k] = j.getAsJsonArray("feature").get(k).getAsInt();
					left[k] = j.getAsJsonArray("left").get(k).getAsInt();
					right[k] = j.getAsJsonArray("right").get(k).getAsInt();
					threshold[k] = j.getAsJsonArray("threshold").get(k).getAsDouble();
					value[k] = j.getAsJsonArray("value").get(k).getAsDouble();
				}
				trees.add(new Forest.Tree(feature, threshold, left, right, value));
			}
			return new ScoreModel(List.of(), 0, o.has("cutoff") ? o.get("cutoff").getAsDouble() : Double.NaN, new Forest(features, trees));
		} catch (RuntimeException e) {
			if (e instanceof IllegalArgumentException) throw e;
			throw new IllegalArgumentException("not a forest model file (" + e.getMessage() + ")");
		}
	}

	/** The feature columns the model reads. */
	public List<String> featureColumns() {
		if (forest != null) return forest.features();
		return terms.stream().filter(t -> t.kind() == Kind.FEATURE).map(Term::column).toList();
	}

	/** The score of one lesion; missing (NaN) with the reason when an input is missing or not a number. */
	public Score score(Inputs in) {
		if (forest != null) {
			double[] x = new double[forest.features().size()];
			for (int j = 0; j < x.length; j++) {
				x[j] = in.feature(forest.features().get(j));
				if (!Double.isFinite(x[j])) return new Score(Double.NaN, "feature " + forest.features().get(j) + " is missing");
			}
			return new Score(forest.probability(x), null);
		}
		double s = intercept;
		for (Term t : terms) {
			double x;
			switch (t.kind()) {
			case FEATURE: {
				double v = in.feature(t.column());
				if (!Double.isFinite(v)) return new Score(Double.NaN, "feature " + t.column() + " is missing");
				x = (v - t.min()) / (t.max() - t.min());
				if (t.clip()) x = Math.max(0, Math.min(1, x));
				break;
			}
			case CATEGORY: {
				String v = in.text(t.column());
				if (v == null || v.isBlank()) return new Score(Double.NaN, t.column() + " is missing");
				x = v.trim().equalsIgnoreCase(t.level()) ? 1 : 0;
				break;
			}
			default: {
				String v = in.text(t.column());
				if (v == null || v.isBlank()) return new Score(Double.NaN, "covariate " + t.column() + " is missing");
				try {
					x = Double.parseDouble(v.trim());
				} catch (NumberFormatException e) {
					return new Score(Double.NaN, "covariate " + t.column() + " = '" + v.trim() + "' is not a number");
				}
				if (!Double.isFinite(x)) return new Score(Double.NaN, "covariate " + t.column() + " is not finite");
			}
			}
			s += t.coefficient() * x;
		}
		return new Score(s, null);
	}
}
