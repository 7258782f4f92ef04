package lesionradiomics.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/** The Fiji dialogs' defaults and checks: a sensible label image, no CT taken for a label map, no output in ImageJ's folder. */
class ImageChecksTest {

	@TempDir
	Path dir;

	@Test
	void labelImageDefaultsToAWindowThatLooksLikeLabels() {
		assertEquals("P01_labels.nrrd", ImageChecks.defaultLabelTitle(List.of("P01_image.nrrd", "P01_labels.nrrd"), "P01_image.nrrd"));
		assertEquals("ct-seg.nii", ImageChecks.defaultLabelTitle(List.of("ct.nii", "notes", "ct-seg.nii"), "ct.nii"));
		assertEquals("other", ImageChecks.defaultLabelTitle(List.of("ct.nii", "other"), "ct.nii"), "else any other window, never the image");
		assertEquals("ct.nii", ImageChecks.defaultImageTitle(List.of("ct.nii", "ct_mask.nii"), "ct_mask.nii"), "the image is not the mask");
	}

	@Test
	void aCtOrTheImageItselfIsRefusedAsLabelImage() {
		ImagePlus ct = new ImagePlus("ct", new FloatProcessor(4, 4, new float[] { -1000.5f, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40 }));
		ImagePlus labels = new ImagePlus("labels", new ShortProcessor(4, 4));
		assertNull(ImageChecks.labelImageProblem(ct, labels));
		assertTrue(ImageChecks.labelImageProblem(ct, ct).contains("the image itself"));
		ImagePlus floatCt = new ImagePlus("float ct", new FloatProcessor(2, 1, new float[] { 0, 40.5f }));
		assertTrue(ImageChecks.labelImageProblem(ct, floatCt).contains("non-integer"));
		ImagePlus negative = new ImagePlus("neg", new FloatProcessor(2, 1, new float[] { 0, -2 }));
		assertTrue(ImageChecks.labelImageProblem(ct, negative).contains("negative"));
	}

	@Test
	void emptyOutputFieldGivesAFreshFolderNextToTheCohortTable() throws IOException {
		Path table = dir.resolve("cohort.csv");
		Files.writeString(table, "patient,image,labels\n");
		assertEquals(dir.resolve("lesion-radiomics-results"), ImageChecks.defaultOutput(table));
		Files.createDirectories(dir.resolve("lesion-radiomics-results"));
		Files.writeString(dir.resolve("lesion-radiomics-results/run.json"), "{}");
		assertEquals(dir.resolve("lesion-radiomics-results-2"), ImageChecks.defaultOutput(table), "never into an earlier run");
	}
}
