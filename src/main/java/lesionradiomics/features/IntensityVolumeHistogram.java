package lesionradiomics.features;

/**
 * IBSI 1 intensity–volume histogram features (reference manual 3.5) on the intensity-mask voxels after the IVH
 * discretisation, whose possible intensities are {@code lo, lo + step, …, hi}: the intensity fraction of i is
 * γ = (i − lo) / (hi − lo), the volume fraction ν(i) the fraction of voxels with intensity ≥ i. V_x is the volume
 * fraction with γ ≥ x; I_x the lowest possible intensity held by at most a fraction x of the volume.
 */
final class IntensityVolumeHistogram {

	private final double[] sorted;
	private final double lo, hi, step;
	/** ν at each possible intensity lo + k·step, k = 0..steps (found once, on first use). */
	private double[] volumes;

	IntensityVolumeHistogram(double[] values, double lo, double hi, double step) {
		this(lo, hi, step, values.clone());
		java.util.Arrays.sort(sorted);
	}

	/** @param sorted the intensities in ascending order, kept without a copy (the caller must not change them) */
	static IntensityVolumeHistogram ofSorted(double[] sorted, double lo, double hi, double step) {
		for (int i = 1; i < sorted.length; i++)
			if (Double.compare(sorted[i - 1], sorted[i]) > 0) throw new IllegalArgumentException("values not in ascending order at " + i);
		return new IntensityVolumeHistogram(lo, hi, step, sorted);
	}

	private IntensityVolumeHistogram(double lo, double hi, double step, double[] sorted) {
		this.sorted = sorted;
		this.lo = lo;
		this.hi = hi;
		this.step = step;
	}

	/** The first index from {@code from} on whose value is not below t less a little (as {@link #volumeAbove}). */
	private int firstAtOrAbove(double t, int from) {
		double cut = t - 1e-9 * step;
		int a = from;
		while (a < sorted.length && sorted[a] < cut) a++;
		return a;
	}

	/** Fraction of voxels with intensity ≥ t (a little below t, as intensities are multiples of the step). */
	private double volumeAbove(double t) {
		double cut = t - 1e-9 * step;
		int a = 0, b = sorted.length;
		while (a < b) {
			int m = (a + b) >>> 1;
			if (sorted[m] < cut) a = m + 1;
			else b = m;
		}
		return (sorted.length - a) / (double) sorted.length;
	}

	private int steps() { return (int) Math.round((hi - lo) / step); }

	/** ν(lo + k·step) for k = 0..steps, in one sweep up the sorted values (the cuts increase with k). */
	private double[] volumes() {
		if (volumes == null) {
			int n = Math.max(steps(), 0);
			double[] v = new double[n + 1];
			for (int k = 0, a = 0; k <= n; k++) {
				a = firstAtOrAbove(lo + k * step, a);
				v[k] = (sorted.length - a) / (double) sorted.length;
			}
			volumes = v;
		}
		return volumes;
	}

	/** Volume fraction at intensity fraction x. */
	double volumeAt(double x) { return volumeAbove(lo + x * (hi - lo)); }

	/** Lowest possible intensity with volume fraction ≤ x (hi + step when there is none). */
	double intensityAt(double x) {
		double[] v = volumes();
		for (int k = 0; k <= steps(); k++) if (v[k] <= x) return lo + k * step;
		return hi + step;
	}

	@IbsiFeature(name = "Volume at intensity fraction 10%", code = "BC2M") double volumeAtIntensityFraction10() { return volumeAt(0.1); }
	@IbsiFeature(name = "Volume at intensity fraction 90%", code = "BC2M") double volumeAtIntensityFraction90() { return volumeAt(0.9); }
	@IbsiFeature(name = "Intensity at volume fraction 10%", code = "GBPN") double intensityAtVolumeFraction10() { return intensityAt(0.1); }
	@IbsiFeature(name = "Intensity at volume fraction 90%", code = "GBPN") double intensityAtVolumeFraction90() { return intensityAt(0.9); }
	@IbsiFeature(name = "Volume fraction difference between intensity fractions", code = "DDTU")
	double volumeFractionDifference() { return volumeAt(0.1) - volumeAt(0.9); }
	@IbsiFeature(name = "Intensity fraction difference between volume fractions", code = "CNV2")
	double intensityFractionDifference() { return intensityAt(0.1) - intensityAt(0.9); }

	/** Area under the IVH curve ν(γ), trapezoids over the possible intensities (IBSI gives no reference value). */
	@IbsiFeature(name = "Area under the IVH curve", code = "9CMM")
	double areaUnderCurve() {
		int n = steps();
		if (n == 0) return 0;
		double[] v = volumes();
		double area = 0, prev = v[0];
		for (int k = 1; k <= n; k++) {
			area += (prev + v[k]) / 2 / n;
			prev = v[k];
		}
		return area;
	}
}
