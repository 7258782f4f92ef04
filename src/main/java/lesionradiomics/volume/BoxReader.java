package lesionradiomics.volume;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
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
		ValueRows rows = valueRows(image);
		for (int z = 0, i = 0; z < sz; z++)
			for (int y = 0; y < sy; y++, i += sx) rows.read(min[0], min[1] + y, min[2] + z, out, i, sx);
		return out;
	}

	/** Labels ({@link IntegerType#getIntegerLong}) of the box {@code [min, max]}. */
	public static long[] labels(RandomAccessibleInterval<? extends IntegerType<?>> labels, long[] min, long[] max) {
		int sx = width(min, max, 0), sy = width(min, max, 1), sz = width(min, max, 2);
		long[] out = new long[Math.multiplyExact(Math.multiplyExact(sx, sy), sz)];
		LabelRows rows = labelRows(labels);
		for (int z = 0, i = 0; z < sz; z++)
			for (int y = 0; y < sy; y++, i += sx) rows.read(min[0], min[1] + y, min[2] + z, out, i, sx);
		return out;
	}

	/** Whether a row of a label image is all background, where that can be told without reading the row out. */
	@FunctionalInterface
	public interface BackgroundRows {
		boolean background(long y, long z);
	}

	/**
	 * Background rows of a label image told from its bytes when it is an 8-bit array image (a zero byte is label 0,
	 * signed or not): a label map is mostly background, and looking at a row's bytes costs a fraction of copying it
	 * out ({@link #labelRows}) to look at the copy. For any other storage no row is known to be background.
	 */
	public static BackgroundRows backgroundRows(RandomAccessibleInterval<? extends IntegerType<?>> labels) {
		if (!(labels instanceof ArrayImg) || !(storage(labels) instanceof byte[] a)) return (y, z) -> false;
		long width = labels.dimension(0), plane = width * labels.dimension(1);
		int n = (int) width;
		return (y, z) -> {
			int from = Math.toIntExact(width * y + plane * z), x = 0;
			while (x < n && a[from + x] == 0) x++;
			return x == n;
		};
	}

	private static Object storage(RandomAccessibleInterval<?> image) {
		return ((ArrayDataAccess<?>) ((ArrayImg<?, ?>) image).update(null)).getCurrentStorageArray();
	}

	/** Reads part of one row of a label image: n voxels from (x0, y, z) along x into out[offset …]. */
	@FunctionalInterface
	public interface LabelRows {
		void read(long x0, long y, long z, long[] out, int offset, int n);
	}

	/**
	 * Row reads of a label image: straight from the primitive array of an array image of 8, 16 or 32-bit integers
	 * (signed or unsigned), several times faster than a call per voxel on large label maps; otherwise through a random
	 * access moved along x. One reader per thread (it holds a random access).
	 */
	public static LabelRows labelRows(RandomAccessibleInterval<? extends IntegerType<?>> labels) {
		long width = labels.dimension(0), plane = width * labels.dimension(1);
		if (labels instanceof ArrayImg) {
			Object storage = storage(labels);
			Object type = Util.getTypeFromInterval(labels);
			if (storage instanceof byte[] a) {
				int mask = type instanceof UnsignedByteType ? 0xff : -1;
				return (x0, y, z, out, o, n) -> {
					int from = Math.toIntExact(x0 + width * y + plane * z);
					for (int x = 0; x < n; x++) out[o + x] = a[from + x] & mask;
				};
			}
			if (storage instanceof short[] a) {
				int mask = type instanceof UnsignedShortType ? 0xffff : -1;
				return (x0, y, z, out, o, n) -> {
					int from = Math.toIntExact(x0 + width * y + plane * z);
					for (int x = 0; x < n; x++) out[o + x] = a[from + x] & mask;
				};
			}
			if (storage instanceof int[] a) {
				long mask = type instanceof UnsignedIntType ? 0xffffffffL : -1L;
				return (x0, y, z, out, o, n) -> {
					int from = Math.toIntExact(x0 + width * y + plane * z);
					for (int x = 0; x < n; x++) out[o + x] = a[from + x] & mask;
				};
			}
		}
		RandomAccess<? extends IntegerType<?>> a = labels.randomAccess();
		return (x0, y, z, out, o, n) -> {
			a.setPosition(new long[] { x0, y, z });
			for (int x = 0; x < n; x++, a.fwd(0)) out[o + x] = a.get().getIntegerLong();
		};
	}

	/** Reads part of one row of an image: n intensities from (x0, y, z) along x into out[offset …]. */
	@FunctionalInterface
	public interface ValueRows {
		void read(long x0, long y, long z, double[] out, int offset, int n);
	}

	/**
	 * Row reads of an image, the values {@link #values} gives: straight from the primitive array of an array image of
	 * signed or unsigned 16-bit integers or 32-bit floats, otherwise through a random access moved along x. One reader
	 * per thread (it holds a random access).
	 */
	public static ValueRows valueRows(RandomAccessibleInterval<? extends RealType<?>> image) {
		long width = image.dimension(0), plane = width * image.dimension(1);
		if (image instanceof ArrayImg) {
			Object storage = storage(image);
			Object type = Util.getTypeFromInterval(image);
			if (storage instanceof short[] a && (type instanceof ShortType || type instanceof UnsignedShortType)) {
				int mask = type instanceof UnsignedShortType ? 0xffff : -1;
				return (x0, y, z, out, o, n) -> {
					int from = Math.toIntExact(x0 + width * y + plane * z);
					for (int x = 0; x < n; x++) out[o + x] = a[from + x] & mask;
				};
			}
			if (storage instanceof float[] a && type instanceof FloatType)
				return (x0, y, z, out, o, n) -> {
					int from = Math.toIntExact(x0 + width * y + plane * z);
					for (int x = 0; x < n; x++) out[o + x] = a[from + x];
				};
		}
		RandomAccess<? extends RealType<?>> a = image.randomAccess();
		return (x0, y, z, out, o, n) -> {
			a.setPosition(new long[] { x0, y, z });
			for (int x = 0; x < n; x++, a.fwd(0)) out[o + x] = a.get().getRealDouble();
		};
	}

	private static int width(long[] min, long[] max, int d) {
		return Math.toIntExact(max[d] - min[d] + 1);
	}
}
