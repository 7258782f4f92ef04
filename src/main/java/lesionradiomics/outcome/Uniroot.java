package lesionradiomics.outcome;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder (Brent 1973, the netlib "zeroin") with R's {@code uniroot} defaults: tolerance
 * machine-epsilon^0.25 and at most 1000 iterations. R's statistics that report such roots (fisher.test's conditional
 * odds ratio and its interval) are reproduced only by taking the same steps, since the tolerance is wide (~1e-4).
 */
final class Uniroot {

	static final double TOLERANCE = Math.pow(Math.ulp(1.0), 0.25);

	private Uniroot() {}

	static double solve(DoubleUnaryOperator f, double lower, double upper) {
		double a = lower, b = upper, fa = f.applyAsDouble(a), fb = f.applyAsDouble(b);
		if (fa * fb > 0) throw new IllegalArgumentException("the function has the same sign at both ends of [" + lower + ", " + upper + "]");
		double c = a, fc = fa, tol = TOLERANCE, eps = Math.ulp(1.0);
		if (fa == 0) return a;
		if (fb == 0) return b;
		for (int iteration = 0; iteration <= 1000; iteration++) {
			double previous = b - a;
			if (Math.abs(fc) < Math.abs(fb)) { // b is the best approximation
				a = b;
				b = c;
				c = a;
				fa = fb;
				fb = fc;
				fc = fa;
			}
			double tolAct = 2 * eps * Math.abs(b) + tol / 2, step = (c - b) / 2;
			if (Math.abs(step) <= tolAct || fb == 0) return b;
			if (Math.abs(previous) >= tolAct && Math.abs(fa) > Math.abs(fb)) { // interpolation may be tried
				double p, q, cb = c - b;
				if (a == c) { // linear
					double t1 = fb / fa;
					p = cb * t1;
					q = 1.0 - t1;
				} else { // inverse quadratic
					q = fa / fc;
					double t1 = fb / fc, t2 = fb / fa;
					p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
					q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
				}
				if (p > 0) q = -q;
				else p = -p;
				if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs(previous * q / 2)) step = p / q;
			}
			if (Math.abs(step) < tolAct) step = step > 0 ? tolAct : -tolAct;
			a = b;
			fa = fb;
			b += step;
			fb = f.applyAsDouble(b);
			if (fb > 0 && fc > 0 || fb < 0 && fc < 0) {
				c = a;
				fc = fa;
			}
		}
		return b;
	}
}
