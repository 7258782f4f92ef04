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
	 * Shows each numeric column readably: whole numbers (labels, counts) as integers; p-values, statistics and columns
	 * that mix counts with fractions (a long table's "value") value by value, in significant-digit notation (19,
	 * 0.003, 1.200E-7: ImageJ's automatic format); ordinary values with 4 decimals, very large ones in scientific
	 * notation — instead of one precision for the whole table (which shows a count of 19 as 1.9000E1).
	 */
	public static ResultsTable withColumnDecimals(ResultsTable rt) {
		for (int c = 0; c <= rt.getLastColumn(); c++) {
			if (!rt.columnExists(c)) continue;
			double[] v = rt.getColumnAsDoubles(c);
			if (v == null) continue;
			boolean integers = true, someWhole = false;
			double max = 0, minNonZero = Double.POSITIVE_INFINITY;
			for (double x : v) {
				if (Double.isNaN(x)) continue;
				if (x != Math.rint(x) || Math.abs(x) > 1e15) integers = false;
				else if (x != 0) someWhole = true;
				max = Math.max(max, Math.abs(x));
				if (x != 0) minNonZero = Math.min(minNonZero, Math.abs(x));
			}
			boolean byValue = !integers && (someWhole || minNonZero < 1e-3 || isStatistic(rt.getColumnHeading(c)));
			rt.setDecimalPlaces(c, integers ? 0 : byValue ? ResultsTable.AUTO_FORMAT : max >= 1e6 ? -4 : 4);
			// ImageJ's automatic format has 3 decimals: a p of 0.0012 would read 0.001; two significant digits instead
			if (byValue) for (int r = 0; r < v.length; r++) if (Math.abs(v[r]) >= 1e-3 && Math.abs(v[r]) < 1e-2) rt.setValue(rt.getColumnHeading(c), r, significant(v[r]));
		}
		return rt;
	}

	/** Two significant digits, plain: 0.0012, 0.0095. */
	static String significant(double x) {
		return new java.math.BigDecimal(x).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
	}

	/** Column names of p-values and test statistics (p, p_value, q, log_rank_p, ...). */
	static boolean isStatistic(String heading) {
		String h = heading.toLowerCase(java.util.Locale.ROOT);
		return h.equals("p") || h.equals("q") || h.startsWith("p_") || h.endsWith("_p") || h.contains("p_value") || h.contains("pvalue");
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
