package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The convex hull of points on an integer lattice (mesh vertices sit on half-voxel positions), built incrementally
 * with exact orientation tests in long arithmetic, so coplanar lattice points never make it fail. Gives the hull's
 * volume and surface area after scaling each axis.
 */
final class ConvexHull {

	private final long[][] p;
	/** Faces: vertex index triples, counter-clockwise seen from outside, with their outward normals. */
	private final List<Face> faces = new ArrayList<>();

	/** A face a, b, c with normal n = (b − a) × (c − a) and offset n·a: q is outside when n·q > offset. */
	private record Face(int a, int b, int c, long nx, long ny, long nz, long offset) {
		boolean seenFrom(long[] q) { return nx * q[0] + ny * q[1] + nz * q[2] > offset; }
	}

	/**
	 * @param points lattice points (x, y, z); fewer than four points off one plane give an empty hull. Points inside
	 *               the hull of the extreme points along 13 axes are dropped first (most of a mesh's vertices).
	 */
	ConvexHull(long[][] points) {
		ConvexHull coarse = new ConvexHull(extremePoints(points), false);
		if (coarse.faces.isEmpty()) {
			p = points;
			return;
		}
		List<long[]> kept = new ArrayList<>();
		for (Face f : coarse.faces) for (int v : new int[] { f.a, f.b, f.c }) kept.add(coarse.p[v]);
		for (long[] q : points) {
			boolean outside = false;
			for (Face f : coarse.faces) if (f.nx * q[0] + f.ny * q[1] + f.nz * q[2] >= f.offset) { outside = true; break; }
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

	private Face face(int a, int b, int c) {
		long[] ab = sub(p[b], p[a]), ac = sub(p[c], p[a]);
		long[] n = cross(ab, ac);
		return new Face(a, b, c, n[0], n[1], n[2], n[0] * p[a][0] + n[1] * p[a][1] + n[2] * p[a][2]);
	}

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
		faces.add(face(a, b, c));
		faces.add(face(a, d, b));
		faces.add(face(b, d, c));
		faces.add(face(c, d, a));
		long[] edges = new long[96]; // the visible faces' edges (few per point: a linear search beats hashing)
		for (int q = 0; q < n; q++) {
			if (q == a || q == b || q == c || q == d) continue;
			long[] pq = p[q];
			// one pass: the faces q sees leave (the last face takes their place, so the list needs no rebuild)
			int count = 0;
			for (int i = 0; i < faces.size();) {
				Face f = faces.get(i);
				if (!f.seenFrom(pq)) {
					i++;
					continue;
				}
				if (count + 3 > edges.length) edges = java.util.Arrays.copyOf(edges, 2 * edges.length);
				edges[count++] = edge(f.a, f.b);
				edges[count++] = edge(f.b, f.c);
				edges[count++] = edge(f.c, f.a);
				Face last = faces.remove(faces.size() - 1);
				if (i < faces.size()) faces.set(i, last);
			}
			for (int i = 0; i < count; i++) {
				int u = (int) (edges[i] >>> 32), v = (int) edges[i];
				if (!contains(edges, count, edge(v, u))) faces.add(face(u, v, q)); // a horizon edge
			}
		}
	}

	private static long edge(int u, int v) { return ((long) u << 32) | (v & 0xffffffffL); }

	private static boolean contains(long[] a, int count, long e) {
		for (int i = 0; i < count; i++) if (a[i] == e) return true;
		return false;
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
		for (Face face : faces) {
			int[] f = { face.a, face.b, face.c };
			double[][] v = new double[3][3];
			for (int k = 0; k < 3; k++)
				for (int d = 0; d < 3; d++) v[k][d] = p[f[k]][d] * scale[d];
			double[] u = { v[1][0] - v[0][0], v[1][1] - v[0][1], v[1][2] - v[0][2] };
			double[] w = { v[2][0] - v[0][0], v[2][1] - v[0][1], v[2][2] - v[0][2] };
			double cx = u[1] * w[2] - u[2] * w[1], cy = u[2] * w[0] - u[0] * w[2], cz = u[0] * w[1] - u[1] * w[0];
			area += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
			vol += (v[0][0] * cx + v[0][1] * cy + v[0][2] * cz) / 6;
		}
		return new double[] { Math.abs(vol), area };
	}

	int faceCount() { return faces.size(); }

	/** The hull's vertices with each lattice axis scaled, and its faces as index triples into them. */
	record Scaled(double[][] points, int[][] faces) {}

	Scaled scaled(double[] scale) {
		int[] index = new int[p.length];
		java.util.Arrays.fill(index, -1);
		List<double[]> pts = new ArrayList<>();
		int[][] out = new int[faces.size()][];
		int k = 0;
		for (Face face : faces) {
			int[] f = { face.a, face.b, face.c };
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
