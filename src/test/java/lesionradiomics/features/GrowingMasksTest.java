package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import lesionradiomics.preprocess.IbsiInterpolation;
import lesionradiomics.preprocess.MaskPerturbation;
import lesionradiomics.preprocess.Resampler;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;
import net.imglib2.img.array.ArrayImgs;

/**
 * A dilated mask or a peritumoral ring wider than the crop a lesion is prepared on (pyradiomics' box plus padDistance,
 * IBSI's local-intensity margin) must not be cut at that crop: its voxel count equals a brute-force count of the ring's
 * definition (within r mm of the lesion, minus the voxels whose whole r-ball lies in it) on the lesion's grid.
 */
class GrowingMasksTest {

	static final int N = 44;
	static final BoundingBox CUBE = new BoundingBox(new long[] { 18, 18, 18 }, new long[] { 25, 25, 25 }, 512);
	static final double RING_MM = 14, DILATE_MM = 9;

	final Geometry geometry = Geometry.of(new long[] { N, N, N }, new double[] { 1, 1, 1 });
	final Volume image;
	final LabelMap labels;

	GrowingMasksTest() {
		double[] values = new double[N * N * N];
		byte[] lab = new byte[values.length];
		for (int z = 0, i = 0; z < N; z++)
			for (int y = 0; y < N; y++)
				for (int x = 0; x < N; x++, i++) {
					values[i] = 100 + (7 * x + 3 * y + 5 * z) % 41;
					lab[i] = (byte) (x >= 18 && x <= 25 && y >= 18 && y <= 25 && z >= 18 && z <= 25 ? 1 : 0);
				}
		image = new Volume(ArrayImgs.doubles(values, N, N, N), geometry);
		labels = new LabelMap(ArrayImgs.unsignedBytes(lab, N, N, N), geometry);
	}

	@Test
	void pyradiomicsModeAtTheImagesOwnSpacing() {
		// resampling to the image's spacing keeps the bare lesion box: the dilated mask used to equal the original
		LesionRegion original = LesionRegion.crop(image, labels, 1, CUBE);
		check(Map.of("resampledPixelSpacing", "1,1,1"), original);
	}

	@Test
	void pyradiomicsModeResampledOnTheCornerGrid() {
		// 2 mm voxels, padDistance 5 = 10 mm (the box rounds out to 12) < the 14 mm ring
		check(Map.of("resampledPixelSpacing", "2,2,2"), Resampler.resampleLesion(image, labels, 1, CUBE, new double[] { 2, 2, 2 }, "sitkBSpline", 5, null));
	}

	@Test
	void pyradiomicsModeResampledOnTheCentreGrid() {
		check(Map.of("resampledPixelSpacing", "2,2,2", "gridAlignment", "centre"), IbsiInterpolation.resampleLesion(image, labels, 1, CUBE,
				new double[] { 2, 2, 2 }, Resampler.Interpolator.BSPLINE, Resampler.Interpolator.NEAREST, 0.5, false, 10));
	}

	@Test
	void ibsiModeWithoutInterpolation() {
		check(Map.of("standard", "ibsi", "binWidth", "5"), LesionRegion.crop(image, labels, 1, CUBE));
	}

	@Test
	void ibsiModeInterpolated() {
		Map<String, String> s = Map.of("standard", "ibsi", "binWidth", "5", "resampledPixelSpacing", "2,2,2");
		IbsiExtraction.Settings ibsi = IbsiExtraction.from(FeatureSettings.fromMap(s));
		check(s, IbsiExtraction.prepare(image, labels, 1, CUBE, ibsi, 0).region());
	}

