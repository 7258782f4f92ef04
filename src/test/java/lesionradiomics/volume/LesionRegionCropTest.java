package lesionradiomics.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;

/**
 * A crop whose labels are read only in the lesion's box: the intensities of the whole crop, the lesion's voxels as
 * the full crop marks them, and no voxel of any lesion beyond the labelled box.
 */
class LesionRegionCropTest {

	@Test
	void labelsReadInTheLesionsBoxOnly() {
		int n = 12;
		Geometry g = Geometry.of(new long[] { n, n, n }, new double[] { 1, 1, 2 });
		SplittableRandom random = new SplittableRandom(7);
		double[] values = new double[n * n * n];
		byte[] lab = new byte[n * n * n];
		for (int i = 0; i < values.length; i++) values[i] = random.nextInt(-100, 100);
		for (int z = 4; z <= 7; z++)
			for (int y = 3; y <= 8; y++)
				for (int x = 5; x <= 9; x++)
					if (random.nextInt(3) > 0) lab[x + n * (y + n * z)] = 1;
		lab[5 + n * (3 + n * 4)] = 1; // the lesion's box is exactly [5..9] x [3..8] x [4..7]
		lab[9 + n * (8 + n * 7)] = 1;
		for (int x = 0; x < n; x++) lab[x + n * (n * 1)] = 2; // another lesion, in the margin only
		Volume image = new Volume(ArrayImgs.doubles(values, n, n, n), g);
		LabelMap labels = new LabelMap(ArrayImgs.unsignedBytes(lab, n, n, n), g);
		BoundingBox box = labels.lesions().get(1L), around = box.padded(new long[] { 3, 3, 3 }, new long[] { n, n, n });
		LesionRegion full = LesionRegion.crop(image, labels, 1, around), labelled = LesionRegion.crop(image, labels, 1, around, box);
		assertArrayEquals(full.size(), labelled.size());
		assertArrayEquals(full.values(), labelled.values(), 0);
		assertArrayEquals(full.mask(), labelled.mask());
		assertEquals(full.voxelCount(), labelled.voxelCount());
		boolean anyOther = false;
		for (boolean o : full.others()) anyOther |= o;
		assertEquals(true, anyOther, "the full crop sees lesion 2 in the margin");
		for (boolean o : labelled.others()) assertEquals(false, o, "no label read beyond the lesion's box");
		assertThrows(IllegalArgumentException.class, () -> LesionRegion.crop(image, labels, 1, box, around));
	}
}
