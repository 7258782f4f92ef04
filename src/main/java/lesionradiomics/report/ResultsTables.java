package lesionradiomics.report;

import ij.measure.ResultsTable;
import lesionradiomics.features.FeatureTable;

/** ImageJ ResultsTables built from core results; never the global "Results" table. */
public final class ResultsTables {

	private ResultsTables() {}

	/**
	 * A table from CSV-style rows (first row = header); cells that parse as numbers become numeric columns, so the
	 * ResultsTable sorts and plots them, others stay text.
	 */
	public static ResultsTable of(java.util.List<java.util.List<String>> rows) {
		ResultsTable rt = new ResultsTable();
		java.util.List<String> header = rows.get(0);
		for (java.util.List<String> row : rows.subList(1, rows.size())) {
			rt.incrementCounter();
			for (int c = 0; c < header.size(); c++) {
				String v = c < row.size() ? row.get(c) : "";
				try {
					rt.addValue(header.get(c), Double.parseDouble(v));
				} catch (NumberFormatException e) {
					rt.addValue(header.get(c), v);
				}
			}
		}
		return withColumnDecimals(rt);
	}

	/**
	 * Shows each numeric column readably: whole numbers (labels, counts) as integers, values of ordinary size with 4
	 * decimals, very small or large ones in scientific notation — instead of one precision for the whole table.
	 */
	public static ResultsTable withColumnDecimals(ResultsTable rt) {
		for (int c = 0; c <= rt.getLastColumn(); c++) {
			if (!rt.columnExists(c)) continue;
			double[] v = rt.getColumnAsDoubles(c);
			if (v == null) continue;
			boolean integers = true;
			double max = 0, minNonZero = Double.POSITIVE_INFINITY;
			for (double x : v) {
				if (Double.isNaN(x)) continue;
				if (x != Math.rint(x) || Math.abs(x) > 1e15) integers = false;
				max = Math.max(max, Math.abs(x));
				if (x != 0) minNonZero = Math.min(minNonZero, Math.abs(x));
			}
			rt.setDecimalPlaces(c, integers ? 0 : max >= 1e6 || minNonZero < 1e-3 ? -4 : 4);
		}
		return rt;
	}

	/** One row per computed lesion: patient, label, site, then the feature columns. */
	public static ResultsTable features(FeatureTable table) {
		ResultsTable rt = new ResultsTable();
		for (FeatureTable.Row r : table.computed()) {
			rt.incrementCounter();
			rt.addValue("patient", r.patient());
			rt.addValue("label", r.label());
			rt.addValue("site", r.site());
			for (String a : table.annotationColumns()) rt.addValue(a, r.annotations().getOrDefault(a, ""));
			for (String c : table.columns()) rt.addValue(c, r.features().get(c));
		}
		return withColumnDecimals(rt);
	}
}
