package lesionradiomics.preprocess;

/**
 * Grey-level discretisation exactly as pyradiomics' {@code getBinEdges}/{@code binImage}: bins are half-open
 * {@code [edge_k, edge_k+1)}, numbered from 1, so a value on an edge falls into the upper bin.
 * <ul>
 * <li>fixed bin width: edges are multiples of the width counted from 0, starting at the first multiple not above the
 * minimum ({@code numpy.arange(min - min % w, max + 2w, w)});</li>
 * <li>fixed bin count: {@code numpy.histogram} edges ({@code linspace(min, max, n + 1)}), the last edge raised by 1 so
 * the maximum lands in the top bin;</li>
 * <li>absolute range: fixed width edges from a given minimum (e.g. 400 bins over −1000..3000 HU), values outside are
 * clipped into the first/last bin.</li>
 * </ul>
 */
public final class Discretizer {

	private final double binWidth;
	private final int binCount;
	private final double rangeMin;
	private final double rangeMax;

	private Discretizer(double binWidth, int binCount, double rangeMin, double rangeMax) {
		this.binWidth = binWidth;
		this.binCount = binCount;
		this.rangeMin = rangeMin;
		this.rangeMax = rangeMax;
	}

	public static Discretizer fixedBinWidth(double width) {
		if (!(width > 0)) throw new IllegalArgumentException("binWidth must be positive, is " + width);
		return new Discretizer(width, 0, Double.NaN, Double.NaN);
	}

	public static Discretizer fixedBinCount(int count) {
		if (count < 1) throw new IllegalArgumentException("binCount must be >= 1, is " + count);
		return new Discretizer(0, count, Double.NaN, Double.NaN);
	}

	/** Absolute discretisation: {@code count} bins of equal width over [min, max]; values outside go to the end bins. */
	public static Discretizer absoluteRange(double min, double max, int count) {
		if (!(max > min) || count < 1) throw new IllegalArgumentException("absolute range needs min < max and count >= 1");
		return new Discretizer((max - min) / count, count, min, max);
	}

	/** How many bins these values would be discretised into, computed without making them (a size check). */
	public double binCount(double[] values) {
		if (!Double.isNaN(rangeMin) || binCount > 0) return binCount;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
		return values.length == 0 ? 0 : Math.floor(max / binWidth) - Math.floor(min / binWidth) + 2;
	}

	/** The bin edges pyradiomics would use for these values. */
	public double[] edges(double[] values) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (!Double.isNaN(rangeMin)) {
			double[] e = new double[binCount + 1];
			for (int i = 0; i <= binCount; i++) e[i] = rangeMin + i * binWidth;
			return e;
		}
		if (binCount > 0) {
			double first = min, last = max;
			if (first == last) { // numpy.histogram widens a flat range by 0.5 on each side
				first -= 0.5;
				last += 0.5;
			}
			double[] e = new double[binCount + 1];
			double step = (last - first) / binCount;
			for (int i = 0; i < binCount; i++) e[i] = i * step + first; // numpy.linspace: arange * step + start
			e[binCount] = last + 1; // pyradiomics: "ensures that the maximum value is included in the topmost bin"
			return e;
		}
		// Python's float modulo takes the sign of the divisor.
		double mod = min % binWidth;
		if (mod != 0 && (mod < 0) != (binWidth < 0)) mod += binWidth;
		double low = min - mod;
		double high = max + 2 * binWidth;
		int n = (int) Math.ceil((high - low) / binWidth);
		// numpy.arange fills start + i * delta with delta re-derived from the first two elements.
		double delta = (low + binWidth) - low;
		if (n == 1) return new double[] { low - 0.5, low + 0.5 }; // pyradiomics: flat region gets one bin
		double[] e = new double[n];
		for (int i = 0; i < n; i++) e[i] = low + i * delta;
		return e;
	}

	/** Bin numbers (1-based, as {@code numpy.digitize}) of {@code values}. */
	public int[] discretize(double[] values) {
		double[] edges = edges(values);
		int[] out = new int[values.length];
		boolean clip = !Double.isNaN(rangeMin);
		for (int i = 0; i < values.length; i++) {
			int bin = digitize(edges, values[i]);
			if (clip) bin = Math.max(1, Math.min(binCount, bin));
			out[i] = bin;
		}
		return out;
	}

	/**
	 * numpy.digitize with right=False: the number of edges less than or equal to v. Plain {@code <=} comparisons, not
	 * {@link java.util.Arrays#binarySearch(double[], double)}, whose total order puts -0.0 below an edge at 0.0.
	 */
	static int digitize(double[] edges, double v) {
		int lo = 0, hi = edges.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (edges[mid] <= v) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
