package lesionradiomics.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/** The one-pass lesion scan against the plain definition: every voxel of a label inside its box, counted once. */
class LabelMapTest {

	@Test
	void boxesAndCountsEqualAVoxelByVoxelScan() {
		int nx = 37, ny = 23, nz = 11;
		ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(nx, ny, nz);
		short[] a = img.update(null).getCurrentStorageArray();
		SplittableRandom r = new SplittableRandom(7);
		// runs of random length and label (background most often), touching the row ends and each other
		for (int i = 0; i < a.length;) {
			int label = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(5) + (r.nextInt(10) == 0 ? 60000 : 0); // a label above 32767 too
			for (int len = 1 + r.nextInt(9); len > 0 && i < a.length; len--) a[i++] = (short) label;
		}
		TreeMap<Long, long[]> expected = new TreeMap<>();
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					long v = a[i] & 0xffff;
					if (v == 0) continue;
					long[] e = expected.computeIfAbsent(v, k -> new long[] { nx, ny, nz, -1, -1, -1, 0 });
					e[0] = Math.min(e[0], x); e[1] = Math.min(e[1], y); e[2] = Math.min(e[2], z);
					e[3] = Math.max(e[3], x); e[4] = Math.max(e[4], y); e[5] = Math.max(e[5], z);
					e[6]++;
				}
		Geometry g = new Geometry(new long[] { nx, ny, nz }, new double[] { 1, 1, 1 }, new double[3], Geometry.identity());
		for (int threads : new int[] { 1, 3 }) {
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
			try {
				SortedMap<Long, BoundingBox> boxes = new LabelMap(img, g).lesions(threads == 1 ? null : pool, threads);
				assertEquals(expected.keySet(), boxes.keySet());
				expected.forEach((label, e) -> {
					BoundingBox b = boxes.get(label);
					assertArrayEquals(new long[] { e[0], e[1], e[2] }, b.min(), "label " + label);
					assertArrayEquals(new long[] { e[3], e[4], e[5] }, b.max(), "label " + label);
					assertEquals(e[6], b.voxelCount(), "label " + label);
				});
			} finally {
				pool.shutdownNow();
			}
		}
	}
}
