package lesionradiomics.preprocess;

/**
 * The lines of a 3D image (x fastest) along one axis, grouped in blocks of neighbouring lines for filtering side by
 * side: voxel i of line j of block b is at {@code start(b) + i * stride + j * step}. Along y and z a block holds lines
 * that start at consecutive x (one row of a plane at most, along y), so each step reads and writes contiguous voxels;
 * along x it holds consecutive rows.
 */
final class LineBlocks {

	final int stride, step;
	private final int width, lines, perGroup, groupStride, groupLines;

	LineBlocks(int[] size, int axis, int width) {
		this.width = width;
		int plane = size[0] * size[1];
		switch (axis) {
		case 0: // rows: any run of them is evenly spaced
			stride = 1;
			step = size[0];
			groupLines = size[1] * size[2];
			groupStride = 0;
			lines = groupLines;
			break;
		case 1: // per plane, the lines of x = 0 .. size[0] - 1
			stride = size[0];
			step = 1;
			groupLines = size[0];
			groupStride = plane;
			lines = size[0] * size[2];
			break;
		case 2:
			stride = plane;
			step = 1;
			groupLines = plane;
			groupStride = 0;
			lines = plane;
			break;
		default: throw new IllegalArgumentException("axis " + axis);
		}
		perGroup = (groupLines + width - 1) / width;
	}

	/** Number of blocks of at most {@code width} lines along {@code axis}. */
	static int count(int[] size, int axis, int width) {
		LineBlocks b = new LineBlocks(size, axis, width);
		return b.perGroup * (b.lines / b.groupLines);
	}

	/** First voxel of the first line of block {@code b}. */
	int start(int b) {
		int group = b / perGroup, first = (b % perGroup) * width;
		return group * groupStride + first * step;
	}

	/** Lines in block {@code b}. */
	int lines(int b) {
		int first = (b % perGroup) * width;
		return Math.min(width, groupLines - first);
	}
}
