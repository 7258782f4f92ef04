package lesionradiomics.preprocess;

/**
 * IBSI 1 discretisation (reference manual 2.7): fixed bin size w counted from a lower bound (the re-segmentation
 * range's lower bound when there is one, else the intensity mask's minimum), bin = ⌊(x − lower) / w⌋ + 1; or fixed
 * bin number n over the intensity mask's [min, max], bin = ⌊n (x − min) / (max − min)⌋ + 1, the maximum in bin n;
 * or none (intensities already grey levels 1, 2, …, as in the digital phantom). pyradiomics' bin edges start at
 * ⌊min / w⌋·w instead ({@link Discretizer}).
 */
public record IbsiDiscretisation(Kind kind, double value) {

	public enum Kind { NONE, FIXED_BIN_SIZE, FIXED_BIN_NUMBER }

	public static IbsiDiscretisation none() { return new IbsiDiscretisation(Kind.NONE, 0); }
	public static IbsiDiscretisation binSize(double w) { return new IbsiDiscretisation(Kind.FIXED_BIN_SIZE, w); }
	public static IbsiDiscretisation binNumber(int n) { return new IbsiDiscretisation(Kind.FIXED_BIN_NUMBER, n); }

	public IbsiDiscretisation {
		if (kind != Kind.NONE && !(value > 0 && Double.isFinite(value)))
			throw new IllegalArgumentException("IBSI discretisation: " + kind + " needs a positive value, got " + value);
		if (kind == Kind.FIXED_BIN_NUMBER && value != Math.rint(value)) throw new IllegalArgumentException("IBSI fixed bin number must be whole: " + value);
	}

	/** "FBS 25", "FBN 32" or "none" (as the IBSI tables write them). */
	public static IbsiDiscretisation parse(String text) {
		String t = text.trim();
		if (t.equalsIgnoreCase("none")) return none();
		String[] p = t.split("\\s+");
		if (p.length == 2 && p[0].equalsIgnoreCase("FBS")) return binSize(Double.parseDouble(p[1]));
		if (p.length == 2 && p[0].equalsIgnoreCase("FBN")) return binNumber(Integer.parseInt(p[1]));
		throw new IllegalArgumentException("IBSI discretisation '" + text + "': expected 'FBS <width>', 'FBN <bins>' or 'none'");
	}

	@Override
	public String toString() {
		return kind == Kind.NONE ? "none" : (kind == Kind.FIXED_BIN_SIZE ? "FBS " : "FBN ") + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
	}

	/** The binning of given intensities: grey level per value and Ng. */
	public record Binned(int[] levels, int ng, double lower) {}

	/**
	 * @param values intensities of the intensity mask
	 * @param lower  the re-segmentation range's lower bound (NaN: none)
	 * @param upper  its upper bound (NaN: none); with a fixed bin size Ng = ⌈(upper − lower) / w⌉ (the
	 *               normalised inverse differences depend on it)
	 */
	public Binned apply(double[] values, double lower, double upper) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		int[] out = new int[values.length];
		int top = 0;
		switch (kind) {
		case NONE:
			for (int i = 0; i < values.length; i++) {
				if (values[i] < 1 || values[i] != Math.rint(values[i]))
					throw new IllegalArgumentException("discretisation 'none' needs whole grey levels >= 1, got " + values[i]);
				out[i] = (int) values[i];
				top = Math.max(top, out[i]);
			}
			return new Binned(out, top, 1);
		case FIXED_BIN_SIZE: {
			double lo = Double.isNaN(lower) ? min : lower;
			for (int i = 0; i < values.length; i++) {
				out[i] = (int) Math.floor((values[i] - lo) / value) + 1;
				top = Math.max(top, out[i]);
			}
			// Ng spans the range: ⌈(upper − lower) / w⌉ bins (an intensity exactly at the upper bound opens one more)
			int ng = Double.isNaN(upper) ? top : Math.max(top, (int) Math.ceil((upper - lo) / value - 1e-9));
			return new Binned(out, ng, lo);
		}
		default: {
			int n = (int) value;
			for (int i = 0; i < values.length; i++)
				out[i] = max == min ? 1 : Math.min(n, (int) Math.floor(n * (values[i] - min) / (max - min)) + 1);
			return new Binned(out, n, min);
		}
		}
	}
}
