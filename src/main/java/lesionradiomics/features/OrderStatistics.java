package lesionradiomics.features;

import java.util.Arrays;

/**
 * The values a sort would put at given ranks, without the sort: each rank asked for is selected (quickselect with a
 * three-way partition, so that the many equal values of integer CT data cost one pass) within the bracket the ranks
 * selected before leave it, and stays fixed. The values are ordered as {@link Arrays#sort(double[])} orders them
 * (Double.compare: -0.0 before 0.0, NaN last), through long keys with that order, so {@code at(k)} is exactly
 * {@code sorted[k]}. First order needs at most twelve ranks (minimum, maximum, both neighbours of five percentiles);
 * a sort of the whole lesion costs a few times more. Not thread-safe (each lesion's family has its own).
 */
final class OrderStatistics {

	private static final int SMALL = 16;
	private final long[] keys;
	/** Ranks already selected, ascending: everything before one is ≤ it, everything after it ≥. */
	private int[] fixed = new int[16];
	private int fixedCount;

	OrderStatistics(double[] values) {
		keys = new long[values.length];
		for (int i = 0; i < values.length; i++) keys[i] = key(values[i]);
	}

	/**
	 * The same, with the ranks that will be asked for selected at once: one partition serves every rank on its side,
	 * so the partitions split the values into the stretches between the ranks (a few passes over the values) instead
	 * of each rank being selected again inside the bracket the others leave.
	 */
	OrderStatistics(double[] values, int[] ranks) {
		this(values);
		int[] r = ranks.clone();
		Arrays.sort(r);
		int m = 0;
		for (int k : r) if (k >= 0 && k < keys.length && (m == 0 || r[m - 1] != k)) r[m++] = k;
		selectAll(0, keys.length - 1, r, 0, m - 1, 64);
		for (int i = 0; i < m; i++) fix(r[i]);
	}

	private void fix(int k) {
		int insert = 0;
		while (insert < fixedCount && fixed[insert] < k) insert++;
		if (insert < fixedCount && fixed[insert] == k) return;
		if (fixedCount == fixed.length) fixed = Arrays.copyOf(fixed, 2 * fixed.length);
		System.arraycopy(fixed, insert, fixed, insert + 1, fixedCount - insert);
		fixed[insert] = k;
		fixedCount++;
	}

	/** Puts each of the ranks r[from..to] (ascending, within [lo, hi]) in place, as {@link #select} one rank. */
	private void selectAll(int lo, int hi, int[] r, int from, int to, int budget) {
		while (from <= to) {
			if (from == to) {
				select(lo, hi, r[from]);
				return;
			}
			if (hi - lo < SMALL || budget-- == 0) {
				Arrays.sort(keys, lo, hi + 1);
				return;
			}
			long bounds = partition(lo, hi);
			int lt = (int) (bounds >>> 32), gt = (int) bounds;
			// ranks below lt go left, above gt right; those in between are the pivot's and already in place
			int left = from;
			while (left <= to && r[left] < lt) left++;
			int right = left;
			while (right <= to && r[right] <= gt) right++;
			if (left - 1 >= from) selectAll(lo, lt - 1, r, from, left - 1, budget);
			lo = gt + 1;
			from = right;
		}
	}

	int size() { return keys.length; }

	/** The value of rank {@code k} (0-based) of the ascending order. */
	double at(int k) {
		if (k < 0 || k >= keys.length) throw new IndexOutOfBoundsException("rank " + k + " of " + keys.length);
		int lo = 0, hi = keys.length - 1, insert = 0;
		for (; insert < fixedCount && fixed[insert] <= k; insert++) {
			if (fixed[insert] == k) return value(keys[k]);
			lo = fixed[insert] + 1;
		}
		if (insert < fixedCount) hi = fixed[insert] - 1;
		select(lo, hi, k);
		if (fixedCount == fixed.length) fixed = Arrays.copyOf(fixed, 2 * fixed.length);
		System.arraycopy(fixed, insert, fixed, insert + 1, fixedCount - insert);
		fixed[insert] = k;
		fixedCount++;
		return value(keys[k]);
	}

	/**
	 * Three-way partition of [lo, hi] around the median of three: keys below the pivot before {@code lt}, above it after
	 * {@code gt}, equal to it in between. Returns {@code lt} in the high and {@code gt} in the low 32 bits.
	 */
	private long partition(int lo, int hi) {
		long[] a = keys;
		long x = a[lo], y = a[(lo + hi) >>> 1], z = a[hi];
		long pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
		int lt = lo, i = lo, gt = hi;
		while (i <= gt) {
			long v = a[i];
			if (v < pivot) {
				a[i++] = a[lt];
				a[lt++] = v;
			} else if (v > pivot) {
				a[i] = a[gt];
				a[gt--] = v;
			} else i++;
		}
		return ((long) lt << 32) | (gt & 0xffffffffL);
	}

	/** Puts rank k of [lo, hi] at k, the smaller keys before it and the larger after. */
	private void select(int lo, int hi, int k) {
		long[] a = keys;
		for (int budget = 64; hi - lo >= SMALL; budget--) {
			if (budget == 0) { // an unlucky run of pivots: the sort's guaranteed n log n
				Arrays.sort(a, lo, hi + 1);
				return;
			}
			long bounds = partition(lo, hi);
			int lt = (int) (bounds >>> 32), gt = (int) bounds;
			if (k < lt) hi = lt - 1;
			else if (k > gt) lo = gt + 1;
			else return; // k among the keys equal to the pivot
		}
		for (int i = lo + 1; i <= hi; i++) { // insertion sort of the short rest
			long v = a[i];
			int j = i - 1;
			for (; j >= lo && a[j] > v; j--) a[j + 1] = a[j];
			a[j + 1] = v;
		}
	}

	/** A long whose signed order is Double.compare's order of the doubles (NaN made canonical, the largest). */
	static long key(double v) {
		long bits = Double.doubleToLongBits(v);
		return bits ^ ((bits >> 63) & Long.MAX_VALUE);
	}

	/** The double of a {@link #key} (the map is its own inverse). */
	static double value(long key) {
		return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
	}
}
