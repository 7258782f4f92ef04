package lesionradiomics.features;

import java.util.List;

/**
 * The glcm features of one voxel-map kernel, as {@link Glcm} defines them (pyradiomics: symmetric matrix per
 * direction over the kernel's grey levels, empty directions dropped, per-direction features averaged with nanmean,
 * JointAverage with a plain mean, Idmn/Idn/MCC sized by the lesion's Ng) but computed in one pass per direction over
 * reusable arrays: one voxel's 13 matrices cost microseconds instead of the general class's allocations. Logarithms
 * keep pyradiomics' {@code log2(p + eps)} (TextureGrid.log2) so that its flat-kernel values (entropies of -3.2e-16, Imc2 of 0) come out
 * the same. Not thread safe: one instance per thread.
 */
final class KernelGlcm {

	/** The features in the order {@link #compute} writes them. */
	static final List<String> NAMES = List.of("Autocorrelation", "JointAverage", "ClusterProminence", "ClusterShade", "ClusterTendency",
			"Contrast", "Correlation", "DifferenceAverage", "DifferenceEntropy", "DifferenceVariance", "JointEnergy", "JointEntropy", "Imc1",
			"Imc2", "Idm", "Idmn", "Id", "Idn", "InverseVariance", "MaximumProbability", "SumAverage", "SumEntropy", "SumSquares", "MCC");
	private static final int JOINT_AVERAGE = 1, FEATURES = 24;
	private static final double EPS = FirstOrder.EPS;

	private final KernelBox kernel;
	private final boolean withMcc;
	private final int ng;
	private final int[][] angles;
	private final int[] levelRow, levels;
	private final double[] counts, px, pxAddy, pxSuby, q, eigen, perAngle, sums;
	private final int[] support, nonNaN, parent, parity, cells;
	/** The non-zero entries of {@link #pxAddy} and {@link #pxSuby} in the current direction. */
	private final int[] sumAt, differenceAt;
	/**
	 * The row and column (r ≤ c) of each of {@link #cells}, kept as they are found: the loops over the cells need them
	 * and an integer division per cell and loop cost more than the features' arithmetic.
	 */
	private final int[] cellRow, cellColumn;
	/** Non-empty cells of the current direction in {@link #cells}. */
	private int cellCount;
	private final double[] inversePx, root;
	private final SymmetricEigenvalues solver;

	/** @param mcc compute MCC (an eigen decomposition per direction: most of the class's cost) */
	KernelGlcm(KernelBox kernel, int[][] angles, boolean mcc) {
		this.kernel = kernel;
		this.withMcc = mcc;
		ng = kernel.ng;
		levelRow = kernel.levelRow;
		levels = kernel.levels;
		this.angles = angles;
		counts = new double[ng * ng];
		px = new double[ng];
		pxAddy = new double[2 * ng - 1];
		pxSuby = new double[ng];
		q = new double[ng * ng];
		eigen = new double[ng];
		support = new int[ng];
		parent = new int[ng];
		parity = new int[ng];
		cells = new int[ng * ng];
		sumAt = new int[2 * ng - 1];
		differenceAt = new int[ng];
		cellRow = new int[ng * ng];
		cellColumn = new int[ng * ng];
		inversePx = new double[ng];
		root = new double[ng];
		perAngle = new double[FEATURES];
		sums = new double[FEATURES];
		nonNaN = new int[FEATURES];
		solver = new SymmetricEigenvalues(ng);
	}

	/**
	 * Writes the features of the kernel where it now is into {@code out} from {@code at}, in {@link #NAMES} order.
	 *
	 * @return false, writing nothing, when no direction has a voxel pair (the general class handles that case)
	 */
	boolean compute(double[] out, int at) {
		int n = kernel.levelCount;
		java.util.Arrays.fill(sums, 0);
		java.util.Arrays.fill(nonNaN, 0);
		int used = 0;
		for (int[] a : angles) {
			double total = count(a, n);
			if (total == 0) continue; // pyradiomics drops directions without pairs (unless all are empty)
			used++;
			direction(n, total);
			for (int f = 0; f < FEATURES; f++)
				if (f == JOINT_AVERAGE || !Double.isNaN(perAngle[f])) {
					sums[f] += perAngle[f];
					nonNaN[f]++;
				}
		}
		if (used == 0) return false;
		for (int f = 0; f < FEATURES; f++) out[at + f] = nonNaN[f] == 0 ? Double.NaN : sums[f] / nonNaN[f];
		return true;
	}

