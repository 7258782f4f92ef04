package lesionradiomics.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import lesionradiomics.io.ImageData;

/**
 * The DICOM content of a folder (searched recursively) or of one file: image series by SeriesInstanceUID, structure
 * sets and segmentations; everything else (DICOMDIR, secondary captures without a position, structured reports,
 * non-DICOM files, unreadable files) is set aside with a note saying why.
 */
public final class DicomFolder {

	private final Path root;
	private final Map<String, List<DicomObject>> series = new LinkedHashMap<>();
	private final List<DicomObject> structureSets = new ArrayList<>();
	private final List<DicomObject> segmentations = new ArrayList<>();
	private final List<String> notes = new ArrayList<>();

	private DicomFolder(Path root) {
		this.root = root;
	}

	public Path root() { return root; }
	/** Image series: SeriesInstanceUID → its datasets. */
	public Map<String, List<DicomObject>> series() { return series; }
	public List<DicomObject> structureSets() { return structureSets; }
	public List<DicomObject> segmentations() { return segmentations; }
	/** Files set aside, each with the reason. */
	public List<String> notes() { return notes; }

	/** Reads every file under {@code path} (or the one file) and sorts them out. */
	public static DicomFolder scan(Path path) throws IOException {
		DicomFolder f = new DicomFolder(path);
		List<Path> files = new ArrayList<>();
		if (Files.isDirectory(path)) {
			try (Stream<Path> s = Files.walk(path)) {
				s.filter(Files::isRegularFile).sorted().forEach(files::add);
			}
		} else files.add(path);
		// files are parsed in parallel (reading is most of the cost), then sorted out in file-name order
		Object[] parsed = files.parallelStream().map(p -> {
			if (p.getFileName().toString().startsWith(".")) return null;
			try {
				DicomObject d = DicomParser.readIfDicom(p);
				return d != null ? d : p + ": not a DICOM file, skipped";
			} catch (IOException e) {
				return e;
			}
		}).toArray();
		for (Object o : parsed) {
			if (o == null) continue;
			if (o instanceof String note) f.notes.add(note);
			else if (o instanceof IOException e) {
				if (!Files.isDirectory(path)) throw e;
				f.notes.add(e.getMessage() + " — skipped");
			} else f.add((DicomObject) o);
		}
		return f;
	}

	private void add(DicomObject d) throws DicomFormatException {
		String sop = d.string(Tags.SOP_CLASS_UID, d.string(Tags.MEDIA_STORAGE_SOP_CLASS_UID, ""));
		String modality = d.string(Tags.MODALITY, "");
		Path p = d.file();
		if (sop.equals(Tags.DICOMDIR_CLASS) || d.contains(0x00041220)) {
			notes.add(p + ": a DICOMDIR (media directory), skipped; the files it lists are read directly");
		} else if (sop.equals(Tags.RTSTRUCT_CLASS) || modality.equals("RTSTRUCT")) {
			structureSets.add(d);
		} else if (sop.equals(Tags.SEG_CLASS) || modality.equals("SEG")) {
			segmentations.add(d);
		} else if (!d.contains(Tags.PIXEL_DATA)) {
			notes.add(p + ": " + (modality.isEmpty() ? "a DICOM object" : "a " + modality + " object") + " without pixel data (e.g. a structured report), skipped");
		} else if (!d.contains(Tags.IMAGE_POSITION) && d.sequence(Tags.PER_FRAME_FUNCTIONAL_GROUPS).isEmpty()) {
			notes.add(p + ": an image without ImagePositionPatient (secondary capture, screenshot or localiser?), skipped");
		} else {
			series.computeIfAbsent(d.string(Tags.SERIES_INSTANCE_UID, "(no series UID)"), k -> new ArrayList<>()).add(d);
		}
	}

