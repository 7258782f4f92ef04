package lesionradiomics.io.dicom;

import java.util.SortedMap;
import java.util.TreeMap;

import lesionradiomics.volume.BoundingBox;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.IntegerType;

/**
 * The label array a delineation is rasterised into: unsigned bytes for up to 255 labels (as NRRD label maps), else
 * shorts. Voxels are only ever set on background (the first ROI keeps an overlap), so each label's bounding box and
 * voxel count are kept as it is drawn: the label map needs no second pass over its voxels to find its lesions.
 */
final class LabelGrid {

	private final byte[] bytes;
	private final short[] shorts;
	private final long[] dims;
	private final int nx, nxy;
	/** Per label: min x, y, z, max x, y, z (ints), and the voxel count. */
	private final int[][] bounds;
	private final long[] counts;

	LabelGrid(long[] dims, int labels) {
		this.dims = dims.clone();
		int n = (int) (dims[0] * dims[1] * dims[2]);
		bytes = labels <= 255 ? new byte[n] : null;
		shorts = labels <= 255 ? null : new short[n];
		nx = (int) dims[0];
		nxy = (int) (dims[0] * dims[1]);
		bounds = new int[labels + 1][];
		counts = new long[labels + 1];
	}

	int get(int i) {
		return bytes != null ? bytes[i] & 0xFF : shorts[i] & 0xFFFF;
	}

	/** Sets a background voxel to {@code label} (1..labels). */
	void set(int i, int label) {
		if (get(i) != 0) throw new IllegalStateException("voxel " + i + " already holds label " + get(i)); // the callers keep the first ROI
		if (bytes != null) bytes[i] = (byte) label;
		else shorts[i] = (short) label;
		int x = i % nx, y = (i / nx) % (int) dims[1], z = i / nxy;
		int[] b = bounds[label];
		if (b == null) bounds[label] = new int[] { x, y, z, x, y, z };
		else {
			b[0] = Math.min(b[0], x);
			b[1] = Math.min(b[1], y);
			b[2] = Math.min(b[2], z);
			b[3] = Math.max(b[3], x);
			b[4] = Math.max(b[4], y);
			b[5] = Math.max(b[5], z);
		}
		counts[label]++;
	}

	RandomAccessibleInterval<? extends IntegerType<?>> image() {
		return bytes != null ? ArrayImgs.unsignedBytes(bytes, dims) : ArrayImgs.unsignedShorts(shorts, dims);
	}

	/** Bounding box and voxel count of every label drawn, as {@link lesionradiomics.volume.LabelMap#lesions()} finds them. */
	SortedMap<Long, BoundingBox> lesions() {
		SortedMap<Long, BoundingBox> out = new TreeMap<>();
		for (int l = 1; l < bounds.length; l++)
			if (bounds[l] != null)
				out.put((long) l, new BoundingBox(new long[] { bounds[l][0], bounds[l][1], bounds[l][2] }, new long[] { bounds[l][3], bounds[l][4], bounds[l][5] },
						counts[l]));
		return out;
	}
}
