package lesionradiomics.preprocess.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The right-angle rotations IBSI 2 pools over for pseudo rotation invariance of separable filters: the 24 rotations
 * of the cube in 3D, the 4 of the square in 2D (reflections excluded: a rotation never turns a right-handed grid into
 * a left-handed one). A rotated separable kernel is again separable — along output axis {@code a} it is the source
 * axis {@code source[a]}'s 1D kernel, reversed when {@code flip[a]} — which is all a separable filter needs.
 */
final class Rotations {

	/** One rotation as a signed permutation of the axes. */
	record Rotation(int[] source, boolean[] flip) {
		/** The per-axis kernels of {@code kernels} (indexed by axis, null for an unfiltered axis) rotated. */
		double[][] apply(double[][] kernels) {
			double[][] out = new double[kernels.length][];
			for (int a = 0; a < source.length; a++) {
				double[] k = kernels[source[a]];
				out[a] = k == null ? null : flip[a] ? Convolution.reversed(k) : k;
			}
			return out;
		}
	}

	private Rotations() {}

	/** The rotations of a {@code dims}-dimensional grid (2 or 3), identity first. */
	static List<Rotation> of(int dims) {
		List<Rotation> out = new ArrayList<>();
		for (int[] p : permutations(dims))
			for (int signs = 0; signs < (1 << dims); signs++) {
				boolean[] flip = new boolean[dims];
				int negatives = 0;
				for (int a = 0; a < dims; a++) if ((flip[a] = (signs >> a & 1) == 1)) negatives++;
				if (parity(p) * (negatives % 2 == 0 ? 1 : -1) == 1) out.add(new Rotation(p, flip));
			}
		return out;
	}

	/**
	 * The distinct rotated kernel sets of {@code kernels} (for 2D, axes 0 and 1 rotate and axis 2 is kept). A rotation
	 * group's orbit repeats each distinct member equally often, so pooling over the distinct sets — by max or by
	 * average — equals pooling over all rotations.
	 */
	static List<double[][]> distinct(double[][] kernels, boolean planar) {
		List<double[][]> out = new ArrayList<>();
		for (Rotation r : of(planar ? 2 : 3)) {
			double[][] k = planar ? withZ(r.apply(new double[][] { kernels[0], kernels[1] }), kernels[2]) : r.apply(kernels);
			boolean seen = false;
			for (double[][] o : out) seen |= Arrays.deepEquals(o, k);
			if (!seen) out.add(k);
		}
		return out;
	}

	private static double[][] withZ(double[][] xy, double[] z) {
		return new double[][] { xy[0], xy[1], z };
	}

	private static List<int[]> permutations(int n) {
		List<int[]> out = new ArrayList<>();
		if (n == 2) {
			out.add(new int[] { 0, 1 });
			out.add(new int[] { 1, 0 });
		} else {
			int[][] all = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
			out.addAll(Arrays.asList(all));
		}
		return out;
	}

	private static int parity(int[] p) {
		int inversions = 0;
		for (int i = 0; i < p.length; i++) for (int j = i + 1; j < p.length; j++) if (p[i] > p[j]) inversions++;
		return inversions % 2 == 0 ? 1 : -1;
	}
}
