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

	IntensityVolumeHistogram(double[] values, double lo, double hi, double step) {
		sorted = values.clone();
		java.util.Arrays.sort(sorted);
		this.lo = lo;
		this.hi = hi;
		this.step = step;
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

	/** Volume fraction at intensity fraction x. */
	double volumeAt(double x) { return volumeAbove(lo + x * (hi - lo)); }

	/** Lowest possible intensity with volume fraction ≤ x (hi + step when there is none). */
	double intensityAt(double x) {
		for (int k = 0; k <= steps(); k++) {
			double i = lo + k * step;
			if (volumeAbove(i) <= x) return i;
		}
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
		double area = 0, prev = volumeAbove(lo);
		for (int k = 1; k <= n; k++) {
			double v = volumeAbove(lo + k * step);
			area += (prev + v) / 2 / n;
			prev = v;
		}
		return area;
	}
}
