package lesionradiomics.preprocess.filter;

import java.util.function.Function;

/**
 * A Riesz-transformed filter (of the LoG or the Simoncelli wavelet) steered voxel by voxel to the local dominant
 * orientation, as IBSI 2 describes the aligned Riesz filters (reference manual, section on the Riesz transform; tests
 * 9.b.2 and 10.b.2, which have no published reference map): the structure tensor
 * {@code J = G_σ * (r rᵀ)} of the first-order Riesz components {@code r = (R_x f, R_y f[, R_z f])} of the filtered
 * image, smoothed component by component by a Gaussian of σ = {@code tensorSigmaMm} (truncated at 4σ, unit sum, the
 * filter's boundary condition), gives at each voxel an orthonormal frame of its eigenvectors, the first of the
 * largest eigenvalue (the dominant orientation). The Riesz components are then expressed in that frame — Riesz
 * transforms are steerable (Unser and Van De Ville 2010): the first-order vector turns as {@code r' = Qᵀ r}, the
 * second-order tensor {@code H_de = R_d R_e f} as {@code H' = Qᵀ H Q} — and the component of the requested order is
 * the response: order 100 is the response along the dominant orientation, 010 across it. Each eigenvector's sign is
 * fixed so that its largest coordinate is positive (an orientation has no sign; this makes the choice repeatable).
 * Orders 1 and 2 are steered.
 *
 * @param base          the filter with its Riesz order, which is the steered component's order
 * @param tensorSigmaMm σ of the structure tensor's Gaussian, mm
 */
public record SteeredRiesz(ResponseFilter base, double tensorSigmaMm) implements ResponseFilter {

	public SteeredRiesz {
		Riesz r = riesz(base);
		if (r == null) throw new IllegalArgumentException("align=tensor needs a Riesz order (riesz=...)");
		if (r.total() > 2) throw new IllegalArgumentException("align=tensor steers Riesz orders 1 and 2, not " + r.total() + " (riesz=" + r.text() + ")");
		if (!(tensorSigmaMm > 0) || Double.isInfinite(tensorSigmaMm)) throw new IllegalArgumentException("tensorsigma must be > 0 mm, is " + tensorSigmaMm);
	}

	static Riesz riesz(ResponseFilter f) {
		if (f instanceof RieszLog l) return l.riesz();
		if (f instanceof SimoncelliFilter s) return s.riesz();
		throw new IllegalArgumentException("align=tensor applies to RieszLoG and Simoncelli, not " + f.spec());
	}

	boolean planar() {
		return base instanceof RieszLog l ? l.log().planar() : ((SimoncelliFilter) base).planar();
	}

	Boundary boundary() {
		return base instanceof RieszLog l ? l.log().boundary() : Boundary.PERIODIC; // Simoncelli lives in the Fourier domain
	}

	/** The base filter with another Riesz order. */
	ResponseFilter withOrder(int[] order) {
		Riesz r = new Riesz(order);
		return base instanceof RieszLog l ? new RieszLog(l.log(), r) : new SimoncelliFilter(((SimoncelliFilter) base).level(), planar(), r);
	}

	@Override
	public double[] apply(double[] values, int[] size, double[] spacing) {
		return apply(values, size, spacing, o -> withOrder(o).apply(values, size, spacing));
	}

	/** The steered response, with the Riesz component of each order computed by {@code component}. */
	double[] apply(double[] values, int[] size, double[] spacing, Function<int[], double[]> component) {
		int dims = planar() ? 2 : 3, n = values.length;
		int[] order = riesz(base).order();
		double[][] r = new double[dims][];
		for (int d = 0; d < dims; d++) r[d] = component.apply(unit(d));
		// the structure tensor, upper triangle (d <= e), each product smoothed by the Gaussian
		double[][][] j = new double[dims][dims][];
		for (int d = 0; d < dims; d++)
			for (int e = d; e < dims; e++) {
				double[] p = new double[n];
				for (int i = 0; i < n; i++) p[i] = r[d][i] * r[e][i];
				j[d][e] = Convolution.separable(p, size, gaussians(spacing, dims), boundary());
			}
		boolean first = riesz(base).total() == 1;
		int a = -1, b = -1; // the axes of the requested component in the steered frame
		for (int d = 0; d < 3; d++)
			for (int k = 0; k < order[d]; k++)
				if (a < 0) a = d;
				else b = d;
		if (first) b = a;
		double[][] h = null; // second order: H_de = R_d R_e f, i.e. the normalised Riesz component divided by √2 off the diagonal
		if (!first) {
			h = new double[dims * dims][];
			for (int d = 0; d < dims; d++)
				for (int e = d; e < dims; e++) {
					int[] o = new int[3];
					o[d]++;
					o[e]++;
					double[] c = component.apply(o);
					if (d != e) for (int i = 0; i < n; i++) c[i] /= Math.sqrt(2);
					h[d * dims + e] = h[e * dims + d] = c;
				}
		}
		double[] out = new double[n];
		final int ca = a, cb = b;
		final double[][] hh = h;
		Lines.parallel(n, i -> {
			double[][] m = new double[dims][dims];
			for (int d = 0; d < dims; d++)
				for (int e = d; e < dims; e++) m[d][e] = m[e][d] = j[d][e][i];
			double[][] q = frame(m);
			if (first) {
				double v = 0;
				for (int d = 0; d < dims; d++) v += q[d][ca] * r[d][i];
				out[i] = v;
			} else {
				double v = 0;
				for (int d = 0; d < dims; d++)
					for (int e = 0; e < dims; e++) v += q[d][ca] * hh[d * dims + e][i] * q[e][cb];
				out[i] = ca == cb ? v : Math.sqrt(2) * v;
			}
		});
		return out;
	}

