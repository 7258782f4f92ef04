package lesionradiomics.preprocess.filter;

import java.util.List;
import java.util.Locale;

/** How the responses of rotated (or re-oriented) filters are combined voxel by voxel (IBSI 2, section 2.4). */
public enum Pooling {
	MAX, AVERAGE;

	/** Pooled response of {@code maps} (all the same length). */
	double[] pool(List<double[]> maps) {
		double[] out = maps.get(0).clone();
		for (int m = 1; m < maps.size(); m++) {
			double[] x = maps.get(m);
			if (this == MAX) for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], x[i]);
			else for (int i = 0; i < out.length; i++) out[i] += x[i];
		}
		if (this == AVERAGE) for (int i = 0; i < out.length; i++) out[i] /= maps.size();
		return out;
	}

	public String specName() {
		return this == MAX ? "max" : "average";
	}

	public static Pooling parse(String text) {
		switch (text.trim().toLowerCase(Locale.ROOT)) {
		case "max": return MAX;
		case "average": case "mean": return AVERAGE;
		default: throw new IllegalArgumentException("unknown pooling '" + text.trim() + "' (max or average)");
		}
	}
}
