package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The convex hull of points on an integer lattice (mesh vertices sit on half-voxel positions), with exact orientation
 * tests in long arithmetic, so coplanar lattice points never make it fail. Gives the hull's volume and surface area
 * after scaling each axis.
 * <p>
 * Built as Quickhull builds it (Barber, Dobkin &amp; Huhdanpaa 1996): every point not yet on the hull waits in the
 * outside set of one face it sees; a face's farthest waiting point is added, the faces it sees are found from that
 * face through the faces' neighbours, they give way to a cone of new faces over their horizon, and their waiting
 * points are handed to the new faces they see or, seeing none, dropped: a point beyond a removed face and outside the
 * new hull sees one of the new faces (the new face on a horizon edge is between the two old faces there, both seen
 * from the point), so each point is tested against a few new faces per step instead of every face.
 */
final class ConvexHull {

	private final long[][] p;
	/** Faces by id: vertices {@code v[3f..3f+2]} counter-clockwise seen from outside; normal n = (b − a) × (c − a) and
	 * offset n·a at {@code plane[4f..4f+3]} (q is outside when n·q &gt; offset); {@code nb[3f + s]} the face across edge
	 * s, from v[3f + s] to v[3f + (s + 1) % 3]. */
	private int[] v = new int[0], nb = new int[0];
	private long[] plane = new long[0];
	/** Face state: alive, and the first point of its outside set (−1: none); {@code next[q]}: the next point of q's set. */
	private boolean[] alive = new boolean[0];
	private int[] head = new int[0], next;
	private int faceTotal;
	/** The ids of the faces of the hull, in the order they were made. */
	private int[] hull = new int[0];

	/**
	 * @param points lattice points (x, y, z); fewer than four points off one plane give an empty hull. Points inside
	 *               the hull of the extreme points along 13 axes are dropped first (most of a mesh's vertices).
	 */
	ConvexHull(long[][] points) {
		ConvexHull coarse = new ConvexHull(extremePoints(points), false);
		if (coarse.hull.length == 0) {
			p = points;
			return;
		}
		List<long[]> kept = new ArrayList<>();
		for (int f : coarse.hull) for (int k = 0; k < 3; k++) kept.add(coarse.p[coarse.v[3 * f + k]]);
		for (long[] q : points) {
			boolean outside = false;
			for (int f : coarse.hull)
				if (coarse.plane[4 * f] * q[0] + coarse.plane[4 * f + 1] * q[1] + coarse.plane[4 * f + 2] * q[2] >= coarse.plane[4 * f + 3]) {
					outside = true;
					break;
				}
			if (outside) kept.add(q);
		}
		p = kept.toArray(new long[0][]);
		build();
	}

	private ConvexHull(long[][] points, boolean unused) {
		p = points;
		build();
	}

	/** The points with the lowest and highest projection on each of 13 directions. */
	private static long[][] extremePoints(long[][] pts) {
		List<long[]> out = new ArrayList<>();
		for (int dz = -1; dz <= 1; dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					int first = dz != 0 ? dz : dy != 0 ? dy : dx;
					if (first <= 0) continue;
					long[] lo = null, hi = null;
					long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
					for (long[] q : pts) {
						long v = dx * q[0] + dy * q[1] + dz * q[2];
						if (v < min) { min = v; lo = q; }
						if (v > max) { max = v; hi = q; }
					}
					if (lo != null) { out.add(lo); out.add(hi); }
				}
		return out.toArray(new long[0][]);
	}

	/** A new face a, b, c (neighbours unset, no outside set); returns its id. */
	private int face(int a, int b, int c) {
		int f = faceTotal++;
		if (f == alive.length) {
			int cap = Math.max(16, 2 * f);
			v = java.util.Arrays.copyOf(v, 3 * cap);
			nb = java.util.Arrays.copyOf(nb, 3 * cap);
			plane = java.util.Arrays.copyOf(plane, 4 * cap);
			alive = java.util.Arrays.copyOf(alive, cap);
			head = java.util.Arrays.copyOf(head, cap);
			mark = java.util.Arrays.copyOf(mark, cap);
		}
		long[] ab = sub(p[b], p[a]), ac = sub(p[c], p[a]);
		long[] n = cross(ab, ac);
		v[3 * f] = a;
		v[3 * f + 1] = b;
		v[3 * f + 2] = c;
		plane[4 * f] = n[0];
		plane[4 * f + 1] = n[1];
		plane[4 * f + 2] = n[2];
		plane[4 * f + 3] = n[0] * p[a][0] + n[1] * p[a][1] + n[2] * p[a][2];
		alive[f] = true;
		head[f] = -1;
		mark[f] = 0;
		return f;
	}

