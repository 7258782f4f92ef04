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

	/**
	 * Reads a lesion feature CSV (as written by {@code extract}: patient,label,site then feature columns) for analysis.
	 * Empty cells and "NaN" are missing values; anything else that is not a number is an error naming file, line and
	 * column. {@code selected}, when not null, restricts and orders the features (unknown names are an error).
	 */
	public static lesionradiomics.analysis.FeatureMatrix readMatrix(Path file, List<String> selected) throws IOException {
		List<List<String>> rows = Csv.read(file);
		if (rows.isEmpty()) throw new lesionradiomics.io.VolumeFormatException(file, "empty feature table");
		List<String> header = rows.get(0);
		if (header.size() < 4 || !header.get(0).equalsIgnoreCase("patient") || !header.get(1).equalsIgnoreCase("label")
				|| !header.get(2).equalsIgnoreCase("site"))
			throw new lesionradiomics.io.VolumeFormatException(file, "a feature table starts with the columns patient,label,site and has features after them; header is "
					+ header.subList(0, Math.min(4, header.size())) + "...");
		List<String> features = header.subList(3, header.size());
		List<lesionradiomics.analysis.FeatureMatrix.Lesion> lesions = new ArrayList<>();
		double[][] v = new double[rows.size() - 1][features.size()];
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.size() != header.size())
				throw new lesionradiomics.io.VolumeFormatException(file, "line " + (r + 1) + " has " + row.size() + " fields, the header " + header.size());
			long label;
			try {
				label = Long.parseLong(row.get(1).trim());
			} catch (NumberFormatException e) {
				throw new lesionradiomics.io.VolumeFormatException(file, "line " + (r + 1) + ": label '" + row.get(1) + "' is not an integer");
			}
			lesions.add(new lesionradiomics.analysis.FeatureMatrix.Lesion(row.get(0).trim(), label, row.get(2).trim()));
			for (int c = 0; c < features.size(); c++) {
				String cell = row.get(c + 3).trim();
				try {
					v[r - 1][c] = cell.isEmpty() || cell.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(cell);
				} catch (NumberFormatException e) {
					throw new lesionradiomics.io.VolumeFormatException(file, "line " + (r + 1) + ", column " + features.get(c) + ": '" + cell + "' is not a number");
				}
			}
		}
		lesionradiomics.analysis.FeatureMatrix m = new lesionradiomics.analysis.FeatureMatrix(lesions, features, v);
		try {
			return selected == null ? m : m.select(selected);
		} catch (IllegalArgumentException e) {
			throw new lesionradiomics.io.VolumeFormatException(file, e.getMessage());
		}
	}

	/** A list of feature names, one per line (first CSV column), as written by {@code select}. */
	public static List<String> readList(Path file) throws IOException {
		List<String> out = new ArrayList<>();
		for (List<String> row : Csv.read(file)) if (!row.isEmpty() && !row.get(0).isBlank() && !row.get(0).startsWith("#")) out.add(row.get(0).trim());
		if (out.isEmpty()) throw new lesionradiomics.io.VolumeFormatException(file, "the feature list is empty");
		return out;
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
