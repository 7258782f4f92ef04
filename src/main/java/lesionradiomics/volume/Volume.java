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
	private final SliceGate gate;

	public Volume(RandomAccessibleInterval<? extends RealType<?>> image, Geometry geometry) {
		this(image, geometry, SliceGate.COMPLETE);
	}

	/** A volume whose slices may still be arriving ({@code gate}): {@link #image()} waits for all of them. */
	public Volume(RandomAccessibleInterval<? extends RealType<?>> image, Geometry geometry, SliceGate gate) {
		if (image.numDimensions() != 3) throw new IllegalArgumentException("a volume is 3D, got " + image.numDimensions() + "D");
		long[] dims = Intervals.dimensionsAsLongArray(image);
		for (int d = 0; d < 3; d++)
			if (dims[d] != geometry.size(d))
				throw new IllegalArgumentException("image size does not match its geometry: " + geometry);
		this.image = image;
		this.geometry = geometry;
		this.gate = gate;
	}

	/** The whole image, once it is read (throws the reader's error as an {@link java.io.UncheckedIOException}). */
	public RandomAccessibleInterval<? extends RealType<?>> image() {
		gate.awaitAll();
		return image;
	}

	/**
	 * The image for reading slices up to {@code lastZ} only, as soon as those are in: a lesion's box of a volume still
	 * being decoded ({@link SliceGate}). Any other use takes {@link #image()}.
	 */
	public RandomAccessibleInterval<? extends RealType<?>> imageThrough(long lastZ) {
		awaitThrough(lastZ);
		return image;
	}

	/** Waits until slices up to {@code lastZ} are in (see {@link #imageThrough}). */
	public void awaitThrough(long lastZ) {
		gate.awaitThrough(lastZ);
	}

	/** The pixel type, known before the pixels are in (a type test, no value). */
	public RealType<?> type() {
		return net.imglib2.util.Util.getTypeFromInterval(image);
	}

	/** Whether every slice is in (always, but for a volume still being decoded). */
	public boolean complete() {
		return gate.complete();
	}

	public Geometry geometry() { return geometry; }
}
