package lesionradiomics.preprocess.filter;

/**
 * IBSI 2 non-separable Simoncelli wavelet, defined in the Fourier domain (so inherently periodic): at decomposition
 * level j the isotropic band-pass {@code ψ(ν) = cos(π/2 · log2(2ν/ν_max))} for {@code ν_max/4 ≤ ν ≤ ν_max}, 0
 * elsewhere, where ν is the norm of the normalised frequency (1 at the Nyquist frequency, on the grid of
 * {@link FourierDomain}) and ν_max = 2^(1−j). Optionally Riesz-transformed ({@link Riesz}).
 */
public record SimoncelliFilter(int level, boolean planar, Riesz riesz) implements ResponseFilter {

	public SimoncelliFilter {
		if (level < 1) throw new IllegalArgumentException("Simoncelli level must be >= 1, is " + level);
		if (riesz != null) riesz.check(planar);
	}

	@Override
	public double[] apply(double[] values, int[] size, double[] spacing) {
		double max = Math.pow(2, 1 - level);
		return FourierDomain.filter(values, size, new int[3], Boundary.PERIODIC, planar, (wx, wy, wz, kx, ky, kz, t) -> {
			double nu = Math.sqrt(wx * wx + wy * wy + (planar ? 0 : wz * wz));
			t[0] = nu >= max / 4 && nu <= max ? Math.cos(Math.PI / 2 * Math.log(2 * nu / max) / Math.log(2)) : 0;
			t[1] = 0;
			if (riesz != null) riesz.multiply(wx, wy, planar ? 0 : wz, t);
		});
	}

	@Override
	public String spec() {
		return "Simoncelli:level=" + level + (riesz != null ? riesz.spec() : "") + (planar ? ",dims=2" : "");
	}
}
