package lesionradiomics.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Mesh volume and surface of a binary mask by marching cubes at iso-level 0.5, following pyradiomics 3
 * ({@code radiomics/src/cshape.c}) step for step: the mask is walked in (z, y, x) order with one voxel of zero padding
 * around it, configurations above 127 use their complement's triangles with the volume sign flipped, the volume is
 * the sum of signed tetrahedra (origin, triangle) / 6, and the vertices for the diameters are the midpoints of all
 * grid edges that cross the mask boundary.
 */
final class MarchingCubes {

	/** Corner offsets (z, y, x) of the cube. */
	private static final int[][] CORNERS = { { 0, 0, 0 }, { 0, 0, 1 }, { 0, 1, 1 }, { 0, 1, 0 }, { 1, 0, 0 }, { 1, 0, 1 }, { 1, 1, 1 },
			{ 1, 1, 0 } };
	/** Edge midpoints (z, y, x) relative to the cube origin. */
	private static final double[][] EDGE_POINTS = { { 0, 0, 0.5 }, { 0, 0.5, 1 }, { 0, 1, 0.5 }, { 0, 0.5, 0 }, { 1, 0, 0.5 },
			{ 1, 0.5, 1 }, { 1, 1, 0.5 }, { 1, 0.5, 0 }, { 0.5, 0, 0 }, { 0.5, 0, 1 }, { 0.5, 1, 1 }, { 0.5, 1, 0 } };
	private static final int[][] TRIANGLES = loadTriangles();

	/** Result of one marching: volume and surface in mm³/mm², and the boundary vertices (z, y, x mm, flattened). */
	static final class Mesh {
		final double volume;
		final double surfaceArea;
		final double[] vertices;

		Mesh(double volume, double surfaceArea, double[] vertices) {
			this.volume = volume;
			this.surfaceArea = surfaceArea;
			this.vertices = vertices;
		}
	}

	private MarchingCubes() {}

