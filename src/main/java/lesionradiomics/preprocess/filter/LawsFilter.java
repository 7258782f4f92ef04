package lesionradiomics.preprocess.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IBSI 2 Laws kernels: a product of 1D kernels (L3 E3 S3 L5 E5 S5 W5 R5, each normalised to unit L2 norm), the first
 * along x, the second along y, the third along z ({@code L5S5} is a 2D kernel applied slice by slice). With rotation
 * invariance the responses of the kernel under the right-angle rotations ({@link Rotations}) are pooled; the energy
 * map is then the mean of the absolute response over a cube (square) of Chebyshev radius {@code energy} voxels, with
 * the same boundary condition.
 *
 * @param energy energy-map distance δ in voxels, 0 for the plain response
 */
public record LawsFilter(String kernel, boolean rotationInvariant, Pooling pooling, int energy, Boundary boundary) implements ResponseFilter {

	/** The 1D kernels before normalisation (Laws 1980; IBSI 2 table 2). */
	static final Map<String, double[]> KERNELS = Map.of(
			"L3", new double[] { 1, 2, 1 }, "E3", new double[] { -1, 0, 1 }, "S3", new double[] { -1, 2, -1 },
			"L5", new double[] { 1, 4, 6, 4, 1 }, "E5", new double[] { -1, -2, 0, 2, 1 }, "S5", new double[] { -1, 0, 2, 0, -1 },
			"W5", new double[] { -1, 2, 0, -2, 1 }, "R5", new double[] { 1, -4, 6, -4, 1 });

	public LawsFilter {
		kernel = kernel.trim().toUpperCase(Locale.ROOT);
		parts(kernel);
		if (energy < 0) throw new IllegalArgumentException("Laws energy distance must be >= 0 voxels, is " + energy);
	}

	static List<double[]> parts(String kernel) {
		if (kernel.length() != 4 && kernel.length() != 6)
			throw new IllegalArgumentException("Laws kernel '" + kernel + "' must combine 2 (2D) or 3 (3D) of " + new java.util.TreeSet<>(KERNELS.keySet()));
		List<double[]> out = new ArrayList<>();
		for (int i = 0; i < kernel.length(); i += 2) {
			double[] k = KERNELS.get(kernel.substring(i, i + 2));
			if (k == null) throw new IllegalArgumentException("unknown Laws kernel '" + kernel.substring(i, i + 2) + "' in '" + kernel + "'; known: " + new java.util.TreeSet<>(KERNELS.keySet()));
			double norm = 0;
			for (double v : k) norm += v * v;
			double[] n = new double[k.length];
			for (int j = 0; j < k.length; j++) n[j] = k[j] / Math.sqrt(norm);
			out.add(n);
		}
		return out;
	}

	public boolean planar() {
		return kernel.length() == 4;
	}

	@Override
	public double[] apply(double[] values, int[] size, double[] spacing) {
		List<double[]> p = parts(kernel);
		double[][] k = { p.get(0), p.get(1), planar() ? null : p.get(2) };
		double[] response;
		if (!rotationInvariant) response = Convolution.separable(values, size, k, boundary);
		else {
			Pooling.Running pooled = pooling.running();
			for (double[][] r : Rotations.distinct(k, planar())) pooled.add(Convolution.separable(values, size, r, boundary), 1);
			response = pooled.result();
		}
		if (energy == 0) return response;
		for (int i = 0; i < response.length; i++) response[i] = Math.abs(response[i]); // response is ours: no copy
		return new MeanFilter(2 * energy + 1, planar(), boundary).apply(response, size, spacing);
	}

	@Override
	public int[] margin(double[] spacing, int[] imageSize) {
		List<double[]> p = parts(kernel);
		int dims = planar() ? 2 : 3, widest = 0;
		int[] m = new int[3];
		for (int a = 0; a < dims; a++) {
			m[a] = p.get(a).length / 2;
			widest = Math.max(widest, m[a]);
		}
		// rotations put any of the kernels on any axis (in-plane for 2D); the energy map's mean adds its distance
		for (int a = 0; a < dims; a++) m[a] = (rotationInvariant ? widest : m[a]) + energy;
		return m;
	}

	@Override
	public String spec() {
		return "Laws:kernel=" + kernel + (rotationInvariant ? ",rotation=invariant,pooling=" + pooling.specName() : "") + (energy > 0 ? ",energy=" + energy : "")
				+ ",boundary=" + boundary.specName();
	}

}
