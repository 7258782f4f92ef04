package lesionradiomics.preprocess.filter;

/**
 * IBSI 2 Laplacian of Gaussian: convolution with the sampled kernel
 * {@code h(x) = −1/σ² · (2πσ²)^(−d/2) · (d − |x|²/σ²) · exp(−|x|²/(2σ²))} (d = 3, or 2 slice by slice), σ in voxels
 * (σ_mm / spacing), truncated to a cube of half-width {@code ⌊truncate·σ + ½⌋} voxels and not renormalised — unlike
 * pyradiomics' LoG ({@link lesionradiomics.preprocess.LaplacianOfGaussian}: ITK's recursive Gaussian, normalised
 * across scale by σ²). The kernel is a sum of d separable terms, g''(x_i)·Π_{j≠i} g(x_j) with
 * g(x) = exp(−x²/2σ²)/(√(2π)σ) and g'' = (x²/σ⁴ − 1/σ²)·g.
 */
public record IbsiLog(double sigmaMm, double truncate, boolean planar, Boundary boundary) implements ResponseFilter {

	public IbsiLog {
		if (!(sigmaMm > 0) || Double.isInfinite(sigmaMm)) throw new IllegalArgumentException("LoG sigma must be > 0 mm, is " + sigmaMm);
		if (!(truncate > 0)) throw new IllegalArgumentException("LoG truncate must be > 0 sigmas, is " + truncate);
	}

	@Override
	public double[] apply(double[] values, int[] size, double[] spacing) {
		double[][][] k = kernels(spacing);
		double[][] g = k[0], g2 = k[1];
		// Σ_i g''(x_i) Π_{j≠i} g(x_j) with the Gaussian passes shared: 3D takes 7 line passes instead of 9
		if (planar) return add(Convolution.along(Convolution.along(values, size, 1, g[1], boundary), size, 0, g2[0], boundary),
				Convolution.along(Convolution.along(values, size, 1, g2[1], boundary), size, 0, g[0], boundary));
		// in an order that frees each intermediate volume as soon as it is used: at most 3 besides the image
		double[] a = Convolution.along(values, size, 2, g[2], boundary);
		double[] ay = Convolution.along(a, size, 1, g[1], boundary);
		double[] rest = Convolution.along(a, size, 1, g2[1], boundary);
		a = null;
		double[] out = Convolution.along(ay, size, 0, g2[0], boundary);
		ay = null;
		double[] b = Convolution.along(values, size, 2, g2[2], boundary);
		add(rest, Convolution.along(b, size, 1, g[1], boundary));
		b = null;
		return add(out, Convolution.along(rest, size, 0, g[0], boundary));
	}

	/**
	 * The 1D kernels per axis (null for z when planar): {@code [0]} the sampled Gaussian g, {@code [1]} its second
	 * derivative g'', both in voxel units and truncated at the half-width.
	 */
	double[][][] kernels(double[] spacing) {
		double[][] g = new double[3][], g2 = new double[3][];
		for (int a = 0; a < (planar ? 2 : 3); a++) {
			double s = sigmaMm / spacing[a];
			int h = halfWidth(s);
			g[a] = new double[2 * h + 1];
			g2[a] = new double[2 * h + 1];
			for (int i = -h; i <= h; i++) {
				double v = Math.exp(-i * i / (2 * s * s)) / (Math.sqrt(2 * Math.PI) * s);
				g[a][i + h] = v;
				g2[a][i + h] = (i * i / (s * s * s * s) - 1 / (s * s)) * v;
			}
		}
		return new double[][][] { g, g2 };
	}

	private static double[] add(double[] a, double[] b) {
		for (int i = 0; i < a.length; i++) a[i] += b[i];
		return a;
	}

	int halfWidth(double sigmaVoxels) {
		return (int) Math.floor(truncate * sigmaVoxels + 0.5);
	}

	@Override
	public int[] margin(double[] spacing, int[] imageSize) {
		int[] m = new int[3];
		for (int a = 0; a < (planar ? 2 : 3); a++) m[a] = halfWidth(sigmaMm / spacing[a]);
		return m;
	}

	@Override
	public String spec() {
		return "LoG:sigma=" + FilterSpec.number(sigmaMm) + (truncate == 4 ? "" : ",truncate=" + FilterSpec.number(truncate)) + FilterSpec.common(planar, boundary);
	}

}
