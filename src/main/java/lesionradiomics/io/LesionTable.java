package lesionradiomics.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lesion table: one row per lesion joining a label of a label map to its patient and site (organ), with any extra
 * columns kept as they are. Columns {@code patient}, {@code label} and {@code site} are required (case-insensitive).
 */
public final class LesionTable {

	/** One lesion of the table. */
	public static final class Lesion {
		private final String patient;
		private final long label;
		private final String site;
		private final Map<String, String> extra;

		public Lesion(String patient, long label, String site, Map<String, String> extra) {
			this.patient = patient;
			this.label = label;
			this.site = site;
			this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
		}

		public String patient() { return patient; }
		public long label() { return label; }
		public String site() { return site; }
		public Map<String, String> extra() { return extra; }
	}

	private final Path source;
	private final List<Lesion> lesions;
	private final List<String> extraColumns;

	private LesionTable(Path source, List<Lesion> lesions, List<String> extraColumns) {
		this.source = source;
		this.lesions = Collections.unmodifiableList(lesions);
		this.extraColumns = Collections.unmodifiableList(extraColumns);
	}

	public static LesionTable read(Path file) throws IOException {
		List<List<String>> rows = Csv.read(file);
		if (rows.isEmpty()) throw new VolumeFormatException(file, "lesion table is empty (expected a header 'patient,label,site')");
		List<String> header = rows.get(0);
		int patientCol = -1, labelCol = -1, siteCol = -1;
		List<String> extras = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i).trim().toLowerCase(Locale.ROOT);
			if (h.equals("patient")) patientCol = i;
			else if (h.equals("label")) labelCol = i;
			else if (h.equals("site")) siteCol = i;
			else extras.add(header.get(i).trim());
		}
		if (patientCol < 0 || labelCol < 0 || siteCol < 0)
			throw new VolumeFormatException(file, "lesion table needs the columns patient, label and site; its header is " + header);
		List<Lesion> lesions = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int idCol = -1; // a lesion id names one lesion of a patient (two time points are matched by it)
		for (int i = 0; i < header.size(); i++) if (header.get(i).trim().equalsIgnoreCase("lesion_id")) idCol = i;
		Map<String, Integer> idLines = new HashMap<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			int line = r + 1;
			if (row.size() < header.size())
				throw new VolumeFormatException(file, "line " + line + " has " + row.size() + " fields, the header has " + header.size());
			String patient = row.get(patientCol).trim();
			if (patient.isEmpty()) throw new VolumeFormatException(file, "line " + line + ": empty patient");
			long label;
			try {
				label = Long.parseLong(row.get(labelCol).trim());
			} catch (NumberFormatException e) {
				throw new VolumeFormatException(file, "line " + line + ": label '" + row.get(labelCol) + "' is not an integer");
			}
			if (label <= 0) throw new VolumeFormatException(file, "line " + line + ": label " + label + " must be positive (0 is background)");
			if (!seen.add(patient + "\u0000" + label))
				throw new VolumeFormatException(file, "line " + line + ": patient " + patient + " lists label " + label + " twice");
			if (idCol >= 0) {
				String id = row.get(idCol).trim();
				Integer first = idLines.putIfAbsent(patient + "\u0000" + id, line);
				if (first != null)
					throw new VolumeFormatException(file, "lines " + first + " and " + line + ": patient " + patient + " has lesion_id "
							+ (id.isEmpty() ? "(empty)" : id) + " twice; a lesion id must name one lesion");
			}
			Map<String, String> extra = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++)
				if (i != patientCol && i != labelCol && i != siteCol) extra.put(header.get(i).trim(), row.get(i).trim());
			lesions.add(new Lesion(patient, label, row.get(siteCol).trim(), extra));
		}
		return new LesionTable(file, lesions, extras);
	}

	public Optional<Path> source() { return Optional.ofNullable(source); }
	public List<Lesion> lesions() { return lesions; }
	public List<String> extraColumns() { return extraColumns; }

	public List<String> patients() {
		List<String> out = new ArrayList<>();
		for (Lesion l : lesions) if (!out.contains(l.patient())) out.add(l.patient());
		return out;
	}

	/** The lesions of one patient, in table order. */
	public LesionTable forPatient(String patient) {
		List<Lesion> out = new ArrayList<>();
		for (Lesion l : lesions) if (l.patient().equals(patient)) out.add(l);
		return new LesionTable(source, out, extraColumns);
	}

	public Optional<Lesion> find(long label) {
		for (Lesion l : lesions) if (l.label() == label) return Optional.of(l);
		return Optional.empty();
	}
}
