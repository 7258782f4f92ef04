package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;


/**
 * Grey Level Co-occurrence Matrix features of pyradiomics 3.0 ({@code radiomics/glcm.py}): one symmetric GLCM per
 * direction (pairs counted in the + direction, then P + Pᵀ), rows/columns of absent grey levels removed, empty
 * directions dropped, each matrix normalised; features are computed per direction and averaged (nanmean). With
 * {@code weightingNorm} the direction matrices are weighted, summed and normalised into one matrix instead.
 */
public final class Glcm {

	/** Normalised matrices p[angle][i][j] over the present grey levels. */
	private final double[][][] p;
	/** Present grey levels (pyradiomics' i and j vectors). */
	private final double[] g;
	/** Highest grey level (pyradiomics' Ng, used by Idmn and Idn). */
	private final int ng;
	private final double[][] px;
	private final double[] ux;
	private final double[][] pxAddy;
	private final double[][] pxSuby;
	private final double[] hxy;
	/** Grey levels binned over a whole lesion, this matrix being one voxel's kernel (pyradiomics' voxel-based mode). */
	private final boolean voxelMap;

	public Glcm(LesionData lesion) {
		this(directionMatrices(lesion), lesion.textureGrid().levelValues(), lesion.textureGrid().maxLevel, lesion.levelCount() > 0);
	}

	/** pyradiomics' matrices of a lesion: one symmetric count matrix per direction (or their weighted sum), empty ones dropped. */
	private static double[][][] directionMatrices(LesionData lesion) {
		TextureGrid grid = lesion.textureGrid();
		int n = grid.presentLevels.length;
		List<double[][]> matrices = new ArrayList<>();
		List<int[]> usedAngles = new ArrayList<>();
		TextureGrid.Padded padded = grid.padded(); // neighbours without bounds checks (zeros around the box)
		int[] paddedLevels = padded.levels();
		for (int k = 0; k < grid.angles.length; k++) {
			int[] a = grid.angles[k];
			int offset = padded.offsets()[2 * k];
			double[][] m = new double[n][n];
			for (int z = 0, i = 0; z < grid.nz; z++)
				for (int y = 0; y < grid.ny; y++)
					for (int x = 0, pv = padded.index(0, y, z); x < grid.nx; x++, i++, pv++) {
						int li = grid.levels[i];
						if (li == 0) continue;
						int lj = paddedLevels[pv + offset];
						if (lj == 0) continue;
						m[grid.levelRow[li]][grid.levelRow[lj]]++;
					}
			for (int r = 0; r < n; r++) // symmetric GLCM: P + P^T
				for (int c = r; c < n; c++) {
					double s = m[r][c] + m[c][r];
					m[r][c] = s;
					m[c][r] = s;
				}
			matrices.add(m);
			usedAngles.add(a);
		}
		String norm = lesion.settings().weightingNorm();
		if (norm != null) {
			double[][] sum = new double[n][n];
			for (int k = 0; k < matrices.size(); k++) {
				double w = grid.weight(usedAngles.get(k), norm);
				for (int r = 0; r < n; r++)
					for (int c = 0; c < n; c++) sum[r][c] += w * matrices.get(k)[r][c];
			}
			matrices = new ArrayList<>();
			matrices.add(sum);
		} else if (matrices.size() > 1) {
			List<double[][]> nonEmpty = new ArrayList<>();
			for (double[][] m : matrices) if (total(m) > 0) nonEmpty.add(m);
			if (!nonEmpty.isEmpty()) matrices = nonEmpty;
		}
		return matrices.toArray(new double[0][][]);
	}

	/**
	 * The features of given count matrices (averaged over them, as pyradiomics averages directions): IBSI's
	 * aggregation methods pass one matrix per slice, direction or merge. The matrices are normalised in place.
	 *
	 * @param g        the grey level of each row/column
	 * @param ng       the number of grey levels (Idmn, Idn)
	 * @param voxelMap matrices of a voxel's kernel, binned over the whole lesion
	 */
	Glcm(double[][][] matrices, double[] g, int ng, boolean voxelMap) {
		this.ng = ng;
		this.voxelMap = voxelMap;
		this.g = g;
		int n = g.length;
		p = matrices;
		int na = p.length;
		px = new double[na][n];
		ux = new double[na];
		pxAddy = new double[na][2 * ng - 1];
		pxSuby = new double[na][ng];
		hxy = new double[na];
		for (int a = 0; a < na; a++) {
			double t = total(p[a]);
			for (int r = 0; r < n; r++)
				for (int c = 0; c < n; c++) {
					// an empty cell of a non-empty direction adds +0.0 to the marginals (sums of non-negative terms that
					// start at +0.0, never -0.0: unchanged) and 0·log2(eps) = -0.0 to -hxy (unchanged likewise): it is
					// skipped, bit for bit (most cells of a fine binning are empty)
					if (p[a][r][c] == 0 && t != 0) continue;
					double v = t == 0 ? Double.NaN : p[a][r][c] / t; // empty direction: NaN, ignored by nanmean
					p[a][r][c] = v;
					px[a][r] += v;
					ux[a] += g[r] * v;
					pxAddy[a][(int) (g[r] + g[c]) - 2] += v;
					pxSuby[a][(int) Math.abs(g[r] - g[c])] += v;
					hxy[a] -= v * TextureGrid.log2(v);
				}
		}
	}

