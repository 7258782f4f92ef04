package lesionradiomics.features;

/**
 * Doubles sorted in linear time, in exactly {@link java.util.Arrays#sort(double[])}'s order (-0.0 before 0.0, NaN
 * last). Whole numbers over a range not much wider than their count (CT in HU, integer-valued maps) are counted; other
 * values go through a least-significant-digit radix sort (Knuth, TAOCP 3, 5.2.5) on the IEEE bits flipped so that
 * their unsigned order is the numeric one, 11-bit digits, a digit that all values share skipped. The map summaries sort
 * one map per feature per lesion (about four times faster than the comparison sort for a large lesion's tens of
 * thousands of voxels); IBSI mode sorts a lesion's intensities once for its statistics and IVH (the bench case's
 * 2·10⁵ HU took ~6 ms of IBSI mode's ~230 by comparison sort).
 */
public final class SortedNumbers {

	private SortedNumbers() {}

	/** Below this many values the comparison sort is faster. */
	private static final int SMALL = 1024;

	/** The values ascending, as {@link java.util.Arrays#sort(double[])} leaves a copy of them (a new array). */
	public static double[] ascending(double[] values) {
		for (double v : values)
			if (Double.isNaN(v)) { // NaN last whatever its bits: the comparison sort's rule
				double[] out = values.clone();
				java.util.Arrays.sort(out);
				return out;
			}
		return numbers(values);
	}

	/** The values without NaN, ascending (a new array). */
	public static double[] withoutNaN(double[] values) {
		int n = 0;
		for (double v : values) if (!Double.isNaN(v)) n++;
		double[] kept = new double[n];
		int k = 0;
		for (double v : values) if (!Double.isNaN(v)) kept[k++] = v;
		return numbers(kept);
	}

	/** Values without NaN ascending, in a new array ({@code values} is not changed). */
	private static double[] numbers(double[] values) {
		double[] counted = counted(values);
		if (counted != null) return counted;
		if (values.length < SMALL) {
			double[] out = values.clone();
			java.util.Arrays.sort(out);
			return out;
		}
		long[] keys = new long[values.length];
		for (int i = 0; i < keys.length; i++) keys[i] = key(values[i]);
		long[] sorted = sort(keys);
		double[] out = new double[keys.length];
		for (int i = 0; i < out.length; i++) out[i] = value(sorted[i]);
		return out;
	}

	/**
	 * The values ascending by counting when they are whole numbers over a range at most four times their number plus
	 * 4096 (a small lesion's counts are still cheap to clear); null otherwise, and for −0.0 (which the comparison sort
	 * puts before 0.0), fractions and values too large to count in an int.
	 */
	private static double[] counted(double[] values) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			if (!(Math.abs(v) < 1 << 30) || v != (int) v || Double.doubleToRawLongBits(v) == NEGATIVE_ZERO) return null;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		if (values.length == 0) return new double[0];
		if (max - min > 4.0 * values.length + 4096) return null;
		int lo = (int) min;
		int[] count = new int[(int) max - lo + 1];
		for (double v : values) count[(int) v - lo]++;
		double[] sorted = new double[values.length];
		for (int k = 0, i = 0; k < count.length; i += count[k], k++) java.util.Arrays.fill(sorted, i, i + count[k], lo + k);
		return sorted;
	}

	private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

	/** The bits of {@code v} as a key whose unsigned order is Double.compare's. */
	static long key(double v) {
		long b = Double.doubleToRawLongBits(v);
		return b ^ (b >> 63 | Long.MIN_VALUE);
	}

	static double value(long key) {
		long b = key < 0 ? key ^ Long.MIN_VALUE : ~key;
		return Double.longBitsToDouble(b);
	}

	private static final int BITS = 11, DIGITS = (64 + BITS - 1) / BITS, MASK = (1 << BITS) - 1;

	/** Unsigned ascending order of {@code keys}; may reuse {@code keys} as the result or the buffer. */
	private static long[] sort(long[] keys) {
		int n = keys.length;
		int[][] count = new int[DIGITS][1 << BITS];
		for (long k : keys) // every digit's histogram in one pass
			for (int d = 0; d < DIGITS; d++) count[d][(int) (k >>> (d * BITS)) & MASK]++;
		long[] from = keys, to = new long[n];
		for (int d = 0; d < DIGITS; d++) {
			int shift = d * BITS;
			int[] c = count[d];
			if (c[(int) (from[0] >>> shift) & MASK] == n) continue; // every value has this digit
			for (int b = 0, sum = 0; b < c.length; b++) {
				int m = c[b];
				c[b] = sum;
				sum += m;
			}
			for (long k : from) to[c[(int) (k >>> shift) & MASK]++] = k;
			long[] t = from;
			from = to;
			to = t;
		}
		return from;
	}
}
