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
	 * overall (pyradiomics' {@code calculate_meshDiameter}). Vertices are grouped by coordinate so the planar maxima
	 * only compare vertices that share a plane.
	 */
	static double[] diameters(double[] v) {
		int n = v.length / 3;
		double[] out = new double[4];
		double max3d = 0;
		for (int i = 0; i < n; i++) {
			double ax = v[3 * i], ay = v[3 * i + 1], az = v[3 * i + 2];
			for (int j = i + 1; j < n; j++) {
				double dz = ax - v[3 * j], dy = ay - v[3 * j + 1], dx = az - v[3 * j + 2];
				double d = dz * dz + dy * dy + dx * dx;
				if (d > max3d) max3d = d;
			}
		}
		out[3] = Math.sqrt(max3d);
		for (int axis = 0; axis < 3; axis++) out[axis] = Math.sqrt(planarMax(v, n, axis));
		return out;
	}

	private static double planarMax(double[] v, int n, int axis) {
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		java.util.Arrays.sort(order, (p, q) -> Double.compare(v[3 * p + axis], v[3 * q + axis]));
		double best = 0;
		int start = 0;
		while (start < n) {
			int end = start;
			double key = v[3 * order[start] + axis];
			while (end < n && v[3 * order[end] + axis] == key) end++;
			for (int i = start; i < end; i++) {
				int p = order[i];
				for (int j = i + 1; j < end; j++) {
					int q = order[j];
					double dz = v[3 * p] - v[3 * q], dy = v[3 * p + 1] - v[3 * q + 1], dx = v[3 * p + 2] - v[3 * q + 2];
					double d = dz * dz + dy * dy + dx * dx;
					if (d > best) best = d;
				}
			}
			start = end;
		}
		return best;
	}
}
