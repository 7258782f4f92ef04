package lesionradiomics.preprocess.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IBSI 2 separable wavelet filter, undecimated (stationary), one sub-band of one level. The band names one filter per
 * axis in x, y, z order ({@code L} = PyWavelets' {@code dec_lo}, {@code H} = {@code dec_hi}; two letters: 2D, slice by
 * slice). An even-length filter gets a trailing 0 to centre it as scipy's {@code convolve1d} centres odd kernels.
 * Level j > 1 is the à trous algorithm: the image is first low-passed along every axis at levels 1..j−1, the filters
 * dilated by inserting 2^(level−1) − 1 zeros between taps, then the band's filters are applied dilated 2^(j−1) times.
 * Rotation invariance pools the band's response over the right-angle rotations of the whole filter cascade.
 */
public record SeparableWavelet(String family, String band, int level, boolean rotationInvariant, Pooling pooling, Boundary boundary)
		implements ResponseFilter {

	public SeparableWavelet {
		WaveletFamily.named(family);
		family = family.trim().toLowerCase(Locale.ROOT);
		band = band.trim().toUpperCase(Locale.ROOT);
		if (!band.matches("[LH]{2,3}")) throw new IllegalArgumentException("wavelet band '" + band + "' does not exist: 2 or 3 letters L/H, e.g. LLH (x, y, z)");
		if (level < 1) throw new IllegalArgumentException("wavelet level must be >= 1, is " + level);
	}

	public boolean planar() {
		return band.length() == 2;
	}

	@Override
	public double[] apply(double[] values, int[] size, double[] spacing) {
		WaveletFamily w = WaveletFamily.named(family);
		double[] lo = odd(w.lowPass()), hi = odd(w.highPass());
		// kernels[0..2] the band, kernels[3..5] the low-pass of the earlier levels, rotated together
		double[][] all = new double[6][];
		for (int a = 0; a < band.length(); a++) {
			all[a] = band.charAt(a) == 'L' ? lo : hi;
			all[3 + a] = lo;
		}
		List<double[][]> cascades = new ArrayList<>();
		if (!rotationInvariant) cascades.add(all);
		else for (Rotations.Rotation r : Rotations.of(planar() ? 2 : 3)) {
			double[][] band3 = r.apply(planar() ? new double[][] { all[0], all[1] } : new double[][] { all[0], all[1], all[2] });
			double[][] pre3 = r.apply(planar() ? new double[][] { all[3], all[4] } : new double[][] { all[3], all[4], all[5] });
			double[][] c = new double[6][];
			for (int a = 0; a < band3.length; a++) {
				c[a] = band3[a];
				c[3 + a] = pre3[a];
			}
			boolean seen = false;
			for (double[][] o : cascades) seen |= java.util.Arrays.deepEquals(o, c);
			if (!seen) cascades.add(c);
		}
		if (cascades.size() == 1) return cascade(values, size, cascades.get(0));
		Pooling.Running pooled = pooling.running();
		for (double[][] c : cascades) pooled.add(cascade(values, size, c), 1);
		return pooled.result();
	}

	private double[] cascade(double[] values, int[] size, double[][] c) {
		double[] data = values;
		double[][] band = { c[0], c[1], c[2] }, pre = { c[3], c[4], c[5] };
		for (int j = 1; j < level; j++) {
			data = Convolution.separable(data, size, pre, boundary);
			for (int a = 0; a < 3; a++) {
				pre[a] = dilate(pre[a]);
				band[a] = dilate(band[a]);
			}
		}
		return Convolution.separable(data, size, band, boundary);
	}

	/** An even-length filter with a 0 appended (odd length, centred as convolve1d centres it). */
	static double[] odd(double[] k) {
		if (k.length % 2 == 1) return k;
		double[] o = java.util.Arrays.copyOf(k, k.length + 1);
		return o;
	}

	/** À trous: a zero between consecutive taps. */
	static double[] dilate(double[] k) {
		if (k == null) return null;
		double[] d = new double[2 * k.length - 1];
		for (int i = 0; i < k.length; i++) d[2 * i] = k[i];
		return d;
	}

	@Override
	public int[] margin(double[] spacing, int[] imageSize) {
		WaveletFamily w = WaveletFamily.named(family);
		int half = Math.max(odd(w.lowPass()).length, odd(w.highPass()).length) / 2;
		// level j's filters are dilated 2^(j−1) times: half-widths half·(1 + 2 + … + 2^(level−1)) over the cascade
		int h = half * ((1 << level) - 1);
		return new int[] { h, h, planar() ? 0 : h };
	}

	@Override
	public String spec() {
		return "Wavelet:family=" + family + ",band=" + band + ",level=" + level + (rotationInvariant ? ",rotation=invariant,pooling=" + pooling.specName() : "")
				+ ",boundary=" + boundary.specName();
	}

}
