package lesionradiomics.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The convex hull of points on an integer lattice (mesh vertices sit on half-voxel positions), built incrementally
 * with exact orientation tests in long arithmetic, so coplanar lattice points never make it fail. Gives the hull's
 * volume and surface area after scaling each axis.
 */
final class ConvexHull {

	private final long[][] p;
	/** Faces as vertex index triples, counter-clockwise seen from outside. */
	private final List<int[]> faces = new ArrayList<>();

	/** @param points lattice points (x, y, z); at least four of them not coplanar */
	ConvexHull(long[][] points) {
		p = points;
		int n = p.length;
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
		// orient(face, q) > 0 means q is outside (in front of) the face
		faces.add(new int[] { a, b, c });
		faces.add(new int[] { a, d, b });
		faces.add(new int[] { b, d, c });
		faces.add(new int[] { c, d, a });
		for (int q = 0; q < n; q++) {
			if (q == a || q == b || q == c || q == d) continue;
			Set<Long> edges = new HashSet<>();
			List<int[]> kept = new ArrayList<>(faces.size());
			boolean visible = false;
			for (int[] f : faces)
				if (orient(f[0], f[1], f[2], q) > 0) {
					visible = true;
					edges.add(edge(f[0], f[1]));
					edges.add(edge(f[1], f[2]));
					edges.add(edge(f[2], f[0]));
				} else kept.add(f);
			if (!visible) continue;
			for (long e : edges) {
				int u = (int) (e >>> 32), v = (int) e;
				if (!edges.contains(edge(v, u))) kept.add(new int[] { u, v, q }); // a horizon edge
			}
			faces.clear();
			faces.addAll(kept);
		}
	}

	private static long edge(int u, int v) { return ((long) u << 32) | (v & 0xffffffffL); }

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
		for (int[] f : faces) {
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
}
