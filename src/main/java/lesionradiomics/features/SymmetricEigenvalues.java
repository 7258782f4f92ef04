package lesionradiomics.features;

/**
 * Eigenvalues of small dense symmetric matrices without allocation: Householder reduction to tridiagonal form, then
 * the implicit QL iteration with Wilkinson-type shifts (Golub &amp; Van Loan, Matrix Computations, 8.3). Voxel maps call it
 * 13 times per voxel for glcm MCC, where a general-purpose decomposition's allocations dominate.
 */
final class SymmetricEigenvalues {

	private final double[] v, p, d, e, u, w;

	SymmetricEigenvalues(int maxSize) {
		u = new double[maxSize];
		w = new double[maxSize];
		v = new double[maxSize];
		p = new double[maxSize];
		d = new double[maxSize];
		e = new double[maxSize];
	}

	/**
	 * The eigenvalues of the leading {@code n}×{@code n} block of {@code a} (row-major, {@code stride} per row; only
	 * the lower triangle is read, the matrix is overwritten), ascending, in {@code out[0..n)}.
	 */
	void compute(double[] a, int stride, int n, double[] out) {
		tridiagonalize(a, stride, n);
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
		deflate(a, s, n, x);
		int m = n - 1;
		if (m == 1) out[0] = a[0];
		else if (m == 2) {
			double mean = (a[0] + a[s + 1]) / 2, half2 = (a[0] - a[s + 1]) / 2, root = Math.sqrt(half2 * half2 + a[s] * a[s]);
			out[0] = mean + root;
			out[1] = mean - root;
		} else {
			tridiagonalize(a, s, m);
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
		deflate(a, s, n, x);
		int m = n - 1;
		if (m == 1) return Math.abs(a[0]);
		if (m == 2) {
			double mean = (a[0] + a[s + 1]) / 2, half2 = (a[0] - a[s + 1]) / 2, root = Math.sqrt(half2 * half2 + a[s] * a[s]);
			return Math.max(Math.abs(mean + root), Math.abs(mean - root));
		}
		tridiagonalize(a, s, m);
		return largestMagnitude(m);
	}

	/** B = H A H without its first row and column ({@link #computeOthers}), in the top-left (n - 1)×(n - 1) corner of a. */
	private void deflate(double[] a, int s, int n, double[] x) {
		// u = x + e₁ (x₀ ≥ 0: no cancellation), uᵀu = 2 (1 + x₀), β = 2 / uᵀu
		for (int i = 0; i < n; i++) u[i] = x[i];
		u[0] += 1;
		double beta = 1 / (1 + x[0]), up = 0;
		lowerTimes(a, s, 0, n, u, w); // w = β A u
		for (int i = 0; i < n; i++) {
			w[i] *= beta;
			up += u[i] * w[i];
		}
		double half = beta * up / 2;
		for (int i = 0; i < n; i++) w[i] -= half * u[i];
		// B = (A - u wᵀ - w uᵀ) without row and column 0, moved to the top-left corner (each target precedes its source)
		int m = n - 1;
		for (int r = 0; r < m; r++)
			for (int c = 0; c <= r; c++) a[r * s + c] = a[(r + 1) * s + c + 1] - u[r + 1] * w[c + 1] - w[r + 1] * u[c + 1];
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
	 * {@code out[i] = Σ_j A(i, j) x[j]} over {@code i, j} in {@code [from, n)} for the symmetric A whose lower triangle
	 * is stored: for each i, its row up to the diagonal, then column i below it, added in ascending j. Read that way
	 * column i is a stride-s walk, so the rows are swept instead: row r finishes out[r]'s row part and adds
	 * A(r, i) x[r] to every out[i] above, which gives each out[i] its terms in the same order as the direct sums (bit
	 * for bit), with contiguous reads only. Four rows go together so that their four row sums, each a chain of
	 * dependent additions, advance side by side.
	 */
	private static void lowerTimes(double[] a, int s, int from, int n, double[] x, double[] out) {
		int r = from;
		for (; r + 3 < n; r += 4) {
			int r0 = r * s, r1 = r0 + s, r2 = r1 + s, r3 = r2 + s;
			double x0 = x[r], x1 = x[r + 1], x2 = x[r + 2], x3 = x[r + 3], s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			for (int j = from; j < r; j++) { // the columns left of the four rows
				double xj = x[j];
				s0 += a[r0 + j] * xj;
				s1 += a[r1 + j] * xj;
				s2 += a[r2 + j] * xj;
				s3 += a[r3 + j] * xj;
				double o = out[j] + a[r0 + j] * x0;
				o += a[r1 + j] * x1;
				o += a[r2 + j] * x2;
				out[j] = o + a[r3 + j] * x3;
			}
			// the triangle of the four rows, row after row
			out[r] = s0 + a[r0 + r] * x0;
			out[r] += a[r1 + r] * x1;
			s1 += a[r1 + r] * x[r];
			out[r + 1] = s1 + a[r1 + r + 1] * x1;
			out[r] += a[r2 + r] * x2;
			out[r + 1] += a[r2 + r + 1] * x2;
			s2 += a[r2 + r] * x[r];
			s2 += a[r2 + r + 1] * x[r + 1];
			out[r + 2] = s2 + a[r2 + r + 2] * x2;
			out[r] += a[r3 + r] * x3;
			out[r + 1] += a[r3 + r + 1] * x3;
			out[r + 2] += a[r3 + r + 2] * x3;
			s3 += a[r3 + r] * x[r];
			s3 += a[r3 + r + 1] * x[r + 1];
			s3 += a[r3 + r + 2] * x[r + 2];
			out[r + 3] = s3 + a[r3 + r + 3] * x3;
		}
		for (; r < n; r++) {
			int row = r * s;
			double xr = x[r], sum = 0;
			for (int j = from; j < r; j++) out[j] += a[row + j] * xr;
			for (int j = from; j <= r; j++) sum += a[row + j] * x[j];
			out[r] = sum;
		}
	}

	/** A ← H A H with Householder reflections column by column, on the lower triangle; leaves the diagonal in d and the subdiagonal in e. */
	private void tridiagonalize(double[] a, int s, int n) {
		for (int k = 0; k < n - 2; k++) {
			double norm = 0;
			for (int i = k + 1; i < n; i++) norm += a[i * s + k] * a[i * s + k];
			norm = Math.sqrt(norm);
			if (norm == 0) continue;
			double alpha = a[(k + 1) * s + k] > 0 ? -norm : norm;
			double vv = 0;
			for (int i = k + 1; i < n; i++) {
				v[i] = a[i * s + k];
				if (i == k + 1) v[i] -= alpha;
				vv += v[i] * v[i];
			}
			if (vv == 0) continue;
			double beta = 2 / vv, pv = 0;
			lowerTimes(a, s, k + 1, n, v, p);
			for (int i = k + 1; i < n; i++) {
				p[i] *= beta;
				pv += p[i] * v[i];
			}
			double half = beta * pv / 2;
			for (int i = k + 1; i < n; i++) p[i] -= half * v[i]; // w = p - (β pᵀv / 2) v
			// the lower triangle only: the update of (j, i) is the same sum of the same products, so the matrix stays
			// exactly symmetric and the upper triangle need not be kept
			// two rows at a time share the loads of p[j], v[j]; each cell gets the same expression
			int r = k + 1;
			for (; r + 1 < n; r += 2) {
				double vi = v[r], pi = p[r], vi1 = v[r + 1], pi1 = p[r + 1];
				int row = r * s, row1 = row + s;
				for (int j = k + 1; j <= r; j++) {
					double pj = p[j], vj = v[j];
					a[row + j] -= vi * pj + pi * vj;
					a[row1 + j] -= vi1 * pj + pi1 * vj;
				}
				a[row1 + r + 1] -= vi1 * p[r + 1] + pi1 * v[r + 1];
			}
			for (; r < n; r++) {
				double vi = v[r], pi = p[r];
				for (int j = k + 1, row = r * s; j <= r; j++) a[row + j] -= vi * p[j] + pi * v[j];
			}
			a[(k + 1) * s + k] = alpha;
			for (int i = k + 2; i < n; i++) a[i * s + k] = 0;
		}
		for (int i = 0; i < n; i++) {
			d[i] = a[i * s + i];
			e[i] = i + 1 < n ? a[(i + 1) * s + i] : 0;
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
