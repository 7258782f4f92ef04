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

}
