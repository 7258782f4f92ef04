package lesionradiomics.preprocess.filter;

import java.util.Locale;

/**
 * How a filter sees the image beyond its border (IBSI 2 reference manual, section 2.3): {@code zero} (constant 0),
 * {@code nearest} (the edge value repeated), {@code periodic} (the image wrapped around) and {@code mirror} (reflected
 * with the edge voxel repeated: ... c b a | a b c ... — scipy's "reflect", numpy's "symmetric").
 */
public enum Boundary {
	ZERO, NEAREST, PERIODIC, MIRROR;

	/** The index inside [0, n) that position {@code i} takes its value from, or −1 where the value is 0. */
	public int map(int i, int n) {
		if (i >= 0 && i < n) return i;
		switch (this) {
		case ZERO: return -1;
		case NEAREST: return i < 0 ? 0 : n - 1;
		case PERIODIC: return Math.floorMod(i, n);
		default: {
			// period 2n: a b c | c b a | a b c ...
			int m = Math.floorMod(i, 2 * n);
			return m < n ? m : 2 * n - 1 - m;
		}
		}
	}

	/** The name used in filter specs. */
	public String specName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** A boundary from its spec name (also scipy's names constant/edge/wrap/reflect, which users bring along). */
	public static Boundary parse(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		switch (t) {
		case "zero": case "constant": return ZERO;
		case "nearest": case "edge": return NEAREST;
		case "periodic": case "wrap": return PERIODIC;
		case "mirror": case "reflect": case "symmetric": return MIRROR;
		default: throw new IllegalArgumentException("unknown boundary '" + text.trim() + "' (zero, nearest, periodic or mirror)");
		}
	}
}
