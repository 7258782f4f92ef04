package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
						assertTrue(g.plainExact(), label + " " + interpolator + " " + java.util.Arrays.toString(target) + " " + extra);
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
	void aGrowthPastTheCoefficientBlockGetsItsOwnBlockAndKeepsThePlainGridsLabels() {
		BoundingBox box = labels.lesions().get(1L);
		// 12 new voxels of 1 mm are 15 input voxels of 0.78 mm: taps 2 voxels from the plain block's edge (a wide ring)
		Resampler.Grown g = Resampler.resampleLesionGrown(image, labels, 1, box, new double[] { 1, 1, 1 }, "sitkBSpline", 0, null, 12);
		assertNotNull(g);
		assertFalse(g.plainExact());
		LesionRegion alone = Resampler.resampleLesion(image, labels, 1, box, new double[] { 1, 1, 1 }, "sitkBSpline", 0, null);
		// the same grid points: the lesion inside the grown grid is the plain grid's, label for label
		assertArrayEquals(alone.mask(), g.plain().mask());
		assertArrayEquals(alone.others(), g.plain().others());
		for (int i = 0; i < alone.values().length; i++) assertEquals(alone.values()[i], g.plain().values()[i], 1, "at " + i); // rounded HU
		// the grown box resampled on its own: the same extent, values to the truncation
		LesionRegion own = Resampler.resampleLesion(image, labels, 1, box, new double[] { 1, 1, 1 }, "sitkBSpline", 12, null);
		assertArrayEquals(own.size(), g.region().size());
		// linear reads the data itself: exact whatever the growth
		assertTrue(Resampler.resampleLesionGrown(image, labels, 1, box, new double[] { 1, 1, 1 }, "sitkLinear", 0, null, 12).plainExact());
	}

	/**
	 * 2.5 mm slices resampled to 1 mm put every fifth output slice exactly half-way between two input slices, where
	 * nearest neighbour is a tie that the last bit of the position decides: a grid computed afresh for the grown box
	 * (the route before) took whole slices of the lesion from the other side (180–195 of 500 voxels here), so a ring
	 * surrounded another lesion than the one measured. The grown grid keeps the plain grid's doubles.
	 */
	@Test
	void aRingAroundTheLesionSurroundsTheLesionAsMeasuredDespiteNearestNeighbourTies() {
		int n = 40;
		short[] values = new short[n * n * n];
		byte[] lab = new byte[values.length];
		for (int z = 0, i = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++, i++) {
					values[i] = (short) (7 * x + 3 * y + z);
					if (x >= 15 && x <= 24 && y >= 15 && y <= 24 && z >= 10 && z <= 14) lab[i] = 1;
				}
		Geometry g = Geometry.of(new long[] { n, n, n }, new double[] { 0.78, 0.78, 2.5 });
		Volume img = new Volume(ArrayImgs.shorts(values, n, n, n), g);
		LabelMap lm = new LabelMap(ArrayImgs.unsignedBytes(lab, n, n, n), g);
		BoundingBox box = lm.lesions().get(1L);
		double[] mm = { 1, 1, 1 };
		LesionRegion alone = Resampler.resampleLesion(img, lm, 1, box, mm, "sitkBSpline", 5, null);
		Resampler.Grown grown = Resampler.resampleLesionGrown(img, lm, 1, box, mm, "sitkBSpline", 5, null, 12);
		LesionRegion afresh = Resampler.resampleLesion(img, lm, 1, box, mm, "sitkBSpline", 5 + 12, null).sub(grown.offset(), grown.size());
		assertFalse(java.util.Arrays.equals(alone.mask(), afresh.mask()), "the case has ties the fresh grid rounds the other way");
		assertArrayEquals(alone.mask(), grown.plain().mask());
	}

	@Test
	void theImagesOwnSpacingIsNotResampled() {
		// pyradiomics resamples nothing then: the caller crops the grown box
		assertNull(Resampler.resampleLesionGrown(image, labels, 1, labels.lesions().get(1L), new double[] { 0.78, 0.78, 2.5 }, "sitkBSpline", 5, null, 2));
	}
}
