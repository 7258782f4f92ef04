package lesionradiomics.features;

import lesionradiomics.preprocess.filter.Fft;

/**
 * Moran's I and Geary's C of the intensity-mask voxels with weights w = 1 / distance between voxel centres (IBSI 1
 * reference manual 3.1.24–25), exact: the sums over the N(N − 1) ordered voxel pairs i ≠ j
 * Σw, Σ w dᵢdⱼ and Σ w dᵢ² (d the deviations from the mean), from which Σ w (dᵢ − dⱼ)² = 2 Σ w dᵢ² − 2 Σ w dᵢdⱼ.
 * Small lesions sum the pairs directly; larger ones use that w depends on the offset only, so each sum is
 * Σᵢ aᵢ (W ∗ b)ᵢ, a correlation with the weight kernel W: Σw = m·(W ∗ m), Σ w dᵢdⱼ = d·(W ∗ d), Σ w dᵢ² = d²·(W ∗ m)
 * with m the mask, computed by FFTs on a grid padded against wrap-around (N² pairs, 10¹⁰ for a 10⁵-voxel lesion,
 * become three transforms). The route is chosen by an operation count; both give the same sums up to rounding.
 */
final class SpatialAutocorrelation {

	final double moransI, gearysC;

	/**
	 * Pair steps of the direct sum one FFT step (a point of a transform, per log₂ of its length) is worth: the routes
	 * take equal time near 500 voxels of a compact lesion at 0.78 × 0.78 × 2.5 mm (measured, JIT-compiled).
	 */
	private static final double PAIRS_PER_FFT_STEP = 0.5;

	/** How the pair sums are computed. */
	enum Route { DIRECT, FOURIER }

	SpatialAutocorrelation(int[] size, double[] spacing, boolean[] mask, double[] values) { this(size, spacing, mask, values, null); }

	/** With {@code route} null, the cheaper route for this mask. */
	SpatialAutocorrelation(int[] size, double[] spacing, boolean[] mask, double[] values, Route route) {
		int n = 0;
		double mean = 0;
		for (int i = 0; i < mask.length; i++)
			if (mask[i]) {
				n++;
				mean += values[i];
			}
		mean /= n;
		double[] dev = new double[mask.length];
		double ss = 0;
		for (int i = 0; i < mask.length; i++)
			if (mask[i]) {
				dev[i] = values[i] - mean;
				ss += dev[i] * dev[i];
			}
		int[] padded = new int[3];
		for (int a = 0; a < 3; a++) padded[a] = Fft.size(2 * size[a] - 1);
		if (route == null) route = cheaper(n, padded);
		double[] sums = route == Route.DIRECT ? direct(size, spacing, mask, dev) : fourier(size, padded, spacing, mask, dev);
		double sw = sums[0], cross = sums[1], squares = sums[2];
		moransI = ss == 0 ? Double.NaN : n / sw * cross / ss;
		gearysC = ss == 0 ? Double.NaN : (n - 1) * (2 * squares - 2 * cross) / (2 * sw * ss);
	}

	/** N²/2 pair steps against 2.5 transforms of the padded grid p, each p·log₂(length) butterfly steps per axis. */
	static Route cheaper(int n, int[] p) {
		long points = (long) p[0] * p[1] * p[2];
		double fftSteps = 0;
		for (int a = 0; a < 3; a++) fftSteps += 2.5 * points * Math.max(1, Math.log(p[a]) / Math.log(2));
		return 0.5 * n * (double) n <= PAIRS_PER_FFT_STEP * fftSteps ? Route.DIRECT : Route.FOURIER;
	}