	private static double total(double[][] m) {
		double t = 0;
		for (double[] row : m) for (double v : row) t += v;
		return t;
	}

	/** A per-direction quantity averaged over directions with numpy.nanmean. */
	private interface PerAngle { double at(int a); }

	private double mean(PerAngle f) {
		double[] v = new double[p.length];
		for (int a = 0; a < p.length; a++) v[a] = f.at(a);
		return TextureGrid.nanMean(v);
	}

	/*
	 * Sums over i, j of p(i,j)·w(i,j) (pyradiomics sums the whole matrix row by row: the cells in that order here
	 * too), each weight w(i,j) evaluated as pyradiomics' expression of i, j but from per-level or per-(i + j) tables,
	 * so that no cell pays a function call or a Math.pow: the same terms in the same order, bit for bit.
	 */

	/** Σ p(i,j)·f(i)f(j), f given per level (f = i: autocorrelation; i − μx: correlation's covariance). */
	private double sumOfProducts(int a, double[] f) {
		double s = 0;
		for (int r = 0; r < g.length; r++)
			for (int c = 0; c < g.length; c++) s += p[a][r][c] * (f[r] * f[c]);
		return s;
	}

	/** Σ p(i,j)·(i − μx)² (sum of squares; correlation's variance). */
	private double sumSquares(int a) {
		double[] f = centred(a);
		for (int r = 0; r < f.length; r++) f[r] *= f[r];
		double s = 0;
		for (int r = 0; r < g.length; r++)
			for (int c = 0; c < g.length; c++) s += p[a][r][c] * f[r];
		return s;
	}

	/** i − μx per level. */
	private double[] centred(int a) {
		double[] f = new double[g.length];
		for (int r = 0; r < f.length; r++) f[r] = g[r] - ux[a];
		return f;
	}

	/** Σ p(i,j)·w(i + j), w evaluated once per value of i + j (2 Ng − 1 of them, at the same double i + j). */
	private double sumBySum(int a, KWeight w) {
		double[] t = new double[2 * ng - 1];
		for (int k = 0; k < t.length; k++) t[k] = w.of(k + 2);
		double s = 0;
		for (int r = 0; r < g.length; r++)
			for (int c = 0; c < g.length; c++) s += p[a][r][c] * t[(int) (g[r] + g[c]) - 2];
		return s;
	}

	/** Σ p(i,j)·w(|i − j|), w evaluated once per value of |i − j|. */
	private double sumByDifference(int a, KWeight w) {
		double[] t = new double[ng];
		for (int k = 0; k < t.length; k++) t[k] = w.of(k);
		double s = 0;
		for (int r = 0; r < g.length; r++)
			for (int c = 0; c < g.length; c++) s += p[a][r][c] * t[(int) Math.abs(g[r] - g[c])];
		return s;
	}

	@Feature
	double autocorrelation() { return mean(a -> sumOfProducts(a, g)); }

	/** pyradiomics takes a plain mean here (ux.mean), not nanmean. */
	@Feature
	double jointAverage() {
		double s = 0;
		for (double u : ux) s += u;
		return s / ux.length;
	}

	@Feature
	double clusterProminence() { return mean(a -> sumBySum(a, k -> Math.pow(k - 2 * ux[a], 4))); }

	@Feature
	double clusterShade() { return mean(a -> sumBySum(a, k -> Math.pow(k - 2 * ux[a], 3))); }

	@Feature
	double clusterTendency() { return mean(a -> sumBySum(a, k -> (k - 2 * ux[a]) * (k - 2 * ux[a]))); }

