package lesionradiomics.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A way of picking some of a patient's lesions. Random strategies draw from the generator they are given (seeded per
 * patient, strategy and simulation by the caller), so results never depend on threads. The two per-site readings of
 * the reference study are distinct strategies with distinct names: {@link #fromOneSite} ("k from one site": one site
 * drawn at random, then up to k of its lesions; the study's RECIST-like with k = 2 excluding bone) and
 * {@link #perSiteAllSites} ("≤k per site, all sites": up to k lesions from every site, as RECIST practice).
 */
public interface Strategy {

	/** A short unique name for tables. */
	String name();

	/** Indices of the chosen lesions (distinct, any order). */
	int[] select(PatientLesions p, SplittableRandom random);

	/** False when the choice never depends on the random generator (computed once, not per simulation). */
	default boolean isRandom() { return true; }

	/** k lesions drawn at random without replacement (all when the patient has fewer). */
	static Strategy random(int k) {
		return named(k + " at random", (p, r) -> sample(all(p, null), k, r));
	}

	/** One of the patient's sites drawn at random (sites in {@code excluded} are never drawn), then up to k of its lesions. */
	static Strategy fromOneSite(int k, Set<String> excluded) {
		String name = k + " from one site" + (excluded.isEmpty() ? "" : " (excl. " + String.join(", ", excluded) + ")");
		return named(name, (p, r) -> {
			List<String> sites = new ArrayList<>(sitesOf(p, excluded));
			if (sites.isEmpty()) return new int[0];
			String site = sites.get(r.nextInt(sites.size()));
			return sample(all(p, site), k, r);
		});
	}

	/** Up to k lesions from every site (sites in {@code excluded} skipped), drawn at random within each site. */
	static Strategy perSiteAllSites(int k, Set<String> excluded) {
		String name = "<=" + k + " per site, all sites" + (excluded.isEmpty() ? "" : " (excl. " + String.join(", ", excluded) + ")");
		return named(name, (p, r) -> {
			List<Integer> out = new ArrayList<>();
			for (String site : sitesOf(p, excluded)) for (int i : sample(all(p, site), k, r)) out.add(i);
			return out.stream().mapToInt(Integer::intValue).toArray();
		});
	}

	/**
	 * RECIST 1.1 target lesions: measurable lesions only (longest in-plane diameter ≥ {@code minDiameter} mm, lymph nodes
	 * ≥ {@code minNode} mm), largest first, at most {@code maxPerOrgan} per organ and {@code maxTotal} in all.
	 * Deterministic (ties by label).
	 */
	static Strategy recist(int maxTotal, int maxPerOrgan, double minDiameter, double minNode) {
		return deterministic("RECIST 1.1 targets", p -> {
			Integer[] order = new Integer[p.size()];
			for (int i = 0; i < order.length; i++) order[i] = i;
			Arrays.sort(order, (a, b) -> {
				int c = Double.compare(p.diameter(b), p.diameter(a));
				return c != 0 ? c : Long.compare(p.labels[a], p.labels[b]);
			});
			Map<String, Integer> perOrgan = new LinkedHashMap<>();
			List<Integer> out = new ArrayList<>();
			for (int i : order) {
				double d = p.diameter(i);
				boolean node = p.site(i).toLowerCase(Locale.ROOT).replace(" ", "").contains("lymph");
				if (Double.isNaN(d) || d < (node ? minNode : minDiameter)) continue;
				if (perOrgan.getOrDefault(p.site(i), 0) >= maxPerOrgan) continue;
				perOrgan.merge(p.site(i), 1, Integer::sum);
				out.add(i);
				if (out.size() == maxTotal) break;
			}
			return out.stream().mapToInt(Integer::intValue).toArray();
		});
	}

	/** The k largest lesions (ties by label). */
	static Strategy largest(int k) {
		return deterministic(k + " largest", p -> {
			Integer[] order = new Integer[p.size()];
			for (int i = 0; i < order.length; i++) order[i] = i;
			Arrays.sort(order, (a, b) -> {
				double da = Double.isNaN(p.diameter(a)) ? -1 : p.diameter(a), db = Double.isNaN(p.diameter(b)) ? -1 : p.diameter(b);
				int c = Double.compare(db, da);
				return c != 0 ? c : Long.compare(p.labels[a], p.labels[b]);
			});
			return Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();
		});
	}

	/** Every lesion. */
	static Strategy exhaustive() {
		return deterministic("exhaustive", p -> all(p, null));
	}

	/** The lesions chosen by any of {@code parts} (a user-defined combination). */
	static Strategy union(String name, Strategy... parts) {
		boolean random = Arrays.stream(parts).anyMatch(Strategy::isRandom);
		Strategy s = named(name, (p, r) -> {
			Set<Integer> out = new TreeSet<>();
			for (Strategy part : parts) for (int i : part.select(p, r)) out.add(i);
			return out.stream().mapToInt(Integer::intValue).toArray();
		});
		return random ? s : deterministic(name, p -> s.select(p, null));
	}

	// --- helpers -----------------------------------------------------------------------------------------------

	interface Chooser { int[] choose(PatientLesions p, SplittableRandom r); }

	interface FixedChooser { int[] choose(PatientLesions p); }

	static Strategy named(String name, Chooser c) {
		return new Strategy() {
			@Override public String name() { return name; }
			@Override public int[] select(PatientLesions p, SplittableRandom r) { return c.choose(p, r); }
			@Override public String toString() { return name; }
		};
	}

	static Strategy deterministic(String name, FixedChooser c) {
		return new Strategy() {
			@Override public String name() { return name; }
			@Override public int[] select(PatientLesions p, SplittableRandom r) { return c.choose(p); }
			@Override public boolean isRandom() { return false; }
			@Override public String toString() { return name; }
		};
	}

	/** Indices of the lesions of {@code site} (all when null). */
	static int[] all(PatientLesions p, String site) {
		return java.util.stream.IntStream.range(0, p.size()).filter(i -> site == null || p.site(i).equals(site)).toArray();
	}

	/** The patient's sites in label order, without the excluded ones (case-insensitive). */
	static List<String> sitesOf(PatientLesions p, Set<String> excluded) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < p.size(); i++) {
			String s = p.site(i);
			boolean skip = excluded.stream().anyMatch(e -> e.equalsIgnoreCase(s));
			if (!skip && !out.contains(s)) out.add(s);
		}
		return out;
	}

	/** k of the candidates drawn without replacement (partial Fisher–Yates). */
	static int[] sample(int[] candidates, int k, SplittableRandom r) {
		int[] c = candidates.clone();
		int m = Math.min(k, c.length);
		for (int i = 0; i < m; i++) {
			int j = i + r.nextInt(c.length - i);
			int t = c[i];
			c[i] = c[j];
			c[j] = t;
		}
		return Arrays.copyOf(c, m);
	}
}
