package lesionradiomics.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import lesionradiomics.io.ImageData;

/**
 * Entry points for DICOM input: an image series from a folder or file, and a delineation (RTSTRUCT or SEG) as a label
 * map on that series' grid.
 */
public final class DicomReader {

	private DicomReader() {}

	/** Whether {@code path} is DICOM input: a folder holding DICOM files, or a DICOM file. */
	public static boolean isDicom(Path path) throws IOException {
		if (Files.isRegularFile(path)) return DicomParser.looksLikeDicom(path) && !isOtherFormat(path);
		if (!Files.isDirectory(path)) return false;
		try (var s = Files.walk(path, 3)) {
			return s.filter(Files::isRegularFile).limit(50).anyMatch(DicomParser::looksLikeDicom);
		}
	}

	private static boolean isOtherFormat(Path p) {
		String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		return n.endsWith(".nrrd") || n.endsWith(".nhdr") || n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".tif") || n.endsWith(".tiff");
	}

	/** The image series in {@code path} (a folder, or one file of the series: its folder is searched), chosen by {@code seriesUid} if given. */
	public static DicomImage readImage(Path path, String seriesUid) throws IOException {
		if (Files.isRegularFile(path)) {
			DicomObject one = DicomParser.read(path);
			String uid = seriesUid != null && !seriesUid.isBlank() ? seriesUid : one.string(Tags.SERIES_INSTANCE_UID, null);
			Path folder = path.toAbsolutePath().getParent();
			DicomFolder f = DicomFolder.scan(folder);
			return f.image(uid);
		}
		return DicomFolder.scan(path).image(seriesUid);
	}

	/**
	 * The delineation in {@code path} (an RTSTRUCT or SEG file, or a folder holding one) as a label map on the grid
	 * of {@code image}; {@code roiPattern} picks ROIs/segments by name.
	 */
	public static ImageData readLabels(Path path, DicomImage image, String roiPattern) throws IOException {
		DicomFolder f = DicomFolder.scan(path);
		List<DicomObject> rs = f.structureSets(), seg = f.segmentations();
		if (rs.size() + seg.size() == 0)
			throw new DicomFormatException(path, "no RTSTRUCT or SEG found" + (f.series().isEmpty() ? "" : " (only image series: " + f.describeSeries() + ")"));
		DicomObject chosen = null;
		for (DicomObject d : concat(rs, seg))
			if (DicomFolder.referencedSeries(d).contains(image.seriesUid())) {
				if (chosen != null) throw new DicomFormatException(path, "several structure sets/segmentations refer to series " + image.seriesUid() + "; give one file");
				chosen = d;
			}
		if (chosen == null) {
			if (rs.size() + seg.size() > 1)
				throw new DicomFormatException(path, (rs.size() + seg.size()) + " structure sets/segmentations here and none refers to image series " + image.seriesUid() + "; give one file");
			chosen = rs.isEmpty() ? seg.get(0) : rs.get(0);
		}
		if (rs.contains(chosen)) return RtStruct.rasterise(chosen, image, roiPattern);
		return DicomSeg.rasterise(chosen, image, roiPattern);
	}

	/** The unit of an image's values as read: the SUV kind (or stored units) for PET, HU for CT, else blank. */
	public static String valueUnit(ImageData image) {
		Map<String, String> a = image.attributes();
		if (a.containsKey("dicom.PETUnits")) return a.get("dicom.PETUnits");
		return "CT".equals(a.get("dicom.Modality")) ? "HU" : "";
	}

	/** A short name of a series read: PatientID_Modality (e.g. P04_CT), {@code fallback} for the parts not known. */
	public static String name(ImageData image, String fallback) {
		Map<String, String> a = image.attributes();
		String patient = a.getOrDefault("dicom.PatientID", ""), modality = a.getOrDefault("dicom.Modality", "");
		return (patient.isBlank() ? fallback : patient.trim()) + (modality.isBlank() ? "" : "_" + modality.trim());
	}

	/** Reads the volume files that are not DICOM (NRRD, NIfTI, …). */
	public interface OtherFormats {
		ImageData read(Path file) throws IOException;
	}

	/** An image and its delineation read together (the delineation may choose the series and needs its grid). */
	public record Pair(ImageData image, ImageData labels) {}

	/**
	 * Reads an image and its label map when either is DICOM: {@code image} a DICOM folder/file or any volume file;
	 * {@code labels} an RTSTRUCT/SEG (file or folder; may be the image's own folder) or a label-map file. Without
	 * {@link DicomOptions#series()} the series is the only one, or the one the delineation refers to.
	 */
	public static Pair readPair(Path image, Path labels, DicomOptions options, OtherFormats otherFormats) throws IOException {
		boolean dicomImage = isDicom(image), dicomLabels = isDicom(labels);
		DicomImage img;
		if (dicomImage) {
			DicomFolder folder = DicomFolder.scan(Files.isRegularFile(image) ? image.toAbsolutePath().getParent() : image);
			String series = options.series();
			if (series.isEmpty() && Files.isRegularFile(image)) series = DicomParser.read(image).string(Tags.SERIES_INSTANCE_UID, "");
			if (series.isEmpty() && folder.series().size() > 1 && dicomLabels) {
				DicomFolder delineations = sameFolder(image, labels) ? folder : DicomFolder.scan(labels);
				List<String> referenced = new java.util.ArrayList<>();
				for (DicomObject d : concat(delineations.structureSets(), delineations.segmentations()))
					for (String s : DicomFolder.referencedSeries(d)) if (folder.series().containsKey(s) && !referenced.contains(s)) referenced.add(s);
				if (referenced.size() == 1) series = referenced.get(0);
			}
			img = folder.image(series, options.suvKind());
		} else {
			ImageData d = otherFormats.read(image);
			img = new DicomImage(d, "", "", "", "", image.getFileName().toString(), List.of(), null);
		}
		ImageData lab;
		if (dicomLabels) {
			lab = readLabels(labels, img, options.roi());
			Map<Long, String> sites = options.sites(lab.segmentNames(), labels);
			if (sites != lab.segmentNames()) {
				ImageData renamed = lab.withSegmentNames(sites);
				for (Map.Entry<Long, String> e : lab.segmentNames().entrySet()) renamed = renamed.withAttribute("dicom.ROIName." + e.getKey(), e.getValue());
				lab = renamed;
			}
		} else lab = otherFormats.read(labels);
		ImageData im = img.data();
		if (img.first() != null) {
			im = im.withAttribute("dicom.StudyInstanceUID", img.studyUid()).withAttribute("dicom.FrameOfReferenceUID", img.frameOfReferenceUid());
			String patient = img.first().string(Tags.PATIENT_ID, "");
			if (!patient.isEmpty()) im = im.withAttribute("dicom.PatientID", patient);
		}
		return new Pair(im, lab);
	}

	private static boolean sameFolder(Path image, Path labels) {
		Path a = (Files.isRegularFile(image) ? image.toAbsolutePath().getParent() : image.toAbsolutePath()).normalize();
		return a.equals(labels.toAbsolutePath().normalize());
	}

	private static List<DicomObject> concat(List<DicomObject> a, List<DicomObject> b) {
		List<DicomObject> out = new java.util.ArrayList<>(a);
		out.addAll(b);
		return out;
	}
}
