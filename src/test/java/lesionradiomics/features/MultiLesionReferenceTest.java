package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import lesionradiomics.io.NrrdReader;
import lesionradiomics.progress.Progress;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * Every label of the two multi-lesion volumes (short and float images, a flipped axis, touching and one-slice lesions)
 * extracted in one pass and compared with pyradiomics' values for each label.
 */
class MultiLesionReferenceTest {

	@ParameterizedTest(name = "{2}, binWidth {0}")
	@CsvSource({ "25, reference_bw25.csv, GOLDEN", "10, reference_bw10.csv, GOLDEN", "25, reference_bw25.csv, SHARED", "10, reference_bw10.csv, SHARED" })
	void everyLabelMatchesPyradiomics(double binWidth, String referenceFile, SharedReference.Source source) throws IOException {
		List<Map<String, String>> ref = SharedReference.readRows(source.require("multilesion/" + referenceFile));
		FeatureSettings settings = FeatureSettings.builder().binWidth(binWidth).build();
		List<String> bad = new ArrayList<>();
		int lesions = 0;
		for (String c : source.multiLesionCases()) {
			Volume image = NrrdReader.read(source.require("multilesion/" + c + "_image.nrrd")).asVolume();
			LabelMap labels = NrrdReader.read(source.require("multilesion/" + c + "_label.nrrd")).asLabelMap();
			Map<Long, LesionFeatures> byLabel = new HashMap<>();
			for (LesionFeatures f : new LesionExtractor(settings).extractAll(image, labels, null, Progress.NONE)) byLabel.put(f.label(), f);
			for (Map<String, String> row : ref) {
				if (!row.get("case").equals(c)) continue;
				long label = Long.parseLong(row.get("label"));
				LesionFeatures f = byLabel.get(label);
				if (f == null || !f.ok()) {
					bad.add(c + " label " + label + ": " + (f == null ? "not found" : f.error().get()));
					continue;
				}
				lesions++;
				bad.addAll(PyradiomicsCasesTest.compare(f.values(), row, FeatureRegistry.classNames(), c + " label " + label, 1e-4));
			}
		}
		assertEquals(source == SharedReference.Source.GOLDEN ? 18 : 32, lesions + bad.stream().filter(s -> s.contains(": not found") || !s.contains("original_")).count(), "lesion count");
		assertTrue(bad.isEmpty(), bad.size() + " mismatches:\n" + String.join("\n", bad));
	}

	/**
	 * Resegmentation to [-100, 200] HU (absolute): pyradiomics refuses the lesions the range empties or flattens below
	 * minimumROIDimensions, and computes shape on the delineated mask cut to the resegmented mask's bounding box.
	 */
	@ParameterizedTest
	@org.junit.jupiter.params.provider.EnumSource(SharedReference.Source.class)
	void resegmentationMatchesPyradiomicsAndRefusesTheSameLesions(SharedReference.Source source) throws IOException {
		List<Map<String, String>> ref = SharedReference.readRows(source.require("multilesion/reference_reseg.csv"));
		FeatureSettings settings = FeatureSettings.builder().resegmentRange(new double[] { -100, 200 }).build();
		List<String> bad = new ArrayList<>(), refused = new ArrayList<>(), listed = new ArrayList<>();
		for (Map<String, String> row : ref) listed.add(row.get("case") + "/" + row.get("label"));
		for (String c : source.multiLesionCases()) {
			Volume image = NrrdReader.read(source.require("multilesion/" + c + "_image.nrrd")).asVolume();
			LabelMap labels = NrrdReader.read(source.require("multilesion/" + c + "_label.nrrd")).asLabelMap();
			for (LesionFeatures f : new LesionExtractor(settings).extractAll(image, labels, null, Progress.NONE)) {
				String key = c + "/" + f.label();
				if (!f.ok()) {
					refused.add(key);
					assertTrue(f.error().get().contains("resegmentation"), key + ": " + f.error().get());
					continue;
				}
				Map<String, String> row = ref.get(listed.indexOf(key));
				bad.addAll(PyradiomicsCasesTest.compare(f.values(), row, FeatureRegistry.classNames(), key, 1e-4));
			}
		}
		List<String> expectedRefused = source == SharedReference.Source.GOLDEN ? List.of("public_m1/5", "public_m1/10", "public_m1/15")
				: List.of("public_m1/5", "public_m1/10", "public_m1/15", "public_m2/4");
		assertEquals(expectedRefused, refused, "pyradiomics refuses exactly these lesions (its README)");
		assertTrue(bad.isEmpty(), bad.size() + " mismatches:\n" + String.join("\n", bad));
	}
}
