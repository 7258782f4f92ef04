package lesionradiomics.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lesion features of one or more patients: one row per lesion (patient, label, site and the feature values in column
 * order), plus the lesions that could not be computed and why. Immutable.
 */
public final class FeatureTable {

	/** One lesion's row. */
	public static final class Row {
		private final String patient;
		private final long label;
		private final String site;
		private final LesionFeatures features;
		private final Map<String, String> annotations;

		public Row(String patient, long label, String site, LesionFeatures features) {
			this(patient, label, site, Map.of(), features);
		}

		/** @param annotations further columns of the lesion table, kept beside the features */
		public Row(String patient, long label, String site, Map<String, String> annotations, LesionFeatures features) {
			this.patient = patient;
			this.label = label;
			this.site = site;
			this.annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
			this.features = features;
		}

		/** Further lesion-table columns, in table order. */
		public Map<String, String> annotations() { return annotations; }

		public String patient() { return patient; }
		public long label() { return label; }
		public String site() { return site; }
		public LesionFeatures features() { return features; }
	}

	private final List<String> columns;
	private final List<Row> rows;

	public FeatureTable(List<String> columns, List<Row> rows) {
		this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
		this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
	}

	/** Names of the lesion-table columns kept beside the features (union over rows, in order of appearance). */
	public List<String> annotationColumns() {
		java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
		for (Row r : rows) out.addAll(r.annotations().keySet());
		return List.copyOf(out);
	}

	/** Feature column names, in output order. */
	public List<String> columns() { return columns; }
	/** All rows, computed or not. */
	public List<Row> rows() { return rows; }

	public List<Row> computed() {
		List<Row> out = new ArrayList<>();
		for (Row r : rows) if (r.features().ok()) out.add(r);
		return out;
	}

	public List<Row> failed() {
		List<Row> out = new ArrayList<>();
		for (Row r : rows) if (!r.features().ok()) out.add(r);
		return out;
	}

	/** Rows of several tables with the same columns, in order. */
	public static FeatureTable concat(List<FeatureTable> tables) {
		if (tables.isEmpty()) return new FeatureTable(List.of(), List.of());
		List<Row> rows = new ArrayList<>();
		for (FeatureTable t : tables) {
			if (!t.columns.equals(tables.get(0).columns)) throw new IllegalArgumentException("tables have different feature columns");
			rows.addAll(t.rows);
		}
		return new FeatureTable(tables.get(0).columns, rows);
	}
}
