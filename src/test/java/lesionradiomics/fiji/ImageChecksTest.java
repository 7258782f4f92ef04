package lesionradiomics.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/** The Fiji dialogs' defaults and checks: a sensible label image, no CT taken for a label map, no output in ImageJ's folder. */
class ImageChecksTest {

	@TempDir
	Path dir;

	/** The image choosers' roles by content, not by title: an RGB figure is no CT, a CT is no label map. */
	@Test
	void imagesFitTheirRoleByContent() {
		short[] ctPixels = new short[64 * 64];
		java.util.SplittableRandom random = new java.util.SplittableRandom(1);
		for (int i = 0; i < ctPixels.length; i++) ctPixels[i] = (short) random.nextInt(4000); // thousands of grey values
		ImagePlus ct = new ImagePlus("ct_labels_lookalike", new ShortProcessor(64, 64, ctPixels, null));
		short[] labelPixels = new short[64 * 64];
		for (int i = 0; i < 300; i++) labelPixels[i] = (short) (1 + i / 100);
		ImagePlus labels = new ImagePlus("scan", new ShortProcessor(64, 64, labelPixels, null));
		ImagePlus figure = new ImagePlus("Kaplan-Meier", new ij.process.ColorProcessor(64, 64));
		assertTrue(Images.fits("image", ct) && !Images.fits("labels", ct), "a CT is an image, not a label map, whatever its title");
		assertTrue(Images.fits("labels", labels) && !Images.fits("image", labels));
		assertTrue(!Images.fits("image", figure) && !Images.fits("labels", figure), "an RGB figure fits no role");
		ImagePlus negative = new ImagePlus("signed", new FloatProcessor(2, 1, new float[] { -1, 1 }));
		assertTrue(!Images.isLabelMap(negative));
	}

	/** A label map opens with label colours, the display range over the labels and at the slice of the largest lesion. */
	@Test
	void labelMapsShowTheirLabels() {
		ij.ImageStack stack = new ij.ImageStack(8, 8);
		for (int z = 0; z < 5; z++) {
			short[] p = new short[64];
			if (z == 1) p[0] = 1; // label 1: one voxel on slice 2
			if (z >= 2) for (int i = 0; i < (z == 3 ? 30 : 10); i++) p[10 + i] = 2; // label 2, largest, most voxels on slice 4
			stack.addSlice(new ShortProcessor(8, 8, p, null));
		}
		ImagePlus imp = new ImagePlus("labels", stack);
		Images.asLabels(imp);
		assertEquals(4, imp.getCurrentSlice());
		assertEquals(0, imp.getDisplayRangeMin());
		assertEquals(255, imp.getDisplayRangeMax(), "label value = colour index");
		assertEquals(0, imp.getProcessor().getLut().getRGB(0) & 0xffffff, "background black");
		assertTrue((imp.getProcessor().getLut().getRGB(1) & 0xffffff) != (imp.getProcessor().getLut().getRGB(2) & 0xffffff), "neighbouring labels differ");
	}

	@Test
	void aCtOrTheImageItselfIsRefusedAsLabelImage() {
		ImagePlus ct = new ImagePlus("ct", new FloatProcessor(4, 4, new float[] { -1000.5f, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40 }));
		ImagePlus labels = new ImagePlus("labels", new ShortProcessor(4, 4));
		assertNull(Images.labelImageProblem(ct, labels));
		assertTrue(Images.labelImageProblem(ct, ct).contains("the image itself"));
		ImagePlus floatCt = new ImagePlus("float ct", new FloatProcessor(2, 1, new float[] { 0, 40.5f }));
		assertTrue(Images.labelImageProblem(ct, floatCt).contains("non-integer"));
		ImagePlus negative = new ImagePlus("neg", new FloatProcessor(2, 1, new float[] { 0, -2 }));
		assertTrue(Images.labelImageProblem(ct, negative).contains("negative"));
	}

	@Test
	void emptyOutputFieldGivesAFreshFolderNextToTheCohortTable() throws IOException {
		Path table = dir.resolve("cohort.csv");
		Files.writeString(table, "patient,image,labels\n");
		assertEquals(dir.resolve("lesion-radiomics-results"), TaskCommand.defaultOutput(table));
		Files.createDirectories(dir.resolve("lesion-radiomics-results"));
		Files.writeString(dir.resolve("lesion-radiomics-results/run.json"), "{}");
		assertEquals(dir.resolve("lesion-radiomics-results-2"), TaskCommand.defaultOutput(table), "never into an earlier run");
	}
}
