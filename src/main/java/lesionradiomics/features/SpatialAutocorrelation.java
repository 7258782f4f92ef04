package lesionradiomics.features;

import lesionradiomics.preprocess.filter.Fft;

/**
 * Moran's I and Geary's C of the intensity-mask voxels with weights w = 1 / distance between voxel centres (IBSI 1
 * reference manual 3.1.24–25), exact: the sums over the N(N − 1) ordered voxel pairs i ≠ j
 * Σw, Σ w dᵢdⱼ and Σ w dᵢ² (d the deviations from the mean), from which Σ w (dᵢ − dⱼ)² = 2 Σ w dᵢ² − 2 Σ w dᵢdⱼ.
 * Small lesions sum the pairs directly; larger ones use that w depends on the offset only, so each sum is
 * Σᵢ aᵢ (W ∗ b)ᵢ, a correlation with the weight kernel W: Σw = m·(W ∗ m), Σ w dᵢdⱼ = d·(W ∗ d), Σ w dᵢ² = d²·(W ∗ m)
 * with m the mask, computed by FFTs along x and y on a grid padded against wrap-around and a lag sum over the slices
 * (N² pairs, 10¹⁰ for a 10⁵-voxel lesion, become three 2D transforms per slice). The route is chosen by an operation
 * count; both give the same sums up to rounding.
 */
final class SpatialAutocorrelation {

	final double moransI, gearysC;

	/**
	 * Pair steps of the direct sum one FFT step (a point of a transform, per log₂ of its length) is worth: the routes
	 * take equal time near 500 voxels of a compact lesion at 0.78 × 0.78 × 2.5 mm (measured, JIT-compiled).
	 */
	private static final double PAIRS_PER_FFT_STEP = 0.5;