	/** How far q is outside face f's plane, times |n| (positive: f is seen from q). */
	private long height(int f, long[] q) { return plane[4 * f] * q[0] + plane[4 * f + 1] * q[1] + plane[4 * f + 2] * q[2] - plane[4 * f + 3]; }

	/** Per face: the insertion that last visited it, + when it saw the face, − when not. */
	private int[] mark = new int[0];

	private void build() {
		int n = p.length;
		if (n < 4) return;
		int a = 0, b = -1, c = -1, d = -1;
		for (int i = 1; i < n && b < 0; i++) if (!same(p[a], p[i])) b = i;
		for (int i = 1; b >= 0 && i < n && c < 0; i++) if (!zero(cross(sub(p[b], p[a]), sub(p[i], p[a])))) c = i;
		for (int i = 1; c >= 0 && i < n && d < 0; i++) if (orient(a, b, c, i) != 0) d = i;
		if (d < 0) return; // flat: no volume
		if (orient(a, b, c, d) > 0) {
			int t = b;
			b = c;
			c = t;
		}
		int[] first = { face(a, b, c), face(a, d, b), face(b, d, c), face(c, d, a) };
		for (int f : first) // neighbours: the face with the reversed edge
			for (int s = 0; s < 3; s++)
				for (int g : first)
					for (int t = 0; t < 3; t++)
						if (g != f && v[3 * g + t] == v[3 * f + (s + 1) % 3] && v[3 * g + (t + 1) % 3] == v[3 * f + s]) nb[3 * f + s] = g;
		next = new int[n];
		for (int q = 0; q < n; q++) {
			if (q == a || q == b || q == c || q == d) continue;
			for (int f : first)
				if (height(f, p[q]) > 0) {
					next[q] = head[f];
					head[f] = q;
					break;
				}
		}
		int[] visible = new int[16], horizon = new int[48], cone = new int[16];
		int[] byStart = new int[n], byStartMark = new int[n];
		int stamp = 0;
		for (int f = 0; f < faceTotal; f++) { // faces made on the way are visited in turn
			if (!alive[f] || head[f] < 0) continue;
			int q = head[f];
			long best = height(f, p[q]);
			for (int i = next[q]; i >= 0; i = next[i]) {
				long h = height(f, p[i]);
				if (h > best) {
					best = h;
					q = i;
				}
			}
			long[] pq = p[q];
			stamp++;
			// the faces seen from q: connected, found from f through neighbours
			int nv = 0, nh = 0;
			visible[nv++] = f;
			mark[f] = stamp;
			for (int k = 0; k < nv; k++) {
				int g = visible[k];
				for (int s = 0; s < 3; s++) {
					int h = nb[3 * g + s];
					if (mark[h] == stamp) continue;
					if (mark[h] != -stamp && height(h, pq) > 0) {
						mark[h] = stamp;
						if (nv == visible.length) visible = java.util.Arrays.copyOf(visible, 2 * nv);
						visible[nv++] = h;
					} else {
						mark[h] = -stamp;
						if (3 * nh + 3 > horizon.length) horizon = java.util.Arrays.copyOf(horizon, 2 * horizon.length);
						horizon[3 * nh] = g; // edge s of g, beyond it h
						horizon[3 * nh + 1] = s;
						horizon[3 * nh + 2] = h;
						nh++;
					}
				}
			}
			// a cone of new faces (u, w, q) over the horizon edges u → w
			if (nh > cone.length) cone = java.util.Arrays.copyOf(cone, 2 * nh);
			for (int k = 0; k < nh; k++) {
				int g = horizon[3 * k], s = horizon[3 * k + 1], h = horizon[3 * k + 2];
				int u = v[3 * g + s], w = v[3 * g + (s + 1) % 3];
				int e = face(u, w, q);
				cone[k] = e;
				nb[3 * e] = h;
				for (int t = 0; t < 3; t++) if (nb[3 * h + t] == g) nb[3 * h + t] = e;
				if (byStartMark[u] == stamp) throw new IllegalStateException("horizon is not a simple cycle");
				byStartMark[u] = stamp;
				byStart[u] = e;
			}
			for (int k = 0; k < nh; k++) { // (u, w, q)'s edge w → q is the next face's q → w
				int e = cone[k], w = v[3 * e + 1];
				int e2 = byStart[w];
				nb[3 * e + 1] = e2;
				nb[3 * e2 + 2] = e;
			}
			// the waiting points of the faces that go: to the first new face they see, or dropped
			for (int k = 0; k < nv; k++) {
				int g = visible[k];
				alive[g] = false;
				for (int i = head[g], after; i >= 0; i = after) {
					after = next[i];
					if (i == q) continue;
					for (int t = 0; t < nh; t++) {
						int e = cone[t];
						if (height(e, p[i]) > 0) {
							next[i] = head[e];
							head[e] = i;
							break;
						}
					}
				}
				head[g] = -1;
			}
		}
		int count = 0;
		for (int f = 0; f < faceTotal; f++) if (alive[f]) count++;
		hull = new int[count];
		for (int f = 0, k = 0; f < faceTotal; f++) if (alive[f]) hull[k++] = f;
	}

