package lesionradiomics.preprocess;

import java.util.Arrays;
import java.util.Locale;

/**
 * pyradiomics' {@code resegmentRange}/{@code resegmentMode}: keep only mask voxels whose intensity lies in a range.
 * One bound is a lower bound only. Modes: {@code absolute} (the values themselves), {@code relative} (fractions of the
 * lesion's maximum) and {@code sigma} (mean ± k·SD of the lesion, population SD as numpy.std).
 */
public final class Resegmentation {

	public enum Mode { ABSOLUTE, RELATIVE, SIGMA;
		public static Mode parse(String s) {
			return valueOf(s.trim().toUpperCase(Locale.ROOT));
		}
	}

	private final double[] range;
	private final Mode mode;

	public Resegmentation(double[] range, Mode mode) {
		if (range.length < 1 || range.length > 2) throw new IllegalArgumentException("resegmentRange needs 1 or 2 values");
		this.range = range.clone();
		Arrays.sort(this.range);
		this.mode = mode;
	}

	/** The thresholds (1 or 2) for the given masked intensities. */
	public double[] thresholds(double[] masked) {
		double[] t = range.clone();
		if (mode == Mode.RELATIVE) {
			double max = Double.NEGATIVE_INFINITY;
			for (double v : masked) max = Math.max(max, v);
			for (int i = 0; i < t.length; i++) t[i] = max * range[i];
		} else if (mode == Mode.SIGMA) {
			double mean = 0;
			for (double v : masked) mean += v;
			mean /= masked.length;
			double ss = 0;
			for (double v : masked) ss += (v - mean) * (v - mean);
			double sd = Math.sqrt(ss / masked.length);
			for (int i = 0; i < t.length; i++) t[i] = mean + sd * range[i];
		}
		return t;
	}

	/** A new mask without the voxels outside the range. */
	public boolean[] apply(double[] values, boolean[] mask) {
		int n = 0;
		for (boolean m : mask) if (m) n++;
		double[] masked = new double[n];
		for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) masked[k++] = values[i];
		double[] t = thresholds(masked);
		boolean[] out = new boolean[mask.length];
		for (int i = 0; i < mask.length; i++)
			out[i] = mask[i] && values[i] >= t[0] && (t.length < 2 || values[i] <= t[1]);
		return out;
	}

	@Override
	public String toString() {
		return mode.name().toLowerCase(Locale.ROOT) + " " + Arrays.toString(range);
	}
}