	/**
	 * Counts the pairs along {@code a} inside the box into the upper triangle of the symmetric n×n matrix
	 * {@link #counts} (cell (r, c), r ≤ c, at r·n + c: the pairs of levels r and c, twice those of r with itself, as in
	 * pyradiomics' P + Pᵀ) and lists the non-empty cells in {@link #cells}; returns the total of the symmetric matrix.
	 * At r = 1 a direction has at most 18 pairs against up to 27² cells, so the features below read the list, not the
	 * matrix. The previous direction's cells are cleared first (only those: the matrix is otherwise all 0).
	 */
	private double count(int[] a, int n) {
		int[] grey = kernel.grey;
		for (int k = 0; k < cellCount; k++) counts[cells[k]] = 0;
		cellCount = 0;
		int step = kernel.step(a);
		double total = 0;
		int[] voxels = kernel.voxels;
		for (int v = 0, count = kernel.voxelCount; v < count; v++) { // the lesion voxels in box order
			int i = voxels[v], g = grey[i], h = grey[i + step]; // h is 0 outside the lesion or the box
			if (h == 0) continue;
			int r = levelRow[g], c = levelRow[h], lo = Math.min(r, c), hi = Math.max(r, c), cell = lo * n + hi;
			if (counts[cell] == 0) {
				cellRow[cellCount] = lo;
				cellColumn[cellCount] = hi;
				cells[cellCount++] = cell;
			}
			counts[cell] += r == c ? 2 : 1;
			total += 2;
		}
		return total;
	}

