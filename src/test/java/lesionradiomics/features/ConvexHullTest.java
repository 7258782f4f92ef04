package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The convex hull against brute force on small lattice point sets full of coplanar, collinear and repeated points:
 * every triple of points whose plane has all points on one side is a facet plane; each facet is the 2D hull of the
 * points on its plane, the volume the sum of the pyramids from the centroid over the facets. The hull's volume, area
 * and vertices (it must have every corner, and no point off the boundary) must agree.
 */
class ConvexHullTest {

	@Test
	void volumeAreaAndVerticesEqualBruteForce() {
		SplittableRandom random = new SplittableRandom(41);
		for (int trial = 0; trial < 60; trial++) {
			int n = 8 + random.nextInt(40), range = 2 + random.nextInt(6);
			long[][] pts = new long[n][];
			for (int i = 0; i < n; i++) // a coarse lattice: many points share lines and planes, some repeat
				pts[i] = new long[] { random.nextInt(range + 1), random.nextInt(range + 1), random.nextInt(range / 2 + 2) };
			check(pts, "trial " + trial);
		}
		// a voxel ball's mesh points (half-voxel lattice), as Morphology gives them
		List<long[]> ball = new ArrayList<>();
		for (int z = 0; z <= 8; z++)
			for (int y = 0; y <= 8; y++)
				for (int x = 0; x <= 8; x++)
					if ((x - 4) * (x - 4) + (y - 4) * (y - 4) + 2 * (z - 4) * (z - 4) <= 14) ball.add(new long[] { x, y, z });
		check(ball.toArray(new long[0][]), "ball");
	}

	private static void check(long[][] pts, String what) {
		ConvexHull hull = new ConvexHull(pts);
		double[] got = hull.volumeAndArea(new double[] { 1, 1, 1 });
		Brute b = new Brute(pts);
		assertEquals(b.volume, got[0], 1e-9 * Math.max(1, b.volume), what + " volume");
		assertEquals(b.area, got[1], 1e-9 * Math.max(1, b.area), what + " area");
		ConvexHull.Scaled s = hull.scaled(new double[] { 1, 1, 1 });
		Set<String> vertices = new HashSet<>();
		for (double[] p : s.points()) vertices.add(Arrays.toString(new long[] { (long) p[0], (long) p[1], (long) p[2] }));
		for (String corner : b.corners) assertTrue(vertices.contains(corner), what + ": corner " + corner + " missing");
		for (String v : vertices) assertTrue(b.boundary.contains(v), what + ": vertex " + v + " is not on the boundary");
		if (b.volume > 0) assertEquals(b.volume > 0, s.faces().length >= 4, what);
	}

	/** The brute-force hull: facet planes from all triples. */
	private static final class Brute {
		double volume, area;
		final Set<String> corners = new HashSet<>(), boundary = new HashSet<>();

		Brute(long[][] p) {
			int n = p.length;
			double[] c = new double[3];
			for (long[] q : p) for (int d = 0; d < 3; d++) c[d] += q[d] / (double) n;
			Set<String> planes = new HashSet<>();
			for (int i = 0; i < n; i++)
				for (int j = i + 1; j < n; j++)
					for (int k = j + 1; k < n; k++) {
						long[] nr = cross(sub(p[j], p[i]), sub(p[k], p[i]));
						if (nr[0] == 0 && nr[1] == 0 && nr[2] == 0) continue;
						long off = dot(nr, p[i]);
						int above = 0, below = 0;
						for (long[] q : p) {
							long h = dot(nr, q) - off;
							if (h > 0) above++;
							if (h < 0) below++;
						}
						if (above > 0 && below > 0) continue;
						if (above > 0) { // outward
							for (int d = 0; d < 3; d++) nr[d] = -nr[d];
							off = -off;
						}
						long g = Math.abs(gcd(gcd(nr[0], nr[1]), gcd(nr[2], off)));
						long[] key = { nr[0] / g, nr[1] / g, nr[2] / g, off / g };
						if (!planes.add(Arrays.toString(key))) continue;
						facet(p, key, c);
					}
		}

		/** A facet: the 2D hull of the points on its plane, projected along its normal's largest component. */
		private void facet(long[][] p, long[] key, double[] c) {
			int drop = 0;
			for (int d = 1; d < 3; d++) if (Math.abs(key[d]) > Math.abs(key[drop])) drop = d;
			int ax = (drop + 1) % 3, ay = (drop + 2) % 3;
			List<long[]> on = new ArrayList<>();
			for (long[] q : p) if (dot(key, q) == key[3]) on.add(q);
			for (long[] q : on) boundary.add(Arrays.toString(q));
			on.sort((a, b) -> a[ax] != b[ax] ? Long.compare(a[ax], b[ax]) : Long.compare(a[ay], b[ay]));
			List<long[]> h = new ArrayList<>();
			for (int pass = 0; pass < 2; pass++) {
				int start = h.size();
				for (int i = 0; i < on.size(); i++) {
					long[] q = on.get(pass == 0 ? i : on.size() - 1 - i);
					while (h.size() >= start + 2 && turn(h.get(h.size() - 2), h.get(h.size() - 1), q, ax, ay) <= 0) h.remove(h.size() - 1);
					h.add(q);
				}
				h.remove(h.size() - 1);
			}
			if (h.size() < 3) return;
			double a2 = 0;
			for (int i = 0; i < h.size(); i++) {
				long[] u = h.get(i), w = h.get((i + 1) % h.size());
				a2 += (double) u[ax] * w[ay] - (double) w[ax] * u[ay];
			}
			double norm = Math.sqrt((double) key[0] * key[0] + (double) key[1] * key[1] + (double) key[2] * key[2]);
			double facetArea = Math.abs(a2) / 2 * norm / Math.abs(key[drop]);
			area += facetArea;
			volume += facetArea * (key[3] - (key[0] * c[0] + key[1] * c[1] + key[2] * c[2])) / norm / 3;
			for (long[] q : h) corners.add(Arrays.toString(q));
		}

		private static long turn(long[] o, long[] a, long[] b, int ax, int ay) {
			return (a[ax] - o[ax]) * (b[ay] - o[ay]) - (a[ay] - o[ay]) * (b[ax] - o[ax]);
		}
	}

	private static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }

	private static long[] sub(long[] u, long[] v) { return new long[] { u[0] - v[0], u[1] - v[1], u[2] - v[2] }; }

	private static long dot(long[] u, long[] v) { return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]; }

	private static long[] cross(long[] u, long[] v) {
		return new long[] { u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0] };
	}
}
