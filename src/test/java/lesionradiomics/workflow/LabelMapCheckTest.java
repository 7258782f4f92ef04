package lesionradiomics.workflow;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.volume.BoundingBox;

/** The CT given as the label map (or the two swapped) is refused with the reason, never 600 "lesions" with negative labels. */
class LabelMapCheckTest {

	private static final Path DEMO = Path.of("test-data");

	@TempDir
	Path dir;

	private static String refusal(Path image, Path labels) {
		VolumeFormatException e = assertThrows(VolumeFormatException.class, () -> ExtractionWorkflow.run(
				ExtractionWorkflow.read(image, labels, null, "P01", ExtractionOptions.DEFAULTS), ExtractionOptions.DEFAULTS, Execution.serial()));
		return e.getMessage();
	}

	@Test
	void theImageAsItsOwnLabelMapIsRefused() {
		String m = refusal(DEMO.resolve("P01_image.nrrd"), DEMO.resolve("P01_image.nrrd"));
		assertTrue(m.contains("the label map is the image itself"), m);
	}

	@Test
	void aCopyOfTheImageOrTheTwoSwappedAreRefusedForTheirNegativeValues() throws Exception {
		Path copy = Files.copy(DEMO.resolve("P01_image.nrrd"), dir.resolve("labels.nrrd"));
		String m = refusal(DEMO.resolve("P01_image.nrrd"), copy);
		assertTrue(m.contains("does not look like a label map") && m.contains("negative values") && m.contains("labels.nrrd"), m);
		String swapped = refusal(DEMO.resolve("P01_labels.nrrd"), DEMO.resolve("P01_image.nrrd"));
		assertTrue(swapped.contains("is it the image?"), swapped);
	}

	@Test
	void morePlausibleLesionsThanALabelMapHoldsIsRefused() {
		SortedMap<Long, BoundingBox> found = new TreeMap<>();
		for (long l = 1; l <= ExtractionWorkflow.MAX_LESIONS; l++) found.put(l, null);
		assertNull(ExtractionWorkflow.notALabelMap(found), "1000 lesions are still a label map");
		found.put(4095L, null);
		String m = ExtractionWorkflow.notALabelMap(found);
		assertTrue(m.contains("1001 distinct values") && m.contains("labels 1 to 4095"), m);
	}
}