	/** The per-direction features of the normalised matrix counts / total into {@link #perAngle}. */
	private void direction(int n, double total) {
		// p(x+y) and p(|x-y|) are non-zero only at the sums and differences of the non-empty cells' levels (at most one
		// per cell, where the level range spans dozens): those are listed as they are met, sorted, and the sums below run
		// over them in ascending order, as the loops over the whole range did (a zero entry adds nothing to any sum).
		// pxAddy and pxSuby are all zero between directions: only the listed entries are cleared afterwards.
		int sums = 0, differences = 0;
		java.util.Arrays.fill(px, 0, n, 0);
		// every sum runs over the non-empty upper-triangle cells, an off-diagonal one standing for itself and its mirror
		double energy = 0, max = Double.NEGATIVE_INFINITY, autocorrelation = 0, contrast = 0;
		for (int k = 0; k < cellCount; k++) {
			int cell = cells[k], r = cellRow[k], c = cellColumn[k];
			double p = counts[cell] / total, gi = levels[r], gj = levels[c], twice = r == c ? 1 : 2;
			counts[cell] = p;
			if (p > max) max = p;
			px[r] += p;
			if (r != c) px[c] += p;
			int sum = levels[r] + levels[c] - 2, difference = levels[c] - levels[r];
			if (pxAddy[sum] == 0) sumAt[sums++] = sum;
			pxAddy[sum] += twice * p;
			if (pxSuby[difference] == 0) differenceAt[differences++] = difference;
			pxSuby[difference] += twice * p;
			energy += twice * p * p;
			autocorrelation += twice * p * gi * gj;
			contrast += twice * p * (gi - gj) * (gi - gj);
		}
		double ux = 0;
		for (int r = 0; r < n; r++) ux += levels[r] * px[r];
		// Σ p(i,j)(i − ux)² is Σ px(i)(i − ux)²
		double prominence = 0, shade = 0, tendency = 0, variance = 0, covariance = 0;
		for (int r = 0; r < n; r++) {
			double di = levels[r] - ux;
			variance += px[r] * di * di;
		}
		for (int k = 0; k < cellCount; k++) {
			int cell = cells[k], r = cellRow[k], c = cellColumn[k];
			double p = r == c ? counts[cell] : 2 * counts[cell], di = levels[r] - ux, dj = levels[c] - ux;
			double t = di + dj, t2 = t * t;
			prominence += p * t2 * t2;
			shade += p * t2 * t;
			tendency += p * t2;
			covariance += p * di * dj;
		}
		double[] f = perAngle;
		f[0] = autocorrelation;
		f[1] = ux;
		f[2] = prominence;
		f[3] = shade;
		f[4] = tendency;
		f[5] = contrast;
		double sigma = Math.sqrt(variance);
		f[6] = sigma * sigma == 0 ? 1 : covariance / (sigma * sigma + EPS);
		ascending(differenceAt, differences);
		ascending(sumAt, sums);
		double da = 0, de = 0, idm = 0, idmn = 0, id = 0, idn = 0, inverseVariance = 0;
		for (int d = 0; d < differences; d++) {
			int k = differenceAt[d];
			double p = pxSuby[k];
			da += p * k;
			de -= p * TextureGrid.log2(p);
			idm += p / (1 + (double) k * k);
			idmn += p / (1 + ((double) k * k) / ((double) ng * ng));
			id += p / (1 + k);
			idn += p / (1 + (double) k / ng);
			if (k > 0) inverseVariance += p / ((double) k * k);
		}
		double dv = 0;
		for (int d = 0; d < differences; d++) {
			int k = differenceAt[d];
			dv += pxSuby[k] * (k - da) * (k - da);
		}
		f[7] = da;
		f[8] = de;
		f[9] = dv;
		f[10] = energy;
		entropies(n, f);
		f[14] = idm;
		f[15] = idmn;
		f[16] = id;
		f[17] = idn;
		f[18] = inverseVariance;
		f[19] = max;
		double sa = 0, se = 0;
		for (int d = 0; d < sums; d++) {
			int k = sumAt[d];
			double p = pxAddy[k];
			sa += p * (k + 2);
			se -= p * TextureGrid.log2(p);
		}
		for (int d = 0; d < sums; d++) pxAddy[sumAt[d]] = 0;
		for (int d = 0; d < differences; d++) pxSuby[differenceAt[d]] = 0;
		f[20] = sa;
		f[21] = se;
		f[22] = variance;
		f[23] = withMcc ? mcc(n) : Double.NaN;
	}

	/** Sorts {@code a[0..n)} ascending (insertion sort: a direction has a few distinct sums and differences). */
	private static void ascending(int[] a, int n) {
		for (int i = 1; i < n; i++) {
			int v = a[i], j = i - 1;
			for (; j >= 0 && a[j] > v; j--) a[j + 1] = a[j];
			a[j + 1] = v;
		}
	}

	/**
	 * JointEntropy HXY = -Σ p log2(p + eps), and Imc1 and Imc2 from HX, HXY1 = -Σ p log2(px py + eps) and HXY2 = -Σ px
	 * py log2(px py + eps) (px = py). HXY and HXY2 are summed in the same order over the same (r, c ≤ r) pairs, so
	 * that an independent matrix (p = px py in floating point, e.g. all four cells 0.25) gives HXY2 == HXY exactly and
	 * Imc2 0, as pyradiomics' test HXY2 == HXY does, instead of √(rounding) ≈ 1e-8.
	 */
	private void entropies(int n, double[] f) {
		double hx = 0, hxy = 0, hxy1 = 0, hxy2 = 0;
		for (int r = 0; r < n; r++) {
			if (px[r] == 0) continue;
			hx -= px[r] * TextureGrid.log2(px[r]);
			for (int c = 0; c <= r; c++) { // symmetric in r and c: one logarithm per pair
				if (px[c] == 0) continue;
				double pp = px[r] * px[c], l = TextureGrid.log2(pp), twice = c == r ? 1 : 2, p = counts[c * n + r];
				if (p != 0) {
					hxy -= twice * p * TextureGrid.log2(p);
					hxy1 -= twice * p * l;
				}
				hxy2 -= twice * pp * l;
			}
		}
		f[11] = hxy;
		f[12] = hx == 0 ? 0 : (hxy - hxy1) / hx;
		f[13] = hxy2 == hxy ? 0 : Math.sqrt(1 - Math.exp(-2 * (hxy2 - hxy)));
	}