	/** Sign of the volume of (a, b, c, q): positive when q is on the outer side of face a, b, c. */
	private int orient(int a, int b, int c, int q) {
		long[] ab = sub(p[b], p[a]), ac = sub(p[c], p[a]), aq = sub(p[q], p[a]);
		long[] n = cross(ab, ac);
		return Long.signum(n[0] * aq[0] + n[1] * aq[1] + n[2] * aq[2]);
	}

	private static long[] sub(long[] u, long[] v) { return new long[] { u[0] - v[0], u[1] - v[1], u[2] - v[2] }; }

	private static long[] cross(long[] u, long[] v) {
		return new long[] { u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0] };
	}

	private static boolean zero(long[] v) { return v[0] == 0 && v[1] == 0 && v[2] == 0; }

	private static boolean same(long[] u, long[] v) { return u[0] == v[0] && u[1] == v[1] && u[2] == v[2]; }

	/** {volume, surface area} with each lattice axis scaled by {@code scale}. */
	double[] volumeAndArea(double[] scale) {
		double vol = 0, area = 0;
		double[][] w = new double[3][3];
		for (int face : hull) {
			for (int k = 0; k < 3; k++)
				for (int d = 0; d < 3; d++) w[k][d] = p[v[3 * face + k]][d] * scale[d];
			double ux = w[1][0] - w[0][0], uy = w[1][1] - w[0][1], uz = w[1][2] - w[0][2];
			double vx = w[2][0] - w[0][0], vy = w[2][1] - w[0][1], vz = w[2][2] - w[0][2];
			double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
			area += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
			vol += (w[0][0] * cx + w[0][1] * cy + w[0][2] * cz) / 6;
		}
		return new double[] { Math.abs(vol), area };
	}

	int faceCount() { return hull.length; }

	/** The hull's vertices with each lattice axis scaled, and its faces as index triples into them. */
	record Scaled(double[][] points, int[][] faces) {}

	Scaled scaled(double[] scale) {
		int[] index = new int[p.length];
		java.util.Arrays.fill(index, -1);
		List<double[]> pts = new ArrayList<>();
		int[][] out = new int[hull.length][];
		int k = 0;
		for (int face : hull) {
			int[] f = { v[3 * face], v[3 * face + 1], v[3 * face + 2] };
			for (int j = 0; j < 3; j++) {
				if (index[f[j]] < 0) {
					index[f[j]] = pts.size();
					pts.add(new double[] { p[f[j]][0] * scale[0], p[f[j]][1] * scale[1], p[f[j]][2] * scale[2] });
				}
				f[j] = index[f[j]];
			}
			out[k++] = f;
		}
		return new Scaled(pts.toArray(new double[0][]), out);
	}
}
