package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import lesionradiomics.io.NrrdReader;
import lesionradiomics.progress.Progress;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * LoG (sigma 1 and 3 mm) and wavelet features against pyradiomics (reference_filters_bw25.csv: Original, LoG sigma
 * [1.0, 3.0], Wavelet; bin width 25; the whole image filtered, while we filter each lesion's crop with a margin).
 */
class FilteredImageTypesTest {

	static final FeatureSettings SETTINGS = FeatureSettings.builder().binWidth(25)
			.imageTypes(ImageType.parseList("Original;LoG:sigma=1.0,3.0;Wavelet")).build();

	@Test
	void columnsAreNamedAndOrderedAsPyradiomics() throws Exception {
		List<String> reference = new ArrayList<>(
				SharedReference.readRows(SharedReference.Source.GOLDEN.require("filters/reference_filters_bw25.csv")).get(0).keySet());
		List<String> ours = FeatureRegistry.columns(SETTINGS);
		// same names; image types in the same order (pyradiomics' order inside a class varies between its image types)
		assertEquals(new java.util.TreeSet<>(reference.subList(2, reference.size())), new java.util.TreeSet<>(ours));
		java.util.function.Function<List<String>, List<String>> images = cols -> cols.stream().map(c -> c.substring(0, c.indexOf('_'))).distinct().toList();
		assertEquals(images.apply(reference.subList(2, reference.size())), images.apply(ours));
		assertEquals(107 + 10 * 93, FeatureRegistry.columns(SETTINGS).size(), "93 features per filtered image, shape once");
	}

	/** GOLDEN: 4 public_m1 lesions that travel with the repository; SHARED: brain1 and all 18 public_m1 lesions. */
	@ParameterizedTest
	@EnumSource(SharedReference.Source.class)
	void everyLesionMatchesPyradiomics(SharedReference.Source source) throws Exception {
		List<Map<String, String>> ref = SharedReference.readRows(source.require("filters/reference_filters_bw25.csv"));
		List<String> bad = new ArrayList<>();
		int compared = 0;
		for (String c : source == SharedReference.Source.GOLDEN ? List.of("public_m1") : List.of("brain1", "public_m1")) {
			String dir = c.equals("brain1") ? "pyradiomics/" : "multilesion/";
			Volume image = NrrdReader.read(source.require(dir + c + "_image.nrrd")).asVolume();
			LabelMap labels = NrrdReader.read(source.require(dir + c + "_label.nrrd")).asLabelMap();
			Map<Long, LesionFeatures> byLabel = new HashMap<>();
			for (LesionFeatures f : new LesionExtractor(SETTINGS).extractAll(image, labels, null, Progress.NONE)) byLabel.put(f.label(), f);
			for (Map<String, String> row : ref) {
				if (!row.get("case").equals(c)) continue;
				LesionFeatures f = byLabel.get(Long.parseLong(row.get("label")));
				String what = c + " label " + row.get("label");
				if (f == null || !f.ok()) {
					bad.add(what + ": " + (f == null ? "not found" : f.error().get()));
					continue;
				}
				for (Map.Entry<String, String> e : row.entrySet()) {
					if (e.getKey().equals("case") || e.getKey().equals("label")) continue;
					double expected = Double.parseDouble(e.getValue());
					Double actual = f.values().get(e.getKey());
					compared++;
					if (actual == null || !SharedReference.agrees(actual, expected, 1e-4, 1e-6))
						bad.add(what + " " + e.getKey() + ": expected " + expected + ", got " + actual);
				}
			}
		}
		assertEquals((source == SharedReference.Source.GOLDEN ? 4 : 19) * 1037, compared + bad.stream().filter(b -> b.endsWith("not found")).count() * 1037);
		assertTrue(bad.isEmpty(), bad.size() + " mismatches, e.g.:\n" + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
	}
}