	/**
	 * √(second largest eigenvalue of Q), over the lesion's Ng levels, as {@link Glcm#mcc()}: A = D^-½ P D^-½ on the
	 * support, Q's eigenvalues are the squares of A's, so MCC is A's second largest |eigenvalue|. A's eigenvalue 1
	 * (eigenvector √px) is known and deflated: the others come from a matrix one size smaller.
	 */
	private double mcc(int n) {
		int size = Math.max(n, ng);
		if (size < 2) return 1;
		int m = 0;
		double norm = 0;
		for (int i = 0; i < n; i++)
			if (px[i] > 0) {
				support[m] = i;
				root[m] = Math.sqrt(px[i]);
				inversePx[m] = 1 / root[m];
				norm += px[i];
				m++;
			}
		if (m > 1 && secondIsOne(n, m)) return 1;
		for (int r = 0; r < m; r++)
			for (int c = 0; c <= r; c++) q[r * ng + c] = counts[support[c] * n + support[r]] * inversePx[r] * inversePx[c];
		norm = Math.sqrt(norm);
		for (int r = 0; r < m; r++) root[r] /= norm;
		solver.computeOthers(q, ng, m, root, eigen);
		// pyradiomics sorts the eigenvalues of the full Ng x Ng matrix: the deflated 1, the others, and zeros for the
		// levels outside the support
		double first = 1, second = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < m - 1 + Math.min(size - m, 2); k++) {
			double ev = k < m - 1 ? Math.abs(eigen[k]) : 0;
			if (ev > first) {
				second = first;
				first = ev;
			} else if (ev > second) second = ev;
		}
		return second; // |eigenvalue| of A, so a zero counts as 0, never NaN: numpy's rule, see Glcm#mcc
	}

	/**
	 * Whether A's second largest |eigenvalue| is 1 without solving for it, read from the graph whose nodes are the
	 * levels with px &gt; 0 ({@code m} of them) and whose edges are the non-empty cells. A is, up to the similarity D^½,
	 * the transition matrix of the random walk on that graph, so (Perron–Frobenius; Chung, Spectral Graph Theory, 1.3)
	 * each connected component has its own eigenvalue 1 (eigenvector √px on the component), and a connected graph
	 * without odd cycles (bipartite; a diagonal cell is a cycle of length 1) has the eigenvalue -1 too. All eigenvalues
	 * lie in [-1, 1], so either case gives MCC 1 exactly, where the solver gives 1 to rounding. At r = 1 a direction
	 * often has fewer pairs than levels, hence several components, and its eigen decomposition is skipped. Union–find
	 * with the parity of each node's path to its root (Tarjan; Cormen et al., Introduction to Algorithms, 21.3).
	 */
	private boolean secondIsOne(int n, int m) {
		for (int r = 0; r < n; r++) {
			parent[r] = r;
			parity[r] = 0;
		}
		int components = m;
		boolean oddCycle = false;
		for (int k = 0; k < cellCount; k++) {
			int cell = cells[k], r = cellRow[k], c = cellColumn[k];
			if (r == c) {
				oddCycle = true;
				continue;
			}
			int a = root(r), b = root(c);
			int pr = parity[r], pc = parity[c]; // parities to the roots, valid after root() compressed the paths
			if (a == b) oddCycle |= pr == pc;
			else {
				parent[a] = b;
				parity[a] = pr ^ pc ^ 1; // r and c get different colours
				components--;
			}
		}
		return components > 1 || !oddCycle;
	}

	/** The root of {@code r}'s set; compresses the path, leaving {@link #parity} of each node on it relative to the root. */
	private int root(int r) {
		int p = parent[r];
		if (p == r) return r;
		int top = root(p);
		parity[r] ^= parity[p];
		parent[r] = top;
		return top;
	}
}
