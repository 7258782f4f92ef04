package lesionradiomics.volume;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;

/**
 * The voxels of a box of an image copied out (x fastest), one row at a time through a random access moved along x:
 * the same values a flat cursor over the box's interval view gives, without that cursor's per-voxel bookkeeping
 * (it dominated cropping and resampling each lesion's box).
 */
public final class BoxReader {

	private BoxReader() {}

	/** Intensities ({@link RealType#getRealDouble}) of the box {@code [min, max]}. */
	public static double[] values(RandomAccessibleInterval<? extends RealType<?>> image, long[] min, long[] max) {
		int sx = width(min, max, 0), sy = width(min, max, 1), sz = width(min, max, 2);
		double[] out = new double[Math.multiplyExact(Math.multiplyExact(sx, sy), sz)];
		if (fromStorage(image, min, sx, sy, sz, out)) return out;
		RandomAccess<? extends RealType<?>> a = image.randomAccess(new net.imglib2.FinalInterval(min, max));
		for (int z = 0, i = 0; z < sz; z++)
			for (int y = 0; y < sy; y++) {
				a.setPosition(new long[] { min[0], min[1] + y, min[2] + z });
				for (int x = 0; x < sx; x++, a.fwd(0)) out[i++] = a.get().getRealDouble();
			}
		return out;
	}

	/** Labels ({@link IntegerType#getIntegerLong}) of the box {@code [min, max]}. */
	public static long[] labels(RandomAccessibleInterval<? extends IntegerType<?>> labels, long[] min, long[] max) {
		int sx = width(min, max, 0), sy = width(min, max, 1), sz = width(min, max, 2);
		long[] out = new long[Math.multiplyExact(Math.multiplyExact(sx, sy), sz)];
		RandomAccess<? extends IntegerType<?>> a = labels.randomAccess(new net.imglib2.FinalInterval(min, max));
		for (int z = 0, i = 0; z < sz; z++)
			for (int y = 0; y < sy; y++) {
				a.setPosition(new long[] { min[0], min[1] + y, min[2] + z });
				for (int x = 0; x < sx; x++, a.fwd(0)) out[i++] = a.get().getIntegerLong();
			}
		return out;
	}

	/**
	 * The box read straight from the primitive array of an array image of the usual scanner types (signed and unsigned
	 * 16-bit, 32-bit float): the value getRealDouble gives, without a call per voxel. False for any other image.
	 */
	private static boolean fromStorage(RandomAccessibleInterval<? extends RealType<?>> image, long[] min, int sx, int sy, int sz, double[] out) {
		if (!(image instanceof ArrayImg)) return false;
		Object storage = ((ArrayDataAccess<?>) ((ArrayImg<?, ?>) image).update(null)).getCurrentStorageArray();
		Object type = Util.getTypeFromInterval(image);
		short[] shorts = storage instanceof short[] && (type instanceof ShortType || type instanceof UnsignedShortType) ? (short[]) storage : null;
		float[] floats = storage instanceof float[] && type instanceof FloatType ? (float[]) storage : null;
		if (shorts == null && floats == null) return false;
		int mask = type instanceof UnsignedShortType ? 0xffff : -1;
		long width = image.dimension(0), plane = width * image.dimension(1);
		for (int z = 0, i = 0; z < sz; z++)
			for (int y = 0; y < sy; y++, i += sx) {
				int from = Math.toIntExact(min[0] + width * (min[1] + y) + plane * (min[2] + z));
				if (shorts != null) for (int x = 0; x < sx; x++) out[i + x] = shorts[from + x] & mask;
				else for (int x = 0; x < sx; x++) out[i + x] = floats[from + x];
			}
		return true;
	}

	private static int width(long[] min, long[] max, int d) {
		return Math.toIntExact(max[d] - min[d] + 1);
	}
}
