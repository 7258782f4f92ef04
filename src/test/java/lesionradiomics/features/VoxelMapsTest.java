package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import lesionradiomics.io.NrrdReader;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * Voxel maps against pyradiomics' voxel-based output (../shared/reference/voxelmaps: public_m1 labels 8 and 12,
 * kernel radius 1 and 2, masked kernel): every feature of every voxel within 1e-6 relative (1e-9 absolute near 0);
 * glcm JointAverage and MCC against the one-voxel-per-batch files (the default batch's NaN/0 are pyradiomics
 * artefacts, see the README).
 */
class VoxelMapsTest {

	/** The fast maps on two threads. */
	static VoxelMaps.Maps compute(Volume image, LabelMap labels, long label, int radius) {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			return VoxelMaps.compute(image, labels, label, FeatureSettings.defaults(), radius, pool, 2);
		} finally {
			pool.shutdownNow();
		}
	}

	static List<String[]> read(Path gz) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz))))) {
			for (String line; (line = r.readLine()) != null;) rows.add(line.split(","));
		}
		return rows;
	}

	@ParameterizedTest
	@CsvSource({ "8, 1", "8, 2", "12, 1", "12, 2" })
	void mapsEqualPyradiomics(long label, int radius) throws Exception {
		Volume image = NrrdReader.read(SharedReference.require("multilesion/public_m1_image.nrrd")).asVolume();
		LabelMap labels = NrrdReader.read(SharedReference.require("multilesion/public_m1_label.nrrd")).asLabelMap();
		VoxelMaps.Maps maps = compute(image, labels, label, radius);
		Map<String, double[]> ours = new HashMap<>();
		for (int v = 0; v < maps.voxels().length; v++)
			ours.put(maps.voxels()[v][0] + "," + maps.voxels()[v][1] + "," + maps.voxels()[v][2], maps.values()[v]);
		String base = "voxelmaps/public_m1_label" + label + "_k" + radius;
		List<String[]> ref = read(SharedReference.require(base + ".csv.gz")), batch1 = read(SharedReference.require(base + "_voxelBatch1.csv.gz"));
		Map<String, String[]> b1 = new HashMap<>();
		for (String[] r : batch1.subList(1, batch1.size())) b1.put(r[0] + "," + r[1] + "," + r[2], r);
		List<String> b1Header = List.of(batch1.get(0));
		String[] header = ref.get(0);
		Map<String, Integer> bad = new TreeMap<>();
		List<String> examples = new ArrayList<>();
		for (String[] row : ref.subList(1, ref.size())) {
			String key = row[0] + "," + row[1] + "," + row[2];
			double[] o = ours.get(key);
			assertTrue(o != null, "voxel " + key + " missing");
			for (int c = 3; c < header.length; c++) {
				String name = header[c];
				String text = b1Header.contains(name) ? b1.get(key)[b1Header.indexOf(name)] : row[c];
				double expected = text.equals("nan") ? Double.NaN : Double.parseDouble(text), actual = o[maps.features().indexOf(name)];
				boolean ok = Double.isNaN(expected) ? Double.isNaN(actual) : Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) + 1e-9;
				if (!ok) {
					bad.merge(name, 1, Integer::sum);
					if (examples.size() < 10) examples.add(key + " " + name + ": pyradiomics " + expected + ", ours " + actual);
				}
			}
		}
		assertTrue(bad.isEmpty(), "label " + label + " r " + radius + ": mismatches per feature " + bad + "\n" + String.join("\n", examples));
	}

	/** The fast computation (sliding first order, one-pass glcm, two threads) against the straightforward one. */
	@ParameterizedTest
	@CsvSource({ "8, 1", "8, 2", "12, 1", "12, 2", "12, 3" })
	void fastMapsEqualStraightforward(long label, int radius) throws Exception {
		Volume image = NrrdReader.read(SharedReference.require("multilesion/public_m1_image.nrrd")).asVolume();
		LabelMap labels = NrrdReader.read(SharedReference.require("multilesion/public_m1_label.nrrd")).asLabelMap();
		VoxelMaps.Maps fast = compute(image, labels, label, radius);
		VoxelMaps.Maps reference = VoxelMaps.straightforward(image, labels, label, FeatureSettings.defaults(), radius);
		assertEquals(reference.features(), fast.features());
		Map<String, Double> worst = new TreeMap<>();
		for (int v = 0; v < reference.voxels().length; v++) {
			assertArrayEquals(reference.voxels()[v], fast.voxels()[v]);
			for (int f = 0; f < reference.features().size(); f++) {
				double a = reference.values()[v][f], b = fast.values()[v][f];
				double diff = Double.isNaN(a) && Double.isNaN(b) ? 0 : Math.abs(a - b) / Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
				if (!(diff <= 1e-12)) worst.merge(reference.features().get(f), Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff, Math::max);
			}
		}
		assertTrue(worst.isEmpty(), "label " + label + " r " + radius + ": features beyond 1e-12 (worst difference) " + worst);
	}
}
