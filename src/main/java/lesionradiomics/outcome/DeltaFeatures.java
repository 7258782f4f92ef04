package lesionradiomics.outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;

/**
 * Delta-radiomics between two time points (Dercle et al. 2020): a patient's lesions are matched by label value, or by
 * a {@code lesion_id} column of the lesion tables when both have one; for each matched lesion and feature the
 * difference F1 − F0 and the relative change (F1 − F0)/|F0| (NaN with the reason when F0 = 0). Lesions only at baseline
 * (disappeared) and only at follow-up (new) are listed.
 */
public final class DeltaFeatures {

	/** The lesion-table column that names the same lesion across time points. */
	public static final String LESION_ID = "lesion_id";

	/**
	 * @param baseline   the lesion at the first time point
	 * @param followUp   at the second
	 * @param difference F1 − F0 per feature
	 * @param relative   (F1 − F0)/|F0| per feature (NaN where F0 = 0 or a value is missing)
	 */
	public record Pair(String patient, String key, FeatureMatrix.Lesion baseline, FeatureMatrix.Lesion followUp, double[] difference, double[] relative) {}

	/**
	 * @param features     the features of both tables, in the baseline's order
	 * @param disappeared  baseline lesions with no match (patient/key)
	 * @param appeared     follow-up lesions with no match (new)
	 * @param notes        e.g. how many relative changes are undefined because F0 = 0
	 */
	public record Result(List<String> features, List<Pair> pairs, List<FeatureMatrix.Lesion> disappeared, List<FeatureMatrix.Lesion> appeared,
			List<String> notes) {}

	private DeltaFeatures() {}

	/** The key a lesion is matched by: its lesion_id when the tables have one, else its label. */
	static String key(FeatureMatrix.Lesion l, boolean byId) {
		return byId ? l.annotations().getOrDefault(LESION_ID, "") : Long.toString(l.label());
	}

	public static Result of(FeatureMatrix baseline, FeatureMatrix followUp) {
		List<String> features = new ArrayList<>();
		for (String f : baseline.features()) if (followUp.features().contains(f)) features.add(f);
		int[] col0 = features.stream().mapToInt(baseline.features()::indexOf).toArray(), col1 = features.stream().mapToInt(followUp.features()::indexOf).toArray();
		boolean byId = !baseline.lesions().isEmpty() && baseline.lesions().stream().allMatch(l -> l.annotations().containsKey(LESION_ID))
				&& followUp.lesions().stream().allMatch(l -> l.annotations().containsKey(LESION_ID));
		Map<String, Integer> later = new LinkedHashMap<>();
		for (int i = 0; i < followUp.rows(); i++) {
			FeatureMatrix.Lesion l = followUp.lesions().get(i);
			if (later.put(l.patient() + "/" + key(l, byId), i) != null)
				throw new IllegalArgumentException("patient " + l.patient() + ": lesion " + key(l, byId) + " is listed twice at follow-up");
		}
		List<Pair> pairs = new ArrayList<>();
		List<FeatureMatrix.Lesion> disappeared = new ArrayList<>(), appeared = new ArrayList<>();
		java.util.Set<String> matched = new java.util.HashSet<>();
		int undefined = 0;
		for (int i = 0; i < baseline.rows(); i++) {
			FeatureMatrix.Lesion l = baseline.lesions().get(i);
			String k = l.patient() + "/" + key(l, byId);
			Integer j = later.get(k);
			if (j == null) {
				disappeared.add(l);
				continue;
			}
			matched.add(k);
			double[] diff = new double[features.size()], rel = new double[features.size()];
			for (int f = 0; f < features.size(); f++) {
				double f0 = baseline.get(i, col0[f]), f1 = followUp.get(j, col1[f]);
				diff[f] = f1 - f0;
				rel[f] = f0 == 0 ? Double.NaN : (f1 - f0) / Math.abs(f0);
				if (f0 == 0) undefined++;
			}
			pairs.add(new Pair(l.patient(), key(l, byId), l, followUp.lesions().get(j), diff, rel));
		}
		for (FeatureMatrix.Lesion l : followUp.lesions()) if (!matched.contains(l.patient() + "/" + key(l, byId))) appeared.add(l);
		List<String> notes = new ArrayList<>();
		notes.add("lesions matched by " + (byId ? "the " + LESION_ID + " column" : "label value"));
		if (undefined > 0) notes.add(undefined + " relative change(s) are NaN: the baseline value is 0 ((F1 - F0)/|F0| is undefined)");
		return new Result(features, pairs, disappeared, appeared, notes);
	}
}
