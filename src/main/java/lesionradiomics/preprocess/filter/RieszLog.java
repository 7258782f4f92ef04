package lesionradiomics.preprocess.filter;

/**
 * The Riesz transform of the IBSI 2 Laplacian of Gaussian: the LoG kernel ({@link IbsiLog}, truncated and sampled)
 * is taken to the Fourier domain on the image padded by the kernel's half-width with the boundary condition, there
 * multiplied by the Riesz transfer function ({@link Riesz}); the real part of the result, cropped, is the response.
 */
public record RieszLog(IbsiLog log, Riesz riesz) implements ResponseFilter {

	public RieszLog {
		riesz.check(log.planar());
	}

	@Override
	public double[] apply(double[] values, int[] size, double[] spacing) {
		boolean planar = log.planar();
		int dims = planar ? 2 : 3;
		double[][][] k = log.kernels(spacing);
		double[][] g = k[0], g2 = k[1];
		int[] pad = new int[3];
		for (int a = 0; a < dims; a++) pad[a] = g[a].length / 2;
		// the kernel is real and even, so its DFT is real: Σ_i G''_i Π_{j≠i} G_j
		double[][] dg = new double[3][], dg2 = new double[3][];
		for (int a = 0; a < dims; a++) {
			int n = size[a] + 2 * pad[a];
			dg[a] = FourierDomain.dft(g[a], n)[0];
			dg2[a] = FourierDomain.dft(g2[a], n)[0];
		}
		return FourierDomain.filter(values, size, pad, log.boundary(), planar, (wx, wy, wz, kx, ky, kz, t) -> {
			int ix = kx, iy = ky, iz = kz;
			double v = dg2[0][ix] * dg[1][iy] + dg[0][ix] * dg2[1][iy];
			if (!planar) v = v * dg[2][iz] + dg[0][ix] * dg[1][iy] * dg2[2][iz];
			t[0] = v;
			t[1] = 0;
			riesz.multiply(wx, wy, planar ? 0 : wz, t);
		});
	}

	@Override
	public String spec() {
		String s = log.spec();
		int colon = s.indexOf(':');
		return "RieszLoG:" + s.substring(colon + 1) + riesz.spec();
	}
}
