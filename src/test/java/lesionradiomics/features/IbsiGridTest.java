package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link IbsiGrid}'s padded matrices (co-occurrences, runs found at their first voxel, zones, border
 * distances) against a brute-force recomputation with bounds checks on random boxes, including grids that touch the
 * box's faces (where the zero border must act as outside) and flat regions (one run per line, one zone).
 */
class IbsiGridTest {

	/** Random boxes: sizes 1..6 per axis, grey levels 1..ng with holes (0) at the given fraction. */
	private static List<Object[]> cases() {
		SplittableRandom r = new SplittableRandom(24);
		List<Object[]> out = new ArrayList<>();
		for (int k = 0; k < 60; k++) {
			int[] size = { 1 + r.nextInt(6), 1 + r.nextInt(6), 1 + r.nextInt(6) };
			int ng = 1 + r.nextInt(k % 3 == 0 ? 2 : 5);
			double holes = k % 4 == 0 ? 0 : 0.3;
			int[] levels = new int[size[0] * size[1] * size[2]];
			for (int i = 0; i < levels.length; i++) levels[i] = r.nextDouble() < holes ? 0 : 1 + r.nextInt(ng);
			out.add(new Object[] { size, levels, ng });
		}
		return out;
	}

	private static int at(int[] s, int[] l, int x, int y, int z) {
		if (x < 0 || y < 0 || z < 0 || x >= s[0] || y >= s[1] || z >= s[2]) return 0;
		return l[x + s[0] * (y + s[1] * z)];
	}

	@Test
	void cooccurrencesAndRunsAsABoundsCheckedWalk() {
		for (Object[] c : cases()) {
			int[] s = (int[]) c[0], l = (int[]) c[1];
			int ng = (int) c[2];
			IbsiGrid g = new IbsiGrid(s, l, ng);
			List<int[]> blocks = new ArrayList<>(); // d, z0, z1
			for (int[] d : IbsiGrid.DIRECTIONS_3D) blocks.add(new int[] { d[0], d[1], d[2], 0, s[2] });
			for (int[] d : IbsiGrid.DIRECTIONS_2D)
				for (int z = 0; z < s[2]; z++) blocks.add(new int[] { d[0], d[1], d[2], z, z + 1 });
			for (int[] b : blocks) {
				int[] d = { b[0], b[1], b[2] };
				double[][] co = new double[ng][ng];
				int maxRun = Math.max(s[0], Math.max(s[1], s[2]));
				double[][] runs = new double[ng][maxRun];
				for (int z = b[3]; z < b[4]; z++)
					for (int y = 0; y < s[1]; y++)
						for (int x = 0; x < s[0]; x++) {
							int a = at(s, l, x, y, z);
							if (a == 0) continue;
							int n = at(s, l, x + d[0], y + d[1], z + d[2]);
							if (n != 0) {
								co[a - 1][n - 1]++;
								co[n - 1][a - 1]++;
							}
							if (at(s, l, x - d[0], y - d[1], z - d[2]) == a) continue; // not a run's first voxel
							int len = 0;
							while (at(s, l, x + len * d[0], y + len * d[1], z + len * d[2]) == a) len++;
							runs[a - 1][len - 1]++;
						}
				String where = Arrays.toString(s) + " d " + Arrays.toString(d) + " z " + b[3] + ".." + b[4];
				assertArrayEquals(co, g.cooccurrence(d, b[3], b[4]), "co-occurrences " + where);
				// columns up to the longest run (at least one)
				int longest = 1;
				for (double[] row : runs) for (int k = 0; k < row.length; k++) if (row[k] != 0) longest = Math.max(longest, k + 1);
				double[][] trimmed = new double[ng][];
				for (int a = 0; a < ng; a++) trimmed[a] = Arrays.copyOf(runs[a], longest);
				assertArrayEquals(trimmed, g.runs(d, b[3], b[4]), "runs " + where);
			}
		}
	}

	@Test
	void zonesAsAFloodFill() {
		for (Object[] c : cases()) {
			int[] s = (int[]) c[0], l = (int[]) c[1];
			IbsiGrid g = new IbsiGrid(s, l, (int) c[2]);
			int[] distance = new int[l.length];
			for (int i = 0; i < distance.length; i++) distance[i] = 1 + (i * 7919) % 13;
			check(g, s, l, 0, s[2], false, distance);
			for (int z = 0; z < s[2]; z++) check(g, s, l, z, z + 1, true, distance);
		}
	}

	/** Zones as (level, size, smallest distance) triples, sorted, against a bounds-checked flood fill. */
	private static void check(IbsiGrid g, int[] s, int[] l, int z0, int z1, boolean inPlane, int[] distance) {
		int[][] got = g.zones(z0, z1, inPlane, distance);
		List<String> expected = new ArrayList<>(), actual = new ArrayList<>();
		for (int k = 0; k < got[0].length; k++) actual.add(got[0][k] + "/" + got[1][k] + "/" + got[2][k]);
		boolean[] seen = new boolean[l.length];
		int dzMax = inPlane ? 0 : 1;
		for (int z = z0; z < z1; z++)
			for (int y = 0; y < s[1]; y++)
				for (int x = 0; x < s[0]; x++) {
					int v = x + s[0] * (y + s[1] * z), level = l[v];
					if (level == 0 || seen[v]) continue;
					int size = 0, minD = Integer.MAX_VALUE;
					List<int[]> stack = new ArrayList<>(List.of(new int[] { x, y, z }));
					seen[v] = true;
					while (!stack.isEmpty()) {
						int[] p = stack.remove(stack.size() - 1);
						size++;
						minD = Math.min(minD, distance[p[0] + s[0] * (p[1] + s[1] * p[2])]);
						for (int dz = -dzMax; dz <= dzMax; dz++)
							for (int dy = -1; dy <= 1; dy++)
								for (int dx = -1; dx <= 1; dx++) {
									int xx = p[0] + dx, yy = p[1] + dy, zz = p[2] + dz;
									if (zz < z0 || zz >= z1 || at(s, l, xx, yy, zz) != level) continue;
									int w = xx + s[0] * (yy + s[1] * zz);
									if (!seen[w]) {
										seen[w] = true;
										stack.add(new int[] { xx, yy, zz });
									}
								}
					}
					expected.add(level + "/" + size + "/" + minD);
				}
		java.util.Collections.sort(expected);
		java.util.Collections.sort(actual);
		assertEquals(expected, actual, "zones of " + Arrays.toString(s) + " z " + z0 + ".." + z1 + (inPlane ? " in-plane" : " 3D"));
	}

