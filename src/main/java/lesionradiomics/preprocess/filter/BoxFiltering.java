package lesionradiomics.preprocess.filter;

import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Filtering around lesions instead of over the whole image, by the margin rule ({@link ResponseFilter#margin}): each
 * lesion box grown by the filter's margin, clipped to the image, is filtered on its own; inside the box the result is
 * the whole image's response — to the last bit for the direct convolutions (mean, LoG, Laws, separable wavelets: the
 * same taps summed in the same order; where the crop reaches the image's border the boundary condition applies
 * there as on the whole image), up to rounding for Gabor (transforms of other lengths). Only the crops are ever in
 * memory, so a 512 × 512 × 120 CT need not be held as doubles with its response and the filter's intermediates.
 */
public final class BoxFiltering {

	private BoxFiltering() {}

	/**
	 * The crop of the box [min, max] (inclusive voxel indices): {min, max} grown by the margin, clipped to the image;
	 * with a periodic boundary the whole axis wherever the margin reaches the image's border (the image wraps around
	 * there: the far side's voxels are needed).
	 */
	static int[][] crop(int[] margin, boolean periodic, int[] imageSize, int[] min, int[] max) {
		int[] lo = new int[3], hi = new int[3];
		for (int d = 0; d < 3; d++) {
			lo[d] = min[d] - margin[d];
			hi[d] = max[d] + margin[d];
			if (periodic && (lo[d] < 0 || hi[d] > imageSize[d] - 1)) {
				lo[d] = 0;
				hi[d] = imageSize[d] - 1;
			}
			lo[d] = Math.max(0, lo[d]);
			hi[d] = Math.min(imageSize[d] - 1, hi[d]);
		}
		return new int[][] { lo, hi };
	}

	/** Whether the filter's boundary condition is periodic. */
	static boolean periodic(ResponseFilter f) {
		Boundary b = f instanceof MeanFilter m ? m.boundary() : f instanceof IbsiLog l ? l.boundary() : f instanceof LawsFilter l ? l.boundary()
				: f instanceof SeparableWavelet w ? w.boundary() : f instanceof GaborFilter g ? g.boundary() : Boundary.PERIODIC;
		return b == Boundary.PERIODIC;
	}

	/**
	 * Whether filtering each box's own crop reads fewer voxels than the whole image (the filters' cost grows with the
	 * voxels they see); false when the filter has no finite margin.
	 *
	 * @param boxes each {min, max}, inclusive voxel indices
	 */
	public static boolean cheaper(ResponseFilter f, int[] imageSize, double[] spacing, List<int[][]> boxes) {
		int[] m = f.margin(spacing, imageSize);
		if (m == null) return false;
		double crops = 0, whole = (double) imageSize[0] * imageSize[1] * imageSize[2];
		for (int[][] b : boxes) {
			int[][] c = crop(m, periodic(f), imageSize, b[0], b[1]);
			crops += (double) (c[1][0] - c[0][0] + 1) * (c[1][1] - c[0][1] + 1) * (c[1][2] - c[0][2] + 1);
		}
		return crops < whole;
	}

	/**
	 * The response of {@code f} inside the box [min, max] (box-sized, x fastest), from the image's voxels
	 * {@code image} (flat index, x fastest, over {@code imageSize}); null when the filter has no finite margin.
	 */
	public static double[] inBox(ResponseFilter f, IntToDoubleFunction image, int[] imageSize, double[] spacing, int[] min, int[] max) {
		int[] m = f.margin(spacing, imageSize);
		if (m == null) return null;
		int[][] c = crop(m, periodic(f), imageSize, min, max);
		int[] size = new int[3];
		for (int d = 0; d < 3; d++) size[d] = c[1][d] - c[0][d] + 1;
		double[] values = new double[size[0] * size[1] * size[2]];
		for (int z = 0, i = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++) {
				int row = ((c[0][2] + z) * imageSize[1] + c[0][1] + y) * imageSize[0] + c[0][0];
				for (int x = 0; x < size[0]; x++) values[i++] = image.applyAsDouble(row + x);
			}
		double[] r = f.applyToCrop(values, size, spacing, imageSize);
		values = null; // the crop's copy goes before the box is copied out
		int bx = max[0] - min[0] + 1, by = max[1] - min[1] + 1, bz = max[2] - min[2] + 1;
		double[] out = new double[bx * by * bz];
		for (int z = 0, i = 0; z < bz; z++)
			for (int y = 0; y < by; y++) {
				int row = ((min[2] - c[0][2] + z) * size[1] + min[1] - c[0][1] + y) * size[0] + min[0] - c[0][0];
				for (int x = 0; x < bx; x++) out[i++] = r[row + x];
			}
		return out;
	}
}
