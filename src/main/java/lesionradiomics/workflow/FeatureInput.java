package lesionradiomics.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.features.FeatureRegistry;
import lesionradiomics.io.Csv;
import lesionradiomics.io.VolumeFormatException;

/**
 * A lesion feature CSV (as {@code extract} writes it: patient,label,site, any lesion-table columns, then the feature
 * columns) and an optional list of selected features, as the analyses take them.
 *
 * @param full     every feature of the table (lesion sizes for RECIST come from here)
 * @param analysed the features to analyse: the selected ones, or all
 */
public record FeatureInput(FeatureMatrix full, FeatureMatrix analysed) {

	/** Reads {@code features}, restricted to the names listed in {@code selected} when not null. */
	public static FeatureInput read(Path features, Path selected) throws IOException {
		FeatureMatrix full = readMatrix(features);
		if (full.rows() == 0) throw new VolumeFormatException(features, "the feature table has a header but no lesion rows");
		if (selected == null) return new FeatureInput(full, full);
		try {
			return new FeatureInput(full, full.select(FeatureNames.resolveAll(readList(selected), full.features(), selected.getFileName().toString())));
		} catch (IllegalArgumentException e) {
			throw new VolumeFormatException(features, e.getMessage() + " (listed in " + selected + ")");
		}
	}

	/**
	 * True for a feature column name: {@code <image type>_<class>_<Feature>} with one of pyradiomics' classes, with an
	 * optional VOI prefix ({@code ring_original_glcm_Idmn}). Other columns are lesion annotations.
	 */
	public static boolean isFeatureColumn(String name) {
		for (String c : FeatureRegistry.classNames()) {
			int i = name.indexOf("_" + c + "_");
			if (i > 0 && i + c.length() + 2 < name.length()) return true;
		}
		return false;
	}

	/**
	 * Reads a lesion feature CSV for analysis. Columns named like features are features, the others lesion annotations;
	 * when no column is named like a feature (a table made by hand), every column after site is one. Empty cells and "NaN" are missing values; anything else in a feature
	 * column that is not a number is an error naming file, line and column.
	 */
	public static FeatureMatrix readMatrix(Path file) throws IOException {
		List<List<String>> rows = Csv.read(file);
		if (rows.isEmpty()) throw new VolumeFormatException(file, "empty feature table");
		List<String> header = rows.get(0);
		// response's delta_features.csv names the lesion column "lesion" (its label, or a lesion_id): the same place
		if (header.size() < 4 || !header.get(0).equalsIgnoreCase("patient")
				|| !(header.get(1).equalsIgnoreCase("label") || header.get(1).equalsIgnoreCase("lesion")) || !header.get(2).equalsIgnoreCase("site"))
			throw new VolumeFormatException(file, "a feature table starts with the columns patient,label (or lesion),site and has features after them; header is "
					+ header.subList(0, Math.min(4, header.size())) + "...");
		List<Integer> featureColumns = new ArrayList<>(), annotationColumns = new ArrayList<>();
		for (int c = 3; c < header.size(); c++) (isFeatureColumn(header.get(c)) ? featureColumns : annotationColumns).add(c);
		if (featureColumns.isEmpty()) { // a table made by hand: every column after site is a feature
			featureColumns.addAll(annotationColumns);
			annotationColumns.clear();
		}
		List<String> features = new ArrayList<>();
		for (int c : featureColumns) features.add(header.get(c));
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
		Map<String, Integer> lineOf = new java.util.HashMap<>(); // (patient, label) → first line: a lesion is one row
		double[][] v = new double[rows.size() - 1][features.size()];
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.size() != header.size())
				throw new VolumeFormatException(file, "line " + (r + 1) + " has " + row.size() + " fields, the header " + header.size());
			long label;
			try {
				label = Long.parseLong(row.get(1).trim());
			} catch (NumberFormatException e) {
				throw new VolumeFormatException(file, "line " + (r + 1) + ": " + header.get(1).toLowerCase(java.util.Locale.ROOT) + " '" + row.get(1) + "' is not an integer label");
			}
			Integer first = lineOf.putIfAbsent(row.get(0).trim() + "\u0000" + label, r + 1);
			if (first != null)
				throw new VolumeFormatException(file, "lines " + first + " and " + (r + 1) + ": patient " + row.get(0).trim() + ", label " + label
						+ " appear twice; each lesion must be one row (lesion counts and aggregates would be wrong)");
			Map<String, String> annotations = new LinkedHashMap<>();
			for (int c : annotationColumns) annotations.put(header.get(c), row.get(c).trim());
			lesions.add(new FeatureMatrix.Lesion(row.get(0).trim(), label, row.get(2).trim(), annotations));
			for (int k = 0; k < featureColumns.size(); k++) {
				String cell = row.get(featureColumns.get(k)).trim();
				try {
					v[r - 1][k] = cell.isEmpty() || cell.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(cell);
				} catch (NumberFormatException e) {
					throw new VolumeFormatException(file, "line " + (r + 1) + ", column " + features.get(k) + ": '" + cell + "' is not a number");
				}
			}
		}
		return new FeatureMatrix(lesions, features, v);
	}

	/** A list of feature names, one per line (first CSV column), as written by {@code select}. */
	public static List<String> readList(Path file) throws IOException {
		List<String> out = new ArrayList<>();
		for (List<String> row : Csv.read(file)) if (!row.isEmpty() && !row.get(0).isBlank() && !row.get(0).startsWith("#")) out.add(row.get(0).trim());
		if (out.isEmpty()) throw new VolumeFormatException(file, "the feature list is empty");
		return out;
	}
}
