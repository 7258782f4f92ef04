package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import lesionradiomics.io.Csv;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * Voxel maps on the fresh-clone golden set (src/test/resources/voxelmaps, made by make_voxelmaps_golden.py from
 * pyradiomics' reference maps): label 8 of public_m1 cropped to its map box, every 12th voxel's 93 pyradiomics values
 * at kernel radius 1 and 2; and the fast computation against the straightforward one on the whole lesion.
 */
class VoxelMapsGoldenTest {

	static Path resource(String name) throws Exception {
		return Path.of(VoxelMapsGoldenTest.class.getResource("/voxelmaps/" + name).toURI());
	}

	/** Non-integer intensities (e.g. PET SUV): first order falls back to kernel-by-kernel, textures stay fast; same maps. */
	@org.junit.jupiter.api.Test
	void fractionalIntensitiesGiveTheSameMapsBothWays() {
		int n = 14;
		float[] img = new float[n * n * n];
		int[] lab = new int[n * n * n];
		java.util.SplittableRandom random = new java.util.SplittableRandom(4);
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					int i = x + n * (y + n * z);
					img[i] = (float) (3 + 2 * Math.sin(x / 3.0) + random.nextDouble()); // SUV-like values
					double dx = x - 6.5, dy = y - 6.5, dz = z - 6.5;
					if (dx * dx + dy * dy + dz * dz < 30) lab[i] = 1;
				}
		lesionradiomics.volume.Geometry g = lesionradiomics.volume.Geometry.of(new long[] { n, n, n }, new double[] { 2, 2, 2 });
		Volume image = new Volume(net.imglib2.img.array.ArrayImgs.floats(img, n, n, n), g);
		LabelMap labels = new LabelMap(net.imglib2.img.array.ArrayImgs.ints(lab, n, n, n), g);
		FeatureSettings s = FeatureSettings.builder().binWidth(0.25).build();
		VoxelMaps.Maps fast = VoxelMaps.compute(image, labels, 1, s, 1), reference = VoxelMaps.straightforward(image, labels, 1, s, 1);
		for (int v = 0; v < fast.voxels().length; v++)
			for (int f = 0; f < fast.features().size(); f++) {
				double a = reference.values()[v][f], b = fast.values()[v][f];
				assertTrue(Double.isNaN(a) && Double.isNaN(b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)),
						"voxel " + v + " " + fast.features().get(f) + ": " + a + " vs " + b);
			}
	}

	/**
	 * Distances 1 and 2 (neighbours two voxels away: the kernel copy's zero border must be as thick) and in-plane
	 * texture: the fast maps equal the straightforward ones.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "distances", "force2D" })
	void otherNeighbourhoodsGiveTheSameMapsBothWays(String setting) throws Exception {
		Volume image = NrrdReader.read(resource("label8_box_image.nrrd")).asVolume();
		LabelMap labels = NrrdReader.read(resource("label8_box_labels.nrrd")).asLabelMap();
		FeatureSettings s = setting.equals("distances") ? FeatureSettings.builder().distances(1, 2).build()
				: FeatureSettings.builder().force2D(true).build();
		VoxelMaps.Maps fast = VoxelMaps.compute(image, labels, 8, s, 2), reference = VoxelMaps.straightforward(image, labels, 8, s, 2);
		for (int v = 0; v < fast.voxels().length; v++)
			for (int f = 0; f < fast.features().size(); f++) {
				double a = reference.values()[v][f], b = fast.values()[v][f];
				assertTrue(Double.isNaN(a) && Double.isNaN(b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)),
						setting + ", voxel " + v + " " + fast.features().get(f) + ": " + a + " vs " + b);
			}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void sampledVoxelsEqualPyradiomics(int radius) throws Exception {
		Volume image = NrrdReader.read(resource("label8_box_image.nrrd")).asVolume();
		LabelMap labels = NrrdReader.read(resource("label8_box_labels.nrrd")).asLabelMap();
		VoxelMaps.Maps maps = VoxelMaps.compute(image, labels, 8, FeatureSettings.defaults(), radius);
		VoxelMaps.Maps reference = VoxelMaps.straightforward(image, labels, 8, FeatureSettings.defaults(), radius);
		Map<String, double[]> ours = new HashMap<>();
		for (int v = 0; v < maps.voxels().length; v++) ours.put(maps.voxels()[v][0] + "," + maps.voxels()[v][1] + "," + maps.voxels()[v][2], maps.values()[v]);
		List<List<String>> rows = Csv.read(resource("label8_k" + radius + "_sample.csv"));
		List<String> header = rows.get(0);
		assertEquals(header.subList(3, header.size()), maps.features(), "pyradiomics' names in its order");
		List<String> bad = new ArrayList<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			double[] o = ours.get(row.get(0) + "," + row.get(1) + "," + row.get(2));
			assertNotNull(o, "voxel " + row.subList(0, 3));
			for (int c = 3; c < header.size(); c++) {
				double expected = Double.parseDouble(row.get(c)), actual = o[c - 3];
				if (!(Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) + 1e-9)) bad.add(row.subList(0, 3) + " " + header.get(c) + ": " + expected + " vs " + actual);
			}
		}
		assertTrue(bad.isEmpty(), bad.size() + " values differ, e.g. " + bad.subList(0, Math.min(5, bad.size())));
		for (int v = 0; v < maps.voxels().length; v++)
			for (int f = 0; f < maps.features().size(); f++) {
				double a = reference.values()[v][f], b = maps.values()[v][f];
				assertTrue(Double.isNaN(a) && Double.isNaN(b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)),
						"fast vs straightforward " + maps.features().get(f) + ": " + a + " vs " + b);
			}
	}
}
