package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import lesionradiomics.io.ImageData;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/** pyradiomics' own test cases (brain1, breast1) against the values pyradiomics 3.1 computed for them. */
class PyradiomicsCasesTest {

	static List<LesionFeatures> extract(SharedReference.Source source, String testCase, FeatureSettings settings) throws IOException {
		Path image = source.require("pyradiomics/" + testCase + "_image.nrrd");
		Path label = source.require("pyradiomics/" + testCase + "_label.nrrd");
		ImageData img = NrrdReader.read(image);
		LabelMap labels = NrrdReader.read(label).asLabelMap();
		Volume volume = img.asVolume();
		return new LesionExtractor(settings).extract(volume, labels, subset(labels, 1), null, lesionradiomics.progress.Progress.NONE);
	}

	static java.util.SortedMap<Long, lesionradiomics.volume.BoundingBox> subset(LabelMap labels, long label) {
		java.util.SortedMap<Long, lesionradiomics.volume.BoundingBox> all = labels.lesions();
		return new java.util.TreeMap<>(Map.of(label, all.get(label)));
	}

	/** Compares every reference feature of the given classes; returns the mismatches as readable lines. */
	static List<String> compare(Map<String, Double> actual, Map<String, String> expected, List<String> classes, String what,
			double rel) {
		List<String> bad = new ArrayList<>();
		int compared = 0;
		for (Map.Entry<String, String> e : expected.entrySet()) {
			String name = e.getKey();
			if (!name.startsWith("original_") || e.getValue().isEmpty()) continue;
			String cls = name.split("_")[1];
			if (!classes.contains(cls)) continue;
			double exp = Double.parseDouble(e.getValue());
			Double act = actual.get(name);
			compared++;
			if (act == null) bad.add(what + " " + name + ": missing");
			else if (!SharedReference.agrees(act, exp, rel, 1e-6)) bad.add(what + " " + name + ": expected " + exp + ", got " + act
					+ " (rel " + Math.abs(act - exp) / Math.abs(exp) + ")");
		}
		if (compared == 0) bad.add(what + ": no reference features compared");
		return bad;
	}

	@ParameterizedTest
	@EnumSource(SharedReference.Source.class)
	void firstOrderAndShapeMatchPyradiomics31Defaults(SharedReference.Source source) throws IOException {
		Map<String, Map<String, String>> ref = SharedReference.readByFeature(source.require("pyradiomics/pyradiomics31_default.csv"));
		FeatureSettings settings = FeatureSettings.builder().voxelArrayShift(2000).minimumROIDimensions(1).build();
		List<String> bad = new ArrayList<>();
		for (String testCase : source.pyradiomicsCases()) {
			Map<String, Double> actual = extract(source, testCase, settings).get(0).values();
			Map<String, String> expected = new java.util.LinkedHashMap<>();
			ref.forEach((feature, byCase) -> expected.put(feature, byCase.get(testCase)));
			bad.addAll(compare(actual, expected, List.of("firstorder", "shape"), testCase, 1e-4));
		}
		assertTrue(bad.isEmpty(), String.join("\n", bad));
	}
}
