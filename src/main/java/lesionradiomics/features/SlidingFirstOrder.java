package lesionradiomics.features;

import java.util.List;

/**
 * First-order features of a voxel-map kernel kept up to date as the kernel slides: voxels are added and removed one at
 * a time, and every feature is then read from running state whose size does not depend on the kernel: the grey-level
 * histogram (Entropy, Uniformity), exact integer power sums of the intensities (Mean, Energy, moments) and a Fenwick
 * tree of counts and sums over the intensity values (order statistics, mean absolute deviations). Works for
 * integer-valued images (CT in HU, most MR and PET stored as integers), where the sums are exact and the features equal
 * {@link FirstOrder}'s to rounding; {@link #applicable} says when. Not thread safe: one instance per thread.
 */
final class SlidingFirstOrder {

	/** The features in the order {@link #features} writes them. */
	static final List<String> NAMES = List.of("10Percentile", "90Percentile", "Energy", "Entropy", "InterquartileRange", "Kurtosis", "Maximum",
			"Mean", "MeanAbsoluteDeviation", "Median", "Minimum", "Range", "RobustMeanAbsoluteDeviation", "RootMeanSquared", "Skewness",
			"TotalEnergy", "Uniformity", "Variance");

	/** Intensities are stored as y = value - offset, 0 ≤ y ≤ range. */
	private final long offset;
	private final int range;
	/** offset + voxelArrayShift (an integer here): Energy uses (y + energyShift)². */
	private final long energyShift;
	private final double voxelVolume;
	private final int[] histogram;
	private final long[] treeCount, treeSum;
	private final int treeTop;
	private int n;
	private long s1, s2, s3, s4;

	/**
	 * Whether the exact sliding computation holds for a lesion with intensities in [min, max], all integers or not:
	 * integer intensities and shift, and power sums of the largest kernel that fit in 62 bits.
	 */
	static boolean applicable(double min, double max, boolean integral, double shift, int kernelVoxels) {
		if (!integral || shift != Math.rint(shift) || Math.abs(shift) > 1e6) return false;
		double range = max - min, limit = 0x1p62;
		return range <= 1 << 20 && kernelVoxels * Math.pow(range, 4) < limit && 6.0 * kernelVoxels * Math.pow(kernelVoxels * range, 2) < limit
				&& Math.pow(kernelVoxels, 3) < limit / 8;
	}

	/**
	 * @param min         the lowest intensity of the lesion
	 * @param max         the highest intensity of the lesion
	 * @param levelCount  the lesion's highest grey level
	 * @param voxelVolume mm³ (TotalEnergy)
	 */
	SlidingFirstOrder(double min, double max, int levelCount, double shift, double voxelVolume) {
		offset = (long) min;
		range = (int) (max - min);
		energyShift = offset + (long) shift;
		this.voxelVolume = voxelVolume;
		histogram = new int[levelCount + 1];
		treeCount = new long[range + 2];
		treeSum = new long[range + 2];
		treeTop = Integer.highestOneBit(range + 1);
	}

	/** Empties the kernel. */
	void clear() {
		java.util.Arrays.fill(histogram, 0);
		java.util.Arrays.fill(treeCount, 0);
		java.util.Arrays.fill(treeSum, 0);
		n = 0;
		s1 = s2 = s3 = s4 = 0;
	}

	void add(double value, int greyLevel) { update(value, greyLevel, 1); }

	void remove(double value, int greyLevel) { update(value, greyLevel, -1); }

	private void update(double value, int greyLevel, int sign) {
		long y = (long) value - offset;
		histogram[greyLevel] += sign;
		for (int i = (int) y + 1; i < treeCount.length; i += i & -i) {
			treeCount[i] += sign;
			treeSum[i] += sign * y;
		}
		n += sign;
		long y2 = y * y;
		s1 += sign * y;
		s2 += sign * y2;
		s3 += sign * y2 * y;
		s4 += sign * y2 * y2;
	}

	int count() { return n; }

	/** Number of kernel values with y ≤ {@code y}. */
	private long countUpTo(long y) {
		long c = 0;
		for (int i = (int) Math.min(y + 1, range + 1); i > 0; i -= i & -i) c += treeCount[i];
		return c;
	}

	/** Sum of the kernel's y ≤ {@code y}. */
	private long sumUpTo(long y) {
		long s = 0;
		for (int i = (int) Math.min(y + 1, range + 1); i > 0; i -= i & -i) s += treeSum[i];
		return s;
	}

