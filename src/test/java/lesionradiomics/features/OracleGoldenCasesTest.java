package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.io.NrrdReader;
import lesionradiomics.progress.Progress;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * Golden cases made with the pyradiomics oracle (pyradiomics 8ed5793, PyWavelets 1.1.1's C core, numpy 2.4.6) for the
 * last two mismatches: the wavelet of a float32 image (golden/float32/make_float32.py) and GLCM MCC where a direction's
 * second largest eigenvalue is zero (golden/mcc/make_mcc.py).
 */
class OracleGoldenCasesTest {

	/**
	 * A float32 crop of public_m2 (odd sizes, negative y direction), Original + Wavelet: PyWavelets decomposes it in
	 * float32. In double the wavelet features were off by up to 3.2e-4 relative (firstorder Median of LHL); in float32
	 * they agree to 1e-9 (measured 1.5e-12), MCC to its solver noise.
	 */
	@Test
	void waveletOfAFloat32ImageIsPyWaveletsFloat32() throws Exception {
		FeatureSettings settings = FeatureSettings.builder().binWidth(25).imageTypes(ImageType.parseList("Original;Wavelet")).build();
		int compared = compare("float32/m2crop", "float32/reference_wavelet_bw25.csv", settings, 1e-9);
		assertEquals(2 * (107 + 8 * 93), compared);
	}

	/**
	 * 36 small lesions with rank-1 directions: numpy's eigvals gives their second eigenvalue as 0 (counted in the mean),
	 * never as a negative (NaN, dropped). Four of them were 8-33% off before (0.4393 for 0.3295).
	 */
	@Test
	void mccCountsAZeroSecondEigenvalueAsNumpyDoes() throws Exception {
		FeatureSettings settings = FeatureSettings.builder().binWidth(25).build();
		int compared = compare("mcc/mcc", "mcc/reference_mcc_bw25.csv", settings, 1e-9);
		assertEquals(36 * 107, compared);
	}

	/**
	 * The same rules in voxel maps, against pyradiomics' voxel-based values (radius 1, voxelBatch 1): label 4 has two
	 * kernels with a rank-1 direction (MCC 0.3667; a dropped direction gave 0.3972); labels 5 and 12 an isolated voxel,
	 * whose kernel has no pair and no run (pyradiomics: every GLCM and GLRLM feature NaN; InverseVariance, RunPercentage
	 * and RunVariance were 0).
	 */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(ints = { 4, 5, 12 })
	void voxelMapsFollowPyradiomicsOnRankOneAndEmptyKernels(int label) throws Exception {
		SharedReference.Source golden = SharedReference.Source.GOLDEN;
		Volume image = NrrdReader.read(golden.require("mcc/mcc_image.nrrd")).asVolume();
		LabelMap labels = NrrdReader.read(golden.require("mcc/mcc_label.nrrd")).asLabelMap();
		VoxelMaps.Maps maps = VoxelMaps.compute(image, labels, label, FeatureSettings.builder().binWidth(25).build(), 1);
		Map<String, double[]> ours = new HashMap<>();
		for (int v = 0; v < maps.voxels().length; v++) ours.put(maps.voxels()[v][0] + "," + maps.voxels()[v][1] + "," + maps.voxels()[v][2], maps.values()[v]);
		List<List<String>> rows = lesionradiomics.io.Csv.read(golden.require("mcc/mcc_label" + label + "_k1.csv"));
		List<String> header = rows.get(0), bad = new ArrayList<>();
		assertEquals(header.subList(3, header.size()), maps.features());
		assertEquals(maps.voxels().length, rows.size() - 1, "every voxel of the lesion");
		for (List<String> row : rows.subList(1, rows.size())) {
			double[] o = ours.get(row.get(0) + "," + row.get(1) + "," + row.get(2));
			assertTrue(o != null, "voxel " + row.subList(0, 3));
			for (int c = 3; c < header.size(); c++) {
				double expected = number(row.get(c)), actual = o[c - 3];
				if (!SharedReference.agrees(actual, expected, 1e-9, header.get(c).endsWith("_glcm_MCC") ? 1e-7 : 1e-12))
					bad.add(row.subList(0, 3) + " " + header.get(c) + ": expected " + expected + ", got " + actual);
			}
		}
		assertTrue(bad.isEmpty(), bad.size() + " mismatches, e.g.:\n" + String.join("\n", bad.subList(0, Math.min(20, bad.size()))));
	}

	/** Every value of the reference CSV against ours: {@code relative} (MCC: 1e-7 absolute, its eigenvalue noise). */
	private static int compare(String images, String reference, FeatureSettings settings, double relative) throws Exception {
		SharedReference.Source golden = SharedReference.Source.GOLDEN;
		Volume image = NrrdReader.read(golden.require(images + "_image.nrrd")).asVolume();
		LabelMap labels = NrrdReader.read(golden.require(images + "_label.nrrd")).asLabelMap();
		Map<Long, LesionFeatures> byLabel = new HashMap<>();
		for (LesionFeatures f : new LesionExtractor(settings).extractAll(image, labels, null, Progress.NONE)) byLabel.put(f.label(), f);
		List<String> bad = new ArrayList<>();
		int compared = 0;
		for (Map<String, String> row : SharedReference.readRows(golden.require(reference))) {
			LesionFeatures f = byLabel.get(Long.parseLong(row.get("label")));
			assertTrue(f != null && f.ok(), "label " + row.get("label") + ": " + (f == null ? "not found" : f.error().orElse("")));
			for (Map.Entry<String, String> e : row.entrySet()) {
				if (e.getKey().equals("case") || e.getKey().equals("label")) continue;
				double expected = number(e.getValue());
				Double actual = f.values().get(e.getKey());
				compared++;
				boolean mcc = e.getKey().endsWith("_glcm_MCC");
				if (actual == null || !SharedReference.agrees(actual, expected, mcc ? 0 : relative, mcc ? 1e-7 : 1e-12))
					bad.add("label " + row.get("label") + " " + e.getKey() + ": expected " + expected + ", got " + actual);
			}
		}
		assertTrue(bad.isEmpty(), bad.size() + " mismatches, e.g.:\n" + String.join("\n", bad.subList(0, Math.min(20, bad.size()))));
		return compared;
	}

	/** Python's repr of a float ("nan", "inf" included). */
	private static double number(String text) {
		return switch (text) {
		case "nan" -> Double.NaN;
		case "inf" -> Double.POSITIVE_INFINITY;
		case "-inf" -> Double.NEGATIVE_INFINITY;
		default -> Double.parseDouble(text);
		};
	}
}
