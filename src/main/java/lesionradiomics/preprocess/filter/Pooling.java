package lesionradiomics.preprocess.filter;

import java.util.Locale;

/** How the responses of rotated (or re-oriented) filters are combined voxel by voxel (IBSI 2, section 2.4). */
public enum Pooling {
	MAX, AVERAGE;

	/**
	 * Pools maps as they are made, so that only the running result is kept (24 rotated 3D responses would otherwise
	 * all be alive at once: 24 × 57 MB on a 1 mm CT grid).
	 */
	final class Running {
		private double[] out;
		private int count;

		/**
		 * Adds {@code map} {@code times} times (a response shared by several orientations counts for each); the map
		 * belongs to the pool afterwards (the first one becomes the result, without a copy).
		 */
		void add(double[] map, int times) {
			for (int t = 0; t < times; t++) {
				if (out == null) out = map;
				else if (Pooling.this == MAX) for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], map[i]);
				else for (int i = 0; i < out.length; i++) out[i] += map[i];
				count++;
			}
		}

		double[] result() {
			if (Pooling.this == AVERAGE && count > 1) for (int i = 0; i < out.length; i++) out[i] /= count;
			return out;
		}
	}

	Running running() {
		return new Running();
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
