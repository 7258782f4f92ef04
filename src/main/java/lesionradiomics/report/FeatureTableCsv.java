package lesionradiomics.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.features.FeatureTable;
import lesionradiomics.io.Csv;

/**
 * Writes lesion features as CSV: {@code patient,label,site}, the lesion table's further columns, then the feature
 * columns (pyradiomics' names), one row per computed lesion; values with full double precision
 * ({@link Double#toString}), so R and pandas read back the same numbers. Lesions that failed go to a separate table
 * with their reason.
 */
public final class FeatureTableCsv {

	private FeatureTableCsv() {}

	public static List<List<String>> rows(FeatureTable table) {
		List<List<String>> out = new ArrayList<>();
		List<String> annotations = table.annotationColumns();
		List<String> header = new ArrayList<>(List.of("patient", "label", "site"));
		header.addAll(annotations);
		header.addAll(table.columns());
		out.add(header);
		for (FeatureTable.Row r : table.computed()) {
			List<String> row = new ArrayList<>(List.of(r.patient(), Long.toString(r.label()), r.site()));
			for (String a : annotations) row.add(r.annotations().getOrDefault(a, ""));
			for (String c : table.columns()) row.add(format(r.features().get(c)));
			out.add(row);
		}
		return out;
	}

	/** The same layout from a feature matrix (lesion annotations kept). */
	public static List<List<String>> rows(FeatureMatrix m) {
		java.util.LinkedHashSet<String> annotations = new java.util.LinkedHashSet<>();
		for (FeatureMatrix.Lesion l : m.lesions()) annotations.addAll(l.annotations().keySet());
		List<List<String>> out = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("patient", "label", "site"));
		header.addAll(annotations);
		header.addAll(m.features());
		out.add(header);
		for (int i = 0; i < m.rows(); i++) {
			FeatureMatrix.Lesion l = m.lesions().get(i);
			List<String> row = new ArrayList<>(List.of(l.patient(), Long.toString(l.label()), l.site()));
			for (String a : annotations) row.add(l.annotations().getOrDefault(a, ""));
			for (int c = 0; c < m.columns(); c++) row.add(format(m.get(i, c)));
			out.add(row);
		}
		return out;
	}

	public static String format(double v) {
		return Double.isNaN(v) ? "NaN" : Double.toString(v);
	}

	public static void write(FeatureTable table, Path file) throws IOException {
		Csv.writeAtomically(file, rows(table));
	}

	/**
	 * patient,label,site,voxels,reason for every lesion that could not be computed, and for every computed lesion with
	 * a note on how (e.g. NaN voxels excluded).
	 */
	public static List<List<String>> failureRows(FeatureTable table) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "label", "site", "voxels", "reason"));
		for (FeatureTable.Row r : table.rows())
			if (!r.features().ok() || r.features().note().isPresent())
				out.add(List.of(r.patient(), Long.toString(r.label()), r.site(), Long.toString(r.features().voxelCount()),
						r.features().error().orElse(r.features().note().orElse(""))));
		return out;
	}
}