	private static int[] unit(int d) {
		int[] o = new int[3];
		o[d] = 1;
		return o;
	}

	/** The tensor's Gaussian per axis in voxels (σ_mm / spacing), truncated at 4σ, summing to 1. */
	double[][] gaussians(double[] spacing, int dims) {
		double[][] k = new double[3][];
		for (int d = 0; d < dims; d++) {
			double s = tensorSigmaMm / spacing[d];
			int hw = (int) Math.floor(4 * s + 0.5);
			k[d] = new double[2 * hw + 1];
			double sum = 0;
			for (int i = -hw; i <= hw; i++) sum += k[d][i + hw] = Math.exp(-i * i / (2 * s * s));
			for (int i = 0; i < k[d].length; i++) k[d][i] /= sum;
		}
		return k;
	}

	/**
	 * The eigenvectors of the symmetric matrix {@code m} as the columns of Q, by decreasing eigenvalue (cyclic Jacobi
	 * rotations, exact to rounding for 2×2 and 3×3), each signed so that its largest coordinate is positive.
	 */
	static double[][] frame(double[][] m) {
		int n = m.length;
		double[][] a = new double[n][];
		for (int i = 0; i < n; i++) a[i] = m[i].clone();
		double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) v[i][i] = 1;
		for (int sweep = 0; sweep < 50; sweep++) {
			double off = 0, diag = 0;
			for (int p = 0; p < n; p++) {
				diag += a[p][p] * a[p][p];
				for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
			}
			if (off <= 1e-30 * diag || off == 0) break;
			for (int p = 0; p < n; p++)
				for (int q = p + 1; q < n; q++) {
					if (a[p][q] == 0) continue;
					// the rotation that zeroes a[p][q] (Golub and Van Loan, symmetric Schur decomposition)
					double tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
					if (tau == 0) t = 1;
					double c = 1 / Math.sqrt(1 + t * t), s = t * c;
					for (int k = 0; k < n; k++) {
						double akp = a[k][p], akq = a[k][q];
						a[k][p] = c * akp - s * akq;
						a[k][q] = s * akp + c * akq;
					}
					for (int k = 0; k < n; k++) {
						double apk = a[p][k], aqk = a[q][k];
						a[p][k] = c * apk - s * aqk;
						a[q][k] = s * apk + c * aqk;
					}
					for (int k = 0; k < n; k++) {
						double vkp = v[k][p], vkq = v[k][q];
						v[k][p] = c * vkp - s * vkq;
						v[k][q] = s * vkp + c * vkq;
					}
				}
		}
		Integer[] idx = new Integer[n];
		for (int i = 0; i < n; i++) idx[i] = i;
		final double[][] fa = a;
		java.util.Arrays.sort(idx, (x, y) -> Double.compare(fa[y][y], fa[x][x]));
		double[][] q = new double[n][n];
		for (int c = 0; c < n; c++) {
			int src = idx[c], big = 0;
			for (int k = 1; k < n; k++) if (Math.abs(v[k][src]) > Math.abs(v[big][src]) + 1e-12) big = k;
			double sign = v[big][src] < 0 ? -1 : 1;
			for (int k = 0; k < n; k++) q[k][c] = sign * v[k][src];
		}
		return q;
	}

	@Override
	public String spec() {
		return base.spec() + ",align=tensor,tensorsigma=" + FilterSpec.number(tensorSigmaMm);
	}
}
