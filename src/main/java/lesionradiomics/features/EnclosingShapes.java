package lesionradiomics.features;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The oriented minimum bounding box (OMBB) and the minimum-volume enclosing ellipsoid (MVEE) of a point set (the
 * convex hull's vertices of a morphological mesh), for IBSI 1's volume and area densities (reference manual 3.1,
 * ZH1A, IQYR, SWZ1, BRI8). IBSI publishes no reference values for these four.
 */
final class EnclosingShapes {

	private EnclosingShapes() {}

	/**
	 * OMBB as the smallest of the boxes with one face flush with a face of the hull: for each distinct hull face normal
	 * n the points are projected on the plane ⟂ n and the minimum-area rectangle of the projection is found exactly by
	 * rotating calipers (one side on an edge of the 2D hull, Freeman &amp; Shapira 1975). Only hull faces give candidates
	 * (not the axis-aligned box), so the result does not depend on the image axes. This is an approximation from above: O'Rourke (1985) shows the exact minimum box has two adjacent
	 * faces flush with hull edges, not necessarily one flush with a face; it is exact for boxes (every face of a box's
	 * hull is a box face) and differs little for compact lesions.
	 *
	 * @param pts   points (any 3 coordinates, mm)
	 * @param faces hull faces as vertex index triples into {@code pts}
	 * @return {volume, surface area, side 1, side 2, side 3}
	 */
	static double[] ombb(double[][] pts, int[][] faces) {
		int nv = pts.length, nf = faces.length;
		double[] px = new double[nv], py = new double[nv], pz = new double[nv];
		for (int i = 0; i < nv; i++) {
			px[i] = pts[i][0];
			py[i] = pts[i][1];
			pz[i] = pts[i][2];
		}
		// the faces of some area, with their unit normals, and one face per distinct direction
		int[] fv = new int[3 * nf];
		double[] un = new double[3 * nf];
		int[] normals = new int[nf];
		int count = 0, distinct = 0;
		Set<Normal> seen = new HashSet<>();
		for (int[] f : faces) {
			double[] a = pts[f[0]], b = pts[f[1]], c = pts[f[2]];
			double[] n = cross(sub(b, a), sub(c, a));
			double len = Math.sqrt(dot(n, n));
			if (len == 0) continue;
			for (int d = 0; d < 3; d++) {
				un[3 * count + d] = n[d] / len;
				fv[3 * count + d] = f[d];
			}
			double nx = un[3 * count], ny = un[3 * count + 1], nz = un[3 * count + 2];
			// n and −n give the same box
			int s = nx < -1e-12 || (Math.abs(nx) <= 1e-12 && (ny < -1e-12 || (Math.abs(ny) <= 1e-12 && nz < 0))) ? -1 : 1;
			if (seen.add(new Normal(Math.round(s * nx * 1e9), Math.round(s * ny * 1e9), Math.round(s * nz * 1e9)))) normals[distinct++] = count;
			count++;
		}
		Stars stars = new Stars(nv, fv, un, count);
		int[] rim = new int[nv];
		double[] height = new double[nv], best = { Double.MAX_VALUE, 0, 0, 0, 0 };
		Work work = new Work(nv);
		for (int k = 0; k < distinct; k++) {
			int i = normals[k];
			double nx = un[3 * i], ny = un[3 * i + 1], nz = un[3 * i + 2];
			int rims = stars.silhouette(un, nx, ny, nz, rim);
			// the box's extent along n: a loop of its own over all points, which the JIT vectorises
			for (int v = 0; v < nv; v++) height[v] = px[v] * nx + py[v] * ny + pz[v] * nz;
			double hLo = Double.MAX_VALUE, hHi = -Double.MAX_VALUE;
			for (double h : height) {
				hLo = Math.min(hLo, h);
				hHi = Math.max(hHi, h);
			}
			double[] box = flushBox(px, py, pz, rim, rims, new double[] { nx, ny, nz }, hHi - hLo, work);
			if (box[0] < best[0]) best = box;
		}
		return best;
	}

	/**
	 * The faces around each vertex (its star), and a cap on the sphere holding their normals: axis c (their mean,
	 * normalised) and sin of its angular radius ρ. The normals n_f of a star then lie within ρ of c, so n · n_f ranges
	 * over [sin(α − ρ), sin(α + ρ)] with sin α = n · c; a vertex whose star has normals on both sides of n⊥ (within
	 * the silhouette's slack 1e-9) has |n · c| ≤ sin(ρ + 1e-9): only the vertices passing that test (slack 1e-7 for
	 * rounding) have their star tested, with the same result as testing every face.
	 */
	private static final class Stars {
		final int[] start, faces;
		final double[] cx, cy, cz, sinRadius;
		/** Work row of {@link #silhouette}. */
		private final double[] excess;

		Stars(int nv, int[] fv, double[] un, int nf) {
			start = new int[nv + 1];
			for (int i = 0; i < 3 * nf; i++) start[fv[i] + 1]++;
			for (int v = 0; v < nv; v++) start[v + 1] += start[v];
			faces = new int[3 * nf];
			int[] fill = Arrays.copyOf(start, nv);
			for (int i = 0; i < 3 * nf; i++) faces[fill[fv[i]]++] = i / 3;
			cx = new double[nv];
			cy = new double[nv];
			cz = new double[nv];
			sinRadius = new double[nv];
			excess = new double[nv];
			for (int v = 0; v < nv; v++) {
				double x = 0, y = 0, z = 0;
				for (int k = start[v]; k < start[v + 1]; k++) {
					int f = faces[k];
					x += un[3 * f];
					y += un[3 * f + 1];
					z += un[3 * f + 2];
				}
				double l = Math.sqrt(x * x + y * y + z * z);
				if (l < 1e-6) { // normals all round: always tested
					sinRadius[v] = 2;
					continue;
				}
				cx[v] = x / l;
				cy[v] = y / l;
				cz[v] = z / l;
				double cos = 1;
				for (int k = start[v]; k < start[v + 1]; k++) {
					int f = faces[k];
					cos = Math.min(cos, cx[v] * un[3 * f] + cy[v] * un[3 * f + 1] + cz[v] * un[3 * f + 2]);
				}
				sinRadius[v] = cos <= 0.01 ? 2 : Math.sqrt(Math.max(0, 1 - cos * cos)) + 1e-7;
			}
		}

		/**
		 * The vertices that can project onto a vertex of the hull's shadow along n: a shadow vertex's outward 2D normal
		 * e (e ⟂ n) is in the normal cone of its vertex, the cone of the normals of the faces around it, so those
		 * normals are not all on one side of n⊥ (Σ λ_f n_f · n = e · n = 0, λ ≥ 0). Most vertices face n or away from
		 * it, and are left out of the shadow's hull; 1e-9 of slack keeps every vertex that rounding could misjudge. The
		 * vertices go to {@code out} in index order, their number is returned.
		 */
		int silhouette(double[] un, double nx, double ny, double nz, int[] out) {
			// the cap test first, for all vertices in one loop the JIT vectorises (|c · n| − sin ρ &gt; 0 exactly when
			// |c · n| &gt; sin ρ: a difference of finite doubles is 0 only when they are equal)
			for (int v = 0; v < cx.length; v++) excess[v] = Math.abs(cx[v] * nx + cy[v] * ny + cz[v] * nz) - sinRadius[v];
			int k = 0;
			for (int v = 0; v < cx.length; v++) {
				if (excess[v] > 0) continue;
				boolean below = false, above = false;
				for (int j = start[v]; j < start[v + 1]; j++) {
					int f = faces[j];
					double side = un[3 * f] * nx + un[3 * f + 1] * ny + un[3 * f + 2] * nz;
					below |= side <= 1e-9;
					above |= side >= -1e-9;
				}
				if (below && above) out[k++] = v;
			}
			return k;
		}
	}

	/** A unit normal rounded to 1e-9: faces of one hull facet share it. */
	private record Normal(long x, long y, long z) {}

	private static double[] box(double a, double b, double c) { return new double[] { a * b * c, 2 * (a * b + b * c + a * c), a, b, c }; }

	/** Work rows of {@link #flushBox} for up to n points, reused from normal to normal. */
	private static final class Work {
		final double[] qx, qy, polyX, polyY, sx, sy, tx, ty;

		Work(int n) {
			qx = new double[n];
			qy = new double[n];
			polyX = new double[2 * n + 1];
			polyY = new double[2 * n + 1];
			sx = new double[n];
			sy = new double[n];
			tx = new double[n];
			ty = new double[n];
		}
	}

	/** The smallest box with one axis along n; {@code rim[0..rims)}: the points whose projections hold the shadow's hull. */
	private static double[] flushBox(double[] px, double[] py, double[] pz, int[] rim, int rims, double[] n, double height, Work w) {
		// orthonormal u, v ⟂ n
		double[] t = Math.abs(n[0]) < 0.9 ? new double[] { 1, 0, 0 } : new double[] { 0, 1, 0 };
		double[] u = cross(n, t);
		double ul = Math.sqrt(dot(u, u));
		for (int d = 0; d < 3; d++) u[d] /= ul;
		double[] v = cross(n, u);
		double[] qx = w.qx, qy = w.qy;
		for (int i = 0; i < rims; i++) {
			int r = rim[i];
			qx[i] = px[r] * u[0] + py[r] * u[1] + pz[r] * u[2];
			qy[i] = px[r] * v[0] + py[r] * v[1] + pz[r] * v[2];
		}
		double[] hx = w.polyX, hy = w.polyY;
		int m = hull2d(qx, qy, rims, hx, hy, w);
		if (m < 3) return new double[] { Double.MAX_VALUE, 0, 0, 0, 0 };
		// rotating calipers (Toussaint 1983): as the edge turns counter-clockwise, the point farthest from it and the
		// extremes along it move forward around the hull, so each pointer goes round once instead of a scan per edge
		double scale = 0;
		for (int i = 0; i < m; i++) scale = Math.max(scale, Math.abs(hx[i] - hx[0]) + Math.abs(hy[i] - hy[0]));
		double bestArea = Double.MAX_VALUE, w1 = 0, w2 = 0;
		int far = -1, hi = -1, lo = -1;
		for (int i = 0; i < m; i++) {
			int j = i + 1 == m ? 0 : i + 1;
			double ex = hx[j] - hx[i], ey = hy[j] - hy[i], el = Math.sqrt(ex * ex + ey * ey);
			if (el <= 1e-9 * scale) continue; // (none after hull2d, which drops near-duplicates)
			ex /= el;
			ey /= el;
			far = farthest(hx, hy, m, far, -ey, ex);
			hi = farthest(hx, hy, m, hi, ex, ey);
			lo = farthest(hx, hy, m, lo, -ex, -ey);
			double aLo = hx[lo] * ex + hy[lo] * ey, aHi = hx[hi] * ex + hy[hi] * ey;
			double bLo = Math.min(-hx[i] * ey + hy[i] * ex, -hx[j] * ey + hy[j] * ex), bHi = -hx[far] * ey + hy[far] * ex;
			double area = (aHi - aLo) * (bHi - bLo);
			if (area < bestArea) {
				bestArea = area;
				w1 = aHi - aLo;
				w2 = bHi - bLo;
			}
		}
		return box(height, w1, w2);
	}

	/**
	 * The vertex of the polygon (hx, hy)[0..m) of largest projection on (dx, dy): from {@code from}, forward while the projection does not
	 * fall (a convex polygon's projections rise to one maximum and fall); a scan of all when {@code from} is −1.
	 */
	private static int farthest(double[] hx, double[] hy, int m, int from, double dx, double dy) {
		if (from < 0) {
			int best = 0;
			double top = hx[0] * dx + hy[0] * dy;
			for (int k = 1; k < m; k++) {
				double p = hx[k] * dx + hy[k] * dy;
				if (p > top) {
					top = p;
					best = k;
				}
			}
			return best;
		}
		int k = from;
		double here = hx[k] * dx + hy[k] * dy;
		for (int steps = 0; steps < m; steps++) {
			int next = k + 1 == m ? 0 : k + 1;
			double p = hx[next] * dx + hy[next] * dy;
			if (p < here) break;
			k = next;
			here = p;
		}
		return k;
	}

	/**
	 * Andrew's monotone chain, counter-clockwise, collinear points dropped, and so are points within rounding of
	 * collinear or of their neighbour (turn ≤ 10⁻¹² of the squared extent): lattice points projected along a lattice
	 * direction give such near-duplicates, whose edges of length ~10⁻¹⁵ point anywhere and whose projections need not
	 * rise and fall once around the polygon, which the calipers rely on (they found a rectangle too small to hold the
	 * shadow). Dropping them moves the polygon by at most ~10⁻¹² of its size.
	 */
	static double[][] hull2d(double[][] pts) {
		int n = pts.length;
		double[] xs = new double[n], ys = new double[n], hx = new double[2 * n + 1], hy = new double[2 * n + 1];
		for (int i = 0; i < n; i++) {
			xs[i] = pts[i][0];
			ys[i] = pts[i][1];
		}
		int m = hull2d(xs, ys, n, hx, hy, new Work(n));
		double[][] h = new double[m][];
		for (int i = 0; i < m; i++) h[i] = new double[] { hx[i], hy[i] };
		return h;
	}

	/**
	 * {@link #hull2d(double[][])} on flat arrays, sorting in place in {@code w}: the n points (xs, ys) give the hull's
	 * m vertices at hx, hy[0..m) (room for 2n + 1), m returned; fewer than 3 points come back sorted.
	 */
	private static int hull2d(double[] xs, double[] ys, int n, double[] hx, double[] hy, Work w) {
		double[] sx = w.sx, sy = w.sy;
		System.arraycopy(xs, 0, sx, 0, n);
		System.arraycopy(ys, 0, sy, 0, n);
		sortByXThenY(sx, sy, w.tx, w.ty, 0, n);
		if (n < 3) {
			System.arraycopy(sx, 0, hx, 0, n);
			System.arraycopy(sy, 0, hy, 0, n);
			return n;
		}
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (int i = 0; i < n; i++) {
			lo = Math.min(lo, Math.min(sx[i], sy[i]));
			hi = Math.max(hi, Math.max(sx[i], sy[i]));
		}
		double tol = 1e-12 * (hi - lo) * (hi - lo);
		int k = 0;
		for (int i = 0; i < n; i++) {
			while (k >= 2 && turn(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], sx[i], sy[i]) <= tol) k--;
			hx[k] = sx[i];
			hy[k++] = sy[i];
		}
		for (int i = n - 2, lower = k + 1; i >= 0; i--) {
			while (k >= lower && turn(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], sx[i], sy[i]) <= tol) k--;
			hx[k] = sx[i];
			hy[k++] = sy[i];
		}
		// the chains' ends (lowest and highest x) were never tested between their two neighbours: a last pass round
		// the polygon until every vertex turns by more than tol
		k--;
		for (boolean changed = true; changed && k > 3;) {
			changed = false;
			for (int i = 0; i < k && k > 3; i++) {
				int a = (i + k - 1) % k, b = (i + 1) % k;
				if (turn(hx[a], hy[a], hx[i], hy[i], hx[b], hy[b]) <= tol) {
					System.arraycopy(hx, i + 1, hx, i, k - i - 1);
					System.arraycopy(hy, i + 1, hy, i, k - i - 1);
					k--;
					changed = true;
				}
			}
		}
		return k;
	}

	/** Stable merge sort of the points (xs, ys)[from..to) by {@link #before}, in place; insertion sort for short runs. */
	private static void sortByXThenY(double[] xs, double[] ys, double[] tx, double[] ty, int from, int to) {
		if (to - from <= 16) {
			for (int i = from + 1; i < to; i++) {
				double x = xs[i], y = ys[i];
				int j = i - 1;
				while (j >= from && before(x, y, xs[j], ys[j])) {
					xs[j + 1] = xs[j];
					ys[j + 1] = ys[j];
					j--;
				}
				xs[j + 1] = x;
				ys[j + 1] = y;
			}
			return;
		}
		int mid = (from + to) >>> 1;
		sortByXThenY(xs, ys, tx, ty, from, mid);
		sortByXThenY(xs, ys, tx, ty, mid, to);
		if (!before(xs[mid], ys[mid], xs[mid - 1], ys[mid - 1])) return;
		System.arraycopy(xs, from, tx, from, to - from);
		System.arraycopy(ys, from, ty, from, to - from);
		for (int i = from, a = from, b = mid; i < to; i++) {
			boolean first = b >= to || (a < mid && !before(tx[b], ty[b], tx[a], ty[a]));
			int k = first ? a++ : b++;
			xs[i] = tx[k];
			ys[i] = ty[k];
		}
	}

	/** Whether point (x, y) sorts strictly before (u, w): x first (0 and −0 equal), then y by Double.compare. */
	private static boolean before(double x, double y, double u, double w) {
		return x != u ? Double.compare(x, u) < 0 : Double.compare(y, w) < 0;
	}

	private static double turn(double ox, double oy, double ax, double ay, double bx, double by) {
		return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
	}


	/** Khachiyan's stopping tolerance ε: the points lie in the ellipsoid grown by 1 + ε before the final rescale. */
	static final double MVEE_TOLERANCE = 1e-6;
	private static final int MVEE_MAX_ITERATIONS = 1_000_000;

	/**
	 * Semi-axes of the minimum-volume enclosing ellipsoid, largest first, by Khachiyan's barycentric coordinate ascent
	 * with Todd &amp; Yildirim's away steps (Khachiyan 1996; Todd &amp; Yildirim 2007, which converges linearly where the
	 * plain ascent needs O(1/ε) steps): weights u on the points, lifted points q = (p, 1), X = Σ uᵢ qᵢqᵢᵀ,
	 * Mᵢ = qᵢᵀX⁻¹qᵢ. The point of largest Mⱼ gets step (Mⱼ − d − 1)/((d + 1)(Mⱼ − 1)), or, when the smallest Mₖ of a
	 * weighted point is further below d + 1, that point loses weight by the same formula (clipped at uₖ = 0); until
	 * max M ≤ (1 + ε)(d + 1). X⁻¹ and M follow each step by the Sherman–Morrison update and are recomputed every 100
	 * steps against drift. The ellipsoid (p − c)ᵀA(p − c) ≤ 1 with c = Σ uᵢpᵢ, A = (Σ uᵢ(pᵢ − c)(pᵢ − c)ᵀ)⁻¹/d is then
	 * scaled to touch the farthest point, so it always encloses the points and its volume is within a factor
	 * (1 + ε)^{3/2} of the minimum. Each round of the active set ends with Newton's method on the support
	 * ({@link #newton}), which, where it converges, leaves the optimum over the active points to rounding instead of ε.
	 */
	static double[] mveeSemiAxes(double[][] pts) {
		int n = pts.length, d = 3;
		// centred and scaled for conditioning (the MVEE is affine-equivariant; the axes are scaled back)
		double[] mean = new double[3];
		for (double[] p : pts) for (int a = 0; a < 3; a++) mean[a] += p[a] / n;
		double scale = 0;
		for (double[] p : pts) for (int a = 0; a < 3; a++) scale = Math.max(scale, Math.abs(p[a] - mean[a]));
		if (scale == 0) scale = 1;
		double[][] q = new double[n][4];
		for (int i = 0; i < n; i++) {
			for (int a = 0; a < 3; a++) q[i][a] = (pts[i][a] - mean[a]) / scale;
			q[i][3] = 1;
		}
		// start: equal weights on the lowest and highest point along each axis (Kumar & Yildirim 2005's idea of a small
		// initial core set, so that away steps need not drop hundreds of points one by one); all points if those do not
		// span the space
		double[] u = new double[n];
		java.util.Set<Integer> core = new java.util.TreeSet<>();
		for (int a = 0; a < 3; a++) {
			int lo = 0, hi = 0;
			for (int i = 1; i < n; i++) {
				if (q[i][a] < q[lo][a]) lo = i;
				if (q[i][a] > q[hi][a]) hi = i;
			}
			core.add(lo);
			core.add(hi);
		}
		for (int i : core) u[i] = 1.0 / core.size();
		int[] active = core.stream().mapToInt(Integer::intValue).toArray();
		if (!spans(q, u)) {
			java.util.Arrays.fill(u, 1.0 / n);
			active = java.util.stream.IntStream.range(0, n).toArray();
		}
		// active set (Kumar & Yildirim 2005's core sets): the ascent runs over the active points only, each step costing
		// their number instead of n; then every point is checked under the weights found, and the points outside the
		// grown ellipsoid join (the farthest CORE_GROWTH first), until none is outside: the plain ascent's stopping rule,
		// over all points. The weights of the others stay 0, as they would at the optimum.
		// Each round: the ascent to a loose tolerance (10⁻²: the new points get their weight), then Newton's method on
		// the weighted points, which gives the optimum over the active points (to ~10⁻¹²; the ascent's zig-zag near the
		// optimum took thousands of steps); where Newton fails, the ascent goes on to the round's tolerance. The rounds
		// start loose (tolerance 10⁻², tightened tenfold whenever no point is outside, or at once to ε after Newton's
		// optimum) so the core grows without converging each time; the last round is the stopping rule itself with ε.
		boolean[] in = new boolean[n];
		for (int i : active) in[i] = true;
		double tolerance = Math.max(MVEE_TOLERANCE, 1e-2);
		for (int budget = MVEE_MAX_ITERATIONS; budget > 0;) {
			budget -= ascend(q, u, active, Math.max(tolerance, 1e-2), budget);
			boolean exact = newton(q, u, active);
			if (!exact && tolerance < 1e-2) budget -= ascend(q, u, active, tolerance, budget);
			double[][] xi = inverse(moment(q, u, active));
			double[] m = new double[n];
			double bound = (1 + tolerance) * (d + 1);
			int[] outside = new int[n];
			int count = 0;
			for (int i = 0; i < n; i++)
				if (!in[i]) {
					m[i] = quad(xi, q[i]);
					if (m[i] > bound) outside[count++] = i;
				}
			if (count == 0) {
				if (tolerance == MVEE_TOLERANCE) break;
				tolerance = exact ? MVEE_TOLERANCE : Math.max(MVEE_TOLERANCE, tolerance / 10);
				continue;
			}
			// the farthest CORE_GROWTH, largest M first, ties in index order (as a stable sort by falling M gives them)
			int grow = Math.min(count, CORE_GROWTH);
			int[] next = Arrays.copyOf(active, active.length + grow);
			for (int t = 0; t < grow; t++) {
				int top = t;
				for (int c = t + 1; c < count; c++) if (m[outside[c]] > m[outside[top]]) top = c;
				int pick = outside[top];
				System.arraycopy(outside, t, outside, t + 1, top - t); // the others keep their order
				outside[t] = pick;
				next[active.length + t] = pick;
				in[pick] = true;
			}
			active = next;
		}
		double[] c = new double[3];
		for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) c[a] += u[i] * q[i][a];
		double[][] cov = new double[3][3];
		for (int i = 0; i < n; i++)
			for (int a = 0; a < 3; a++)
				for (int b = 0; b < 3; b++) cov[a][b] += u[i] * (q[i][a] - c[a]) * (q[i][b] - c[b]);
		RealMatrix shape = new LUDecomposition(new Array2DRowRealMatrix(cov, false)).getSolver().getInverse().scalarMultiply(1.0 / d);
		double far = 0;
		for (double[] p : q) {
			double[] r = { p[0] - c[0], p[1] - c[1], p[2] - c[2] };
			far = Math.max(far, dot(r, shape.operate(r)));
		}
		double[] ev = new EigenDecomposition(shape.scalarMultiply(1 / far)).getRealEigenvalues();
		double[] axes = new double[3];
		for (int a = 0; a < 3; a++) axes[a] = scale / Math.sqrt(ev[a]);
		Arrays.sort(axes);
		return new double[] { axes[2], axes[1], axes[0] };
	}

	/**
	 * Newton's method on the optimality conditions of the weighted points S (the support): at the optimum over them
	 * every point of S has Mᵢ = qᵢᵀX⁻¹qᵢ = d + 1 (the other active points at most that), and ∂Mᵢ/∂uⱼ = −(qᵢᵀX⁻¹qⱼ)²,
	 * so a step solves (G∘G)Δ = M − (d + 1) with G = QᵀX⁻¹Q over S. M is homogeneous of degree −1 in u, so the solution has Σu = 1. A weight that
	 * would go to 0 or below takes its point out of S (the step restarts without it). Converges quadratically where
	 * the ascent zig-zags; kept only if it converges with every weight positive and no active point above
	 * (1 + 10⁻⁹)(d + 1) — then u is the optimum over the active points to ~10⁻¹², and the rounds' stopping rules hold
	 * at once — otherwise u is left as it was.
	 */
	private static boolean newton(double[][] q, double[] u, int[] active) {
		final int NEWTON_STEPS = 10; // from the ascent's 10⁻², 4–6 when it converges
		int d = 3;
		// the heaviest (d+1)(d+2)/2 weighted points: a support of more is degenerate (G∘G has at most that rank), and
		// the ascent leaves small weights on points the optimum has at 0; if a point left out belongs to the support,
		// the check over all active points fails and the ascent goes on
		int[] s = heaviest(u, active, (d + 1) * (d + 2) / 2);
		double[] w = new double[s.length];
		for (int k = 0; k < s.length; k++) w[k] = u[s[k]];
		for (int iteration = 0; iteration < NEWTON_STEPS && s.length > d; iteration++) {
			double[][] x = new double[4][4];
			for (int k = 0; k < s.length; k++)
				for (int a = 0; a < 4; a++)
					for (int b = 0; b < 4; b++) x[a][b] += w[k] * q[s[k]][a] * q[s[k]][b];
			LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(x, false), 1e-14);
			if (!lu.getSolver().isNonSingular()) return false;
			double[][] xi = lu.getSolver().getInverse().getData();
			int ns = s.length;
			double[][] g = new double[ns][4]; // X⁻¹ qₖ
			for (int k = 0; k < ns; k++)
				for (int a = 0; a < 4; a++) g[k][a] = xi[a][0] * q[s[k]][0] + xi[a][1] * q[s[k]][1] + xi[a][2] * q[s[k]][2] + xi[a][3] * q[s[k]][3];
			double[][] h = new double[ns][ns];
			double[] r = new double[ns];
			double worst = 0;
			for (int i = 0; i < ns; i++) {
				for (int j = 0; j < ns; j++) {
					double gij = q[s[i]][0] * g[j][0] + q[s[i]][1] * g[j][1] + q[s[i]][2] * g[j][2] + q[s[i]][3] * g[j][3];
					h[i][j] = gij * gij;
					if (i == j) r[i] = gij - (d + 1); // Mᵢ − (d + 1)
				}
				worst = Math.max(worst, Math.abs(r[i]));
			}
			if (worst <= 1e-12 * (d + 1)) {
				double[] trial = u.clone();
				for (int i : active) trial[i] = 0;
				double sum = 0;
				for (double v : w) sum += v;
				for (int k = 0; k < ns; k++) trial[s[k]] = w[k] / sum;
				double[][] ti = inverse(moment(q, trial, active));
				for (int i : active) if (quad(ti, q[i]) > (1 + 1e-9) * (d + 1)) return false;
				System.arraycopy(trial, 0, u, 0, u.length);
				return true;
			}
			Array2DRowRealMatrix hm = new Array2DRowRealMatrix(h, false);
			org.apache.commons.math3.linear.ArrayRealVector rv = new org.apache.commons.math3.linear.ArrayRealVector(r, false);
			org.apache.commons.math3.linear.DecompositionSolver solver = new LUDecomposition(hm, 1e-12).getSolver();
			if (!solver.isNonSingular()) return false;
			double[] step = solver.solve(rv).toArray();
			int drop = -1;
			for (int k = 0; k < ns; k++) if (w[k] + step[k] <= 0 && (drop < 0 || (w[k] + step[k]) / w[k] < (w[drop] + step[drop]) / w[drop])) drop = k;
			if (drop >= 0) { // that point leaves S; the others keep their weights
				int[] ns2 = new int[ns - 1];
				double[] nw = new double[ns - 1];
				for (int k = 0, t = 0; k < ns; k++)
					if (k != drop) {
						ns2[t] = s[k];
						nw[t++] = w[k];
					}
				s = ns2;
				w = nw;
				continue;
			}
			for (int k = 0; k < ns; k++) w[k] += step[k];
		}
		return false;
	}

	/**
	 * The at most {@code limit} points of {@code active} with the largest positive weights, heaviest first, ties in
	 * the order of {@code active} (what a stable sort by falling weight, cut at limit, gives).
	 */
	static int[] heaviest(double[] u, int[] active, int limit) {
		int[] c = new int[active.length];
		int count = 0;
		for (int i : active) if (u[i] > 0) c[count++] = i;
		int k = Math.min(limit, count);
		for (int t = 0; t < k; t++) {
			int top = t;
			for (int j = t + 1; j < count; j++) if (Double.compare(u[c[j]], u[c[top]]) > 0) top = j;
			int pick = c[top];
			System.arraycopy(c, t, c, t + 1, top - t);
			c[t] = pick;
		}
		return Arrays.copyOf(c, k);
	}

	/** Points that join the active set per round of {@link #mveeSemiAxes}. */
	private static final int CORE_GROWTH = 8;

	/**
	 * Todd &amp; Yildirim's ascent over the points {@code idx} (weights u, which sum to 1 over them) until their
	 * max M ≤ (1 + tolerance)(d + 1), at most {@code budget} steps; returns the steps taken. A step scales every weight and
	 * every M by one factor (u ← (1 − s)u, M ← (M − f h²)/(1 − s)); the factors are kept apart (u = U·w, M = C·m)
	 * and folded in at each rebuild, so a step costs one pass of h = qᵢ·g over the points, on flat arrays.
	 */
	private static int ascend(double[][] q, double[] u, int[] idx, double tolerance, int budget) {
		int n = idx.length, d = 3;
		double[] px = new double[n], py = new double[n], pz = new double[n], w = new double[n], m = new double[n];
		for (int i = 0; i < n; i++) {
			px[i] = q[idx[i]][0];
			py[i] = q[idx[i]][1];
			pz[i] = q[idx[i]][2];
			w[i] = u[idx[i]];
		}
		double scaleU = 1, scaleM = 1;
		double[][] xi = null;
		int j = 0, k = -1; // the points of largest M, and of smallest M among the weighted ones
		int it = 0;
		for (; it < budget; it++) {
			if (it % 100 == 0) { // rebuild X⁻¹ and M against drift
				for (int i = 0; i < n; i++) u[idx[i]] = w[i] *= scaleU;
				scaleU = 1;
				scaleM = 1;
				xi = inverse(moment(q, u, idx));
				j = 0;
				k = -1;
				for (int i = 0; i < n; i++) {
					m[i] = quad(xi, q[idx[i]]);
					if (m[i] > m[j]) j = i;
					if (w[i] > 0 && (k < 0 || m[i] < m[k])) k = i;
				}
			}
			double mj = scaleM * m[j], mk = k < 0 ? 0 : scaleM * m[k];
			if (mj <= (1 + tolerance) * (d + 1)) break;
			int t;
			double step, mt;
			boolean drop = false;
			if (k >= 0 && (d + 1) - mk > mj - (d + 1)) {
				t = k;
				mt = mk;
				step = (mk - d - 1) / ((d + 1) * (mk - 1));
				double uk = scaleU * w[k], floor = -uk / (1 - uk);
				if (step <= floor) {
					step = floor;
					drop = true;
				}
			} else {
				t = j;
				mt = mj;
				step = (mj - d - 1) / ((d + 1) * (mj - 1));
			}
			// u ← (1 − s)u + s e_t; X ← (1 − s)X + s q_t q_tᵀ, X⁻¹ by Sherman–Morrison
			double keep = 1 - step;
			scaleU *= keep;
			w[t] = drop ? 0 : w[t] + step / scaleU;
			double r = step / keep, f = r / (1 + r * mt);
			double[] g = new double[4]; // X⁻¹ q_t
			for (int a = 0; a < 4; a++) g[a] = xi[a][0] * px[t] + xi[a][1] * py[t] + xi[a][2] * pz[t] + xi[a][3];
			for (int a = 0; a < 4; a++)
				for (int b = 0; b < 4; b++) xi[a][b] = (xi[a][b] - f * g[a] * g[b]) / keep;
			double g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3];
			double shrink = f / scaleM; // M − f h² in the stored scale
			scaleM /= keep;
			j = 0;
			k = -1;
			double best = -Double.MAX_VALUE, least = Double.MAX_VALUE;
			// the update in a loop of its own, which the JIT vectorises; the search for j and k after it
			for (int i = 0; i < n; i++) {
				double h = px[i] * g0 + py[i] * g1 + pz[i] * g2 + g3;
				m[i] = m[i] - shrink * h * h;
			}
			for (int i = 0; i < n; i++) {
				double mi = m[i];
				if (mi > best) {
					best = mi;
					j = i;
				}
				if (w[i] > 0 && mi < least) {
					least = mi;
					k = i;
				}
			}
		}
		for (int i = 0; i < n; i++) u[idx[i]] = w[i] * scaleU;
		return it;
	}

	/** X = Σ uᵢ qᵢqᵢᵀ over the points idx (the others have no weight). */
	private static double[][] moment(double[][] q, double[] u, int[] idx) {
		double[][] x = new double[4][4];
		for (int i : idx)
			if (u[i] > 0)
				for (int a = 0; a < 4; a++)
					for (int b = 0; b < 4; b++) x[a][b] += u[i] * q[i][a] * q[i][b];
		return x;
	}

	private static double[][] inverse(double[][] x) { return new LUDecomposition(new Array2DRowRealMatrix(x, false)).getSolver().getInverse().getData(); }

	/** Whether X = Σ uᵢ qᵢqᵢᵀ is comfortably invertible (the weighted points span 3D). */
	private static boolean spans(double[][] q, double[] u) {
		double[][] x = new double[4][4];
		for (int i = 0; i < q.length; i++)
			if (u[i] > 0)
				for (int a = 0; a < 4; a++)
					for (int b = 0; b < 4; b++) x[a][b] += u[i] * q[i][a] * q[i][b];
		return new LUDecomposition(new Array2DRowRealMatrix(x, false), 1e-9).getSolver().isNonSingular();
	}

	private static double quad(double[][] a, double[] v) {
		double s = 0;
		for (int i = 0; i < 4; i++) {
			double r = 0;
			for (int j = 0; j < 4; j++) r += a[i][j] * v[j];
			s += v[i] * r;
		}
		return s;
	}

	private static double[] sub(double[] a, double[] b) { return new double[] { a[0] - b[0], a[1] - b[1], a[2] - b[2] }; }

	private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

	private static double[] cross(double[] a, double[] b) {
		return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
	}
}
