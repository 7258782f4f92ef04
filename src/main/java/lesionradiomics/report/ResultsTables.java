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
		rt.setPrecision(-6);
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
		return rt;
	}

	/** One row per computed lesion: patient, label, site, then the feature columns. */
	public static ResultsTable features(FeatureTable table) {
		ResultsTable rt = new ResultsTable();
		rt.setPrecision(-8); // scientific notation with 8 digits keeps small and large features readable
		for (FeatureTable.Row r : table.computed()) {
			rt.incrementCounter();
			rt.addValue("patient", r.patient());
			rt.addValue("label", r.label());
			rt.addValue("site", r.site());
			for (String c : table.columns()) rt.addValue(c, r.features().get(c));
		}
		return rt;
	}
}