	/** FFT steps a point of the lag sum (three products of complex numbers) is worth. */
	private static final double LAG_STEPS = 2;

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
		int[] padded = { Fft.size(2 * size[0] - 1), Fft.size(2 * size[1] - 1) };
		if (route == null) route = cheaper(n, size, padded);
		double[] sums = route == Route.DIRECT ? direct(size, spacing, mask, dev) : fourier(size, padded, spacing, mask, dev);
		double sw = sums[0], cross = sums[1], squares = sums[2];
		moransI = ss == 0 ? Double.NaN : n / sw * cross / ss;
		gearysC = ss == 0 ? Double.NaN : (n - 1) * (2 * squares - 2 * cross) / (2 * sw * ss);
	}

	/**
	 * N²/2 pair steps against 2.5 transforms along x and y of the grid padded in x and y (p) and size[2] deep, each
	 * p·log₂(length) butterfly steps per axis, and the lag sum, LAG_STEPS per point of a half-width plane and slice pair.
	 */
	static Route cheaper(int n, int[] size, int[] p) {
		double points = (double) p[0] * p[1] * size[2], fftSteps = 0;
		for (int a = 0; a < 2; a++) fftSteps += 2.5 * points * Math.max(1, Math.log(p[a]) / Math.log(2));
		fftSteps += LAG_STEPS * (p[0] / 2 + 1) * p[1] * (size[2] * (size[2] + 1) / 2.0);
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
	 * The same sums by Parseval's theorem along x and y and directly along z: with âz the 2D transform (x, y) of slice
	 * z of a on a grid padded against wrap-around and K(Δ) that of the kernel's plane at z offset Δ,
	 * Σᵢ aᵢ (W ∗ b)ᵢ = (1/(p[0] p[1])) Σ_{kx,ky} Σ_{z,z'} K(|z − z'|) Re(conj(âz) b̂z'), the inner double sum a lag sum
	 * over the size[2] slices: the 3D Parseval sum with its z transform written out, so z is not padded and neither the
	 * kernel nor the three grids are transformed along z (the lag sum costs about what the three grids' z transforms
	 * did at the bench case's ≤ 18 slices, the kernel's z pass is saved; it grows as size[2]², which
	 * {@link #cheaper} counts). So Σw = Σ K Re(conj(m̂) m̂), Σ w dᵢdⱼ = Σ K Re(conj(d̂) d̂), Σ w dᵢ² = Σ K Re(conj(ê) m̂)
	 * with e = d²: forward transforms only, no inverse. x and y are padded to a 5-smooth length ≥ 2n − 1, so the
	 * kernel's offsets −(n − 1) … n − 1 do not wrap onto each other. The three inputs are real: along x, m + i·d go
	 * through one complex transform and e through another, two of its lines at once as real and imaginary parts, and
	 * are then separated (x̂ₖ = (zₖ + conj z₋ₖ)/2, ŷₖ = (zₖ − conj z₋ₖ)/2i for z = x + i·y); their spectra are
	 * Hermitian, so the y pass and the sum need only kx ≤ p[0]/2, the terms at 0 &lt; kx &lt; p[0]/2 counted twice
	 * (with their mirror kx' = p[0] − kx, whose sum is the conjugate). Forward x and y the data beyond size are zero
	 * (the padding is not transformed); x goes by chunks of slices (its buffers hold one chunk).
	 */
	private static double[] fourier(int[] size, int[] p, double[] spacing, boolean[] mask, double[] dev) {
		int nx = size[0], ny = size[1], nz = size[2], px = p[0], py = p[1];
		Fft[] fft = { new Fft(px), new Fft(py) };
		double[] kernel = kernelSpectrum(size, p, spacing, fft);
		// by chunks of slices (at least CHUNK_LINES rows, so the transforms run in full batches): along x, a = m + i·d
		// and b = e of row l (l < half) + i·e of row l + half, rows l = y + ny·(z − z0) of the chunk; separated at
		// kx < hx into m̂, d̂, ê, rows (y, z) of hx values (y ≥ ny zero), then along y
		int hx = px / 2 + 1, plane = hx * py;
		int slices = Math.min(nz, Math.max(1, (CHUNK_LINES + ny - 1) / ny)), most = ny * slices, mostHalf = (most + 1) / 2;
		// each row (y, z) an array of its own: the y transforms run on the rows in place, and every access of the lag
		// sum's inner loops is at index k, which the JIT vectorises (at offsets a + k, b + k into one array it did not,
		// and the loop ran scalar, 2.6x slower)
		double[][] mr = new double[py * nz][hx], mi = new double[py * nz][hx], dr = new double[py * nz][hx], di = new double[py * nz][hx],
				er = new double[py * nz][hx], ei = new double[py * nz][hx];
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
				int a = px * l, o = l % ny + py * (z0 + l / ny), b = px * (l < half ? l : l - half);
				double[] mro = mr[o], mio = mi[o], dro = dr[o], dio = di[o], ero = er[o], eio = ei[o];
				for (int k = 0; k < hx; k++) {
					int q = k == 0 ? 0 : px - k;
					double zr = ar[a + k], zi = ai[a + k], wr = ar[a + q], wi = ai[a + q];
					mro[k] = (zr + wr) / 2;
					mio[k] = (zi - wi) / 2;
					dro[k] = (zi + wi) / 2;
					dio[k] = -(zr - wr) / 2;
					double ur = br[b + k], ui = bi[b + k], vr = br[b + q], vi = bi[b + q];
					if (l < half) {
						ero[k] = (ur + vr) / 2;
						eio[k] = (ui - vi) / 2;
					} else {
						ero[k] = (ui + vi) / 2;
						eio[k] = -(ur - vr) / 2;
					}
				}
			}
		}
		ar = ai = br = bi = null;
		for (int z = 0; z < nz; z++) {
			fft[1].transformRows(mr, mi, z * py, hx, false);
			fft[1].transformRows(dr, di, z * py, hx, false);
			fft[1].transformRows(er, ei, z * py, hx, false);
		}
		// per row y and lag Δ, the slice pairs (z, z + Δ) along the contiguous kx, both orders of a pair (Re(conj(ê) m̂)
		// is not symmetric): the lag 0 then counts each slice twice, and takes half the kernel's weight
		for (int i = 0; i < plane; i++) kernel[i] /= 2;
		double[][] kw = rows(kernel, hx);
		kernel = null;
		double[] accW = new double[hx], accC = new double[hx], accS = new double[hx], t = new double[hx];
		for (int y = 0; y < py; y++)
			for (int lag = 0; lag < nz; lag++) {
				double[] kl = kw[y + py * lag];
				for (int z = 0; z + lag < nz; z++) {
					int a = y + py * z, b = a + py * lag;
					pairSums(kl, mr[a], mi[a], dr[a], di[a], er[a], ei[a], mr[b], mi[b], dr[b], di[b], er[b], ei[b], accW, accC, accS, t);
				}
			}
		double sw = 0, cross = 0, squares = 0;
		for (int k = 0; k < hx; k++) { // each row's pairs counted twice, and so the kx mirrored
			double times = k == 0 || 2 * k == px ? 1 : 2;
			sw += 2 * times * accW[k];
			cross += 2 * times * accC[k];
			squares += times * accS[k];
		}
		double points = (double) px * py;
		return new double[] { sw / points, cross / points, squares / points };
	}

	/**
	 * The 2D transform (x, y) of each plane z &lt; size[2] of the kernel W(o) = 1/|o| (0 at o = 0) placed at o mod p, at
	 * x ≤ p[0]/2 and every y, x fastest (row p[0]/2 + 1, plane (p[0]/2 + 1) p[1]). W is even along x and y, so the
	 * transform along each axis of each line is real and even: two lines go through one complex transform as its real
	 * and imaginary parts, and half the indices of each axis are mirror copies. x transforms only the lines at
	 * y &lt; size[1] (the others are zero), y only the lines at x ≤ p[0]/2.
	 */
	private static double[] kernelSpectrum(int[] size, int[] p, double[] spacing, Fft[] fft) {
		int px = p[0], py = p[1], sx = size[0], sy = size[1], sz = size[2];
		int hx = px / 2 + 1; // ≥ size: p ≥ 2 size − 1
		// along x: lines at y < sy, z < sz, all x (x and px − x hold the same weight)
		double[] a = new double[px * sy * sz];
		for (int z = 0; z < sz; z++)
			for (int y = 0; y < sy; y++) {
				int row = px * (y + sy * z);
				double ys = sq(y * spacing[1]), zs = sq(z * spacing[2]);
				for (int x = 0; x < sx; x++) {
					double w = x == 0 && y == 0 && z == 0 ? 0 : 1 / Math.sqrt(sq(x * spacing[0]) + ys + zs);
					a[row + x] = w;
					if (x > 0) a[row + px - x] = w;
				}
			}
		pairs(fft[0], a, 0, px, sy * sz, 1);
		// along y: lines at x < hx, z < sz, all y (y > py/2 mirrored; |y| ≥ sy zero)
		double[] b = new double[hx * py * sz];
		for (int z = 0; z < sz; z++)
			for (int y = 0; y < py; y++) {
				int from = Math.min(y, py - y);
				if (from < sy) System.arraycopy(a, px * (from + sy * z), b, hx * (y + py * z), hx);
			}
		for (int z = 0; z < sz; z++) pairs(fft[1], b, z * hx * py, 1, hx, hx);
		return b;
	}

	/**
	 * The lag sum's terms of one slice pair (rows a and b) added to the accumulators at each kx, {@code t} a work row.
	 * Small loops, not one: the JIT vectorises a loop only when it can unroll it, which it does not for a body of
	 * a dozen arrays (that loop ran scalar, 2.5x slower); the terms and the order of their additions are those of
	 * one loop, Σw += K (a·b), Σs += K (((eᵣₐ mᵣ_b + eᵢₐ mᵢ_b) + eᵣ_b mᵣₐ) + eᵢ_b mᵢₐ).
	 */
	private static void pairSums(double[] kw, double[] mra, double[] mia, double[] dra, double[] dia, double[] era, double[] eia, double[] mrb,
			double[] mib, double[] drb, double[] dib, double[] erb, double[] eib, double[] accW, double[] accC, double[] accS, double[] t) {
		weighted(kw, mra, mia, mrb, mib, accW);
		weighted(kw, dra, dia, drb, dib, accC);
		for (int k = 0; k < t.length; k++) t[k] = era[k] * mrb[k] + eia[k] * mib[k];
		for (int k = 0; k < t.length; k++) t[k] = t[k] + erb[k] * mra[k] + eib[k] * mia[k];
		for (int k = 0; k < t.length; k++) accS[k] += kw[k] * t[k];
	}

	/** acc += kw · Re(conj(a) b) at each index, a = ar + i·ai, b = br + i·bi. */
	private static void weighted(double[] kw, double[] ar, double[] ai, double[] br, double[] bi, double[] acc) {
		for (int k = 0; k < acc.length; k++) acc[k] += kw[k] * (ar[k] * br[k] + ai[k] * bi[k]);
	}

	/** The rows of {@code length} values of a flat grid, each an array of its own. */
	private static double[][] rows(double[] flat, int length) {
		double[][] rows = new double[flat.length / length][];
		for (int r = 0; r < rows.length; r++) rows[r] = java.util.Arrays.copyOfRange(flat, r * length, (r + 1) * length);
		return rows;
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
