package lesionradiomics.preprocess;

import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;

/**
 * IBSI 1's interpolation (reference manual 2.4): a grid aligned on the centre of the whole image, n_b = ⌈n_a s_a /
 * s_b⌉ voxels per axis, new voxel j at original index ((n_a − 1) − r (n_b − 1)) / 2 + j r (r = s_b / s_a); positions
 * beyond the image take the nearest edge value; intensities rounded to integers afterwards when asked (integer-valued
 * images such as CT); the ROI mask interpolated as a 0/1 image and kept where it is ≥ the partial-volume threshold.
 * Only the part of the grid around one lesion is computed; the grid is still the whole image's. pyradiomics' grid
 * ({@link Resampler}) is aligned on the corner of the lesion box instead and resamples the mask by nearest neighbour.
 */
public final class IbsiInterpolation {

	/**
	 * Interpolated mask values are compared with the threshold with this slack: a voxel exactly half inside comes out
	 * of the arithmetic as 0.49999999999999994 as often as 0.5, and IBSI keeps it (the manual's warning).
	 */
	public static final double MASK_SLACK = 1e-9;

	/** Input voxels kept around the interpolation support for the B-spline prefilter (its error falls as 0.268^k). */
	private static final int COEFFICIENT_MARGIN = 20;

	private IbsiInterpolation() {}

	/** Grid size of one axis: ⌈n s_a / s_b⌉ (a tiny slack keeps 3.0000000001 at 3). */
	public static int gridSize(long n, double spacing, double target) {
		return (int) Math.ceil(n * spacing / target - 1e-9);
	}

	/**
	 * The lesion {@code label} on IBSI's grid of spacing {@code target} (x, y, z mm; 0 keeps an axis), over the
	 * lesion's box plus {@code marginMm} on every side: the image interpolated by {@code image}, the mask by
	 * {@code mask} and cut at {@code threshold}.
	 */
	public static LesionRegion resampleLesion(Volume volume, LabelMap labels, long label, BoundingBox box, double[] target,
			Resampler.Interpolator image, Resampler.Interpolator mask, double threshold, boolean round, double marginMm) {
		long[] n = volume.geometry().size();
		double[] s = volume.geometry().spacing();
		double[] spacing = new double[3], ratio = new double[3], offset = new double[3];
		int[] outLo = new int[3], outSize = new int[3];
		long[] inLo = new long[3], inHi = new long[3];
		for (int d = 0; d < 3; d++) {
			spacing[d] = target == null || target[d] <= 0 ? s[d] : target[d];
			ratio[d] = spacing[d] / s[d];
			int nb = gridSize(n[d], s[d], spacing[d]);
			offset[d] = ((n[d] - 1) - ratio[d] * (nb - 1)) / 2;
			double lo = box.min(d) - 0.5 - marginMm / s[d], hi = box.max(d) + 0.5 + marginMm / s[d];
			int jLo = (int) Math.max(0, Math.floor((lo - offset[d]) / ratio[d]));
			int jHi = (int) Math.min(nb - 1, Math.ceil((hi - offset[d]) / ratio[d]));
			outLo[d] = jLo;
			outSize[d] = jHi - jLo + 1;
			inLo[d] = Math.max(0, (long) Math.floor(offset[d] + jLo * ratio[d]) - 2 - COEFFICIENT_MARGIN);
			inHi[d] = Math.min(n[d] - 1, (long) Math.ceil(offset[d] + jHi * ratio[d]) + 2 + COEFFICIENT_MARGIN);
		}
		LesionRegion block = LesionRegion.crop(volume, labels, label, new BoundingBox(inLo, inHi, box.voxelCount()));
		int[] bs = block.size();
		double[] maskValues = new double[block.values().length];
		boolean[] bm = block.mask();
		for (int i = 0; i < maskValues.length; i++) maskValues[i] = bm[i] ? 1 : 0;
		double[][] pos = new double[3][];
		for (int d = 0; d < 3; d++) {
			pos[d] = new double[outSize[d]];
			for (int j = 0; j < outSize[d]; j++) {
				double p = offset[d] + (outLo[d] + j) * ratio[d];
				p = Math.max(0, Math.min(n[d] - 1, p)); // edge padding: the nearest image value
				pos[d][j] = p - inLo[d];
			}
		}
		double[] values = interpolate(block.values(), bs, pos, image);
		if (round) for (int i = 0; i < values.length; i++) values[i] = Math.rint(values[i]);
		double[] m = interpolate(maskValues, bs, pos, mask);
		boolean[] kept = new boolean[m.length];
		for (int i = 0; i < m.length; i++) kept[i] = keep(m[i], threshold);
		return new LesionRegion(outSize, spacing, values, kept);
	}

