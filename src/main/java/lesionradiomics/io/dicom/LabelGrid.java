package lesionradiomics.io.dicom;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.IntegerType;

/** The label array a delineation is rasterised into: unsigned bytes for up to 255 labels (as NRRD label maps), else shorts. */
final class LabelGrid {

	private final byte[] bytes;
	private final short[] shorts;
	private final long[] dims;

	LabelGrid(long[] dims, int labels) {
		this.dims = dims.clone();
		int n = (int) (dims[0] * dims[1] * dims[2]);
		bytes = labels <= 255 ? new byte[n] : null;
		shorts = labels <= 255 ? null : new short[n];
	}

	int get(int i) {
		return bytes != null ? bytes[i] & 0xFF : shorts[i] & 0xFFFF;
	}

	void set(int i, int label) {
		if (bytes != null) bytes[i] = (byte) label;
		else shorts[i] = (short) label;
	}

	RandomAccessibleInterval<? extends IntegerType<?>> image() {
		return bytes != null ? ArrayImgs.unsignedBytes(bytes, dims) : ArrayImgs.unsignedShorts(shorts, dims);
	}
}
