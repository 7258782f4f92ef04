package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.features.ImageType;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * The LoG of a lesion's box cropped with {@link ImageType#margin} equals the LoG of the whole image on that box within
 * 1e-6 relative (absolute near 0), for sigma 1, 3 and 5 mm on every public_m1 lesion (0.78 × 0.78 × 2.5 mm voxels);
 * the worst difference at smaller margins is printed, to show where the stated margin sits.
 */
class LogMarginTest {

	@Test
	void cropWithTheMarginEqualsTheWholeImage() throws Exception {
		Volume image = NrrdReader.read(SharedReference.require("multilesion/public_m1_image.nrrd")).asVolume();
		LabelMap labels = NrrdReader.read(SharedReference.require("multilesion/public_m1_label.nrrd")).asLabelMap();
		double[] all = LaplacianOfGaussianTest.values(image);
		int[] size = LaplacianOfGaussianTest.size(image);
		double[] spacing = image.geometry().spacing();
		for (double sigma : new double[] { 1, 3, 5 }) {
			float[] whole = LaplacianOfGaussian.apply(all, size, spacing, sigma);
			for (double sigmas : new double[] { 8, 12, ImageType.LOG_MARGIN_SIGMAS }) {
				double worst = 0;
				for (Map.Entry<Long, BoundingBox> lesion : labels.lesions().entrySet()) {
					BoundingBox box = lesion.getValue();
					int[] lo = new int[3], hi = new int[3];
					for (int d = 0; d < 3; d++) {
						int m = (int) Math.ceil(sigmas * sigma / spacing[d]) + 4;
						lo[d] = (int) Math.max(0, box.min(d) - m);
						hi[d] = (int) Math.min(size[d] - 1, box.max(d) + m);
					}
					int[] cs = { hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1 };
					double[] crop = new double[cs[0] * cs[1] * cs[2]];
					for (int z = 0, i = 0; z < cs[2]; z++)
						for (int y = 0; y < cs[1]; y++)
							for (int x = 0; x < cs[0]; x++) crop[i++] = all[((lo[2] + z) * size[1] + lo[1] + y) * size[0] + lo[0] + x];
					float[] f = LaplacianOfGaussian.apply(crop, cs, spacing, sigma);
					for (long z = box.min(2); z <= box.max(2); z++)
						for (long y = box.min(1); y <= box.max(1); y++)
							for (long x = box.min(0); x <= box.max(0); x++) {
								double w = whole[(int) ((z * size[1] + y) * size[0] + x)];
								double c = f[(int) (((z - lo[2]) * cs[1] + y - lo[1]) * cs[0] + x - lo[0])];
								worst = Math.max(worst, Math.abs(c - w) / Math.max(1, Math.abs(w)));
							}
				}
				System.out.printf("LoG sigma %.0f mm, margin %.0f sigma + 4 voxels: worst relative difference to the whole image %.3g%n", sigma, sigmas, worst);
				if (sigmas == ImageType.LOG_MARGIN_SIGMAS) assertTrue(worst <= 1e-6, "sigma " + sigma + ": " + worst);
			}
		}
	}
}