	/** One line per image series, for messages that ask the user to choose. */
	public String describeSeries() {
		StringBuilder sb = new StringBuilder();
		for (Map.Entry<String, List<DicomObject>> e : series.entrySet()) {
			DicomObject d = e.getValue().get(0);
			if (sb.length() > 0) sb.append("; ");
			sb.append(e.getKey()).append(" (").append(d.string(Tags.MODALITY, "?")).append(", '").append(d.string(Tags.SERIES_DESCRIPTION, ""))
					.append("', ").append(e.getValue().size()).append(" files)");
		}
		return sb.toString();
	}

	/** Series UIDs a structure set or segmentation refers to. */
	static List<String> referencedSeries(DicomObject d) throws DicomFormatException {
		List<String> out = new ArrayList<>();
		for (DicomObject f : d.sequence(Tags.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE))
			for (DicomObject st : f.sequence(Tags.RT_REFERENCED_STUDY_SEQUENCE))
				for (DicomObject se : st.sequence(Tags.RT_REFERENCED_SERIES_SEQUENCE)) out.add(se.string(Tags.SERIES_INSTANCE_UID, ""));
		for (DicomObject se : d.sequence(Tags.REFERENCED_SERIES_SEQUENCE)) out.add(se.string(Tags.SERIES_INSTANCE_UID, ""));
		return out;
	}

	/**
	 * The image series to use: the one asked for ({@code seriesUid}), else the only one, else the one the folder's
	 * structure sets or segmentations refer to; otherwise a message listing the series to choose from.
	 */
	public DicomImage image(String seriesUid) throws DicomFormatException {
		return image(seriesUid, PetSuv.Kind.BW);
	}

	/** As {@link #image(String)}; a PET series is converted to SUV as {@code suv} says. */
	public DicomImage image(String seriesUid, PetSuv.Kind suv) throws DicomFormatException {
		if (series.isEmpty() && !(structureSets.isEmpty() && segmentations.isEmpty()))
			throw new DicomFormatException(root, "holds a delineation (" + (structureSets.isEmpty() ? "SEG" : "RTSTRUCT")
					+ ") but no image series; a delineation is read with its image: --image <series folder> --labels <this>");
		if (series.isEmpty())
			throw new DicomFormatException(root, "no DICOM image series found" + (notes.isEmpty() ? "" : " (" + notes.size() + " files set aside: " + notes.get(0) + ")"));
		String chosen = seriesUid == null || seriesUid.isBlank() ? null : seriesUid.trim();
		if (chosen != null && !series.containsKey(chosen))
			throw new DicomFormatException(root, "no image series with SeriesInstanceUID " + chosen + "; found: " + describeSeries());
		if (chosen == null && series.size() == 1) chosen = series.keySet().iterator().next();
		if (chosen == null) {
			List<String> referenced = new ArrayList<>();
			for (DicomObject d : structureSets) for (String s : referencedSeries(d)) if (series.containsKey(s) && !referenced.contains(s)) referenced.add(s);
			for (DicomObject d : segmentations) for (String s : referencedSeries(d)) if (series.containsKey(s) && !referenced.contains(s)) referenced.add(s);
			if (referenced.size() == 1) chosen = referenced.get(0);
		}
		if (chosen == null)
			throw new DicomFormatException(root, series.size() + " image series in this folder and no structure set or segmentation that picks one; choose with --series UID: "
					+ describeSeries());
		List<DicomObject> files = series.get(chosen);
		DicomImage img = DicomSeries.assemble(files, root);
		if (!img.modality().equals("PT")) return img;
		PetSuv.Conversion c = PetSuv.conversion(files, suv);
		ImageData d = img.data().scaled(c.factor()).withWarning(root.getFileName() + ": " + c.note()).withAttribute("dicom.PETUnits", suv == PetSuv.Kind.NONE
				? files.get(0).string(Tags.UNITS, "") : suv == PetSuv.Kind.SUL ? "SUL" : "SUVbw");
		return new DicomImage(d, img.seriesUid(), img.studyUid(), img.frameOfReferenceUid(), img.modality(), img.description(), img.instanceUids(), img.first());
	}
}
