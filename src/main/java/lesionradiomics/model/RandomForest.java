package lesionradiomics.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import lesionradiomics.analysis.ScoreModel;

/**
 * A random forest of classification trees for a binary outcome, as Breiman (2001, Mach Learn 45:5) and R's
 * {@code randomForest} define it with its classification defaults: each tree grown on a bootstrap sample of the rows
 * (n draws with replacement) to purity (node size 1), each split the best Gini decrease among mtry = ⌊√p⌋ features drawn
 * afresh at the node, thresholds halfway between consecutive distinct values; the forest's probability is the fraction
 * of trees voting positive. Out-of-bag (OOB) error: each row classified by the majority vote of the trees that did not
 * see it. Permutation importance (randomForest's unscaled mean decrease in accuracy): per tree, OOB accuracy minus OOB
 * accuracy with the feature's OOB values permuted, averaged over trees. Gini importance: the total Gini decrease of
 * the splits on the feature, averaged over trees.
 * <p>
 * Reproducibility: tree t uses the t-th generator split from {@code SplittableRandom(seed)} in tree order before any
 * tree is grown, so the forest is the same at any thread count.
 */
public final class RandomForest {

	/**
	 * @param trees       number of trees (randomForest: 500)
	 * @param mtry        features tried per split, or 0 for ⌊√p⌋
	 * @param nodeSize    minimum size of a terminal node (randomForest classification: 1)
	 * @param seed        the forest's seed
	 * @param importance  whether to compute permutation importance (costs one OOB pass per feature and tree)
	 */
	public record Settings(int trees, int mtry, int nodeSize, long seed, boolean importance) {
		public Settings {
			if (trees < 1) throw new IllegalArgumentException("a forest needs at least one tree");
			if (mtry < 0 || nodeSize < 1) throw new IllegalArgumentException("mtry must be ≥ 0 and the node size ≥ 1");
		}

		public static Settings of(int trees, long seed) {
			return new Settings(trees, 0, 1, seed, true);
		}
	}

