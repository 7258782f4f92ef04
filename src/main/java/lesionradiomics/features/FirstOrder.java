package lesionradiomics.features;

/**
 * First-order (intensity histogram) features of pyradiomics 3.0 ({@code radiomics/firstorder.py}). Moments are
 * population moments as numpy's; percentiles use numpy's linear interpolation; {@code voxelArrayShift} enters only
 * Energy, TotalEnergy and RootMeanSquared; Entropy and Uniformity use the discretised grey levels.
 */
public final class FirstOrder {

	/** numpy.spacing(1): pyradiomics' guard inside log2. */
	static final double EPS = Math.ulp(1.0);

	private final double[] x;
	/** The sorted values' ranks, selected as the features ask for them (no full sort). */
	private final OrderStatistics order;
	private final int[] grayLevels;
	private final double shift;
	private final double voxelVolume;
	private final double mean;

	public FirstOrder(LesionData lesion) {
		this.x = lesion.maskedValues();
		int n = x.length;
		int[] ranks = new int[12];
		ranks[0] = 0;
		ranks[1] = n - 1;
		double[] qs = { 10, 25, 50, 75, 90 };
		for (int k = 0; k < qs.length; k++) {
			int lo = (int) Math.floor((n - 1) * qs[k] / 100.0);
			ranks[2 + 2 * k] = lo;
			ranks[3 + 2 * k] = Math.min(lo + 1, n - 1);
		}
		this.order = new OrderStatistics(x, ranks); // the ranks the features below ask for, selected at once
		this.grayLevels = lesion.maskedGrayLevels();
		this.shift = lesion.settings().voxelArrayShift();
		double[] s = lesion.spacing();
		this.voxelVolume = s[0] * s[1] * s[2];
		this.mean = mean(x);
	}

	static double mean(double[] v) {
		double sum = 0;
		for (double d : v) sum += d;
		return sum / v.length;
	}

	/** numpy.percentile, default 'linear' method, on sorted values. */
	public static double percentile(double[] sortedValues, double q) {
		double pos = (sortedValues.length - 1) * q / 100.0;
		int lo = (int) Math.floor(pos);
		int hi = Math.min(lo + 1, sortedValues.length - 1);
		return lerp(sortedValues[lo], sortedValues[hi], pos - lo);
	}

	/** {@link #percentile(double[], double)} of the values, from their order statistics. */
	private double percentile(double q) {
		int n = order.size();
		double pos = (n - 1) * q / 100.0;
		int lo = (int) Math.floor(pos);
		int hi = Math.min(lo + 1, n - 1);
		return lerp(order.at(lo), order.at(hi), pos - lo);
	}

	/** numpy's _lerp: a + (b - a)·t, computed from the upper end when t ≥ 0.5. */
	static double lerp(double a, double b, double t) {
		return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
	}

	private double centralMoment(int k) {
		double s = 0;
		for (double v : x) s += Math.pow(v - mean, k);
		return s / x.length;
	}

	private double[] grayLevelProbabilities() {
		int max = 0;
		for (int g : grayLevels) max = Math.max(max, g);
		double[] p = new double[max + 1];
		for (int g : grayLevels) p[g]++;
		for (int i = 0; i < p.length; i++) p[i] /= grayLevels.length;
		return p;
	}

	@Feature
	double energy() {
		double s = 0;
		for (double v : x) s += (v + shift) * (v + shift);
		return s;
	}

	@Feature
	double totalEnergy() { return voxelVolume * energy(); }

	@Feature
	double entropy() {
		double h = 0;
		for (double p : grayLevelProbabilities()) if (p > 0) h -= p * TextureGrid.log2(p);
		return h;
	}

	@Feature
	double minimum() { return order.at(0); }

	@Feature("10Percentile")
	double percentile10() { return percentile(10); }

	@Feature("90Percentile")
	double percentile90() { return percentile(90); }

	@Feature
	double maximum() { return order.at(order.size() - 1); }

	@Feature
	double mean() { return mean; }

	@Feature
	double median() { return percentile(50); }

	@Feature
	double interquartileRange() { return percentile(75) - percentile(25); }

	@Feature
	double range() { return maximum() - minimum(); }

	@Feature
	double meanAbsoluteDeviation() {
		double s = 0;
		for (double v : x) s += Math.abs(v - mean);
		return s / x.length;
	}

	/** Mean absolute deviation of the values between the 10th and 90th percentiles (inclusive), from their mean. */
	@Feature
	double robustMeanAbsoluteDeviation() {
		double p10 = percentile10(), p90 = percentile90();
		double sum = 0;
		int n = 0;
		for (double v : x) if (v >= p10 && v <= p90) { sum += v; n++; }
		double m = sum / n, s = 0;
		for (double v : x) if (v >= p10 && v <= p90) s += Math.abs(v - m);
		return s / n;
	}

	@Feature
	double rootMeanSquared() { return Math.sqrt(energy() / x.length); }

	/** pyradiomics returns 0 for a flat region (zero variance). */
	@Feature
	double skewness() {
		double m2 = centralMoment(2);
		return m2 == 0 ? 0 : centralMoment(3) / Math.pow(m2, 1.5);
	}

	@Feature
	double kurtosis() {
		double m2 = centralMoment(2);
		return m2 == 0 ? 0 : centralMoment(4) / (m2 * m2);
	}

	@Feature
	double variance() { return centralMoment(2); }

	@Feature
	double uniformity() {
		double u = 0;
		for (double p : grayLevelProbabilities()) u += p * p;
		return u;
	}
}
