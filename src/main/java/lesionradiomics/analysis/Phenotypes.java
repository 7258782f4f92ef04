package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lesion phenotypes across a cohort (Haag et al. 2024): all lesions clustered on standardised features (z-scores over
 * the cohort, SD with n − 1, as {@link Dissimilarity.Scaler}), by hierarchical clustering of Euclidean distances (average or Ward linkage) or by k-means
 * (k-means++ starts, seeded, best of several), with k given or chosen by the mean silhouette; each patient's
 * composition (counts, distinct phenotypes, Shannon entropy in bits) measures inter-lesion heterogeneity.
 */
public final class Phenotypes {

	public enum Method { AVERAGE, WARD, KMEANS }

	/**
	 * @param labels      phenotype of each lesion, 1..k, numbered by first appearance in the dendrogram / lesion order
	 * @param silhouettes mean silhouette per tried k (index k), NaN where not tried
	 * @param order       lesions in display order (dendrogram leaves, or by phenotype)
	 * @param z           the standardised features (lesion × feature)
	 */
	public record Clustering(int k, int[] labels, double[] silhouettes, int[] order, double[][] z) {}

	private Phenotypes() {}

	/**
	 * @param k    clusters (0: choose the k in 2..kmax with the largest mean silhouette)
	 * @param seed k-means' seed (same seed, same clusters)
	 */
	public static Clustering cluster(FeatureMatrix x, Method method, int k, int kmax, long seed) {
		int n = x.rows();
		if (n < 3) throw new IllegalArgumentException("phenotypes need at least 3 lesions, found " + n);
		Dissimilarity.Scaler scaler = new Dissimilarity.Scaler(x, Dissimilarity.Scaling.ZSCORE); // the heterogeneity analysis' z-scores
		double[][] z = new double[n][];
		for (int i = 0; i < n; i++) z[i] = scaler.apply(x.row(i));
		double[][] d = new double[n][n];
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++) {
				double s = 0;
				for (int c = 0; c < z[i].length; c++) s += (z[i][c] - z[j][c]) * (z[i][c] - z[j][c]);
				d[i][j] = d[j][i] = Math.sqrt(s);
			}
		HierarchicalClustering tree = method == Method.KMEANS ? null
				: new HierarchicalClustering(d, method == Method.WARD ? HierarchicalClustering.Linkage.WARD : HierarchicalClustering.Linkage.AVERAGE);
		int top = Math.min(Math.max(2, kmax), n - 1);
		double[] sil = new double[top + 1];
		Arrays.fill(sil, Double.NaN);
		int[] best = null;
		int bestK = k;
		if (k > 0) {
			if (k > n) throw new IllegalArgumentException("k = " + k + " is more than the " + n + " lesions");
			best = tree != null ? tree.cutIntoClusters(k) : kMeans(z, k, seed);
			if (k >= 2 && k < n) sil[Math.min(k, top)] = silhouette(d, best);
		} else {
			double bestSil = Double.NEGATIVE_INFINITY;
			for (int kk = 2; kk <= top; kk++) {
				int[] l = tree != null ? tree.cutIntoClusters(kk) : kMeans(z, kk, seed);
				sil[kk] = silhouette(d, l);
				if (sil[kk] > bestSil + 1e-12) {
					bestSil = sil[kk];
					best = l;
					bestK = kk;
				}
			}
		}
		int[] order = tree != null ? tree.leafOrder() : byLabel(best);
		return new Clustering(bestK, renumber(best, order), sil, order, z);
	}

	/** Lesions sorted by cluster, then by index. */
	private static int[] byLabel(int[] labels) {
		Integer[] o = new Integer[labels.length];
		for (int i = 0; i < o.length; i++) o[i] = i;
		Arrays.sort(o, (a, b) -> labels[a] != labels[b] ? Integer.compare(labels[a], labels[b]) : Integer.compare(a, b));
		return Arrays.stream(o).mapToInt(Integer::intValue).toArray();
	}

	/** Labels 1..k in the order clusters first appear along {@code order}. */
	private static int[] renumber(int[] labels, int[] order) {
		Map<Integer, Integer> map = new LinkedHashMap<>();
		for (int i : order) map.putIfAbsent(labels[i], map.size() + 1);
		int[] out = new int[labels.length];
		for (int i = 0; i < out.length; i++) out[i] = map.get(labels[i]);
		return out;
	}

	/**
	 * Mean silhouette width (Rousseeuw 1987): (b − a)/max(a, b) per object, 0 for a singleton cluster. Clusters are
	 * numbered densely once, so each object's per-cluster sums are arrays, not maps (the sums add in the same order).
	 */
	public static double silhouette(double[][] d, int[] labels) {
		int n = labels.length;
		Map<Integer, Integer> dense = new LinkedHashMap<>();
		int[] cluster = new int[n];
		for (int i = 0; i < n; i++) cluster[i] = dense.computeIfAbsent(labels[i], l -> dense.size());
		int k = dense.size();
		double[] sums = new double[k];
		int[] counts = new int[k];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			Arrays.fill(sums, 0);
			Arrays.fill(counts, 0);
			double[] row = d[i];
			for (int j = 0; j < n; j++) {
				if (j == i) continue;
				sums[cluster[j]] += row[j];
				counts[cluster[j]]++;
			}
			int own = cluster[i];
			if (counts[own] == 0) continue; // singleton: 0
			double a = sums[own] / counts[own], b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++) if (c != own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
			sum += b == Double.POSITIVE_INFINITY ? 0 : (b - a) / Math.max(a, b);
		}
		return sum / n;
	}

	/** k-means (Lloyd) from k-means++ starts; the best of 10 starts by within-cluster sum of squares; seeded. */
	static int[] kMeans(double[][] z, int k, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int n = z.length, p = z[0].length;
		int[] best = null;
		double bestSse = Double.POSITIVE_INFINITY;
		for (int start = 0; start < 10; start++) {
			double[][] c = new double[k][];
			c[0] = z[random.nextInt(n)].clone();
			double[] dist = new double[n];
			for (int m = 1; m < k; m++) {
				double total = 0;
				for (int i = 0; i < n; i++) {
					double dm = Double.POSITIVE_INFINITY;
					for (int q = 0; q < m; q++) dm = Math.min(dm, sq(z[i], c[q]));
					total += dist[i] = dm;
				}
				double r = random.nextDouble() * total;
				int pick = n - 1;
				for (int i = 0; i < n; i++) if ((r -= dist[i]) <= 0) {
					pick = i;
					break;
				}
				c[m] = z[pick].clone();
			}
			int[] l = new int[n];
			for (int iter = 0; iter < 300; iter++) {
				boolean changed = false;
				for (int i = 0; i < n; i++) {
					int a = 0;
					double nearest = sq(z[i], c[0]);
					for (int q = 1; q < k; q++) {
						double dq = sq(z[i], c[q]);
						if (dq < nearest) {
							a = q;
							nearest = dq;
						}
					}
					if (a != l[i] || iter == 0) changed |= a != l[i];
					l[i] = a;
				}
				double[][] sum = new double[k][p];
				int[] count = new int[k];
				for (int i = 0; i < n; i++) {
					count[l[i]]++;
					for (int f = 0; f < p; f++) sum[l[i]][f] += z[i][f];
				}
				for (int q = 0; q < k; q++) if (count[q] > 0) for (int f = 0; f < p; f++) c[q][f] = sum[q][f] / count[q];
				if (!changed && iter > 0) break;
			}
			double sse = 0;
			for (int i = 0; i < n; i++) sse += sq(z[i], c[l[i]]);
			if (sse < bestSse - 1e-12) {
				bestSse = sse;
				best = l;
			}
		}
		return best;
	}

	private static double sq(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
		return s;
	}

	/** Adjusted Rand index of two partitions (Hubert and Arabie 1985): 1 for identical, about 0 for random. */
	public static double adjustedRandIndex(int[] a, int[] b) {
		Map<Integer, Map<Integer, Integer>> table = new LinkedHashMap<>();
		Map<Integer, Integer> ra = new LinkedHashMap<>(), rb = new LinkedHashMap<>();
		for (int i = 0; i < a.length; i++) {
			table.computeIfAbsent(a[i], x -> new LinkedHashMap<>()).merge(b[i], 1, Integer::sum);
			ra.merge(a[i], 1, Integer::sum);
			rb.merge(b[i], 1, Integer::sum);
		}
		double index = 0, sa = 0, sb = 0;
		for (Map<Integer, Integer> row : table.values()) for (int v : row.values()) index += choose2(v);
		for (int v : ra.values()) sa += choose2(v);
		for (int v : rb.values()) sb += choose2(v);
		double expected = sa * sb / choose2(a.length), max = (sa + sb) / 2;
		return max == expected ? 1 : (index - expected) / (max - expected);
	}

	private static double choose2(int n) {
		return n * (n - 1) / 2.0;
	}

	/** A patient's phenotype composition: counts per phenotype (1..k), distinct phenotypes, Shannon entropy (bits). */
	public record Composition(int[] counts, int distinct, double entropy) {}

	public static Composition composition(int[] labels, int k) {
		int[] counts = new int[k + 1];
		for (int l : labels) counts[l]++;
		int distinct = 0;
		double h = 0;
		for (int q = 1; q <= k; q++)
			if (counts[q] > 0) {
				distinct++;
				double p = (double) counts[q] / labels.length;
				h -= p * Math.log(p) / Math.log(2);
			}
		return new Composition(Arrays.copyOfRange(counts, 1, k + 1), distinct, h);
	}

	/** Lesion indexes per patient, in lesion order. */
	public static Map<String, List<Integer>> byPatient(List<String> patients) {
		Map<String, List<Integer>> out = new LinkedHashMap<>();
		for (int i = 0; i < patients.size(); i++) out.computeIfAbsent(patients.get(i), p -> new ArrayList<>()).add(i);
		return out;
	}
}