	private static int[][] loadTriangles() {
		try (InputStream in = MarchingCubes.class.getResourceAsStream("marching-cubes-triangles.txt");
				BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
			List<int[]> rows = new ArrayList<>();
			String line;
			while ((line = r.readLine()) != null) {
				if (line.startsWith("#")) continue;
				String t = line.trim();
				if (t.isEmpty()) {
					rows.add(new int[0]);
					continue;
				}
				String[] p = t.split("\\s+");
				int[] row = new int[p.length];
				for (int i = 0; i < p.length; i++) row[i] = Integer.parseInt(p[i]);
				rows.add(row);
			}
			if (rows.size() != 128) throw new IllegalStateException("marching cubes table must have 128 rows, has " + rows.size());
			return rows.toArray(new int[0][]);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Marches over {@code mask} (x fastest, sizes nx, ny, nz) which must already carry a border of zeros.
	 * {@code spacing} is (x, y, z) in mm.
	 */
	static Mesh march(boolean[] mask, int nx, int ny, int nz, double[] spacing) {
		double[] sp = { spacing[2], spacing[1], spacing[0] }; // (z, y, x) as pyradiomics
		int sy = nx, sz = nx * ny;
		int[] cornerOffset = new int[8];
		for (int a = 0; a < 8; a++) cornerOffset[a] = CORNERS[a][0] * sz + CORNERS[a][1] * sy + CORNERS[a][2];
		double volume = 0, area = 0;
		double[] vertices = new double[64];
		int nv = 0;
		double[] a = new double[3], b = new double[3], c = new double[3];
		for (int iz = 0; iz < nz - 1; iz++) {
			for (int iy = 0; iy < ny - 1; iy++) {
				for (int ix = 0; ix < nx - 1; ix++) {
					int base = iz * sz + iy * sy + ix;
					int cube = 0;
					for (int k = 0; k < 8; k++) if (mask[base + cornerOffset[k]]) cube |= 1 << k;
					int sign = 1;
					if ((cube & 0x80) != 0) {
						cube ^= 0xff;
						sign = -1;
					}
					if (cube == 0) continue;
					// Corner 7 is outside now, so the edges ending at it (6, 7, 11) cross the boundary exactly when
					// corners 6, 4 and 3 are inside: every boundary edge of the grid is found once this way.
					if (nv + 9 > vertices.length) vertices = java.util.Arrays.copyOf(vertices, vertices.length * 2);
					if ((cube & (1 << 6)) != 0) nv = addVertex(vertices, nv, iz, iy, ix, EDGE_POINTS[6], sp);
					if ((cube & (1 << 4)) != 0) nv = addVertex(vertices, nv, iz, iy, ix, EDGE_POINTS[7], sp);
					if ((cube & (1 << 3)) != 0) nv = addVertex(vertices, nv, iz, iy, ix, EDGE_POINTS[11], sp);
					int[] tri = TRIANGLES[cube];
					for (int t = 0; t < tri.length; t += 3) {
						for (int d = 0; d < 3; d++) {
							int pos = d == 0 ? iz : d == 1 ? iy : ix;
							a[d] = (pos + EDGE_POINTS[tri[t]][d]) * sp[d];
							b[d] = (pos + EDGE_POINTS[tri[t + 1]][d]) * sp[d];
							c[d] = (pos + EDGE_POINTS[tri[t + 2]][d]) * sp[d];
						}
						double abx = a[1] * b[2] - b[1] * a[2];
						double aby = a[2] * b[0] - b[2] * a[0];
						double abz = a[0] * b[1] - b[0] * a[1];
						volume += sign * (abx * c[0] + aby * c[1] + abz * c[2]);
						for (int d = 0; d < 3; d++) {
							a[d] -= c[d];
							b[d] -= c[d];
						}
						double cx = a[1] * b[2] - b[1] * a[2];
						double cy = a[2] * b[0] - b[2] * a[0];
						double cz = a[0] * b[1] - b[0] * a[1];
						area += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
					}
				}
			}
		}
		return new Mesh(volume / 6, area, java.util.Arrays.copyOf(vertices, nv));
	}

	private static int addVertex(double[] v, int n, int iz, int iy, int ix, double[] edge, double[] sp) {
		v[n] = (iz + edge[0]) * sp[0];
		v[n + 1] = (iy + edge[1]) * sp[1];
		v[n + 2] = (ix + edge[2]) * sp[2];
		return n + 3;
	}

	/**
	 * Largest vertex distances: [0] within a plane of equal z (slice), [1] equal y (column), [2] equal x (row), [3]
	 * overall (pyradiomics' {@code calculate_meshDiameter}, which compares every pair). The same maxima are found with
	 * far fewer comparisons: vertices are visited by decreasing distance from their centroid, and a pair is skipped once
	 * the sum of the two distances (an upper bound of their separation) cannot beat the best pair found.
	 */
	static double[] diameters(double[] v, double[] spacingZyx) {
		int n = v.length / 3;
		int[] all = new int[n];
		for (int i = 0; i < n; i++) all[i] = i;
		double[] out = new double[4];
		out[3] = Math.sqrt(maxDistanceSquared(v, all, 0, n));
		for (int axis = 0; axis < 3; axis++) {
			// Vertices sit at whole or half voxel positions: group them by that half-index (a counting sort), which is
			// exactly grouping by equal coordinate.
			int[] key = new int[n];
			int maxKey = 0;
			for (int i = 0; i < n; i++) {
				key[i] = (int) Math.round(2 * v[3 * i + axis] / spacingZyx[axis]);
				maxKey = Math.max(maxKey, key[i]);
			}
			int[] start = new int[maxKey + 2];
			for (int k : key) start[k + 1]++;
			for (int k = 0; k <= maxKey; k++) start[k + 1] += start[k];
			int[] sorted = new int[n], fill = start.clone();
			for (int i = 0; i < n; i++) sorted[fill[key[i]]++] = i;
			double best = 0;
			for (int k = 0; k <= maxKey; k++) best = Math.max(best, maxDistanceSquared(v, sorted, start[k], start[k + 1]));
			out[axis] = Math.sqrt(best);
		}
		return out;
	}

	/** Largest squared distance between the vertices idx[from..to). */
	static double maxDistanceSquared(double[] v, int[] idx, int from, int to) {
		int n = to - from;
		if (n < 2) return 0;
		double cz = 0, cy = 0, cx = 0;
		for (int k = from; k < to; k++) {
			cz += v[3 * idx[k]];
			cy += v[3 * idx[k] + 1];
			cx += v[3 * idx[k] + 2];
		}
		cz /= n;
		cy /= n;
		cx /= n;
		double[] r = new double[n];
		double rMaxAll = 0;
		int far = 0;
		for (int k = 0; k < n; k++) {
			int i = idx[from + k];
			double dz = v[3 * i] - cz, dy = v[3 * i + 1] - cy, dx = v[3 * i + 2] - cx;
			r[k] = Math.sqrt(dz * dz + dy * dy + dx * dx);
			if (r[k] > rMaxAll) {
				rMaxAll = r[k];
				far = k;
			}
		}
		// a first pair: the vertex farthest from the centroid and the vertex farthest from it. A pair's distance is at
		// most the sum of its radii, so a vertex with r + rMax below that distance is in no farther pair: only the
		// others are sorted (usually a small part of the surface), and the search below finds the same maximum
		double first = 0;
		{
			int i = idx[from + far];
			double az = v[3 * i], ay = v[3 * i + 1], ax = v[3 * i + 2];
			for (int k = from; k < to; k++) {
				int j = idx[k];
				double dz = az - v[3 * j], dy = ay - v[3 * j + 1], dx = ax - v[3 * j + 2];
				first = Math.max(first, dz * dz + dy * dy + dx * dx);
			}
		}
		double firstD = Math.sqrt(first) / (1 + 1e-6);
		int m = 0;
		for (int k = 0; k < n; k++) if (r[k] + rMaxAll >= firstD) m++;
		// order the candidates by decreasing distance from the centroid: sort (float radius bits, index) keys, descending
		long[] keys = new long[m];
		for (int k = 0, c = 0; k < n; k++)
			if (r[k] + rMaxAll >= firstD) keys[c++] = (long) Float.floatToIntBits((float) r[k]) << 32 | k;
		java.util.Arrays.sort(keys);
		n = m;
		if (n < 2) return first; // (the pair's partner is a candidate, so never, but rounding aside)
		// float keys order radii only to ~1e-7: the pruning bound carries that slack
		double slack = 1 + 1e-6;
		double best = 0, bestD = 0;
		double rMax = r[(int) keys[n - 1]];
		for (int a = n - 1; a >= 0; a--) {
			int ka = (int) keys[a];
			double ra = r[ka];
			if ((ra + rMax) * slack < bestD) break;
			int i = idx[from + ka];
			double az = v[3 * i], ay = v[3 * i + 1], ax = v[3 * i + 2];
			for (int b = a - 1; b >= 0; b--) {
				int kb = (int) keys[b];
				if ((ra + r[kb]) * slack < bestD) break;
				int j = idx[from + kb];
				double dz = az - v[3 * j], dy = ay - v[3 * j + 1], dx = ax - v[3 * j + 2];
				double d = dz * dz + dy * dy + dx * dx;
				if (d > best) {
					best = d;
					bestD = Math.sqrt(best);
				}
			}
		}
		return Math.max(best, first);
	}
}
