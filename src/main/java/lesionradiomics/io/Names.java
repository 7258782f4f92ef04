package lesionradiomics.io;

import java.util.List;
import java.util.Locale;

/** Did-you-mean for names a user types (columns, sites, features, options): the nearest by edit distance. */
public final class Names {

	private Names() {}

	/** The candidate nearest to {@code name} by edit distance (case-insensitive), or null when none is near. */
	public static String closest(String name, List<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String c : candidates) {
			int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
			if (d < bestDistance) {
				bestDistance = d;
				best = c;
			}
		}
		return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
	}

	/** "; did you mean X?" for the nearest candidate, or "" when none is near. */
	public static String didYouMean(String name, List<String> candidates) {
		String c = closest(name, candidates);
		return c == null ? "" : "; did you mean " + c + "?";
	}

	/** Levenshtein distance. */
	public static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) prev[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++)
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}
}