	@Test
	void robustnessPassResamplesOnceAndItsOriginalVariantIsThePlainExtraction() {
		// 1 mm dilation/erosion on a 0.7 x 0.9 x 1.3 mm B-spline grid: the original variant is cut out of the grid grown
		// for the dilation; it must equal an extraction without perturbations (the box resampled alone) bit for bit, and
		// the dilated mask must hold the original one (its inner grid points are the original grid's)
		// an image large enough that the B-spline coefficient block does not reach its border on any side
		int n = 90;
		Geometry g = Geometry.of(new long[] { n, n, n }, new double[] { 1, 1, 1 });
		double[] values = new double[n * n * n];
		byte[] lab = new byte[values.length];
		for (int z = 0, i = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++, i++) {
					values[i] = 100 + (7 * x + 3 * y + 5 * z) % 41 + (x * y + z) % 7;
					lab[i] = (byte) (x >= 40 && x <= 47 && y >= 41 && y <= 49 && z >= 40 && z <= 46 && (x + y + z) % 9 != 0 ? 1 : 0);
				}
		Volume image = new Volume(ArrayImgs.doubles(values, n, n, n), g);
		LabelMap labels = new LabelMap(ArrayImgs.unsignedBytes(lab, n, n, n), g);
		BoundingBox box = labels.lesions().get(1L);
		FeatureSettings settings = FeatureSettings.fromMap(new HashMap<>(Map.of("resampledPixelSpacing", "0.7,0.9,1.3", "binWidth", "5")));
		SortedMap<Long, BoundingBox> lesions = new TreeMap<>(Map.of(1L, box));
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			LesionFeatures plain = new LesionExtractor(settings).extract(image, labels, lesions, executor, Progress.NONE).get(0);
			Map<String, List<LesionFeatures>> variants = new LesionExtractor(settings, List.of(new MaskPerturbation(MaskPerturbation.Kind.ERODE, 1),
					new MaskPerturbation(MaskPerturbation.Kind.DILATE, 1)), false).extractVariants(image, labels, lesions, executor, Progress.NONE);
			LesionFeatures original = variants.get("original").get(0);
			assertTrue(plain.ok() && original.ok());
			assertEquals(plain.values().keySet(), original.values().keySet());
			for (String k : plain.values().keySet())
				assertEquals(Double.doubleToLongBits(plain.get(k)), Double.doubleToLongBits(original.get(k)), k + ": " + plain.get(k) + " vs " + original.get(k));
			double[] sp = { 0.7, 0.9, 1.3 };
			LesionRegion r = Resampler.resampleLesion(image, labels, 1, box, sp, "sitkBSpline", 5, null);
			assertEquals(bruteForce(r, 1, false), voxels(variants.get("dilated").get(0), settings, sp));
		} finally {
			executor.shutdown();
		}
	}

	/** The dilated and ring variants' voxel counts against brute force on the original variant's mask and grid. */
	private void check(Map<String, String> map, LesionRegion original) {
		FeatureSettings settings = FeatureSettings.fromMap(new HashMap<>(map));
		List<MaskPerturbation> perturbations = List.of(new MaskPerturbation(MaskPerturbation.Kind.DILATE, DILATE_MM),
				new MaskPerturbation(MaskPerturbation.Kind.RING, RING_MM));
		SortedMap<Long, BoundingBox> lesions = new TreeMap<>(Map.of(1L, CUBE));
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Map<String, List<LesionFeatures>> variants = new LesionExtractor(settings, perturbations, false).extractVariants(image, labels, lesions,
					executor, Progress.NONE);
			double[] sp = original.spacing();
			assertEquals(count(original.mask()), voxels(variants.get("original").get(0), settings, sp), "original " + map);
			assertEquals(bruteForce(original, DILATE_MM, false), voxels(variants.get("dilated").get(0), settings, sp), "dilated " + map);
			assertEquals(bruteForce(original, RING_MM, true), voxels(variants.get("ring").get(0), settings, sp), "ring " + map);
		} finally {
			executor.shutdown();
		}
	}

	private static long voxels(LesionFeatures f, FeatureSettings settings, double[] spacing) {
		assertTrue(f.ok(), f.error().orElse(""));
		if (settings.ibsi()) return Math.round(f.get("diagnostics_ibsi_MorphologicalMaskVoxels"));
		return Math.round(f.get("original_shape_VoxelVolume") / (spacing[0] * spacing[1] * spacing[2]));
	}

	private static long count(boolean[] mask) {
		long c = 0;
		for (boolean b : mask) if (b) c++;
		return c;
	}

	/**
	 * Voxels within r mm of a mask voxel (dilation), less, for a ring, the mask voxels whose every grid neighbour within
	 * r mm is in the mask (erosion); counted on the mask's grid extended without bound.
	 */
	private static long bruteForce(LesionRegion region, double r, boolean ring) {
		int[] n = region.size();
		double[] sp = region.spacing();
		boolean[] mask = region.mask();
		List<int[]> in = new java.util.ArrayList<>();
		for (int z = 0, i = 0; z < n[2]; z++)
			for (int y = 0; y < n[1]; y++)
				for (int x = 0; x < n[0]; x++, i++)
					if (mask[i]) in.add(new int[] { x, y, z });
		int[] reach = new int[3];
		for (int d = 0; d < 3; d++) reach[d] = (int) Math.ceil(r / sp[d]) + 1;
		double r2 = r * r * (1 + 1e-9);
		long dilated = 0, eroded = 0;
		for (int z = -reach[2]; z < n[2] + reach[2]; z++)
			for (int y = -reach[1]; y < n[1] + reach[1]; y++)
				for (int x = -reach[0]; x < n[0] + reach[0]; x++) {
					boolean near = false;
					for (int[] m : in) {
						double dx = (x - m[0]) * sp[0], dy = (y - m[1]) * sp[1], dz = (z - m[2]) * sp[2];
						if (dx * dx + dy * dy + dz * dz <= r2) {
							near = true;
							break;
						}
					}
					if (near) dilated++;
				}
		if (!ring) return dilated;
		for (int[] m : in) {
			boolean all = true;
			for (int dz = -reach[2]; dz <= reach[2] && all; dz++)
				for (int dy = -reach[1]; dy <= reach[1] && all; dy++)
					for (int dx = -reach[0]; dx <= reach[0] && all; dx++) {
						double px = dx * sp[0], py = dy * sp[1], pz = dz * sp[2];
						if (px * px + py * py + pz * pz > r2) continue;
						int x = m[0] + dx, y = m[1] + dy, z = m[2] + dz;
						all = x >= 0 && y >= 0 && z >= 0 && x < n[0] && y < n[1] && z < n[2] && mask[x + n[0] * (y + n[1] * z)];
					}
			if (all) eroded++;
		}
		return dilated - eroded;
	}
}
