package lesionradiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ShortProcessor;
import lesionradiomics.volume.Volume;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

class ImagePlusAdapterTest {

	/** A signed 16-bit CT as ImageJ stores it: raw = HU + 32768 with calibration function -32768 + 1·raw. */
	static ImagePlus signedCt() {
		ImageStack stack = new ImageStack(4, 3);
		for (int z = 0; z < 2; z++) {
			short[] px = new short[12];
			for (int i = 0; i < 12; i++) px[i] = (short) (32768 - 1000 + 100 * i + z);
			stack.addSlice(new ShortProcessor(4, 3, px, null));
		}
		ImagePlus imp = new ImagePlus("ct", stack);
		Calibration cal = imp.getCalibration();
		cal.setUnit("mm");
		cal.pixelWidth = 0.7;
		cal.pixelHeight = 0.7;
		cal.pixelDepth = 2.5;
		cal.setSigned16BitCalibration();
		return imp;
	}

	@Test
	void signedCtIsSeenInHounsfieldUnitsWithCalibratedSpacing() {
		ImagePlus imp = signedCt();
		ImageData d = ImagePlusAdapter.wrap(imp);
		Volume v = d.asVolume();
		assertArrayEquals(new double[] { 0.7, 0.7, 2.5 }, v.geometry().spacing(), 1e-12);
		RandomAccess<? extends RealType<?>> ra = v.image().randomAccess();
		assertEquals(-1000, ra.setPositionAndGet(0, 0, 0).getRealDouble());
		assertEquals(-1000 + 100 * 5 + 1, ra.setPositionAndGet(1, 1, 1).getRealDouble());
	}

	@Test
	void pixelsAreWrappedNotCopied() {
		ImagePlus imp = signedCt();
		ImageData d = ImagePlusAdapter.wrap(imp);
		((short[]) imp.getStack().getPixels(2))[0] = (short) (32768 + 42);
		assertEquals(42, d.asVolume().image().randomAccess().setPositionAndGet(0, 0, 1).getRealDouble());
	}

	@Test
	void centimetresBecomeMillimetres() {
		ImagePlus imp = signedCt();
		imp.getCalibration().setUnit("cm");
		assertArrayEquals(new double[] { 7, 7, 25 }, ImagePlusAdapter.wrap(imp).geometry().spacing(), 1e-12);
	}

	/** A .seg.nrrd's segment names survive File › Import: the ImagePlus carries them and Extract uses them as sites. */
	@org.junit.jupiter.api.Test
	void segmentNamesSurviveTheImporter() throws java.io.IOException {
		ImageData labels = NrrdReader.read(java.nio.file.Path.of("test-data/P04_labels.nrrd"));
		org.junit.jupiter.api.Assertions.assertFalse(labels.segmentNames().isEmpty(), "the demo label map names its segments");
		ImagePlus imp = ImagePlusAdapter.toImagePlus(labels, "P04_labels.nrrd");
		org.junit.jupiter.api.Assertions.assertEquals(labels.segmentNames(), ImagePlusAdapter.wrap(imp).segmentNames());
	}
}
