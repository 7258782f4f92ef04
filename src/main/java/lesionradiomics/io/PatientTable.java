package lesionradiomics.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-patient table: a {@code patient} column and any others (a clinical table, patient metrics or aggregates,
 * heterogeneity indexes, covariates such as kvp). A patient listed twice or a short line is an error naming the line.
 */
public final class PatientTable {

	private PatientTable() {}

	/** Reads {@code file}: patient → column → value (text as written, trimmed), in file order. */
	public static Map<String, Map<String, String>> read(Path file) throws IOException {
		List<List<String>> rows = Csv.read(file);
		int p = rows.isEmpty() ? -1 : rows.get(0).stream().map(String::trim).toList().indexOf("patient");
		if (p < 0) throw new VolumeFormatException(file, "a patient table needs a patient column; header is " + (rows.isEmpty() ? "empty" : rows.get(0)));
		List<String> header = rows.get(0).stream().map(String::trim).toList();
		Map<String, Map<String, String>> out = new LinkedHashMap<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.size() != header.size())
				throw new VolumeFormatException(file, "line " + (r + 1) + " has " + row.size() + " fields, the header " + header.size());
			String patient = row.get(p).trim();
			if (out.containsKey(patient)) throw new VolumeFormatException(file, "line " + (r + 1) + ": patient " + patient + " is listed twice");
			Map<String, String> values = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) if (c != p) values.put(header.get(c), row.get(c).trim());
			out.put(patient, values);
		}
		return out;
	}

}
