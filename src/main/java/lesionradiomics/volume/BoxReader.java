package lesionradiomics.volume;

import net.imglib2.RandomAccess;
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

	private static int width(long[] min, long[] max, int d) {
		return Math.toIntExact(max[d] - min[d] + 1);
	}
}
