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

	/** Rows per chunk of the Fourier route's x pass: its buffers hold a chunk of slices, not the grid. */
	private static final int CHUNK_LINES = 256;

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
						xs[k] = x; // the offsets' weight index |Δx| + nx|Δy| + nx·ny·Δz from premultiplied coordinates
						ys[k] = nx * y;
						zs[k] = nx * ny * z;
						d[k++] = dev[i];
					}
		double sw = 0, cross = 0, squares = 0;
		for (int i = 0; i < count; i++) {
			double di = d[i], di2 = di * di;
			double swi = 0, crossi = 0, squaresi = 0;
			for (int j = i + 1; j < count; j++) {
				double w = weight[Math.abs(xs[j] - xs[i]) + Math.abs(ys[j] - ys[i]) + (zs[j] - zs[i])], wd = w * d[j];
				swi += w;
				crossi += wd;
				squaresi += wd * d[j];
			}
			sw += swi;
			cross += di * crossi;
			squares += di2 * swi + squaresi;
		}
		return new double[] { 2 * sw, 2 * cross, squares };
	}

	/**
	 * The same sums by Parseval's theorem: Σᵢ aᵢ (W ∗ b)ᵢ = (1/P) Σₖ Ŵₖ conj(âₖ) b̂ₖ over the P points of the padded
	 * grid, so Σw = (1/P) Σ Ŵ |m̂|², Σ w dᵢdⱼ = (1/P) Σ Ŵ |d̂|², Σ w dᵢ² = (1/P) Σ Ŵ Re(conj(ê) m̂) with e = d²: forward
	 * transforms only, no inverse. Each axis is padded to a 5-smooth length ≥ 2n − 1, so the kernel's offsets
	 * −(n − 1) … n − 1 do not wrap onto each other. The three inputs are real: along x, m + i·d go through one complex
	 * transform and e through another, two of its lines at once as real and imaginary parts, and are then separated
	 * (x̂ₖ = (zₖ + conj z₋ₖ)/2, ŷₖ = (zₖ − conj z₋ₖ)/2i for z = x + i·y); their spectra are Hermitian, so the y and z
	 * passes and the sum need only kx ≤ p[0]/2, the terms at 0 &lt; kx &lt; p[0]/2 counted twice (with their mirror
	 * kx' = p[0] − kx, whose sum is the conjugate). Forward x and y the data beyond size are zero (the padding is not
	 * transformed); x goes by chunks of slices (its buffers hold one chunk), z line by line out of the grid
	 * ({@link Fft#spectrum}), so the grid is held size[2] deep, not p[2]: three half-width complex grids, 1.5 times the
	 * two full-width ones of a forward-and-inverse convolution.
	 */
	private static double[] fourier(int[] size, int[] p, double[] spacing, boolean[] mask, double[] dev) {
		int nx = size[0], ny = size[1], nz = size[2], px = p[0], py = p[1], pz = p[2];
		Fft[] fft = { new Fft(px), new Fft(py), new Fft(pz) };
		double[] kernel = kernelSpectrum(size, p, spacing, fft);
		// by chunks of slices (at least CHUNK_LINES rows, so the transforms run in full batches): along x, a = m + i·d
		// and b = e of row l (l < half) + i·e of row l + half, rows l = y + ny·(z − z0) of the chunk; separated at
		// kx < hx into m̂, d̂, ê on a grid hx × py × nz (x fastest; y ≥ ny zero), then along y
		int hx = px / 2 + 1, hy = py / 2 + 1, plane = hx * py;
		int slices = Math.min(nz, Math.max(1, (CHUNK_LINES + ny - 1) / ny)), most = ny * slices, mostHalf = (most + 1) / 2;
		double[] mr = new double[plane * nz], mi = new double[plane * nz], dr = new double[plane * nz], di = new double[plane * nz],
				er = new double[plane * nz], ei = new double[plane * nz];
		double[] ar = new double[px * most], ai = new double[px * most], br = new double[px * mostHalf], bi = new double[px * mostHalf];
		for (int z0 = 0; z0 < nz; z0 += slices) {
			int z1 = Math.min(nz, z0 + slices), lines = ny * (z1 - z0), half = (lines + 1) / 2;
			if (z0 > 0) {
				java.util.Arrays.fill(ar, 0);
				java.util.Arrays.fill(ai, 0);
				java.util.Arrays.fill(br, 0);
				java.util.Arrays.fill(bi, 0);
			}
			for (int l = 0, i = nx * ny * z0; l < lines; l++)
				for (int x = 0; x < nx; x++, i++)
					if (mask[i]) {
						ar[x + px * l] = 1;
						ai[x + px * l] = dev[i];
						if (l < half) br[x + px * l] = dev[i] * dev[i];
						else bi[x + px * (l - half)] = dev[i] * dev[i];
					}
			fft[0].transform(ar, 0, ai, 0, 1, lines, px, false);
			fft[0].transform(br, 0, bi, 0, 1, half, px, false);
			for (int l = 0; l < lines; l++) {
				int a = px * l, o = hx * (l % ny + py * (z0 + l / ny)), b = px * (l < half ? l : l - half);
				for (int k = 0; k < hx; k++) {
					int q = k == 0 ? 0 : px - k;
					double zr = ar[a + k], zi = ai[a + k], wr = ar[a + q], wi = ai[a + q];
					mr[o + k] = (zr + wr) / 2;
					mi[o + k] = (zi - wi) / 2;
					dr[o + k] = (zi + wi) / 2;
					di[o + k] = -(zr - wr) / 2;
					double ur = br[b + k], ui = bi[b + k], vr = br[b + q], vi = bi[b + q];
					if (l < half) {
						er[o + k] = (ur + vr) / 2;
						ei[o + k] = (ui - vi) / 2;
					} else {
						er[o + k] = (ui + vi) / 2;
						ei[o + k] = -(ur - vr) / 2;
					}
				}
			}
		}
		ar = ai = br = bi = null;
		for (int z = 0; z < nz; z++) {
			fft[1].transform(mr, z * plane, mi, z * plane, hx, hx, 1, false);
			fft[1].transform(dr, z * plane, di, z * plane, hx, hx, 1, false);
			fft[1].transform(er, z * plane, ei, z * plane, hx, hx, 1, false);
		}
		// along z per y, the hx lines out of the grid; Ŵ at (kx, ky, kz) is kernel[kx + hx (min(ky, py − ky) + hy kz)]
		double[] smr = new double[hx * pz], smi = new double[hx * pz], sdr = new double[hx * pz], sdi = new double[hx * pz],
				ser = new double[hx * pz], sei = new double[hx * pz];
		double sw = 0, cross = 0, squares = 0;
		for (int y = 0; y < py; y++) {
			fft[2].spectrum(mr, hx * y, mi, hx * y, plane, hx, 1, nz, smr, smi);
			fft[2].spectrum(dr, hx * y, di, hx * y, plane, hx, 1, nz, sdr, sdi);
			fft[2].spectrum(er, hx * y, ei, hx * y, plane, hx, 1, nz, ser, sei);
			int row = hx * Math.min(y, py - y);
			for (int x = 0; x < hx; x++) {
				double lineW = 0, lineC = 0, lineS = 0;
				for (int k = 0, o = x * pz; k < pz; k++, o++) {
					double w = kernel[x + row + hx * hy * k];
					lineW += w * (smr[o] * smr[o] + smi[o] * smi[o]);
					lineC += w * (sdr[o] * sdr[o] + sdi[o] * sdi[o]);
					lineS += w * (ser[o] * smr[o] + sei[o] * smi[o]);
				}
				double times = x == 0 || 2 * x == px ? 1 : 2;
				sw += times * lineW;
				cross += times * lineC;
				squares += times * lineS;
			}
		}
		double points = (double) px * py * pz;
		return new double[] { sw / points, cross / points, squares / points };
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
