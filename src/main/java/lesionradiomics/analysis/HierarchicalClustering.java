package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative clustering on a distance matrix, with average linkage (UPGMA: the distance between two clusters is the
 * mean of the distances between their members) or Ward's minimum-variance linkage on Euclidean distances (R's
 * {@code ward.D2}, scipy's {@code ward}: Lance–Williams update of squared distances). Ties are broken by the lowest
 * cluster indices, so results are deterministic. Gives the merge history, the dendrogram leaf order and flat cuts (by
 * height or by cluster count).
 */
public final class HierarchicalClustering {

	/** One merge: clusters {@code left} and {@code right} (ids: 0..n-1 leaves, n.. merges in order) at {@code height}. */
	public static final class Merge {
		public final int left, right;
		public final double height;
		public final int size;

		Merge(int left, int right, double height, int size) {
			this.left = left;
			this.right = right;
			this.height = height;
			this.size = size;
		}
	}

	public enum Linkage { AVERAGE, WARD }

	private final int n;
	private final List<Merge> merges = new ArrayList<>();

	/** Average linkage of the {@code n} objects of a symmetric distance matrix. NaN distances are treated as the largest (1 for 1 − |r|). */
	public HierarchicalClustering(double[][] distance) {
		this(distance, Linkage.AVERAGE);
	}

	/** @param distance symmetric; Euclidean distances for Ward */
	public HierarchicalClustering(double[][] distance, Linkage linkage) {
		n = distance.length;
		double[][] d = new double[2 * n][2 * n];
		int[] size = new int[2 * n];
		boolean[] active = new boolean[2 * n];
		for (int i = 0; i < n; i++) {
			size[i] = 1;
			active[i] = true;
			for (int j = 0; j < n; j++) d[i][j] = Double.isNaN(distance[i][j]) ? Double.MAX_VALUE : distance[i][j];
		}
		for (int step = 0; step < n - 1; step++) {
			int bi = -1, bj = -1;
			double best = Double.POSITIVE_INFINITY;
			for (int i = 0; i < n + step; i++) {
				if (!active[i]) continue;
				for (int j = i + 1; j < n + step; j++)
					if (active[j] && d[i][j] < best) {
						best = d[i][j];
						bi = i;
						bj = j;
					}
			}
			int k = n + step;
			size[k] = size[bi] + size[bj];
			active[bi] = active[bj] = false;
			active[k] = true;
			for (int m = 0; m < k; m++) {
				if (!active[m]) continue;
				double v = linkage == Linkage.AVERAGE ? (d[bi][m] * size[bi] + d[bj][m] * size[bj]) / size[k]
						: Math.sqrt(Math.max(0, ((size[bi] + size[m]) * d[bi][m] * d[bi][m] + (size[bj] + size[m]) * d[bj][m] * d[bj][m]
								- size[m] * best * best) / (size[k] + size[m])));
				d[k][m] = d[m][k] = v;
			}
			merges.add(new Merge(bi, bj, best == Double.MAX_VALUE ? Double.POSITIVE_INFINITY : best, size[k]));
		}
	}

	public List<Merge> merges() { return merges; }

	/** Leaves in dendrogram order (left subtree first), for ordering heatmaps. */
	public int[] leafOrder() {
		int[] out = new int[n];
		if (n == 0) return out;
		int[] pos = { 0 };
		walk(n == 1 ? 0 : 2 * n - 2, out, pos);
		return out;
	}

	private void walk(int node, int[] out, int[] pos) {
		if (node < n) {
			out[pos[0]++] = node;
			return;
		}
		Merge m = merges.get(node - n);
		walk(m.left, out, pos);
		walk(m.right, out, pos);
	}

	/** Flat clusters joining every merge at height ≤ {@code height}; cluster numbers 1.. in order of first leaf. */
	public int[] cutAtHeight(double height) {
		int merged = 0;
		while (merged < merges.size() && merges.get(merged).height <= height) merged++;
		return labels(merged);
	}

	/** Exactly {@code k} flat clusters (1 ≤ k ≤ n). */
	public int[] cutIntoClusters(int k) {
		if (k < 1 || k > Math.max(1, n)) throw new IllegalArgumentException("cluster count must be between 1 and " + n);
		return labels(n - k);
	}

	/** Labels after the first {@code merged} merges (average and Ward heights are monotone, so that is a cut). */
	private int[] labels(int merged) {
		int[] parent = new int[2 * n];
		for (int i = 0; i < parent.length; i++) parent[i] = i;
		for (int s = 0; s < merged; s++) {
			Merge m = merges.get(s);
			parent[m.left] = n + s;
			parent[m.right] = n + s;
		}
		int[] root = new int[n];
		for (int i = 0; i < n; i++) {
			int r = i;
			while (parent[r] != r) r = parent[r];
			root[i] = r;
		}
		int[] label = new int[n];
		java.util.Map<Integer, Integer> ids = new java.util.HashMap<>();
		for (int i = 0; i < n; i++) label[i] = ids.computeIfAbsent(root[i], r -> ids.size() + 1);
		return label;
	}
}
