package lesionradiomics.volume;

import java.util.Arrays;

/** Inclusive voxel bounds of a lesion, plus its voxel count. Immutable. */
public final class BoundingBox {

	private final long[] min;
	private final long[] max;
	private final long voxelCount;

	public BoundingBox(long[] min, long[] max, long voxelCount) {
		this.min = min.clone();
		this.max = max.clone();
		this.voxelCount = voxelCount;
	}

	public long[] min() { return min.clone(); }
	public long[] max() { return max.clone(); }
	public long min(int d) { return min[d]; }
	public long max(int d) { return max[d]; }
	public long voxelCount() { return voxelCount; }
	public long size(int d) { return max[d] - min[d] + 1; }
	public long[] size() { return new long[] { size(0), size(1), size(2) }; }

	/** Grows the box by {@code pad} voxels on every side, clipped to an image of the given size. */
	public BoundingBox padded(long pad, long[] imageSize) {
		return padded(new long[] { pad, pad, pad }, imageSize);
	}

	/** This box grown by {@code pad[d]} voxels on both sides of axis d, clipped to the image. */
	public BoundingBox padded(long[] pad, long[] imageSize) {
		long[] lo = new long[3], hi = new long[3];
		for (int d = 0; d < 3; d++) {
			lo[d] = Math.max(0, min[d] - pad[d]);
			hi[d] = Math.min(imageSize[d] - 1, max[d] + pad[d]);
		}
		return new BoundingBox(lo, hi, voxelCount);
	}

	@Override
	public String toString() {
		return Arrays.toString(min) + ".." + Arrays.toString(max) + " (" + voxelCount + " voxels)";
	}
}
