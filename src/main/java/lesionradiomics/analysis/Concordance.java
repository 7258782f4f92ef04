package lesionradiomics.analysis;

/**
 * Lin's concordance correlation coefficient (Lin 1989, Biometrics 45:255): agreement of two measurements of the same
 * objects, ρc = 2·s_xy / (s_x² + s_y² + (x̄ − ȳ)²) with moments over n (Lin's definition). ρc = 1 only when the
 * pairs lie on the identity line; |ρc| ≤ |r| with equality only for equal means and variances.
 */
public final class Concordance {

	private Concordance() {}

	/** NaN when fewer than 2 pairs, when a value is NaN, or when both vectors are constant and equal (0/0). */
	public static double ccc(double[] x, double[] y) {
		if (x.length != y.length) throw new IllegalArgumentException("vectors differ in length");
		int n = x.length;
		if (n < 2) return Double.NaN;
		double mx = 0, my = 0;
		for (int i = 0; i < n; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= n;
		my /= n;
		double sxx = 0, syy = 0, sxy = 0;
		for (int i = 0; i < n; i++) {
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
			sxy += (x[i] - mx) * (y[i] - my);
		}
		sxx /= n;
		syy /= n;
		sxy /= n;
		double denominator = sxx + syy + (mx - my) * (mx - my);
		return denominator == 0 ? Double.NaN : 2 * sxy / denominator;
	}
}
