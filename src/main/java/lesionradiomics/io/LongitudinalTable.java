package lesionradiomics.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A longitudinal cohort table: {@code patient,timepoint,image,labels[,lesions]}, one row per patient and time point
 * (names free, ordered as listed, e.g. E0, E1). Paths are relative to the table. {@code labels} may be left out (or
 * empty) when {@code image} is a DICOM folder holding the scan's RTSTRUCT/SEG, as in a cohort table. Each patient needs at least two
 * time points; a patient listed with the same time point twice is an error naming the line.
 */
public final class LongitudinalTable {

	/** One scan of a patient. */
	public record Scan(String timepoint, Path image, Path labels, Path lesions) {}

	private LongitudinalTable() {}

	/** Patient → scans in the table's order. */
	public static Map<String, List<Scan>> read(Path file) throws IOException {
		List<List<String>> rows = Csv.read(file);
		if (rows.isEmpty()) throw new VolumeFormatException(file, "empty table (expected patient,timepoint,image,labels[,lesions])");
		List<String> h = rows.get(0).stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
		for (String c : List.of("patient", "timepoint", "image"))
			if (!h.contains(c))
				throw new VolumeFormatException(file, "a longitudinal table needs the columns patient, timepoint, image and labels (labels may be left out for DICOM folders); header is "
						+ rows.get(0));
		Path dir = file.toAbsolutePath().getParent();
		Map<String, List<Scan>> out = new LinkedHashMap<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.size() < h.size()) throw new VolumeFormatException(file, "line " + (r + 1) + " has " + row.size() + " fields, the header " + h.size());
			String patient = row.get(h.indexOf("patient")).trim(), tp = row.get(h.indexOf("timepoint")).trim();
			if (patient.isEmpty() || tp.isEmpty()) throw new VolumeFormatException(file, "line " + (r + 1) + ": empty patient or timepoint");
			List<Scan> scans = out.computeIfAbsent(patient, k -> new ArrayList<>());
			if (scans.stream().anyMatch(s -> s.timepoint().equals(tp)))
				throw new VolumeFormatException(file, "line " + (r + 1) + ": patient " + patient + " has time point " + tp + " twice");
			String lesions = h.contains("lesions") ? row.get(h.indexOf("lesions")).trim() : "";
			String labels = h.contains("labels") ? row.get(h.indexOf("labels")).trim() : "";
			Path image = dir.resolve(row.get(h.indexOf("image")).trim());
			scans.add(new Scan(tp, image, labels.isEmpty() ? image : dir.resolve(labels), lesions.isEmpty() ? null : dir.resolve(lesions)));
		}
		if (out.isEmpty()) throw new VolumeFormatException(file, "the table has a header but no patient rows");
		for (Map.Entry<String, List<Scan>> e : out.entrySet())
			if (e.getValue().size() < 2)
				throw new VolumeFormatException(file, "patient " + e.getKey() + " has one time point (" + e.getValue().get(0).timepoint() + "): two are needed");
		return out;
	}
}
