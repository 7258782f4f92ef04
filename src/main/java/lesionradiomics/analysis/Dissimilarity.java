package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How different a patient's lesions are: features scaled once on the whole analysed set (min–max to [0, 1] by
 * default, so the indexes lie in [0, 1]; z-score or none as options), cosine distance between lesions,
 * d(i, j) = 1 − x_i·x_j / (|x_i||x_j|), maximal tumoral divergence MTD = max d and average tumoral heterogeneity
 * ATH = mean d over the n(n − 1)/2 pairs. A feature constant over the set scales to 0; lesions with a missing value
 * or an all-zero scaled vector are left out with the reason.
 */
public final class Dissimilarity {

	public enum Scaling { MINMAX, ZSCORE, NONE;
		public static Scaling parse(String s) {
			String t = s.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
			for (Scaling v : values()) if (v.name().equals(t)) return v;
			throw new IllegalArgumentException("unknown scaling '" + s + "' (use minmax, zscore or none)");
		}
	}

	/** A scaling fitted on a set of lesions, to be applied to any subset. */
	public static final class Scaler {
		private final Scaling scaling;
		private final double[] offset;
		private final double[] scale;

		/** Fits on the rows of {@code m} without missing values. */
		public Scaler(FeatureMatrix m, Scaling scaling) {
			this(rows(m), scaling);
		}

		private static double[][] rows(FeatureMatrix m) {
			double[][] rows = new double[m.rows()][];
			for (int r = 0; r < rows.length; r++) rows[r] = m.row(r);
			return rows;
		}

		/** Fits on {@code rows} (row × column; NaN values are left out of each column's fit). */
		public Scaler(double[][] rows, Scaling scaling) {
			this.scaling = scaling;
			int k = rows.length == 0 ? 0 : rows[0].length;
			offset = new double[k];
			scale = new double[k];
			for (int c = 0; c < k; c++) {
				double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sq = 0;
				int n = 0;
				for (double[] row : rows) {
					double v = row[c];
					if (Double.isNaN(v)) continue;
					min = Math.min(min, v);
					max = Math.max(max, v);
					sum += v;
					n++;
				}
				double mean = n == 0 ? 0 : sum / n;
				for (double[] row : rows) {
					double v = row[c];
					if (!Double.isNaN(v)) sq += (v - mean) * (v - mean);
				}
				double sd = n < 2 ? 0 : Math.sqrt(sq / (n - 1));
				switch (scaling) {
				case MINMAX: offset[c] = n == 0 ? 0 : min; scale[c] = max > min ? max - min : 0; break;
				case ZSCORE: offset[c] = mean; scale[c] = sd; break;
				default: offset[c] = 0; scale[c] = 1;
				}
			}
		}

		/** The scaled row; a feature constant over the fitted set scales to 0. */
		public double[] apply(double[] row) {
			double[] out = new double[row.length];
			for (int c = 0; c < row.length; c++) out[c] = scale[c] == 0 ? (scaling == Scaling.NONE ? row[c] : 0) : (row[c] - offset[c]) / scale[c];
			return out;
		}

		public Scaling scaling() { return scaling; }
	}

	/** One patient's result. */
	public static final class Patient {
		public final String patient;
		public final List<FeatureMatrix.Lesion> lesions;
		/** Cosine distances between {@link #lesions}. */
		public final double[][] distance;
		public final double mtd;
		public final double ath;
		/** Why the indexes are undefined (null when defined). */
		public final String reason;
		public final List<String> excluded;
		/** Lesion indexes in dendrogram order, and cluster of each lesion (same order as {@link #lesions}). */
		public final int[] order;
		public final int[] cluster;
		/** The average-linkage clustering behind {@link #order} (null for fewer than one lesion), for dendrograms. */
		public final HierarchicalClustering tree;

		Patient(String patient, List<FeatureMatrix.Lesion> lesions, double[][] distance, double mtd, double ath, String reason, List<String> excluded,
				int[] order, int[] cluster, HierarchicalClustering tree) {
			this.patient = patient;
			this.lesions = Collections.unmodifiableList(lesions);
			this.distance = distance;
			this.mtd = mtd;
			this.ath = ath;
			this.reason = reason;
			this.excluded = Collections.unmodifiableList(excluded);
			this.order = order;
			this.cluster = cluster;
			this.tree = tree;
		}
	}

	private Dissimilarity() {}

	/** 1 − cosine similarity. */
	public static double cosineDistance(double[] a, double[] b) {
		double dot = 0, na = 0, nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

	/** MTD and ATH of a full distance matrix: {max, mean} over pairs i < j; NaN when fewer than 2 lesions. */
	public static double[] indexes(double[][] d) {
		return indexes(d, java.util.stream.IntStream.range(0, d.length).toArray());
	}

	/** MTD and ATH of the lesions {@code subset} of a distance matrix (same scaling as the whole set). */
	public static double[] indexes(double[][] d, int[] subset) {
		int n = subset.length;
		if (n < 2) return new double[] { Double.NaN, Double.NaN };
		double max = Double.NEGATIVE_INFINITY, sum = 0;
		for (int a = 0; a < n; a++) {
			double[] row = d[subset[a]];
			for (int b = a + 1; b < n; b++) {
				double v = row[subset[b]];
				if (v > max) max = v;
				sum += v;
			}
		}
		return new double[] { max, sum / (n * (n - 1) / 2.0) };
	}

	/**
	 * Every patient of {@code m}, scaled with {@code scaler} (fit it on the whole analysed set). Lesions are clustered
	 * (average linkage) and cut into as many clusters as the patient has sites (at most its lesion count).
	 */
	public static List<Patient> perPatient(FeatureMatrix m, Scaler scaler) {
		List<Patient> out = new ArrayList<>();
		for (java.util.Map.Entry<List<String>, List<Integer>> e : Variation.groups(m, false).entrySet()) {
			List<FeatureMatrix.Lesion> used = new ArrayList<>();
			List<double[]> vectors = new ArrayList<>();
			List<String> excluded = new ArrayList<>();
			for (int r : e.getValue()) {
				FeatureMatrix.Lesion l = m.lesions().get(r);
				double[] row = m.row(r);
				boolean missing = false;
				for (double v : row) missing |= Double.isNaN(v);
				if (missing) {
					excluded.add("label " + l.label() + ": missing feature value");
					continue;
				}
				double[] x = scaler.apply(row);
				double norm = 0;
				for (double v : x) norm += v * v;
				if (norm == 0) {
					excluded.add("label " + l.label() + ": every scaled feature is 0 (cosine distance undefined)");
					continue;
				}
				used.add(l);
				vectors.add(x);
			}
			int n = used.size();
			double[][] d = new double[n][n];
			for (int i = 0; i < n; i++)
				for (int j = i + 1; j < n; j++) d[i][j] = d[j][i] = Math.max(0, cosineDistance(vectors.get(i), vectors.get(j)));
			double[] idx = indexes(d);
			java.util.Set<String> sites = new java.util.HashSet<>();
			for (FeatureMatrix.Lesion l : used) sites.add(l.site());
			int[] order = new int[n], cluster = new int[n];
			HierarchicalClustering h = null;
			if (n >= 1) {
				h = new HierarchicalClustering(d);
				order = h.leafOrder();
				cluster = h.cutIntoClusters(Math.max(1, Math.min(n, sites.size())));
			}
			out.add(new Patient(e.getKey().get(0), used, d, idx[0], idx[1], n < 2 ? "fewer than 2 analysable lesions" : null, excluded, order, cluster, h));
		}
		return out;
	}
}
