package lesionradiomics.preprocess.filter;

/**
 * The Riesz transform of order (l_x, l_y, l_z), L = Σ l, applied to a filter in the Fourier domain (IBSI 2 eq. 4.11):
 * {@code R(ω) = (−i)^L · sqrt(L! / (l_x! l_y! l_z!)) · ω_x^l_x ω_y^l_y ω_z^l_z / ‖ω‖^L}, 0 at ω = 0.
 */
public record Riesz(int[] order) {

	public Riesz {
		if (order.length != 3) throw new IllegalArgumentException("Riesz order has 3 components (x, y, z), got " + order.length);
		int sum = 0;
		for (int l : order) {
			if (l < 0) throw new IllegalArgumentException("Riesz order components must be >= 0, got " + java.util.Arrays.toString(order));
			sum += l;
		}
		if (sum < 1) throw new IllegalArgumentException("Riesz order must be at least 1 in total, got " + java.util.Arrays.toString(order));
		order = order.clone();
	}

	void check(boolean planar) {
		if (planar && order[2] != 0) throw new IllegalArgumentException("a 2D filter has no z Riesz component: order " + text());
	}

	int total() {
		return order[0] + order[1] + order[2];
	}

	/** t ← t · R(ω). */
	void multiply(double wx, double wy, double wz, double[] t) {
		double norm = Math.sqrt(wx * wx + wy * wy + wz * wz);
		if (norm == 0) {
			t[0] = t[1] = 0;
			return;
		}
		int l = total();
		double m = Math.sqrt(factorial(l) / (factorial(order[0]) * factorial(order[1]) * factorial(order[2])))
				* Math.pow(wx / norm, order[0]) * Math.pow(wy / norm, order[1]) * Math.pow(wz / norm, order[2]);
		// (−i)^l: 1, −i, −1, i
		double pr, pi;
		switch (l % 4) {
		case 0: pr = 1; pi = 0; break;
		case 1: pr = 0; pi = -1; break;
		case 2: pr = -1; pi = 0; break;
		default: pr = 0; pi = 1;
		}
		double r = t[0] * pr - t[1] * pi, i = t[0] * pi + t[1] * pr;
		t[0] = r * m;
		t[1] = i * m;
	}

	private static double factorial(int n) {
		double f = 1;
		for (int i = 2; i <= n; i++) f *= i;
		return f;
	}

	String text() {
		return "" + order[0] + order[1] + order[2];
	}

	String spec() {
		return ",riesz=" + text();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Riesz r && java.util.Arrays.equals(order, r.order);
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(order);
	}

	@Override
	public String toString() {
		return "Riesz" + text();
	}
}
