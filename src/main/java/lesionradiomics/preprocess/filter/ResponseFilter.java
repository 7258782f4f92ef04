package lesionradiomics.preprocess.filter;

/**
 * An IBSI 2 convolutional filter: the response map of an image (flat array, x fastest, {@code size} voxels, spacing
 * in mm) as the IBSI 2 reference manual (arXiv:2006.05470) defines it. Implementations are immutable and hold only
 * their parameters; {@link #spec()} gives the text that parses back to the same filter ({@link FilterSpec}).
 */
public interface ResponseFilter {

	double[] apply(double[] values, int[] size, double[] spacing);

	/** The filter spec text, e.g. {@code LoG:sigma=1.5,boundary=mirror}. */
	String spec();

	/**
	 * The margin rule: how many voxels per axis (x, y, z) beyond a voxel its response depends on — the support of
	 * every pass added up — in an image of {@code imageSize} voxels; null when the response depends on the whole image
	 * (the Fourier-domain filters). A crop of the image grown by the margin (and clipped to the image, where the
	 * boundary condition then applies as on the whole image) gives the whole image's response inside it
	 * ({@link BoxFiltering}).
	 */
	default int[] margin(double[] spacing, int[] imageSize) {
		return null;
	}

	/**
	 * The response of a crop of {@code size} voxels of an image of {@code imageSize} voxels: {@link #apply} except for
	 * filters whose kernel depends on the image's size (Gabor's spans the image when that is smaller than its
	 * envelope), which take it from the whole image.
	 */
	default double[] applyToCrop(double[] values, int[] size, double[] spacing, int[] imageSize) {
		return apply(values, size, spacing);
	}

}
