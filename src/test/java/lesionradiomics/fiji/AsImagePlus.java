package lesionradiomics.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import lesionradiomics.io.ImageData;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

/** Test helper: an ImageData as a 32-bit ImagePlus with the same spacing (what Fiji would hand a command). */
public final class AsImagePlus {

	private AsImagePlus() {}

	public static ImagePlus of(ImageData d) {
		int nx = (int) d.geometry().size(0), ny = (int) d.geometry().size(1), nz = (int) d.geometry().size(2);
		ImageStack stack = new ImageStack(nx, ny);
		RandomAccess<? extends RealType<?>> ra = d.asVolume().image().randomAccess();
		for (int z = 0; z < nz; z++) {
			float[] px = new float[nx * ny];
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) px[x + nx * y] = (float) ra.setPositionAndGet(x, y, z).getRealDouble();
			stack.addSlice(new FloatProcessor(nx, ny, px));
		}
		ImagePlus imp = new ImagePlus(d.source().getFileName().toString(), stack);
		imp.getCalibration().setUnit("mm");
		imp.getCalibration().pixelWidth = d.geometry().spacing(0);
		imp.getCalibration().pixelHeight = d.geometry().spacing(1);
		imp.getCalibration().pixelDepth = d.geometry().spacing(2);
		return imp;
	}
}
