package lesionradiomics.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * An intensity image (ImgLib2, any real pixel type) with its physical geometry. Values seen through {@link #image()}
 * are in physical units (e.g. Hounsfield units): readers apply rescale slope/intercept as a view, never by copying.
 */
public final class Volume {

	private final RandomAccessibleInterval<? extends RealType<?>> image;
	private final Geometry geometry;

	public Volume(RandomAccessibleInterval<? extends RealType<?>> image, Geometry geometry) {
		if (image.numDimensions() != 3) throw new IllegalArgumentException("a volume is 3D, got " + image.numDimensions() + "D");
		long[] dims = Intervals.dimensionsAsLongArray(image);
		for (int d = 0; d < 3; d++)
			if (dims[d] != geometry.size(d))
				throw new IllegalArgumentException("image size does not match its geometry: " + geometry);
		this.image = image;
		this.geometry = geometry;
	}

	public RandomAccessibleInterval<? extends RealType<?>> image() { return image; }
	public Geometry geometry() { return geometry; }
}