	/** (i − j)² = |i − j|², exactly. */
	@Feature
	double contrast() { return mean(a -> sumByDifference(a, k -> k * k)); }

	/** Symmetric GLCM: uy = ux and σy = σx. A flat direction (σ = 0) counts as correlation 1. */
	@Feature
	double correlation() {
		return mean(a -> {
			double var = sumSquares(a);
			double sig = Math.sqrt(var);
			if (Double.isNaN(sig)) return Double.NaN;
			if (sig * sig == 0) return 1;
			double corm = sumOfProducts(a, centred(a));
			return corm / (sig * sig + FirstOrder.EPS);
		});
	}

	@Feature
	double differenceAverage() { return mean(a -> diffSum(a, k -> k)); }

	@Feature
	double differenceEntropy() { return mean(a -> -differenceLogSum(a)); }

	@Feature
	double differenceVariance() {
		return mean(a -> {
			double da = diffSum(a, k -> k);
			return diffSum(a, k -> (k - da) * (k - da));
		});
	}

	private interface KWeight { double of(double k); }

	private double diffSum(int a, KWeight w) {
		double s = 0;
		for (int k = 0; k < ng; k++) s += pxSuby[a][k] * w.of(k);
		return s;
	}

	/** Σ p log2(p + eps) over p_{x-y}. */
	private double differenceLogSum(int a) {
		double s = 0;
		for (int k = 0; k < ng; k++) s += pxSuby[a][k] * TextureGrid.log2(pxSuby[a][k]);
		return s;
	}

	@Feature
	double jointEnergy() { return mean(this::energy); }

	private double energy(int a) {
		double s = 0;
		for (double[] row : p[a]) for (double v : row) s += v * v;
		return s;
	}

	@Feature
	double jointEntropy() { return mean(a -> hxy[a]); }

	/** HX, HXY1, HXY2 of each direction, computed once for imc1 and imc2. */
	private double[][] marginalEntropies;

	private double[] marginalEntropies(int a) {
		if (marginalEntropies == null) marginalEntropies = new double[p.length][];
		if (marginalEntropies[a] == null) marginalEntropies[a] = computeMarginalEntropies(a);
		return marginalEntropies[a];
	}

	private double[] computeMarginalEntropies(int a) {
		double hx = 0, hxy1 = 0, hxy2 = 0;
		for (int r = 0; r < g.length; r++) {
			hx -= px[a][r] * TextureGrid.log2(px[a][r]);
			for (int c = 0; c < g.length; c++) {
				double pp = px[a][r] * px[a][c], logPp = TextureGrid.log2(pp); // one logarithm for both sums
				hxy1 -= p[a][r][c] * logPp;
				hxy2 -= pp * logPp;
			}
		}
		return new double[] { hx, hxy1, hxy2 };
	}

	/** (HXY − HXY1) / max(HX, HY); 0 where both marginal entropies are 0 (flat region). */
	@Feature
	double imc1() {
		return mean(a -> {
			double[] h = marginalEntropies(a);
			double div = h[0];
			if (Double.isNaN(div)) return Double.NaN;
			return div == 0 ? 0 : (hxy[a] - h[1]) / div;
		});
	}

	/** √(1 − e^(−2(HXY2 − HXY))); 0 when HXY2 = HXY, NaN (ignored) when rounding makes the radicand negative. */
	@Feature
	double imc2() {
		return mean(a -> {
			double[] h = marginalEntropies(a);
			if (h[2] == hxy[a]) return 0;
			return Math.sqrt(1 - Math.exp(-2 * (h[2] - hxy[a])));
		});
	}

	@Feature
	double idm() { return mean(a -> diffSum(a, k -> 1 / (1 + k * k))); }

	@Feature
	double idmn() { return mean(a -> diffSum(a, k -> 1 / (1 + (k * k) / ((double) ng * ng)))); }

	@Feature
	double id() { return mean(a -> diffSum(a, k -> 1 / (1 + k))); }

	@Feature
	double idn() { return mean(a -> diffSum(a, k -> 1 / (1 + k / ng))); }

	@Feature
	double inverseVariance() {
		return mean(a -> {
			// an empty direction's matrix is NaN (0/0) and so is each of pyradiomics' diagonal sums; the levels of this
			// matrix need not reach k >= 1 (a voxel map kernel with one level), so the NaN is not in the sum by itself
			if (Double.isNaN(pxSuby[a][0])) return Double.NaN;
			double s = 0;
			for (int k = 1; k < ng; k++) s += pxSuby[a][k] / ((double) k * k);
			return s;
		});
	}

