package lesionradiomics.features;

/**
 * Eigenvalues of small dense symmetric matrices without allocation: Householder reduction to tridiagonal form, then
 * the implicit QL iteration with Wilkinson-type shifts (Golub &amp; Van Loan, Matrix Computations, 8.3). Voxel maps call it
 * 13 times per voxel for glcm MCC, where a general-purpose decomposition's allocations dominate.
 * <p>
 * The matrix is worked on whole, as rows of its own ({@link #rows}): the products and rank-2 updates of the reduction
 * then run along rows with one index into distinct arrays, which the JIT turns into vector instructions, where a
 * packed lower triangle made every column a strided walk and every row sum a chain of dependent additions. Twice the
 * cells, each computed as before: the results are those of the lower-triangle reduction bit for bit.
 */
final class SymmetricEigenvalues {

	private final double[] v, p, d, e, u, w;
	private final double[][] rows;

	SymmetricEigenvalues(int maxSize) {
		u = new double[maxSize];
		w = new double[maxSize];
		v = new double[maxSize];
		p = new double[maxSize];
		d = new double[maxSize];
		e = new double[maxSize];
		rows = new double[maxSize][maxSize];
	}

	/**
	 * The eigenvalues of the leading {@code n}×{@code n} block of {@code a} (row-major, {@code stride} per row; only
	 * the lower triangle is read), ascending, in {@code out[0..n)}.
	 */
	void compute(double[] a, int stride, int n, double[] out) {
		load(a, stride, n);
		tridiagonalize(n);
		ql(n);
		System.arraycopy(d, 0, out, 0, n);
		java.util.Arrays.sort(out, 0, n);
	}

	/**
	 * The eigenvalues of the leading {@code n}×{@code n} block of {@code a} (as {@link #compute}) other than the one of
	 * the known unit eigenvector {@code x}, in {@code out[0..n-1)}, unsorted. One Householder reflection H with Hx = -e₁
	 * gives H A H = [λ 0; 0 B] (deflation, Golub &amp; Van Loan 7.3.2 / 8.1), and the n - 1 others are B's: a problem one
	 * size smaller, closed-form for n ≤ 3. glcm's MCC knows A = D^-½ P D^-½'s eigenvector √px (eigenvalue 1).
	 */
	void computeOthers(double[] a, int s, int n, double[] x, double[] out) {
		if (n <= 1) return;
		load(a, s, n);
		deflate(n, x);
		int m = n - 1;
		if (m == 1) out[0] = rows[0][0];
		else if (m == 2) {
			double mean = (rows[0][0] + rows[1][1]) / 2, half2 = (rows[0][0] - rows[1][1]) / 2, root = Math.sqrt(half2 * half2 + rows[1][0] * rows[1][0]);
			out[0] = mean + root;
			out[1] = mean - root;
		} else {
			tridiagonalize(m);
			ql(m);
			System.arraycopy(d, 0, out, 0, m);
		}
	}

	/**
	 * The largest |eigenvalue| among those {@link #computeOthers} gives (0 for {@code n ≤ 1}): glcm's MCC needs that one
	 * alone. The deflated matrix is tridiagonalised as there, and then, instead of the QL iteration's whole spectrum,
	 * its two extreme eigenvalues are bisected with Sturm counts (Golub &amp; Van Loan 8.4.1; LAPACK dstebz) to the last
	 * bits — the smallest only when it could be the larger in magnitude. Sizes 1 and 2 take computeOthers' closed
	 * forms, bit for bit.
	 */
	double largestOtherMagnitude(double[] a, int s, int n, double[] x) {
		if (n <= 1) return 0;
		load(a, s, n);
		deflate(n, x);
		int m = n - 1;
		if (m == 1) return Math.abs(rows[0][0]);
		if (m == 2) {
			double mean = (rows[0][0] + rows[1][1]) / 2, half2 = (rows[0][0] - rows[1][1]) / 2, root = Math.sqrt(half2 * half2 + rows[1][0] * rows[1][0]);
			return Math.max(Math.abs(mean + root), Math.abs(mean - root));
		}
		tridiagonalize(m);
		return largestMagnitude(m);
	}

	/** The leading n×n block of {@code a}'s lower triangle into {@link #rows}, mirrored. */
	private void load(double[] a, int s, int n) {
		for (int r = 0; r < n; r++)
			for (int c = 0; c <= r; c++) rows[r][c] = rows[c][r] = a[r * s + c];
	}

