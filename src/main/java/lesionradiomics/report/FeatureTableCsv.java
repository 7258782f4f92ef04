package lesionradiomics.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lesionradiomics.features.FeatureTable;
import lesionradiomics.io.Csv;

/**
 * Writes lesion features as CSV: {@code patient,label,site} then the feature columns (pyradiomics' names), one row per
 * computed lesion; values with full double precision ({@link Double#toString}), so R and pandas read back the same
 * numbers. Lesions that failed go to a separate table with their reason.
 */
public final class FeatureTableCsv {

	private FeatureTableCsv() {}

	public static List<List<String>> rows(FeatureTable table) {
		List<List<String>> out = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("patient", "label", "site"));
		header.addAll(table.columns());
		out.add(header);
		for (FeatureTable.Row r : table.computed()) {
			List<String> row = new ArrayList<>(List.of(r.patient(), Long.toString(r.label()), r.site()));
			for (String c : table.columns()) row.add(format(r.features().get(c)));
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

	/** patient,label,site,voxels,reason for every lesion that could not be computed. */
	public static List<List<String>> failureRows(FeatureTable table) {
		List<List<String>> out = new ArrayList<>();
		out.add(List.of("patient", "label", "site", "voxels", "reason"));
		for (FeatureTable.Row r : table.failed())
			out.add(List.of(r.patient(), Long.toString(r.label()), r.site(), Long.toString(r.features().voxelCount()), r.features().error().orElse("")));
		return out;
	}
}
