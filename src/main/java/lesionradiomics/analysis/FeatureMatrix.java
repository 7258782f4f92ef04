package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Feature values of a set of lesions: one row per lesion (patient, label, site), one column per feature. The analyses
 * work on this, never on images. Immutable.
 */
public final class FeatureMatrix {

	/** Which lesion a row is. */
	public static final class Lesion {
		private final String patient;
		private final long label;
		private final String site;
		private final java.util.Map<String, String> annotations;

		public Lesion(String patient, long label, String site) {
			this(patient, label, site, java.util.Map.of());
		}

		/** @param annotations further columns of the lesion table (e.g. a lesion id, a response), kept in outputs */
		public Lesion(String patient, long label, String site, java.util.Map<String, String> annotations) {
			this.patient = patient;
			this.label = label;
			this.site = site;
			this.annotations = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
		}

		public String patient() { return patient; }
		public long label() { return label; }
		public String site() { return site; }
		/** Further lesion-table columns, in table order. */
		public java.util.Map<String, String> annotations() { return annotations; }

		@Override
		public String toString() { return patient + "/" + label; }
	}

	private final List<Lesion> lesions;
	private final List<String> features;
	private final double[][] values;

	public FeatureMatrix(List<Lesion> lesions, List<String> features, double[][] values) {
		if (values.length != lesions.size()) throw new IllegalArgumentException("one row of values per lesion");
		for (double[] row : values)
			if (row.length != features.size()) throw new IllegalArgumentException("one value per feature in every row");
		this.lesions = Collections.unmodifiableList(new ArrayList<>(lesions));
		this.features = Collections.unmodifiableList(new ArrayList<>(features));
		this.values = new double[values.length][];
		for (int i = 0; i < values.length; i++) this.values[i] = values[i].clone();
	}

	public List<Lesion> lesions() { return lesions; }
	public List<String> features() { return features; }
	public int rows() { return lesions.size(); }
	public int columns() { return features.size(); }
	public double get(int row, int column) { return values[row][column]; }

	public double[] column(int c) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) out[i] = values[i][c];
		return out;
	}

	public double[] column(String feature) {
		int c = features.indexOf(feature);
		if (c < 0) throw new IllegalArgumentException("no feature '" + feature + "' in this table");
		return column(c);
	}

	public double[] row(int r) { return values[r].clone(); }

	/** The columns named, in the given order; unknown names are an error listing them. */
	public FeatureMatrix select(List<String> names) {
		List<String> missing = new ArrayList<>();
		for (String n : names) if (!features.contains(n)) missing.add(n);
		if (!missing.isEmpty()) throw new IllegalArgumentException("features not in the table: " + missing);
		double[][] v = new double[values.length][names.size()];
		for (int j = 0; j < names.size(); j++) {
			int c = features.indexOf(names.get(j));
			for (int i = 0; i < values.length; i++) v[i][j] = values[i][c];
		}
		return new FeatureMatrix(lesions, names, v);
	}

	/** The rows whose index is listed, in that order. */
	public FeatureMatrix rows(List<Integer> indices) {
		List<Lesion> l = new ArrayList<>();
		double[][] v = new double[indices.size()][];
		for (int k = 0; k < indices.size(); k++) {
			l.add(lesions.get(indices.get(k)));
			v[k] = values[indices.get(k)];
		}
		return new FeatureMatrix(l, features, v);
	}
}
