package lesionradiomics.preprocess.filter;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Geometry of an image stored as a flat array, x fastest ({@code index = x + nx·(y + ny·z)}), and the loop over its
 * lines along one axis. Lines are independent, so they run in parallel and the result does not depend on the thread
 * count.
 */
final class Lines {

	private Lines() {}

	/** Number of lines along {@code axis}. */
	static int count(int[] size, int axis) {
		return size[0] * size[1] * size[2] / size[axis];
	}

	/** Index of the first voxel of line {@code line} along {@code axis}. */
	static int start(int[] size, int axis, int line) {
		switch (axis) {
		case 0: return line * size[0];
		case 1: {
			int x = line % size[0], z = line / size[0];
			return x + size[0] * size[1] * z;
		}
		default: return line;
		}
	}

	/** Distance between neighbours along {@code axis}. */
	static int stride(int[] size, int axis) {
		return axis == 0 ? 1 : axis == 1 ? size[0] : size[0] * size[1];
	}

	/** {@code body} for every line along {@code axis}, in parallel when the image is large enough to repay it. */
	static void forEach(int[] size, int axis, IntConsumer body) {
		int n = count(size, axis);
		if ((long) size[0] * size[1] * size[2] < 32768) {
			for (int i = 0; i < n; i++) body.accept(i);
		} else IntStream.range(0, n).parallel().forEach(body);
	}

	/** {@code body} for every index in [0, n), in parallel. */
	static void parallel(int n, IntConsumer body) {
		if (n < 2) {
			for (int i = 0; i < n; i++) body.accept(i);
		} else IntStream.range(0, n).parallel().forEach(body);
	}

	static int voxels(int[] size) {
		return size[0] * size[1] * size[2];
	}
}
