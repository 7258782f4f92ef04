package lesionradiomics.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cohort table: one row per patient with {@code patient,image,labels} and optionally {@code lesions} (that
 * patient's lesion table, or a cohort-wide one with a patient column) and {@code group}. Relative paths are resolved
 * against the table's folder. For DICOM, {@code image} may be a patient or study folder and {@code labels} blank (or
 * the column absent): the series and its structure set/SEG are found inside ({@code series} and {@code roi} columns
 * choose, as the CLI's options do).
 */
public final class CohortTable {

	/** One patient's files. */
	public static final class Patient {
		private final String id;
		private final Path image;
		private final Path labels;
		private final Path lesions;
		private final String group;
		private final Map<String, String> columns;

		public Patient(String id, Path image, Path labels, Path lesions, String group) {
			this(id, image, labels, lesions, group, Map.of());
		}

		/** @param columns the patient's further columns (group, covariates such as kvp), by header name */
		public Patient(String id, Path image, Path labels, Path lesions, String group, Map<String, String> columns) {
			this.id = id;
			this.image = image;
			this.labels = labels;
			this.lesions = lesions;
			this.group = group;
			this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
		}

		public String id() { return id; }
		public Path image() { return image; }
		public Path labels() { return labels; }
		/** May be null: every label is a lesion. */
		public Path lesions() { return lesions; }
		/** May be empty. */
		public String group() { return group; }
		/** Every column besides patient, image, labels and lesions (e.g. group, kvp), by header name. */
		public Map<String, String> columns() { return columns; }
	}

	private final Path source;
	private final List<Patient> patients;

	private CohortTable(Path source, List<Patient> patients) {
		this.source = source;
		this.patients = Collections.unmodifiableList(patients);
	}

	public Path source() { return source; }
	public List<Patient> patients() { return patients; }

	public static CohortTable read(Path file) throws IOException {
		List<List<String>> rows = Csv.read(file);
		if (rows.isEmpty()) throw new VolumeFormatException(file, "cohort table is empty (expected a header 'patient,image,labels[,lesions][,group]')");
		Map<String, Integer> col = new LinkedHashMap<>();
		for (int i = 0; i < rows.get(0).size(); i++) col.put(rows.get(0).get(i).trim().toLowerCase(Locale.ROOT), i);
		for (String required : List.of("patient", "image"))
			if (!col.containsKey(required))
				throw new VolumeFormatException(file, "cohort table needs the columns patient, image and labels (labels may be left out for DICOM folders); its header is " + rows.get(0));
		Path dir = file.toAbsolutePath().getParent();
		List<Patient> out = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.size() < rows.get(0).size())
				throw new VolumeFormatException(file, "line " + (r + 1) + " has " + row.size() + " fields, the header has " + rows.get(0).size());
			String id = row.get(col.get("patient")).trim();
			if (id.isEmpty()) throw new VolumeFormatException(file, "line " + (r + 1) + ": empty patient");
			if (seen.contains(id)) throw new VolumeFormatException(file, "line " + (r + 1) + ": patient " + id + " is listed twice");
			seen.add(id);
			String lesions = col.containsKey("lesions") ? row.get(col.get("lesions")).trim() : "";
			String group = col.containsKey("group") ? row.get(col.get("group")).trim() : "";
			Map<String, String> columns = new LinkedHashMap<>();
			for (int c = 0; c < rows.get(0).size(); c++) {
				String name = rows.get(0).get(c).trim();
				if (!List.of("patient", "image", "labels", "lesions").contains(name.toLowerCase(Locale.ROOT))) columns.put(name, row.get(c).trim());
			}
			Path image = dir.resolve(row.get(col.get("image")).trim());
			String labels = col.containsKey("labels") ? row.get(col.get("labels")).trim() : "";
			out.add(new Patient(id, image, labels.isEmpty() ? image : dir.resolve(labels),
					lesions.isEmpty() ? null : dir.resolve(lesions), group, columns));
		}
		if (out.isEmpty()) throw new VolumeFormatException(file, "cohort table lists no patient");
		return new CohortTable(file, out);
	}

	/** A one-patient cohort (the single image + label map case of the commands). */
	public static CohortTable single(String patient, Path image, Path labels, Path lesions) {
		return new CohortTable(null, List.of(new Patient(patient, image, labels, lesions, "")));
	}
}