	/** B = H A H without its first row and column ({@link #computeOthers}), in the top-left (n - 1)×(n - 1) corner of {@link #rows}. */
	private void deflate(int n, double[] x) {
		// u = x + e₁ (x₀ ≥ 0: no cancellation), uᵀu = 2 (1 + x₀), β = 2 / uᵀu
		for (int i = 0; i < n; i++) u[i] = x[i];
		u[0] += 1;
		double beta = 1 / (1 + x[0]), up = 0;
		symmetricTimes(0, n, u, w); // w = β A u
		for (int i = 0; i < n; i++) {
			w[i] *= beta;
			up += u[i] * w[i];
		}
		double half = beta * up / 2;
		for (int i = 0; i < n; i++) w[i] -= half * u[i];
		// B = (A - u wᵀ - w uᵀ) without row and column 0, moved to the top-left corner (each target precedes its
		// source); the lower triangle computed, then mirrored, as (a - x) - y and (a - y) - x may differ in the last bit
		int m = n - 1;
		for (int r = 0; r < m; r++) {
			double[] target = rows[r], source = rows[r + 1];
			for (int c = 0; c <= r; c++) target[c] = source[c + 1] - u[r + 1] * w[c + 1] - w[r + 1] * u[c + 1];
		}
		for (int r = 1; r < m; r++)
			for (int c = 0; c < r; c++) rows[c][r] = rows[r][c];
	}

	/**
	 * max |λ| of the tridiagonal (d, e) of size n ≥ 1: the largest eigenvalue, and the smallest when some eigenvalue
	 * lies below minus the largest.
	 */
	private double largestMagnitude(int n) {
		// Gershgorin's bound g ≥ |λ| for all λ; squared couplings for the counts (e[n - 1] = 0)
		double g = 0, e2max = 0;
		for (int i = 0; i < n; i++) {
			double left = i > 0 ? Math.abs(e[i - 1]) : 0;
			g = Math.max(g, Math.abs(d[i]) + left + Math.abs(e[i]));
			p[i] = e[i] * e[i];
			e2max = Math.max(e2max, p[i]);
		}
		if (!(g > 0)) return g == 0 ? 0 : Double.NaN;
		// LAPACK's pivot floor (dstebz): a zero pivot becomes -pivmin, so that a zero or tiny coupling (a split, from a
		// zero column in the reduction) never makes 0/0
		double pivmin = Double.MIN_NORMAL * Math.max(1, e2max);
		double bound = g + 4 * Math.ulp(g) + 2 * pivmin;
		// below the eigenvalues' magnitude times 2^-64 an interval is not halved further: zero eigenvalues (rank-deficient
		// directions) then stop after ~70 halvings instead of ~1000 towards the smallest double
		double floor = g * 0x1p-64;
		double top = kth(-bound, bound, n, n, pivmin, floor);
		if (top >= 0 && count(-top, n, pivmin) == 0) return top;
		double bottom = kth(-bound, Math.min(bound, top >= 0 ? -top : top), 1, n, pivmin, floor);
		return Math.max(Math.abs(top), Math.abs(bottom));
	}

	/**
	 * The k-th smallest eigenvalue (1-based) of (d, p = e²) in [lo, hi] (count(lo) < k ≤ count(hi)): the interval is
	 * quartered by three Sturm counts per sweep, computed side by side (their chains of divisions overlap), until its
	 * quarter points fall on its ends or it is narrower than {@code floor}; returns its midpoint.
	 */
	private double kth(double lo, double hi, int k, int n, double pivmin, double floor) {
		while (hi - lo > floor) {
			double q = (hi - lo) * 0.25, x1 = lo + q, x2 = lo + 2 * q, x3 = hi - q;
			if (!(lo < x1 && x1 < x2 && x2 < x3 && x3 < hi)) { // fewer than four doubles per quarter left: plain halving
				double mid = 0.5 * (lo + hi);
				if (mid <= lo || mid >= hi) break;
				if (count(mid, n, pivmin) >= k) hi = mid;
				else lo = mid;
				continue;
			}
			// three Sturm sequences at once
			double d0 = d[0], a1 = d0 - x1, a2 = d0 - x2, a3 = d0 - x3;
			if (Math.abs(a1) <= pivmin) a1 = -pivmin;
			if (Math.abs(a2) <= pivmin) a2 = -pivmin;
			if (Math.abs(a3) <= pivmin) a3 = -pivmin;
			int c1 = a1 < 0 ? 1 : 0, c2 = a2 < 0 ? 1 : 0, c3 = a3 < 0 ? 1 : 0;
			for (int i = 1; i < n; i++) {
				double di = d[i], ei2 = p[i - 1];
				a1 = di - x1 - ei2 / a1;
				a2 = di - x2 - ei2 / a2;
				a3 = di - x3 - ei2 / a3;
				if (Math.abs(a1) <= pivmin) a1 = -pivmin;
				if (Math.abs(a2) <= pivmin) a2 = -pivmin;
				if (Math.abs(a3) <= pivmin) a3 = -pivmin;
				if (a1 < 0) c1++;
				if (a2 < 0) c2++;
				if (a3 < 0) c3++;
			}
			if (c1 >= k) hi = x1;
			else if (c2 >= k) {
				lo = x1;
				hi = x2;
			} else if (c3 >= k) {
				lo = x2;
				hi = x3;
			} else lo = x3;
		}
		return 0.5 * (lo + hi);
	}

