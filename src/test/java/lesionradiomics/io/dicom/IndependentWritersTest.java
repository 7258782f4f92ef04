package lesionradiomics.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.LesionExtractor;
import lesionradiomics.features.LesionFeatures;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.LabelMap;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.view.Views;

/**
 * Delineations written by independent tools (committed with their scripts in src/test/resources/dicom): a three-lesion
 * RTSTRUCT that plastimatch made from a label map, and multi-segment SEGs (binary bit-packed; fractional, cropped
 * frames) written with pydicom from the standard. They come back as the right lesions with the right names, voxel
 * for voxel where the rasterisation is exact, with the source label map's features.
 */
class IndependentWritersTest {

	static final Path RES = Path.of("src/test/resources/dicom").toAbsolutePath();

	/** Voxels where our label {@code mine} and the source label {@code theirs} disagree. */
	static int differences(LabelMap a, long mine, LabelMap b, long theirs) {
		RandomAccess<? extends IntegerType<?>> rb = b.labels().randomAccess();
		int diff = 0;
		for (Cursor<? extends IntegerType<?>> c = Views.flatIterable(a.labels()).localizingCursor(); c.hasNext();) {
			boolean x = c.next().getIntegerLong() == mine;
			rb.setPosition(c);
			if (x != (rb.get().getIntegerLong() == theirs)) diff++;
		}
		return diff;
	}

	static long labelOf(ImageData d, String name) {
		for (Map.Entry<Long, String> e : d.segmentNames().entrySet()) if (e.getValue().equals(name)) return e.getKey();
		throw new AssertionError("no segment '" + name + "' in " + d.segmentNames());
	}

	@Test
	void plastimatchRtstructGivesTheSourceLesions() throws IOException {
		DicomImage img = DicomReader.readImage(RES.resolve("plastimatch"), null);
		ImageData source = NrrdReader.read(RES.resolve("plastimatch_labels.nrrd"));
		assertArrayEquals(source.geometry().origin(), img.data().geometry().origin(), 1e-4);
		assertArrayEquals(source.geometry().spacing(), img.data().geometry().spacing(), 1e-4);
		ImageData labels = DicomReader.readLabels(RES.resolve("plastimatch/rtstruct.dcm"), img, null);
		assertEquals(3, labels.segmentNames().size(), labels.segmentNames().toString());
		LabelMap mine = labels.asLabelMap(), theirs = source.asLabelMap();
		List<String> report = new ArrayList<>();
		String[] names = { "GTV_liver_1", "GTV_lung_2", "GTV_bone_3" };
		for (int i = 0; i < 3; i++) report.add(names[i] + " " + differences(mine, labelOf(labels, names[i]), theirs, i + 1));
		assertEquals(List.of("GTV_liver_1 0", "GTV_lung_2 0", "GTV_bone_3 0"), report);
	}

	@ParameterizedTest
	@ValueSource(strings = { "seg_binary.dcm", "seg_fractional.dcm" })
	void pydicomSegGivesTheSourceLesions(String file) throws IOException {
		DicomImage img = DicomReader.readImage(RES.resolve("plastimatch"), null);
		ImageData labels = DicomReader.readLabels(RES.resolve(file), img, null);
		assertEquals(Map.of(1L, "lesion B", 2L, "lesion C", 3L, "lesion A"), labels.segmentNames());
		LabelMap mine = labels.asLabelMap(), theirs = NrrdReader.read(RES.resolve("plastimatch_labels.nrrd")).asLabelMap();
		for (long l = 1; l <= 3; l++) assertEquals(0, differences(mine, l, theirs, l == 3 ? 1 : l + 1), file + " segment " + l);
		// --roi picks segments without renumbering them: the label is the SegmentNumber
		ImageData picked = DicomReader.readLabels(RES.resolve(file), img, "lesion [AC]");
		assertEquals(Map.of(2L, "lesion C", 3L, "lesion A"), picked.segmentNames());
		assertEquals(0, differences(picked.asLabelMap(), 3, theirs, 1), file + " segment 3 picked");
		// features of every lesion equal those on the source label map
		ImageData ct = img.data();
		List<LesionFeatures> a = new LesionExtractor(FeatureSettings.defaults()).extractAll(ct.asVolume(), mine, null, Progress.NONE);
		List<LesionFeatures> b = new LesionExtractor(FeatureSettings.defaults()).extractAll(ct.asVolume(), theirs, null, Progress.NONE);
		for (LesionFeatures f : a) {
			LesionFeatures g = b.get((int) (f.label() == 3 ? 0 : f.label()));
			assertTrue(f.ok() && g.ok());
			assertEquals(g.values(), f.values(), "segment " + f.label());
		}
	}
}
