package lesionradiomics.preprocess.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * IBSI 2 Gabor filter, a 2D complex kernel applied plane by plane; the response is its modulus. In plane coordinates
 * (rows u, columns v, in mm) rotated by θ as the IBSI 2 reference implementations rotate them,
 * {@code ũ = −u·cos θ + v·sin θ}, {@code ṽ = u·sin θ + v·cos θ}, the kernel is
 * {@code exp(−(ṽ² + γ²·ũ²)/(2σ²)) · exp(i·2π·ṽ/λ)} (not normalised). It spans the image's larger in-plane size (odd),
 * or 4 envelope widths (4σ/min(γ, 1)) when that is smaller, and is applied by FFT on the image padded by its
 * half-width with the boundary condition. Planes are axial (u = y, v = x) unless {@code orthogonalPlanes}: then the
 * responses in the axial, coronal (u = z, v = x) and sagittal (u = z, v = y) planes are pooled too. With
 * {@code thetaStep > 0} the orientations θ, θ + Δθ, … below θ + 2π are pooled.
 *
 * @param theta     orientation in radians
 * @param thetaStep orientation step in radians, 0 for the single orientation θ
 */
public record GaborFilter(double sigmaMm, double lambdaMm, double gamma, double theta, double thetaStep, boolean orthogonalPlanes, Pooling pooling,
		Boundary boundary) implements ResponseFilter {

	public GaborFilter {
		if (!(sigmaMm > 0) || Double.isInfinite(sigmaMm)) throw new IllegalArgumentException("Gabor sigma must be > 0 mm, is " + sigmaMm);
		if (!(lambdaMm > 0) || Double.isInfinite(lambdaMm)) throw new IllegalArgumentException("Gabor lambda must be > 0 mm, is " + lambdaMm);
		if (!(gamma > 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("Gabor gamma must be > 0, is " + gamma);
		if (!(thetaStep >= 0) || Double.isInfinite(thetaStep)) throw new IllegalArgumentException("Gabor theta step must be >= 0, is " + thetaStep);
	}

	/** The pooled orientations. */
	List<Double> thetas() {
		List<Double> out = new ArrayList<>();
		if (thetaStep == 0) return List.of(theta);
		for (int k = 0; k * thetaStep < 2 * Math.PI - 1e-9; k++) out.add(theta + k * thetaStep);
		return out;
	}

	/**
	 * The orientations actually computed: θ + π gives the complex-conjugate kernel, and a real image's response to
	 * conj(k) is the conjugate of its response to k, with the same modulus — so an orientation whose opposite is
	 * already listed is not computed again, its response map is reused (the pooled result is unchanged).
	 */
	private static int opposite(List<Double> thetas, int i) {
		for (int j = 0; j < i; j++) {
			double d = Math.abs(Math.IEEEremainder(thetas.get(i) - thetas.get(j) - Math.PI, 2 * Math.PI));
			if (d < 1e-9) return j;
		}
		return -1;
	}

	@Override
	public double[] apply(double[] values, int[] size, double[] spacing) {
		return applyToCrop(values, size, spacing, size);
	}

	/** The kernel's half-width is the whole image's (it depends on the image's size when that is under 4 envelopes). */
	@Override
	public double[] applyToCrop(double[] values, int[] size, double[] spacing, int[] imageSize) {
		// pooled voxel by voxel as the orientations are computed: moduli are >= 0, so 0 starts both the sum and the max
		double[] out = new double[values.length];
		int[][] planes = orthogonalPlanes ? new int[][] { { 1, 0, 2 }, { 2, 0, 1 }, { 2, 1, 0 } } : new int[][] { { 1, 0, 2 } };
		for (int[] p : planes) inPlane(values, size, spacing, halfWidth(imageSize, spacing, p[0], p[1]), p[0], p[1], p[2], out);
		int maps = planes.length * thetas().size();
		if (pooling == Pooling.AVERAGE && maps > 1) for (int i = 0; i < out.length; i++) out[i] /= maps;
		return out;
	}

	/**
	 * Pools into {@code out} the responses for every orientation in the planes spanned by axes u (rows) and v
	 * (columns), stacked along w: each plane is transformed once and filtered by every orientation's kernel in turn,
	 * so no whole response map per orientation is ever kept (an orientation opposite to another gives its response
	 * again: counted twice).
	 */
	private void inPlane(double[] values, int[] size, double[] spacing, int h, int u, int v, int w, double[] out) {
		int nu = size[u], nv = size[v], nw = size[w];
		int pu = nu + 2 * h, pv = nv + 2 * h;
		int mu = Fourier.nextPowerOfTwo(pu), mv = Fourier.nextPowerOfTwo(pv);
		int[] fsize = { mv, mu, 1 };
		boolean[] axes = { true, true, false };
		int su = Lines.stride(size, u), sv = Lines.stride(size, v), sw = Lines.stride(size, w);
		int[] mapU = new int[pu], mapV = new int[pv];
		for (int i = 0; i < pu; i++) mapU[i] = boundary.map(i - h, nu);
		for (int i = 0; i < pv; i++) mapV[i] = boundary.map(i - h, nv);
		// the kernels' transforms, one per distinct orientation, with how often each counts
		List<double[][]> kernels = new ArrayList<>();
		List<Integer> counts = new ArrayList<>();
		List<Double> thetas = thetas();
		for (int ti = 0; ti < thetas.size(); ti++) {
			if (opposite(thetas, ti) >= 0) continue; // counted with the orientation it repeats
			int times = 1;
			for (int tj = ti + 1; tj < thetas.size(); tj++) if (opposite(thetas, tj) == ti) times++;
			double t = thetas.get(ti);
			double[] kre = new double[mu * mv], kim = new double[mu * mv];
			double c = Math.cos(t), s = Math.sin(t);
			for (int du = -h; du <= h; du++)
				for (int dv = -h; dv <= h; dv++) {
					double y = du * spacing[u], x = dv * spacing[v];
					double yr = -c * y + s * x, xr = s * y + c * x;
					double env = Math.exp(-(xr * xr + gamma * gamma * yr * yr) / (2 * sigmaMm * sigmaMm));
					double ph = 2 * Math.PI * xr / lambdaMm;
					int idx = Math.floorMod(dv, mv) + mv * Math.floorMod(du, mu);
					kre[idx] = env * Math.cos(ph);
					kim[idx] = env * Math.sin(ph);
				}
			Fourier.transform(kre, kim, fsize, axes, false);
			kernels.add(new double[][] { kre, kim });
			counts.add(times);
		}
		boolean max = pooling == Pooling.MAX;
		Lines.parallel(nw, z -> {
			double[] ar = new double[mu * mv], ai = new double[mu * mv];
			for (int a = 0; a < pu; a++) {
				if (mapU[a] < 0) continue;
				for (int b = 0; b < pv; b++)
					if (mapV[b] >= 0) ar[b + mv * a] = values[z * sw + mapU[a] * su + mapV[b] * sv];
			}
			Fourier.transform(ar, ai, fsize, axes, false);
			double[] re = new double[mu * mv], im = new double[mu * mv];
			for (int k = 0; k < kernels.size(); k++) {
				double[] kre = kernels.get(k)[0], kim = kernels.get(k)[1];
				int times = counts.get(k);
				for (int i = 0; i < re.length; i++) {
					re[i] = ar[i] * kre[i] - ai[i] * kim[i];
					im[i] = ar[i] * kim[i] + ai[i] * kre[i];
				}
				Fourier.transform(re, im, fsize, axes, true);
				for (int a = 0; a < nu; a++)
					for (int b = 0; b < nv; b++) {
						int idx = (b + h) + mv * (a + h), o = z * sw + a * su + b * sv;
						double m = Math.hypot(re[idx], im[idx]);
						out[o] = max ? Math.max(out[o], m) : out[o] + times * m;
					}
			}
		});
	}

	/**
	 * The kernel's half-width in each of its planes. Equal to the whole image's response inside a crop up to rounding
	 * only (the crop's transforms have other lengths), not to the last bit as the direct convolutions.
	 */
	@Override
	public int[] margin(double[] spacing, int[] imageSize) {
		int[] m = new int[3];
		int[][] planes = orthogonalPlanes ? new int[][] { { 1, 0 }, { 2, 0 }, { 2, 1 } } : new int[][] { { 1, 0 } };
		for (int[] p : planes) {
			int h = halfWidth(imageSize, spacing, p[0], p[1]);
			m[p[0]] = Math.max(m[p[0]], h);
			m[p[1]] = Math.max(m[p[1]], h);
		}
		return m;
	}

	/** Half-width in voxels: half the larger in-plane size, or 4 envelope widths if fewer (same for both axes). */
	int halfWidth(int[] size, double[] spacing, int u, int v) {
		int image = Math.max(size[u], size[v]) / 2;
		double widthMm = 4 * sigmaMm / Math.min(gamma, 1);
		int envelope = (int) Math.ceil(widthMm / Math.min(spacing[u], spacing[v]));
		return Math.min(image, envelope);
	}

	@Override
	public String spec() {
		return "Gabor:sigma=" + FilterSpec.number(sigmaMm) + ",lambda=" + FilterSpec.number(lambdaMm) + ",gamma=" + FilterSpec.number(gamma) + ",theta="
				+ FilterSpec.angle(theta) + (thetaStep > 0 ? ",step=" + FilterSpec.angle(thetaStep) + ",pooling=" + pooling.specName() : "")
				+ (orthogonalPlanes ? ",planes=3" : "") + ",boundary=" + boundary.specName();
	}

}