	@Feature
	double maximumProbability() {
		return mean(a -> {
			double m = Double.NEGATIVE_INFINITY;
			for (double[] row : p[a]) for (double v : row) m = Math.max(m, v);
			return m;
		});
	}

	@Feature
	double sumAverage() {
		return mean(a -> {
			double s = 0;
			for (int k = 0; k < pxAddy[a].length; k++) s += pxAddy[a][k] * (k + 2);
			return s;
		});
	}

	@Feature
	double sumEntropy() {
		return mean(a -> {
			double s = 0;
			for (double v : pxAddy[a]) s -= v * TextureGrid.log2(v);
			return s;
		});
	}

	@Feature
	double sumSquares() { return mean(this::sumSquares); }

	/**
	 * √(second largest eigenvalue of Q), Q(i,j) = Σ_k p(i,k)p(j,k) / (p_x(i)p_y(k)); 1 for a flat region (a 1×1 matrix
	 * has a single eigenvalue). The matrices are symmetric (p_x = p_y), so Q = D⁻¹ P D⁻¹ P is similar to A², A = D^-½ P
	 * D^-½ symmetric: Q's eigenvalues are the squares of A's and MCC is A's second largest |eigenvalue|. No product is
	 * formed (it cost as much as the decomposition), and A's largest eigenvalue, 1 with eigenvector √px, is deflated
	 * ({@link SymmetricEigenvalues#largestOtherMagnitude}). Grey levels without neighbours in a direction add zero eigenvalues.
	 */
	@Feature("MCC")
	double mcc() {
		int n = g.length;
		// pyradiomics' matrix has the present levels (lesion level) or all the lesion's Ng levels (voxel maps); the
		// absent ones only add zero eigenvalues, and a 1x1 matrix gives MCC 1
		int size = voxelMap ? Math.max(n, ng) : n;
		if (size < 2) return 1;
		return mean(a -> {
			int[] support = new int[n];
			int m = 0;
			for (int i = 0; i < n; i++) {
				if (Double.isNaN(px[a][i])) return Double.NaN;
				if (px[a][i] > 0) support[m++] = i;
			}
			double[] sym = new double[m * m], root = new double[m]; // row-major; the solver reads the lower triangle
			double norm = 0;
			for (int r = 0; r < m; r++) {
				root[r] = Math.sqrt(px[a][support[r]]);
				norm += px[a][support[r]];
				for (int c = 0; c <= r; c++) {
					int i = support[r], j = support[c];
					sym[r * m + c] = p[a][i][j] / Math.sqrt(px[a][i] * px[a][j]);
				}
			}
			norm = Math.sqrt(norm);
			for (int r = 0; r < m; r++) root[r] /= norm;
			// A's eigenvalue 1 (eigenvector √px) deflated; the levels outside the support add zeros. Of the sorted
			// spectrum {1, |others|, 0, ...} the second largest is min(1, max |others|) for m ≥ 2 (the others lie in
			// [-1, 1] up to rounding) and 0 for m = 1, so only the largest |other| is needed
			double largest = m < 2 ? 0 : Math.min(1, new SymmetricEigenvalues(m).largestOtherMagnitude(sym, m, m, root));
			// pyradiomics takes numpy.linalg.eigvals of the non-symmetric Q. numpy (numpy/linalg/_linalg.py, eigvals)
			// returns the whole stack of directions as complex when any eigenvalue of any direction has a non-zero
			// imaginary part, else real; sort() orders complex values by real, then imaginary part; sqrt of a real
			// negative is NaN (skipped by nanmean), sqrt of a complex one is imaginary (real part 0, counted as 0 by
			// nanmean(...).real). Q is similar to the positive semi-definite S, so in exact arithmetic the second largest
			// eigenvalue is real and >= 0; the only case the rules decide is a zero one (a rank-1 direction, e.g. counts
			// [[4,2],[2,1]]). There LAPACK's dgeev (balancing + Hessenberg QR) gives exactly 0 or +1e-17, never a
			// negative: 449 of 449 such directions over 4,500 random lesions with the oracle (make_mcc.py), in real and in
			// complex stacks alike. So the direction counts as 0 (sqrt(+1e-17) = 7e-9), where our solver's rounding can
			// give -1e-17 and NaN would drop it from the mean (0.4393 instead of pyradiomics' 0.3295 on 4 directions).
			// Here MCC is A's second largest |eigenvalue| (= sqrt of Q's), never negative: a zero one counts as 0.
			return largest;
		});
	}
}
