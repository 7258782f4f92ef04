package lesionradiomics.analysis;

import lesionradiomics.features.SortedNumbers;

/**
 * One feature map summarised inside its lesion: mean, standard deviation (population, as numpy.std: the map covers
 * every voxel of the lesion), quartiles (numpy's linear percentiles) and, with a threshold, the fraction of the lesion's
 * voxels whose value is above it. NaN values are left out and counted.
 *
 * @param fractionAbove NaN when no threshold was given
 */
public record MapSummary(int voxels, int missing, double mean, double sd, double q1, double median, double q3, double threshold, double fractionAbove) {

	/** @param threshold NaN: no fraction */
	public static MapSummary of(double[] map, double threshold) {
		double[] v = SortedNumbers.withoutNaN(map); // Arrays.sort's order in linear time: the sums below keep their order
		int n = v.length;
		if (n == 0) return new MapSummary(map.length, map.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, threshold, Double.NaN);
		double sum = 0;
		for (double x : v) sum += x;
		double mean = sum / n, sq = 0;
		int above = 0;
		for (double x : v) {
			sq += (x - mean) * (x - mean);
			if (x > threshold) above++;
		}
		return new MapSummary(map.length, map.length - n, mean, Math.sqrt(sq / n), lesionradiomics.features.FirstOrder.percentile(v, 25),
				lesionradiomics.features.FirstOrder.percentile(v, 50), lesionradiomics.features.FirstOrder.percentile(v, 75), threshold,
				Double.isNaN(threshold) ? Double.NaN : (double) above / n);
	}
}
