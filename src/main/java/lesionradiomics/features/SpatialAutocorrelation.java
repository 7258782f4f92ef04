package lesionradiomics.features;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Moran's I and Geary's C of the intensity-mask voxels with weights 1 / distance between voxel centres (IBSI 1
 * reference manual 3.1.24–25). The pair sums depend on the offset only, so they are sums over offsets of
 * w(offset) × a correlation of two masked images; the three correlations (d·d, m·m, d²·m with d the deviations from
 * the mean, m the mask) come from FFTs on a grid padded against wrap-around. N² pairs (10¹⁰ for a 10⁵-voxel lesion)
 * become four FFTs.
 */
final class SpatialAutocorrelation {

	final double moransI, gearysC;

	SpatialAutocorrelation(int[] size, double[] spacing, boolean[] mask, double[] values) {
		int nx = size[0], ny = size[1], nz = size[2];
		int px = pow2(2 * nx - 1), py = pow2(2 * ny - 1), pz = pow2(2 * nz - 1);
		int total = px * py * pz;
		int n = 0;
		double mean = 0;
		for (int i = 0; i < mask.length; i++)
			if (mask[i]) {
				n++;
				mean += values[i];
			}
		mean /= n;
		// two real transforms per complex one: u = d + i·m, and d²
		double[][] u = new double[2][total], d2 = new double[2][total];
		double ss = 0;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (mask[i]) {
						int j = x + px * (y + py * z);
						double dev = values[i] - mean;
						u[0][j] = dev;
						u[1][j] = 1;
						d2[0][j] = dev * dev;
						ss += dev * dev;
					}
		int[] dims = { px, py, pz };
		fft(u, dims, new int[] { nx, ny, nz }, null, TransformType.FORWARD);
		fft(d2, dims, new int[] { nx, ny, nz }, null, TransformType.FORWARD);
		// D(k) = (U(k) + conj U(−k)) / 2, M(k) = (U(k) − conj U(−k)) / 2i; correlations Σ_i a_i b_{i+o} = IFFT(conj(A) B),
		// all real: |D|² + i|M|² in one inverse transform, conj(Q) M in another
		double[][] dm = new double[2][total], qm = new double[2][total];
		for (int z = 0, k = 0; z < pz; z++)
			for (int y = 0; y < py; y++)
				for (int x = 0; x < px; x++, k++) {
					int r = (px - x) % px + px * ((py - y) % py + py * ((pz - z) % pz));
					double ure = u[0][k], uim = u[1][k], cre = u[0][r], cim = -u[1][r];
					double dre = (ure + cre) / 2, dim = (uim + cim) / 2;
					double mre = (uim - cim) / 2, mim = -(ure - cre) / 2;
					dm[0][k] = dre * dre + dim * dim;
					dm[1][k] = mre * mre + mim * mim;
					qm[0][k] = d2[0][k] * mre + d2[1][k] * mim;
					qm[1][k] = d2[0][k] * mim - d2[1][k] * mre;
				}
		fft(dm, dims, dims, new int[] { nx, ny, nz }, TransformType.INVERSE);
		fft(qm, dims, dims, new int[] { nx, ny, nz }, TransformType.INVERSE);
		double[] dd = dm[0], mm = dm[1];
		double sw = 0, cross = 0, squares = 0;
		for (int oz = -(nz - 1); oz <= nz - 1; oz++)
			for (int oy = -(ny - 1); oy <= ny - 1; oy++)
				for (int ox = -(nx - 1); ox <= nx - 1; ox++) {
					if (ox == 0 && oy == 0 && oz == 0) continue;
					double w = 1 / Math.sqrt(sq(ox * spacing[0]) + sq(oy * spacing[1]) + sq(oz * spacing[2]));
					int k = Math.floorMod(ox, px) + px * (Math.floorMod(oy, py) + py * Math.floorMod(oz, pz));
					sw += w * mm[k];
					cross += w * dd[k];
					squares += w * qm[0][k];
				}
		// over ordered pairs i ≠ j: Σw, Σ w d_i d_j, and Σ w (d_i − d_j)² = 2 Σ w d_i² − 2 Σ w d_i d_j
		moransI = ss == 0 ? Double.NaN : n / sw * cross / ss;
		gearysC = ss == 0 ? Double.NaN : (n - 1) * (2 * squares - 2 * cross) / (2 * sw * ss);
	}

