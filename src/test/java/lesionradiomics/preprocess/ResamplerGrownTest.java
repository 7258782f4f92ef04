package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;
import net.imglib2.img.array.ArrayImgs;

/**
 * The robustness pass resamples a lesion once, on pyradiomics' grid grown for a dilated mask or ring, and cuts the
 * original variant's region out of it: that region must be the one of resampling pyradiomics' box alone, bit for bit
 * (the independent route, computed separately), and the grown voxels must agree with resampling the grown box on its
 * own (which sizes its own coefficient block) to the coefficient block's truncation.
 */
class ResamplerGrownTest {

	static final int NX = 70, NY = 64, NZ = 40;
	final Geometry geometry = Geometry.of(new long[] { NX, NY, NZ }, new double[] { 0.78, 0.78, 2.5 });
	final Volume image;
	final LabelMap labels;

	ResamplerGrownTest() {
		SplittableRandom random = new SplittableRandom(30);
		short[] values = new short[NX * NY * NZ];
		byte[] lab = new byte[values.length];
		for (int z = 0, i = 0; z < NZ; z++)
			for (int y = 0; y < NY; y++)
				for (int x = 0; x < NX; x++, i++) {
					values[i] = (short) (random.nextInt(-1000, 1500) / (1 + (x + y + z) % 3));
					if (x >= 30 && x <= 41 && y >= 26 && y <= 35 && z >= 18 && z <= 22) lab[i] = (byte) ((x + z) % 5 == 0 ? 2 : 1);
					if (x <= 4 && y >= 3 && y <= 9 && z <= 2) lab[i] = 3; // at the image's corner: the growth is clipped there
				}
		image = new Volume(ArrayImgs.shorts(values, NX, NY, NZ), geometry);
		labels = new LabelMap(ArrayImgs.unsignedBytes(lab, NX, NY, NZ), geometry);
	}

	@Test
	void theOriginalRegionCutFromTheGrownOneIsResamplingItsBoxAloneBitForBit() {
		int checked = 0;
		for (long label : new long[] { 1, 3 })
			for (String interpolator : new String[] { "sitkBSpline", "sitkLinear" })
				for (double[] target : new double[][] { { 1, 1, 1 }, { 0.6, 1.0, 2 } })
					for (int extra : new int[] { 1, 2 }) {
						BoundingBox box = labels.lesions().get(label);
						java.util.function.DoubleUnaryOperator map = label == 3 ? v -> v * 0.37 + 12.5 : null;
						Resampler.Grown g = Resampler.resampleLesionGrown(image, labels, label, box, target, interpolator, 5, map, extra);
						assertNotNull(g, label + " " + interpolator + " " + java.util.Arrays.toString(target) + " " + extra);
						LesionRegion alone = Resampler.resampleLesion(image, labels, label, box, target, interpolator, 5, map);
						LesionRegion cut = g.plain();
						String what = "label " + label + ", " + interpolator + ", " + java.util.Arrays.toString(target) + ", extra " + extra;
						assertArrayEquals(alone.size(), cut.size(), what);
						assertArrayEquals(alone.values(), cut.values(), 0, what); // delta 0: the same doubles
						assertArrayEquals(alone.mask(), cut.mask(), what);
						assertArrayEquals(alone.others(), cut.others(), what);
						// the grown box resampled on its own (the route used before): the same extent, the same values up to
						// the coefficient block's truncation, the same labels
						LesionRegion own = Resampler.resampleLesion(image, labels, label, box, target, interpolator, 5 + extra, map);
						assertArrayEquals(own.size(), g.region().size(), what);
						assertArrayEquals(own.mask(), g.region().mask(), what);
						for (int i = 0; i < own.values().length; i++)
							assertEquals(own.values()[i], g.region().values()[i], map == null ? 1 : 1e-6 * (1 + Math.abs(own.values()[i])), what + " at " + i);
						checked++;
					}
		assertEquals(16, checked);
	}

	@Test
	void aGrowthThatWouldReachTheCoefficientBlocksEdgeIsLeftToItsOwnResampling() {
		BoundingBox box = labels.lesions().get(1L);
		// 12 new voxels of 1 mm are 15 input voxels of 0.78 mm: taps 2 voxels from the block's edge
		assertNull(Resampler.resampleLesionGrown(image, labels, 1, box, new double[] { 1, 1, 1 }, "sitkBSpline", 0, null, 12));
		// the image's own spacing: pyradiomics resamples nothing
		assertNull(Resampler.resampleLesionGrown(image, labels, 1, box, new double[] { 0.78, 0.78, 2.5 }, "sitkBSpline", 5, null, 2));
	}
}
