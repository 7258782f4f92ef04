package lesionradiomics.preprocess.filter;

/**
 * IBSI 2 mean filter: the average over a cube (3D) or square (2D, slice by slice) of {@code support} voxels a side
 * (odd), the image extended by the boundary condition.
 */
public record MeanFilter(int support, boolean planar, Boundary boundary) implements ResponseFilter {

	public MeanFilter {
		if (support < 1 || support % 2 == 0) throw new IllegalArgumentException("mean filter support must be an odd number of voxels >= 1, is " + support);
	}

	@Override
	public double[] apply(double[] values, int[] size, double[] spacing) {
		double[] k = new double[support];
		java.util.Arrays.fill(k, 1.0 / support);
		return Convolution.separable(values, size, new double[][] { k, k, planar ? null : k }, boundary);
	}

	@Override
	public int[] margin(double[] spacing, int[] imageSize) {
		int h = support / 2;
		return new int[] { h, h, planar ? 0 : h };
	}

	@Override
	public String spec() {
		return "Mean:support=" + support + FilterSpec.common(planar, boundary);
	}

}