	/** Sturm count: the number of eigenvalues of (d, p = e²) below x (negative pivots of T - xI, LAPACK's dlaebz). */
	private int count(double x, int n, double pivmin) {
		double q = d[0] - x;
		if (Math.abs(q) <= pivmin) q = -pivmin;
		int c = q < 0 ? 1 : 0;
		for (int i = 1; i < n; i++) {
			q = d[i] - x - p[i - 1] / q;
			if (Math.abs(q) <= pivmin) q = -pivmin;
			if (q < 0) c++;
		}
		return c;
	}

	/**
	 * {@code out[i] = Σ_j A(i, j) x[j]} over {@code i, j} in {@code [from, n)}: row j of the symmetric A is its column
	 * j, so the sums are built row by row, each out[i] getting its terms in ascending j (the order of the direct sum,
	 * bit for bit) through contiguous multiply-adds.
	 */
	private void symmetricTimes(int from, int n, double[] x, double[] out) {
		java.util.Arrays.fill(out, from, n, 0);
		for (int j = from; j < n; j++) {
			double xj = x[j];
			double[] row = rows[j];
			for (int i = from; i < n; i++) out[i] += row[i] * xj;
		}
	}

	/** {@link #rows} ← H A H with Householder reflections column by column; leaves the diagonal in d and the subdiagonal in e. */
	private void tridiagonalize(int n) {
		for (int k = 0; k < n - 2; k++) {
			double[] rowK = rows[k]; // column k below the diagonal, read as row k right of it
			double norm = 0;
			for (int i = k + 1; i < n; i++) norm += rowK[i] * rowK[i];
			norm = Math.sqrt(norm);
			if (norm == 0) continue;
			double alpha = rowK[k + 1] > 0 ? -norm : norm;
			double vv = 0;
			for (int i = k + 1; i < n; i++) {
				v[i] = rowK[i];
				if (i == k + 1) v[i] -= alpha;
				vv += v[i] * v[i];
			}
			if (vv == 0) continue;
			double beta = 2 / vv, pv = 0;
			symmetricTimes(k + 1, n, v, p);
			for (int i = k + 1; i < n; i++) {
				p[i] *= beta;
				pv += p[i] * v[i];
			}
			double half = beta * pv / 2;
			for (int i = k + 1; i < n; i++) p[i] -= half * v[i]; // w = p - (β pᵀv / 2) v
			// cell (r, j) and cell (j, r) get vr pj + pr vj and vj pr + pj vr: the same two products added (IEEE
			// multiplication and addition commute), so the matrix stays exactly symmetric
			for (int r = k + 1; r < n; r++) {
				double vr = v[r], pr = p[r];
				double[] row = rows[r];
				for (int j = k + 1; j < n; j++) row[j] -= vr * p[j] + pr * v[j];
			}
			rows[k + 1][k] = rowK[k + 1] = alpha;
			for (int i = k + 2; i < n; i++) rows[i][k] = rowK[i] = 0;
		}
		for (int i = 0; i < n; i++) {
			d[i] = rows[i][i];
			e[i] = i + 1 < n ? rows[i + 1][i] : 0;
		}
	}

	/** Implicit QL on the tridiagonal (d, e): e[i] couples i and i + 1; deflates from the top. */
	private void ql(int n) {
		// negligible couplings: relative to their diagonal neighbours, or to the matrix's norm when those are ~0 (the
		// zero eigenvalues of rank-deficient matrices would otherwise never meet a purely relative test)
		double norm = 0;
		for (int i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]) + Math.abs(e[i]));
		double floor = Math.ulp(1.0) * norm;
		for (int l = 0; l < n; l++) {
			for (int iteration = 0; iteration < 60; iteration++) {
				int m = l;
				for (; m < n - 1; m++) {
					double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
					if (Math.abs(e[m]) <= Math.ulp(1.0) * dd || Math.abs(e[m]) <= floor) break;
				}
				if (m == l) break;
				double g = (d[l + 1] - d[l]) / (2 * e[l]);
				double r = Math.abs(g) > 1e150 ? Math.abs(g) : Math.sqrt(g * g + 1); // Math.hypot is slow; guard the square only
				g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
				double sn = 1, cs = 1, shift = 0;
				int i = m - 1;
				boolean underflow = false;
				for (; i >= l; i--) {
					double f = sn * e[i], b = cs * e[i];
					r = Math.sqrt(f * f + g * g);
					e[i + 1] = r;
					if (r == 0) {
						d[i + 1] -= shift;
						e[m] = 0;
						underflow = true;
						break;
					}
					sn = f / r;
					cs = g / r;
					g = d[i + 1] - shift;
					r = (d[i] - g) * sn + 2 * cs * b;
					shift = sn * r;
					d[i + 1] = g + shift;
					g = cs * r - b;
				}
				if (underflow) continue;
				d[l] -= shift;
				e[l] = g;
				e[m] = 0;
			}
		}
	}
}
