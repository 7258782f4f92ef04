package lesionradiomics.features;

/**
 * A region after IBSI's image processing: the image values over a box (x fastest) large enough for the local
 * intensity sphere, the morphological mask (the interpolated delineation) and the intensity mask (after
 * re-segmentation, a subset of the morphological mask).
 */
public record IbsiRegion(int[] size, double[] spacing, double[] values, boolean[] morphologicalMask, boolean[] intensityMask) {

	public IbsiRegion {
		int n = size[0] * size[1] * size[2];
		if (values.length != n || morphologicalMask.length != n || intensityMask.length != n)
			throw new IllegalArgumentException("region arrays do not match its size");
	}

	public int count(boolean[] mask) {
		int c = 0;
		for (boolean b : mask) if (b) c++;
		return c;
	}

	/** Intensities of the intensity mask, x fastest. */
	public double[] intensityValues() {
		double[] out = new double[count(intensityMask)];
		for (int i = 0, k = 0; i < values.length; i++) if (intensityMask[i]) out[k++] = values[i];
		return out;
	}
}