	@Test
	void borderDistanceAsRepeatedErosion() {
		for (Object[] c : cases()) {
			int[] s = (int[]) c[0], l = (int[]) c[1];
			IbsiGrid g = new IbsiGrid(s, l, (int) c[2]);
			boolean[] mask = new boolean[l.length];
			for (int i = 0; i < mask.length; i++) mask[i] = l[i] != 0;
			for (boolean inPlane : new boolean[] { true, false }) {
				// distance = 1 + the number of erosions (face neighbours, beyond the box outside) the voxel survives
				int[] expected = new int[mask.length];
				boolean[] cur = mask.clone();
				for (int round = 1; ; round++) {
					boolean any = false;
					boolean[] next = new boolean[cur.length];
					for (int z = 0; z < s[2]; z++)
						for (int y = 0; y < s[1]; y++)
							for (int x = 0; x < s[0]; x++) {
								int v = x + s[0] * (y + s[1] * z);
								if (!cur[v]) continue;
								any = true;
								expected[v] = round;
								boolean keep = in(cur, s, x - 1, y, z) && in(cur, s, x + 1, y, z) && in(cur, s, x, y - 1, z) && in(cur, s, x, y + 1, z);
								if (!inPlane) keep &= in(cur, s, x, y, z - 1) && in(cur, s, x, y, z + 1);
								next[v] = keep;
							}
					if (!any) break;
					cur = next;
				}
				assertArrayEquals(expected, g.borderDistance(mask, inPlane), "distances of " + Arrays.toString(s) + (inPlane ? " in-plane" : " 3D"));
			}
		}
	}

	@Test
	void aFlatBoxIsOneZoneAndOneRunPerLine() {
		int[] s = { 4, 3, 2 }, l = new int[24];
		Arrays.fill(l, 2);
		IbsiGrid g = new IbsiGrid(s, l, 3);
		int[][] z = g.zones(0, 2, false, null);
		assertArrayEquals(new int[] { 2 }, z[0]);
		assertArrayEquals(new int[] { 24 }, z[1]);
		assertEquals(6, g.runs(new int[] { 1, 0, 0 }, 0, 2)[1][3], "six rows of four along x");
		assertEquals(4, g.runs(new int[] { 1, 0, 0 }, 0, 2)[1].length, "as wide as the longest run");
		assertEquals(24, g.voxels(0, 2));
		assertEquals(0, g.at(-1, 0, 0));
		assertEquals(0, g.at(4, 2, 1));
	}

	@Test
	void blocksCountedTogetherAsEachAlone() {
		for (Object[] c : cases()) {
			int[] s = (int[]) c[0];
			IbsiGrid together = new IbsiGrid(s, (int[]) c[1], (int) c[2]), alone = new IbsiGrid(s, (int[]) c[1], (int) c[2]);
			// every aggregation's blocks, in the order the features ask for them (later ones come from the shared pass)
			for (IbsiAggregation a : IbsiAggregation.values()) {
				if (!a.directional()) continue;
				for (java.util.List<IbsiAggregation.Block> g : a.groups(s[2]))
					for (IbsiAggregation.Block b : g) {
						String where = a + " " + Arrays.toString(b.d()) + " z " + b.z0();
						assertArrayEquals(alone.cooccurrence(b.d(), b.z0(), b.z1()), together.cooccurrence(b), "co-occurrences " + where);
						assertArrayEquals(alone.runs(b.d(), b.z0(), b.z1()), together.runs(b), "runs " + where);
					}
			}
		}
	}

	@Test
	void matricesOfDifferentWidthsSum() {
		double[][] sum = IbsiGrid.sum(List.of(new double[][] { { 1 }, { 2 } }, new double[][] { { 1, 3 }, { 0, 4 } }));
		assertArrayEquals(new double[][] { { 2, 3 }, { 2, 4 } }, sum);
		assertThrows(IllegalArgumentException.class, () -> IbsiGrid.sum(List.of(new double[1][1], new double[2][1])));
	}

	@Test
	void neighbourhoodsAcrossSlicesNeedAllSlices() {
		IbsiGrid g = new IbsiGrid(new int[] { 2, 2, 3 }, new int[12], 1);
		assertThrows(IllegalArgumentException.class, () -> g.cooccurrence(new int[] { 0, 0, 1 }, 0, 2));
		assertThrows(IllegalArgumentException.class, () -> g.runs(new int[] { 1, 1, 1 }, 1, 3));
		assertThrows(IllegalArgumentException.class, () -> g.zones(0, 2, false, null));
	}

	private static boolean in(boolean[] m, int[] s, int x, int y, int z) {
		if (x < 0 || y < 0 || z < 0 || x >= s[0] || y >= s[1] || z >= s[2]) return false;
		return m[x + s[0] * (y + s[1] * z)];
	}
}