	/** Whether an interpolated mask value is kept: at or above the threshold, up to rounding ({@link #MASK_SLACK}). */
	public static boolean keep(double value, double threshold) { return value >= threshold - MASK_SLACK; }

	/** Values at the grid positions pos[axis][j] (block index units, inside the block), x fastest. */
	static double[] interpolate(double[] block, int[] size, double[][] pos, Resampler.Interpolator kind) {
		double[] data = block;
		int taps = kind == Resampler.Interpolator.BSPLINE ? 4 : kind == Resampler.Interpolator.LINEAR ? 2 : 1;
		if (kind == Resampler.Interpolator.BSPLINE) data = Resampler.bsplineCoefficients(block, size, new int[3], size.clone()); // the whole block
		int[][][] idx = new int[3][][];
		double[][][] w = new double[3][][];
		for (int d = 0; d < 3; d++) {
			idx[d] = new int[pos[d].length][taps];
			w[d] = new double[pos[d].length][taps];
			for (int j = 0; j < pos[d].length; j++) weights(kind, pos[d][j], size[d], idx[d][j], w[d][j]);
		}
		int nx = pos[0].length, ny = pos[1].length, nz = pos[2].length;
		double[] out = new double[nx * ny * nz];
		for (int z = 0, o = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, o++) {
					double v = 0;
					for (int c = 0; c < taps; c++) {
						double wz = w[2][z][c];
						if (wz == 0) continue;
						int bz = idx[2][z][c] * size[1];
						for (int b = 0; b < taps; b++) {
							double wzy = wz * w[1][y][b];
							if (wzy == 0) continue;
							int row = (bz + idx[1][y][b]) * size[0];
							for (int a = 0; a < taps; a++) v += wzy * w[0][x][a] * data[row + idx[0][x][a]];
						}
					}
					out[o] = v;
				}
		return out;
	}

	/** Taps (clamped into the block) and weights of one position. */
	private static void weights(Resampler.Interpolator kind, double p, int n, int[] idx, double[] w) {
		switch (kind) {
		case NEAREST:
			idx[0] = clamp((int) Math.floor(p + 0.5), n);
			w[0] = 1;
			break;
		case LINEAR: {
			int i0 = (int) Math.floor(p);
			double t = p - i0;
			idx[0] = clamp(i0, n);
			idx[1] = clamp(i0 + 1, n);
			w[0] = 1 - t;
			w[1] = t;
			break;
		}
		default: {
			int i0 = (int) Math.floor(p) - 1;
			double t = p - Math.floor(p);
			// cubic B-spline weights at distances 1 + t, t, 1 − t, 2 − t
			w[0] = (1 - t) * (1 - t) * (1 - t) / 6;
			w[1] = (4 - 6 * t * t + 3 * t * t * t) / 6;
			w[2] = (1 + 3 * t + 3 * t * t - 3 * t * t * t) / 6;
			w[3] = t * t * t / 6;
			for (int k = 0; k < 4; k++) idx[k] = clamp(i0 + k, n);
		}
		}
	}

	private static int clamp(int i, int n) { return i < 0 ? 0 : i >= n ? n - 1 : i; }
}
