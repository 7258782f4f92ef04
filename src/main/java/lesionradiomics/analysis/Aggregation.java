package lesionradiomics.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import org.apache.commons.statistics.descriptive.Median;

/**
 * One patient value from a lesion variable, the ways studies aggregate: mean, median, minimum, maximum,
 * volume-weighted mean (Dercle et al. 2020), largest lesion's, smallest lesion's, and the volume-weighted mean of the
 * k largest lesions (Chang et al.). A missing value (NaN) among the lesions used gives NaN: never a silently partial
 * aggregate.
 */
public enum Aggregation {
	MEAN, MEDIAN, MIN, MAX, VOLUME_WEIGHTED_MEAN, LARGEST, SMALLEST, VOLUME_WEIGHTED_MEAN_OF_K_LARGEST;

	/** Name in tables and on the command line: mean, median, min, max, vwmean, largest, smallest, vwmean_k. */
	public String key() {
		switch (this) {
		case VOLUME_WEIGHTED_MEAN: return "vwmean";
		case VOLUME_WEIGHTED_MEAN_OF_K_LARGEST: return "vwmean_k";
		default: return name().toLowerCase(Locale.ROOT);
		}
	}

	public static Aggregation parse(String s) {
		for (Aggregation a : values()) if (a.key().equalsIgnoreCase(s.trim())) return a;
		throw new IllegalArgumentException("unknown aggregation '" + s + "' (use mean, median, min, max, vwmean, largest, smallest or vwmean_k)");
	}

	/** True for the methods that need each lesion's volume. */
	public boolean usesVolumes() {
		return this == VOLUME_WEIGHTED_MEAN || this == LARGEST || this == SMALLEST || this == VOLUME_WEIGHTED_MEAN_OF_K_LARGEST;
	}

	/**
	 * @param values  the variable per lesion
	 * @param volumes each lesion's volume (for the volume-based methods; largest/smallest by volume, first one on ties)
	 * @param k       lesions of {@link #VOLUME_WEIGHTED_MEAN_OF_K_LARGEST} (all when the patient has fewer)
	 */
	public double apply(double[] values, double[] volumes, int k) {
		int n = values.length;
		if (n == 0) return Double.NaN;
		if (volumes.length != n) throw new IllegalArgumentException("one volume per lesion");
		if (usesVolumes() && Arrays.stream(volumes).anyMatch(v -> !(v >= 0) || Double.isInfinite(v))) return Double.NaN; // never the first lesion by default
		Integer[] byVolume = new Integer[n];
		for (int i = 0; i < n; i++) byVolume[i] = i;
		Arrays.sort(byVolume, Comparator.comparingDouble((Integer i) -> -volumes[i])); // stable: first lesion wins ties
		switch (this) {
		case MEAN: return Arrays.stream(values).sum() / n;
		case MEDIAN: return Arrays.stream(values).anyMatch(Double::isNaN) ? Double.NaN : Median.withDefaults().withCopy(true).evaluate(values);
		case MIN: return Arrays.stream(values).anyMatch(Double::isNaN) ? Double.NaN : Arrays.stream(values).min().getAsDouble();
		case MAX: return Arrays.stream(values).anyMatch(Double::isNaN) ? Double.NaN : Arrays.stream(values).max().getAsDouble();
		case LARGEST: return values[byVolume[0]];
		case SMALLEST: {
			int s = 0;
			for (int i = 1; i < n; i++) if (volumes[i] < volumes[s]) s = i;
			return values[s];
		}
		default: {
			int used = this == VOLUME_WEIGHTED_MEAN ? n : Math.min(Math.max(1, k), n);
			double sum = 0, weight = 0;
			for (int j = 0; j < used; j++) {
				int i = byVolume[j];
				sum += values[i] * volumes[i];
				weight += volumes[i];
			}
			return sum / weight;
		}
		}
	}
}