	/** One tree as flat arrays; leaf nodes have feature −1 and their positive fraction in {@code value}. */
	record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, boolean[] inBag, double[] permutationDrop, double[] giniDrop) {
		double predict(double[] x) {
			return value[ScoreModel.Forest.Tree.leaf(feature, threshold, left, right, x)];
		}

		/** The vote for row x with feature j's value replaced by v (permutation importance without copying the row). */
		double voteWith(double[] x, int j, double v) {
			int node = 0;
			while (feature[node] >= 0) {
				int f = feature[node];
				node = (f == j ? v : x[f]) <= threshold[node] ? left[node] : right[node];
			}
			return ScoreModel.Forest.Tree.vote(value[node]);
		}

		double vote(double[] x) {
			return ScoreModel.Forest.Tree.vote(predict(x));
		}
	}

	private final List<Tree> trees;
	private final int features;
	private final double oobError;
	private final double[] oobProbability;
	private final double[] permutationImportance, giniImportance;

	private RandomForest(List<Tree> trees, int features, double oobError, double[] oobProbability, double[] permutationImportance, double[] giniImportance) {
		this.trees = trees;
		this.features = features;
		this.oobError = oobError;
		this.oobProbability = oobProbability;
		this.permutationImportance = permutationImportance;
		this.giniImportance = giniImportance;
	}

	public int size() { return trees.size(); }

	/** The trees in forest order as a model file holds them (flat node arrays), walked as {@link #probability(double[])} walks them. */
	public List<ScoreModel.Forest.Tree> trees() {
		List<ScoreModel.Forest.Tree> out = new ArrayList<>();
		for (Tree t : trees) out.add(new ScoreModel.Forest.Tree(t.feature().clone(), t.threshold().clone(), t.left().clone(), t.right().clone(), t.value().clone()));
		return out;
	}
	/** OOB misclassification rate (rows never out of bag are left out). */
	public double oobError() { return oobError; }
	/** Per training row: fraction of its out-of-bag trees voting positive (NaN if never out of bag). */
	public double[] oobProbability() { return oobProbability.clone(); }
	/** Mean decrease in OOB accuracy per feature (NaN when not computed). */
	public double[] permutationImportance() { return permutationImportance.clone(); }
	/** Mean decrease in Gini impurity per feature (per tree, weighted by node size / n). */
	public double[] giniImportance() { return giniImportance.clone(); }

	/** Fraction of trees voting positive. */
	public double probability(double[] x) {
		if (x.length != features) throw new IllegalArgumentException("the forest was grown on " + features + " features, the row has " + x.length);
		double v = 0;
		for (Tree t : trees) v += t.vote(x);
		return v / trees.size();
	}

	public static RandomForest fit(double[][] x, boolean[] y, Settings s, int threads) {
		int n = x.length, p = n == 0 ? 0 : x[0].length;
		if (n < 2) throw new IllegalArgumentException("a random forest needs at least 2 rows, has " + n);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < p; j++)
				if (!Double.isFinite(x[i][j])) throw new IllegalArgumentException("random forest: row " + (i + 1) + " feature " + (j + 1) + " is not a finite number");
		int mtry = s.mtry() > 0 ? Math.min(s.mtry(), p) : Math.max(1, (int) Math.floor(Math.sqrt(p)));
		SplittableRandom root = new SplittableRandom(s.seed());
		List<SplittableRandom> rngs = new ArrayList<>();
		for (int t = 0; t < s.trees(); t++) rngs.add(root.split());
		List<Tree> trees = Parallel.map(rngs.size(), threads, t -> grow(x, y, mtry, s.nodeSize(), s.importance(), rngs.get(t)));
		double[] votes = new double[n], count = new double[n];
		double[] perm = new double[p], gini = new double[p];
		for (Tree t : trees) {
			for (int i = 0; i < n; i++)
				if (!t.inBag()[i]) {
					votes[i] += t.vote(x[i]);
					count[i]++;
				}
			for (int j = 0; j < p; j++) {
				perm[j] += s.importance() ? t.permutationDrop()[j] / trees.size() : Double.NaN;
				gini[j] += t.giniDrop()[j] / trees.size();
			}
		}
		double wrong = 0, seen = 0;
		double[] oob = new double[n];
		for (int i = 0; i < n; i++) {
			oob[i] = count[i] == 0 ? Double.NaN : votes[i] / count[i];
			if (count[i] == 0) continue;
			seen++;
			boolean predicted = oob[i] > 0.5; // an even vote counts as wrong for either class, as randomForest's random tie-break does on average
			if (oob[i] == 0.5) wrong += 0.5;
			else if (predicted != y[i]) wrong++;
		}
		return new RandomForest(List.copyOf(trees), p, seen == 0 ? Double.NaN : wrong / seen, oob, perm, gini);
	}

	private static Tree grow(double[][] x, boolean[] y, int mtry, int nodeSize, boolean importance, SplittableRandom r) {
		int n = x.length, p = x[0].length;
		int[] sample = new int[n];
		boolean[] inBag = new boolean[n];
		for (int i = 0; i < n; i++) {
			sample[i] = r.nextInt(n);
			inBag[sample[i]] = true;
		}
		Builder b = new Builder(x, y, mtry, nodeSize, r);
		b.build(sample);
		Tree t = b.tree(inBag);
		if (importance) {
			int oob = 0, correct = 0;
			List<Integer> oobRows = new ArrayList<>();
			for (int i = 0; i < n; i++)
				if (!inBag[i]) {
					oobRows.add(i);
					oob++;
					correct += hit(t.vote(x[i]), y[i]);
				}
			boolean[] used = new boolean[p];
			for (int f : t.feature()) if (f >= 0) used[f] = true;
			if (oob > 0)
				for (int j = 0; j < p; j++) {
					int[] perm = new int[oob];
					for (int a = 0; a < oob; a++) perm[a] = oobRows.get(a);
					for (int a = oob - 1; a > 0; a--) {
						int c = r.nextInt(a + 1), tmp = perm[a];
						perm[a] = perm[c];
						perm[c] = tmp;
					}
					// the shuffle above is drawn for every feature so the generator's stream (and every other feature's
					// permutation) does not depend on which features this tree uses; a feature the tree never splits on
					// leaves every vote unchanged, so its drop is exactly 0 without walking the tree
					if (!used[j]) continue;
					double permuted = 0;
					for (int a = 0; a < oob; a++) {
						int i = oobRows.get(a);
						permuted += hit(t.voteWith(x[i], j, x[perm[a]][j]), y[i]);
					}
					t.permutationDrop()[j] = (correct - permuted) / oob;
				}
		}
		return t;
	}

	private static double hit(double vote, boolean y) {
		return vote == 0.5 ? 0.5 : (vote > 0.5) == y ? 1 : 0;
	}

	/** Grows one tree depth-first on bootstrap indices. */
	private static final class Builder {
		final double[][] x;
		final boolean[] y;
		final int mtry, nodeSize, p, n;
		final SplittableRandom r;
		final List<int[]> nodes = new ArrayList<>(); // feature, left, right
		final List<double[]> values = new ArrayList<>(); // threshold, value
		final double[] giniDrop;
		final int[] featurePool;

		Builder(double[][] x, boolean[] y, int mtry, int nodeSize, SplittableRandom r) {
			this.x = x;
			this.y = y;
			this.mtry = mtry;
			this.nodeSize = nodeSize;
			this.r = r;
			n = x.length;
			p = x[0].length;
			giniDrop = new double[p];
			featurePool = new int[p];
			for (int j = 0; j < p; j++) featurePool[j] = j;
		}

		void build(int[] rows) {
			// explicit stack: (rows, node index)
			java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
			stack.push(new Object[] { rows, newNode() });
			double[] vals = new double[rows.length];
			int[] idx = new int[rows.length];
			while (!stack.isEmpty()) {
				Object[] top = stack.pop();
				int[] rs = (int[]) top[0];
				int node = (Integer) top[1];
				int m = rs.length, pos = 0;
				for (int i : rs) if (y[i]) pos++;
				values.get(node)[1] = (double) pos / m;
				if (pos == 0 || pos == m || m <= nodeSize) continue;
				double parentGini = 1 - sq((double) pos / m) - sq((double) (m - pos) / m);
				int bestFeature = -1;
				double bestScore = -1, bestThreshold = 0;
				// draw mtry features without replacement (partial Fisher–Yates on the pool)
				for (int a = 0; a < mtry; a++) {
					int c = a + r.nextInt(p - a);
					int tmp = featurePool[a];
					featurePool[a] = featurePool[c];
					featurePool[c] = tmp;
					int j = featurePool[a];
					for (int k = 0; k < m; k++) {
						idx[k] = rs[k];
						vals[k] = x[rs[k]][j];
					}
					sortByValue(vals, idx, 0, m - 1);
					if (vals[0] == vals[m - 1]) continue;
					int leftPos = 0;
					for (int k = 0; k < m - 1; k++) {
						if (y[idx[k]]) leftPos++;
						if (vals[k] == vals[k + 1]) continue;
						int nl = k + 1, nr = m - nl, rightPos = pos - leftPos;
						// maximising Σ (class count²)/node size over the children ⇔ maximising the Gini decrease
						double score = ((double) leftPos * leftPos + (double) (nl - leftPos) * (nl - leftPos)) / nl
								+ ((double) rightPos * rightPos + (double) (nr - rightPos) * (nr - rightPos)) / nr;
						if (score > bestScore + 1e-12) {
							bestScore = score;
							bestFeature = j;
							bestThreshold = (vals[k] + vals[k + 1]) / 2;
						}
					}
				}
				if (bestFeature < 0) continue;
				double childGini = 1 - bestScore / m; // Σ_children (n_c/m)·(1 − Σ_k (n_ck/n_c)²)
				if (!(parentGini - childGini > 1e-15)) continue;
				giniDrop[bestFeature] += (parentGini - childGini) * m / n;
				int nl = 0;
				for (int i : rs) if (x[i][bestFeature] <= bestThreshold) nl++;
				int[] l = new int[nl], rr = new int[m - nl];
				int a = 0, c = 0;
				for (int i : rs) if (x[i][bestFeature] <= bestThreshold) l[a++] = i;
				else rr[c++] = i;
				int ln = newNode(), rn = newNode();
				nodes.get(node)[0] = bestFeature;
				nodes.get(node)[1] = ln;
				nodes.get(node)[2] = rn;
				values.get(node)[0] = bestThreshold;
				stack.push(new Object[] { rr, rn });
				stack.push(new Object[] { l, ln });
			}
		}

		int newNode() {
			nodes.add(new int[] { -1, -1, -1 });
			values.add(new double[] { 0, 0 });
			return nodes.size() - 1;
		}

		Tree tree(boolean[] inBag) {
			int k = nodes.size();
			int[] f = new int[k], l = new int[k], rr = new int[k];
			double[] t = new double[k], v = new double[k];
			for (int i = 0; i < k; i++) {
				f[i] = nodes.get(i)[0];
				l[i] = nodes.get(i)[1];
				rr[i] = nodes.get(i)[2];
				t[i] = values.get(i)[0];
				v[i] = values.get(i)[1];
			}
			return new Tree(f, t, l, rr, v, inBag, new double[p], giniDrop);
		}

		static double sq(double v) { return v * v; }

		/** Sorts vals ascending carrying idx along (quicksort, insertion sort for short runs). */
		static void sortByValue(double[] v, int[] idx, int lo, int hi) {
			while (hi - lo > 16) {
				int mid = (lo + hi) >>> 1;
				if (v[mid] < v[lo]) swap(v, idx, mid, lo);
				if (v[hi] < v[lo]) swap(v, idx, hi, lo);
				if (v[hi] < v[mid]) swap(v, idx, hi, mid);
				double pivot = v[mid];
				int i = lo, j = hi;
				while (i <= j) {
					while (v[i] < pivot) i++;
					while (v[j] > pivot) j--;
					if (i <= j) swap(v, idx, i++, j--);
				}
				if (j - lo < hi - i) {
					sortByValue(v, idx, lo, j);
					lo = i;
				} else {
					sortByValue(v, idx, i, hi);
					hi = j;
				}
			}
			for (int i = lo + 1; i <= hi; i++) {
				double a = v[i];
				int b = idx[i], j = i - 1;
				while (j >= lo && v[j] > a) {
					v[j + 1] = v[j];
					idx[j + 1] = idx[j];
					j--;
				}
				v[j + 1] = a;
				idx[j + 1] = b;
			}
		}

		static void swap(double[] v, int[] idx, int a, int b) {
			double t = v[a];
			v[a] = v[b];
			v[b] = t;
			int u = idx[a];
			idx[a] = idx[b];
			idx[b] = u;
		}
	}
}