	private static double sq(double v) { return v * v; }

	private static int pow2(int n) { return Integer.highestOneBit(Math.max(1, n - 1)) << 1; }

	/**
	 * In-place 3D FFT (unnormalised forward, 1/N inverse) of data[re/im][x + px (y + py z)], axes x, y, z in turn.
	 * {@code filled}: the data are zero beyond these sizes, so a line along x with y or z beyond them, or along y with
	 * z beyond them, is zero and stays zero (skipped: the padding is 7/8 of the grid). {@code needed} (or null): only
	 * outputs at offsets −(n − 1) … n − 1 along each axis are read, so a line along y at an x outside them, or along z
	 * at an x or y outside them, is left untransformed. Every line that is transformed is transformed as before.
	 */
	private static void fft(double[][] data, int[] dims, int[] filled, int[] needed, TransformType type) {
		int[] stride = { 1, dims[0], dims[0] * dims[1] };
		// along x: contiguous lines
		if (dims[0] > 1) {
			double[][] line = new double[2][dims[0]];
			for (int z = 0; z < filled[2]; z++)
				for (int y = 0; y < filled[1]; y++) {
					int base = stride[1] * y + stride[2] * z;
					System.arraycopy(data[0], base, line[0], 0, dims[0]);
					System.arraycopy(data[1], base, line[1], 0, dims[0]);
					FastFourierTransformer.transformInPlace(line, DftNormalization.STANDARD, type);
					System.arraycopy(line[0], 0, data[0], base, dims[0]);
					System.arraycopy(line[1], 0, data[1], base, dims[0]);
				}
		}
		// along y, then z: BLOCK neighbouring lines (consecutive x) gathered together, for the cache; each line is
		// transformed alone as before
		final int block = 16;
		for (int axis = 1; axis < 3; axis++) {
			int len = dims[axis];
			if (len == 1) continue;
			int other = axis == 1 ? 2 : 1;
			int otherCount = other > axis ? filled[other] : dims[other];
			double[][][] lines = new double[block][2][len];
			for (int o = 0; o < otherCount; o++) {
				if (needed != null && other < axis && !used(o, needed[other], dims[other])) continue;
				for (int x0 = 0; x0 < dims[0]; x0 += block) {
					int nb = Math.min(block, dims[0] - x0);
					if (needed != null && x0 >= needed[0] && x0 + nb - 1 <= dims[0] - needed[0]) continue; // all unused
					int base = x0 + o * stride[other];
					for (int k = 0; k < len; k++) {
						int at = base + k * stride[axis];
						for (int b = 0; b < nb; b++) {
							lines[b][0][k] = data[0][at + b];
							lines[b][1][k] = data[1][at + b];
						}
					}
					for (int b = 0; b < nb; b++)
						if (needed == null || used(x0 + b, needed[0], dims[0])) FastFourierTransformer.transformInPlace(lines[b], DftNormalization.STANDARD, type);
					for (int k = 0; k < len; k++) {
						int at = base + k * stride[axis];
						for (int b = 0; b < nb; b++) {
							data[0][at + b] = lines[b][0][k];
							data[1][at + b] = lines[b][1][k];
						}
					}
				}
			}
		}
	}

	/** Whether index i of a padded axis of p holds an offset −(n − 1) … n − 1 (i &lt; n or i &gt; p − n). */
	private static boolean used(int i, int n, int p) { return i < n || i > p - n; }
}