	/** {Σw, Σ w dᵢdⱼ, Σ w dᵢ²} over ordered pairs, pair by pair (each unordered pair once, counted twice). */
	private static double[] direct(int[] size, double[] spacing, boolean[] mask, double[] dev) {
		int nx = size[0], ny = size[1];
		double[] weight = new double[mask.length]; // by |offset|, x fastest
		for (int z = 0, i = 0; z < size[2]; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					weight[i] = i == 0 ? 0 : 1 / Math.sqrt(sq(x * spacing[0]) + sq(y * spacing[1]) + sq(z * spacing[2]));
		int count = 0;
		for (boolean b : mask) if (b) count++;
		int[] xs = new int[count], ys = new int[count], zs = new int[count];
		double[] d = new double[count];
		for (int z = 0, i = 0, k = 0; z < size[2]; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (mask[i]) {
						xs[k] = x;
						ys[k] = y;
						zs[k] = z;
						d[k++] = dev[i];
					}
		double sw = 0, cross = 0, squares = 0;
		for (int i = 0; i < count; i++) {
			double di = d[i], di2 = di * di;
			double swi = 0, crossi = 0, squaresi = 0;
			for (int j = i + 1; j < count; j++) {
				double w = weight[Math.abs(xs[j] - xs[i]) + nx * (Math.abs(ys[j] - ys[i]) + ny * (zs[j] - zs[i]))];
				swi += w;
				crossi += w * d[j];
				squaresi += w * d[j] * d[j];
			}
			sw += swi;
			cross += di * crossi;
			squares += di2 * swi + squaresi;
		}
		return new double[] { 2 * sw, 2 * cross, squares };
	}

	/**
	 * The same sums as Σᵢ mᵢ (W ∗ m)ᵢ, dᵢ (W ∗ d)ᵢ, dᵢ² (W ∗ m)ᵢ over the mask voxels: W ∗ m + i·W ∗ d is the inverse FFT
	 * of Ŵ·FFT(m + i·d) (Ŵ is real, W being even). Each axis is padded to a 5-smooth length ≥ 2n − 1, so the kernel's
	 * offsets −(n − 1) … n − 1 do not wrap onto each other. The z axis goes last forward and first back, fused
	 * ({@link Fft#convolve}: forward, times Ŵ, inverse per line), and only z &lt; size is kept on either side of it, so
	 * the grid is held size[2] deep, not p[2].
	 */
	private static double[] fourier(int[] size, int[] p, double[] spacing, boolean[] mask, double[] dev) {
		int nx = size[0], ny = size[1], nz = size[2], px = p[0], py = p[1], pz = p[2];
		Fft[] fft = { new Fft(px), new Fft(py), new Fft(pz) };
		double[] kernel = kernelSpectrum(size, p, spacing, fft);
		int total = px * py * nz;
		double[] re = new double[total], im = new double[total];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (mask[i]) {
						int j = x + px * (y + py * z);
						re[j] = 1;
						im[j] = dev[i];
					}
		for (int a = 0; a < 2; a++) lines(fft[a], re, im, size, p, a, false);
		// Ŵ at (x, y, k) is kernel[min(x, px − x) + hx (min(y, py − y) + hy k)]
		int hx = px / 2 + 1, hy = py / 2 + 1;
		int[] offset = new int[px];
		for (int y = 0; y < py; y++) {
			for (int x = 0; x < px; x++) offset[x] = Math.min(x, px - x) + hx * Math.min(y, py - y);
			fft[2].convolve(re, px * y, im, px * y, px * py, px, 1, nz, nz, kernel, offset, hx * hy);
		}
		for (int a = 1; a >= 0; a--) lines(fft[a], re, im, size, p, a, true);
		double sw = 0, cross = 0, squares = 0;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (mask[i]) {
						int j = x + px * (y + py * z);
						sw += re[j];
						cross += dev[i] * im[j];
						squares += dev[i] * dev[i] * re[j];
					}
		double points = (double) px * py * pz;
		return new double[] { sw / points, cross / points, squares / points };
	}

	/**
	 * Transforms along {@code axis} the lines of the padded grid that matter: an axis b before it (x, y, z order)
	 * over all of p[b], one after it only below size[b]. Forward (axes x, y) the data there are zero beyond size
	 * (the padding is not transformed); inverse (axes y, x) only outputs below size are read. The grid's z stride is
	 * p[0]·p[1].
	 */
	private static void lines(Fft fft, double[] re, double[] im, int[] size, int[] p, int axis, boolean inverse) {
		int[] stride = { 1, p[0], p[0] * p[1] };
		int b = axis == 0 ? 1 : 0, c = axis == 2 ? 1 : 2;
		int nb = b < axis ? p[b] : size[b], nc = c < axis ? p[c] : size[c];
		for (int ic = 0; ic < nc; ic++) fft.transform(re, ic * stride[c], im, ic * stride[c], stride[axis], nb, stride[b], inverse);
	}

	/**
	 * Ŵ of the kernel W(o) = 1/|o| (0 at o = 0) placed at o mod p, at x ≤ p[0]/2, y ≤ p[1]/2 and every z, x fastest
	 * (row p[0]/2 + 1, plane (p[0]/2 + 1)(p[1]/2 + 1)). W is even along every axis, so it is computed on the octant
	 * o ≥ 0 only, and the transform along each axis of each line is real and even: two lines go through one complex
	 * transform as its real and imaginary parts, and half the indices of each axis are mirror copies. Each axis
	 * transforms only the lines at the other axes' indices ≤ p/2 (a quarter of the lines), in a buffer that holds
	 * just those: its own axis in full, the axes done before it up to p/2, the ones after it up to p/2.
	 */
	private static double[] kernelSpectrum(int[] size, int[] p, double[] spacing, Fft[] fft) {
		int px = p[0], py = p[1], pz = p[2], sx = size[0], sy = size[1], sz = size[2];
		int hx = px / 2 + 1, hy = py / 2 + 1, hz = pz / 2 + 1; // ≥ size: p ≥ 2 size − 1
		// along x: lines at y < hy, z < hz, all x (x and px − x hold the same weight)
		double[] a = new double[px * hy * hz];
		for (int z = 0; z < sz; z++)
			for (int y = 0; y < sy; y++) {
				int row = px * (y + hy * z);
				double ys = sq(y * spacing[1]), zs = sq(z * spacing[2]);
				for (int x = 0; x < sx; x++) {
					double w = x == 0 && y == 0 && z == 0 ? 0 : 1 / Math.sqrt(sq(x * spacing[0]) + ys + zs);
					a[row + x] = w;
					if (x > 0) a[row + px - x] = w;
				}
			}
		for (int z = 0; z < hz; z++) pairs(fft[0], a, z * px * hy, px, hy, 1);
		// along y: lines at x < hx, z < hz, all y (y ≥ hy mirrored)
		double[] b = new double[hx * py * hz];
		for (int z = 0; z < hz; z++)
			for (int y = 0; y < py; y++) System.arraycopy(a, px * (Math.min(y, py - y) + hy * z), b, hx * (y + py * z), hx);
		for (int z = 0; z < hz; z++) pairs(fft[1], b, z * hx * py, 1, hx, hx);
		// along z: lines at x < hx, y < hy, all z (z ≥ hz mirrored)
		double[] c = a.length >= hx * hy * pz ? a : new double[hx * hy * pz];
		for (int z = 0; z < pz; z++)
			for (int y = 0; y < hy; y++) System.arraycopy(b, hx * (y + py * Math.min(z, pz - z)), c, hx * (y + hy * z), hx);
		for (int y = 0; y < hy; y++) pairs(fft[2], c, y * hx, 1, hx, hx * hy);
		return c;
	}

	/** Transforms the {@code count} lines (stride along them {@code stride}) at base + l·gap two by two. */
	private static void pairs(Fft fft, double[] w, int base, int gap, int count, int stride) {
		fft.transform(w, base, w, base + gap, stride, count / 2, 2 * gap, false);
		if (count % 2 == 1) {
			int last = base + (count - 1) * gap;
			fft.transform(w, last, w, last, stride, false);
		}
	}

	private static double sq(double v) { return v * v; }
}
