package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Two patient groups for the rank-sum test: by lesion-count ranges, or by an explicit patient → group map. */
public final class PatientGroups {
	private final int[] first;
	private final int[] second;
	private final Map<String, String> explicit;

	/** Lesion-count ranges, inclusive; max -1 = no upper bound (study: 2–5 vs ≥ 15). */
	public PatientGroups(int min1, int max1, int min2, int max2) {
		first = new int[] { min1, max1 };
		second = new int[] { min2, max2 };
		explicit = null;
	}

	/** Explicit groups: the first two distinct group names (in patient order) are compared. */
	public PatientGroups(Map<String, String> patientGroup) {
		first = second = null;
		explicit = patientGroup;
	}

	/** Parses "2-5,15-" (two lesion-count ranges). */
	public static PatientGroups parse(String text) {
		String[] p = text.trim().split("\\s*,\\s*");
		if (p.length != 2) throw new IllegalArgumentException("groups are two lesion-count ranges like 2-5,15-; got '" + text + "'");
		int[][] r = new int[2][];
		for (int i = 0; i < 2; i++) {
			String[] ab = p[i].split("-", -1);
			try {
				int a = Integer.parseInt(ab[0].trim());
				int b = ab.length < 2 ? a : ab[1].trim().isEmpty() ? -1 : Integer.parseInt(ab[1].trim());
				r[i] = new int[] { a, b };
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("cannot read lesion-count range '" + p[i] + "' (use e.g. 2-5 or 15-)");
			}
		}
		return new PatientGroups(r[0][0], r[0][1], r[1][0], r[1][1]);
	}

	private static String describe(int[] r) {
		return r[1] < 0 ? ">= " + r[0] + " lesions" : r[0] + "-" + r[1] + " lesions";
	}

	/** {names, patients of group 1, patients of group 2}. */
	@SuppressWarnings("unchecked")
	public List<String>[] split(Map<String, Integer> lesionCount) {
		List<String> a = new ArrayList<>(), b = new ArrayList<>();
		String na, nb;
		if (explicit != null) {
			List<String> names = new ArrayList<>();
			for (String p : lesionCount.keySet()) {
				String g = explicit.get(p);
				if (g != null && !g.isEmpty() && !names.contains(g)) names.add(g);
			}
			if (names.size() < 2) throw new IllegalArgumentException("the group column defines fewer than two groups: " + names);
			na = names.get(0);
			nb = names.get(1);
			for (String p : lesionCount.keySet()) {
				if (na.equals(explicit.get(p))) a.add(p);
				if (nb.equals(explicit.get(p))) b.add(p);
			}
		} else {
			na = describe(first);
			nb = describe(second);
			lesionCount.forEach((p, n) -> {
				if (n >= first[0] && (first[1] < 0 || n <= first[1])) a.add(p);
				if (n >= second[0] && (second[1] < 0 || n <= second[1])) b.add(p);
			});
		}
		return new List[] { List.of(na, nb), a, b };
	}
}
