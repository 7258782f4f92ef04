package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wavelet's crop margin ({@link ImageType#margin}): (start_level + level) × half the filter length per side. With
 * it, a lesion's crop filtered alone gives the whole image's wavelet values inside the lesion's box, in every band; with
 * one voxel less it does not. pyradiomics takes each level's approximation from a level-1 transform of the previous
 * one, so the reach grows by half a filter length per level (not by a dilated filter's reach, nor a whole length).
 */
class WaveletMarginTest {

	static final int[] SIZE = { 64, 60, 56 };
	static final double[] SPACING = { 1, 1, 1 };
	static final int[] BOX_MIN = { 27, 25, 24 }, BOX_SIZE = { 9, 8, 7 };

	@ParameterizedTest
	@ValueSource(strings = { "coif1:level=1", "coif1:level=2", "haar:level=3", "coif1:start_level=1:level=1", "haar:start_level=2:level=2" })
	void theMarginIsEnoughAndOneVoxelLessIsNot(String settings) {
		ImageType type = ImageType.parseList("Wavelet:wavelet=" + settings).get(0);
		Random random = new Random(17);
		double[] image = new double[SIZE[0] * SIZE[1] * SIZE[2]];
		for (int i = 0; i < image.length; i++) image[i] = random.nextGaussian() * 100;
		Map<String, double[]> whole = type.apply(image, SIZE, SPACING, Double.NaN, SIZE, new ArrayList<>());
		int[] margin = type.margin(SPACING);
		assertTrue(margin[0] + BOX_MIN[0] + BOX_SIZE[0] < SIZE[0] && BOX_MIN[0] - margin[0] > 0, "the crop stays inside the image");
		double worstFull = worst(type, image, whole, margin);
		double worstLess = worst(type, image, whole, new int[] { margin[0] - 1, margin[1] - 1, margin[2] - 1 });
		assertArrayEquals(new double[] { 0 }, new double[] { worstFull }, 1e-9, settings + ": crop with the margin differs from the whole image");
		assertTrue(worstLess > 1e-3, settings + ": one voxel less than the margin should not be enough, largest difference " + worstLess);
	}

	/** Largest absolute difference, over every band, between the whole image's values in the box and a crop's. */
	private static double worst(ImageType type, double[] image, Map<String, double[]> whole, int[] margin) {
		int[] min = new int[3], n = new int[3];
		for (int d = 0; d < 3; d++) {
			min[d] = BOX_MIN[d] - margin[d];
			n[d] = BOX_SIZE[d] + 2 * margin[d];
		}
		double[] crop = new double[n[0] * n[1] * n[2]];
		for (int z = 0, i = 0; z < n[2]; z++)
			for (int y = 0; y < n[1]; y++)
				for (int x = 0; x < n[0]; x++, i++) crop[i] = image[index(min[0] + x, min[1] + y, min[2] + z)];
		Map<String, double[]> cropped = type.apply(crop, n, SPACING, Double.NaN, SIZE, new ArrayList<>());
		double worst = 0;
		for (Map.Entry<String, double[]> band : whole.entrySet()) {
			double[] c = cropped.get(band.getKey());
			for (int z = 0; z < BOX_SIZE[2]; z++)
				for (int y = 0; y < BOX_SIZE[1]; y++)
					for (int x = 0; x < BOX_SIZE[0]; x++) {
						double w = band.getValue()[index(BOX_MIN[0] + x, BOX_MIN[1] + y, BOX_MIN[2] + z)];
						double v = c[margin[0] + x + n[0] * (margin[1] + y + n[1] * (margin[2] + z))];
						worst = Math.max(worst, Math.abs(w - v));
					}
		}
		return worst;
	}

	private static int index(int x, int y, int z) {
		return x + SIZE[0] * (y + SIZE[1] * z);
	}
}