	/** The {@code k}-th smallest kernel intensity (0-based), by descending the tree. */
	private double kth(int k) {
		int pos = 0;
		long rest = k;
		for (int step = treeTop; step > 0; step >>= 1)
			if (pos + step <= range + 1 && treeCount[pos + step] <= rest) {
				pos += step;
				rest -= treeCount[pos];
			}
		return offset + pos;
	}

	/** numpy.percentile (linear) of the kernel, as {@link FirstOrder#percentile}. */
	private double percentile(double q) {
		double pos = (n - 1) * q / 100.0;
		int lo = (int) Math.floor(pos);
		return FirstOrder.lerp(kth(lo), kth(Math.min(lo + 1, n - 1)), pos - lo);
	}

	/**
	 * Σ |m·y − s| over the kernel values y in [from, to], where m values in that range sum to s: m² times their mean
	 * absolute deviation, exactly.
	 */
	private long absoluteDeviations(long from, long to, long m, long s) {
		long below = Math.floorDiv(s, m); // values y ≤ below have m·y ≤ s
		long lowCount = countUpTo(below) - countUpTo(from - 1), lowSum = sumUpTo(below) - sumUpTo(from - 1);
		return (lowCount * s - m * lowSum) + (m * (s - lowSum) - (m - lowCount) * s);
	}

	/** Writes the features of the current kernel into {@code out} from {@code at}, in {@link #NAMES} order. */
	void features(double[] out, int at) {
		double p10 = percentile(10), p90 = percentile(90);
		double min = kth(0), max = kth(n - 1);
		long e = energyShift;
		double energy = s2 + 2 * e * s1 + n * e * e;
		double entropy = 0, uniformity = 0;
		for (int g = 1; g < histogram.length; g++) {
			if (histogram[g] == 0) continue;
			double p = (double) histogram[g] / n;
			entropy -= p * TextureGrid.log2(p);
			uniformity += p * p;
		}
		long nn = (long) n * n;
		double m2 = new Int128().mac(n, s2).mac(-s1, s1).toDouble() / nn;
		double m3 = new Int128().mac(nn, s3).mac(-3L * n * s1, s2).mac(2 * s1 * s1, s1).toDouble() / ((double) nn * n);
		double m4 = new Int128().mac(nn * n, s4).mac(-4L * nn * s1, s3).mac(6L * n * s1 * s1, s2).mac(-3 * s1 * s1, s1 * s1).toDouble()
				/ ((double) nn * nn);
		long robustFrom = (long) Math.ceil(p10) - offset, robustTo = (long) Math.floor(p90) - offset;
		long robustCount = countUpTo(robustTo) - countUpTo(robustFrom - 1), robustSum = sumUpTo(robustTo) - sumUpTo(robustFrom - 1);
		out[at] = p10;
		out[at + 1] = p90;
		out[at + 2] = energy;
		out[at + 3] = entropy;
		out[at + 4] = percentile(75) - percentile(25);
		out[at + 5] = m2 == 0 ? 0 : m4 / (m2 * m2);
		out[at + 6] = max;
		out[at + 7] = (double) (offset * n + s1) / n;
		out[at + 8] = absoluteDeviations(0, range, n, s1) / (double) nn;
		out[at + 9] = percentile(50);
		out[at + 10] = min;
		out[at + 11] = max - min;
		out[at + 12] = robustCount == 0 ? Double.NaN // no value between the two percentiles: 0/0 as in FirstOrder
				: absoluteDeviations(robustFrom, robustTo, robustCount, robustSum) / ((double) robustCount * robustCount);
		out[at + 13] = Math.sqrt(energy / n);
		out[at + 14] = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
		out[at + 15] = voxelVolume * energy;
		out[at + 16] = uniformity;
		out[at + 17] = m2;
	}

	/** A signed 128-bit accumulator of products of longs: the fourth central moment's numerator needs ~80 bits. */
	private static final class Int128 {
		private long high, low;

		Int128 mac(long a, long b) {
			long pl = a * b, ph = Math.multiplyHigh(a, b);
			long sum = low + pl;
			high += ph + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
			low = sum;
			return this;
		}

		double toDouble() {
			if (high == low >> 63) return low; // fits in a long: one rounding, no cancellation between the halves
			double unsignedLow = low >= 0 ? low : ((low >>> 1) | (low & 1)) * 2.0;
			return Math.scalb((double) high, 64) + unsignedLow;
		}
	}
}
