package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import lesionradiomics.progress.Progress;
import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;
import net.imglib2.img.array.ArrayImgs;

/** Multi-label behaviour: one pass, parallel = serial bit for bit, awkward lesions give reasons or pyradiomics' values. */
class LesionExtractorTest {

	/** A 60×60×20 image with a grid of small cubic lesions, one label each, and a noisy texture. */
	static Object[] grid(int perAxis, int side) {
		int n = 3 * perAxis * side;
		long[] dims = { n, n, side + 4 };
		short[] img = new short[(int) (dims[0] * dims[1] * dims[2])];
		int[] lab = new int[img.length];
		java.util.SplittableRandom r = new java.util.SplittableRandom(7);
		for (int i = 0; i < img.length; i++) img[i] = (short) (r.nextInt(200) - 50);
		int label = 0;
		for (int a = 0; a < perAxis; a++)
			for (int b = 0; b < perAxis; b++) {
				label++;
				for (int z = 2; z < 2 + side; z++)
					for (int y = 3 * side * b; y < 3 * side * b + side; y++)
						for (int x = 3 * side * a; x < 3 * side * a + side; x++) lab[(int) (x + dims[0] * (y + dims[1] * z))] = label;
			}
		Geometry g = Geometry.of(dims, new double[] { 0.8, 0.8, 2 });
		return new Object[] { new Volume(ArrayImgs.shorts(img, dims), g), new LabelMap(ArrayImgs.ints(lab, dims), g) };
	}

	@Test
	void severalHundredLabelsInOnePassAndThreadCountDoesNotChangeAnyBit() {
		Object[] c = grid(20, 3); // 400 lesions of 27 voxels
		Volume v = (Volume) c[0];
		LabelMap m = (LabelMap) c[1];
		List<LesionFeatures> one = new LesionExtractor(FeatureSettings.defaults()).extractAll(v, m, null, Progress.NONE);
		List<LesionFeatures> four;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			four = new LesionExtractor(FeatureSettings.defaults()).extractAll(v, m, pool, Progress.NONE);
		} finally {
			pool.shutdownNow();
		}
		assertEquals(400, one.size());
		for (int i = 0; i < one.size(); i++) {
			assertEquals(one.get(i).label(), four.get(i).label());
			assertEquals(i + 1, one.get(i).label(), "results in label order");
			assertTrue(one.get(i).ok(), one.get(i).error().orElse(""));
			assertEquals(107, one.get(i).values().size());
			for (String k : one.get(i).values().keySet())
				assertEquals(Double.doubleToLongBits(one.get(i).get(k)), Double.doubleToLongBits(four.get(i).get(k)), k);
		}
	}

	@Test
	void singleVoxelLesionIsReportedNotThrown() {
		long[] dims = { 5, 5, 5 };
		int[] lab = new int[125];
		lab[62] = 4;
		short[] img = new short[125];
		Geometry g = Geometry.of(dims, new double[] { 1, 1, 1 });
		List<LesionFeatures> f = new LesionExtractor(FeatureSettings.defaults())
				.extractAll(new Volume(ArrayImgs.shorts(img, dims), g), new LabelMap(ArrayImgs.ints(lab, dims), g), null, Progress.NONE);
		assertEquals(1, f.size());
		assertFalse(f.get(0).ok());
		assertTrue(f.get(0).error().get().contains("minimumROIDimensions"), f.get(0).error().get());
	}

	/** pyradiomics' documented values for a flat lesion (one grey level): see the reference README. */
	@Test
	void flatLesionGivesPyradiomicsValues() {
		long[] dims = { 6, 6, 6 };
		short[] img = new short[216];
		int[] lab = new int[216];
		java.util.Arrays.fill(img, (short) 40);
		for (int z = 1; z < 5; z++)
			for (int y = 1; y < 5; y++)
				for (int x = 1; x < 5; x++) lab[x + 6 * (y + 6 * z)] = 1;
		Geometry g = Geometry.of(dims, new double[] { 1, 1, 1 });
		LesionFeatures f = new LesionExtractor(FeatureSettings.defaults())
				.extractAll(new Volume(ArrayImgs.shorts(img, dims), g), new LabelMap(ArrayImgs.ints(lab, dims), g), null, Progress.NONE).get(0);
		assertTrue(f.ok());
		assertEquals(-3.2034265038149176e-16, f.get("original_firstorder_Entropy"), 1e-30);
		assertEquals(1e6, f.get("original_ngtdm_Coarseness"));
		assertEquals(1, f.get("original_glcm_Correlation"));
		assertEquals(1, f.get("original_glcm_MCC"));
		assertEquals(0, f.get("original_glcm_Imc1"));
		assertEquals(0, f.get("original_glcm_Imc2"));
		assertEquals(64, f.get("original_shape_VoxelVolume"));
		assertEquals(0, f.get("original_firstorder_Variance"));
		assertEquals(1, f.get("original_glszm_ZonePercentage") * 64);
	}

	@Test
	void columnsAre107InPyradiomicsOrder() {
		List<String> cols = FeatureRegistry.columns(FeatureSettings.defaults());
		assertEquals(107, cols.size());
		assertEquals("original_shape_Elongation", cols.get(0));
		assertEquals("original_firstorder_10Percentile", cols.get(14));
		assertEquals("original_glcm_MCC", cols.get(32 + 19));
		assertEquals("original_ngtdm_Strength", cols.get(106));
		List<String> some = FeatureRegistry.columns(FeatureSettings.builder().enable("glcm", "Contrast").enable("firstorder").build());
		assertEquals(19, some.size());
		assertEquals("original_firstorder_10Percentile", some.get(0));
		assertEquals("original_glcm_Contrast", some.get(18));
	}
}
