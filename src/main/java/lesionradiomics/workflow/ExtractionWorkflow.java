package lesionradiomics.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import lesionradiomics.features.FeatureRegistry;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.ExtractionAborted;
import lesionradiomics.features.FeatureTable;
import lesionradiomics.features.LesionExtractor;
import lesionradiomics.features.LesionFeatures;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.LesionTable;
import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.io.VolumeReaders;
import lesionradiomics.io.dicom.DicomOptions;
import lesionradiomics.io.dicom.DicomReader;
import lesionradiomics.preprocess.ConnectedComponents;
import lesionradiomics.preprocess.MaskPerturbation;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * Feature extraction for one patient, as every front end runs it: checks that image and label map share a grid, joins
 * the label map to the lesion table, and extracts all lesions in one pass — on the delineated masks and, for the
 * robustness analysis, on perturbed masks derived from the same prepared lesions. Errors name the file, patient or
 * label at fault.
 */
public final class ExtractionWorkflow {

	/**
	 * One patient's data.
	 *
	 * @param lesions lesion table, or null: then every label is a lesion of {@code patient} and its site is the segment
	 *                name stored in the label file, if any
	 * @param patient patient to extract; may be blank when the table has one patient (or there is no table: the image
	 *                file name is used)
	 */
	public record Input(ImageData image, ImageData labels, LesionTable lesions, String patient) {
		/**
		 * This input once its image is read whole ({@link #read} hands it over still inflating; {@link #run} waits
		 * only for each lesion's slices): for work that needs the whole image. A damaged file is thrown here.
		 */
		public Input whole() throws IOException {
			image.whole();
			return this;
		}
	}

	/**
	 * What an extraction gives.
	 *
	 * @param patient  the patient the lesions belong to
	 * @param tables   variant ("original", "eroded", "dilated", …) → one row per lesion, in label order
	 * @param warnings what the user should know about how the features were obtained
	 */
	public record Result(String patient, Map<String, FeatureTable> tables, List<String> warnings) {
		public Result {
			tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
			warnings = List.copyOf(warnings);
		}

		/** The features on the delineated masks. */
		public FeatureTable table() { return tables.get(LesionExtractor.ORIGINAL); }
	}

	private ExtractionWorkflow() {}

	/**
	 * Reads a patient's image and label map (at the same time: two gzip streams decode on two cores), splitting the
	 * label map into connected components when the options ask for it.
	 */
	public static Input read(Path image, Path labels, Path lesions, String patient, ExtractionOptions options) throws IOException {
		return read(image, labels, lesions, patient, options, DicomOptions.DEFAULTS);
	}

	/**
	 * As {@link #read(Path, Path, Path, String, ExtractionOptions)}, with DICOM input chosen by {@code dicom}: a DICOM
	 * image series (folder or file) and/or an RTSTRUCT/SEG delineation rasterised on the image's grid (ROI names become
	 * sites unless mapped).
	 */
	public static Input read(Path image, Path labels, Path lesions, String patient, ExtractionOptions options, DicomOptions dicom) throws IOException {
		DicomReader.Pair pair = VolumeReaders.readPair(image, labels, dicom);
		if (pair != null) return prepared(new Input(pair.image(), pair.labels(), lesions == null ? null : LesionTable.read(lesions), patient), options);
		// the image inflates on a thread of its own while the label map is read here and, later, while the lesions whose
		// slices are in are extracted; its header is checked before this returns, its pixels when they are used
		ImageData img = VolumeReaders.readStreaming(image);
		ImageData lab;
		try {
			lab = VolumeReaders.read(labels);
		} catch (IOException | RuntimeException e) {
			img.whole(); // the image's own problem, if it has one, is reported first
			throw e;
		}
		return prepared(new Input(img, lab, lesions == null ? null : LesionTable.read(lesions), patient), options);
	}

	/** The input with its label map split into connected components when the options ask for it. */
	public static Input prepared(Input in, ExtractionOptions options) throws IOException {
		if (options.splitComponents() == 0) return in;
		return new Input(in.image(), splitComponents(in.labels(), options.splitComponents(), options.minLesionMm3()), in.lesions(), in.patient());
	}

	/** Features of every lesion on the delineated masks. */
	public static Result run(Input in, ExtractionOptions options, Execution execution) throws IOException {
		return run(in, options, List.of(), execution);
	}

	/** Features on the delineated masks ("original") and on each perturbed mask, sharing the reading, checks and label scan. */
	public static Result run(Input in, ExtractionOptions options, List<MaskPerturbation> perturbations, Execution execution) throws IOException {
		FeatureSettings settings = options.featureSettings();
		Opened opened;
		List<String> warnings;
		Selection chosen;
		try {
			opened = open(in, execution);
			warnings = new ArrayList<>(opened.warnings());
			chosen = select(in, opened.lesions(), warnings);
		} catch (IOException | RuntimeException e) {
			in.whole(); // an image that cannot be read is the problem to report first, as when it was read whole before the labels
			throw e;
		}
		LabelMap labelMap = opened.labelMap();
		Volume volume = opened.volume();
		String who = chosen.patient();
		LesionTable table = chosen.table();
		SortedMap<Long, BoundingBox> selected = chosen.lesions();
		List<MaskPerturbation> masks = new ArrayList<>(perturbations);
		boolean ring = options.voi().contains("ring"), core = options.voi().contains("core");
		if (ring) masks.add(new MaskPerturbation(MaskPerturbation.Kind.RING, options.ringMm()));
		LesionExtractor extractor = new LesionExtractor(settings, masks, options.excludeNonFinite());
		Map<String, List<LesionFeatures>> variants;
		try {
			variants = extractor.extractVariants(volume, labelMap, selected, execution.executor(), execution.progress());
			volume.image(); // every pixel in and the file's checksum held, also where no lesion needed the last slices
		} catch (ExtractionAborted e) {
			throw new VolumeFormatException(in.image().source(), "patient " + who + ", label " + e.label() + ": " + e.getMessage());
		} catch (java.io.UncheckedIOException e) {
			throw e.getCause(); // the image could not be read whole (truncated or corrupted)
		}
		Map<String, FeatureTable> tables = new LinkedHashMap<>();
		List<String> columns = FeatureRegistry.columns(settings), originalColumns = columns; // perturbed masks have no ring
		if (ring) {
			variants = new LinkedHashMap<>(variants);
			List<LesionFeatures> rings = variants.remove("ring");
			variants.put(LesionExtractor.ORIGINAL, withRing(core ? variants.get(LesionExtractor.ORIGINAL) : null, rings));
			List<String> all = new ArrayList<>(core ? columns : List.of());
			for (String c : columns) all.add(RING_PREFIX + c);
			originalColumns = all;
		}
		for (Map.Entry<String, List<LesionFeatures>> v : variants.entrySet()) {
			List<FeatureTable.Row> rows = new ArrayList<>();
			for (LesionFeatures f : v.getValue()) {
				LesionTable.Lesion listed = table == null ? null : table.find(f.label()).orElseThrow();
				String site = listed != null ? listed.site() : labelMap.segmentNames().getOrDefault(f.label(), "");
				rows.add(new FeatureTable.Row(who, f.label(), site, listed == null ? Map.of() : listed.extra(), f));
				if (f.note().isPresent() && v.getKey().equals(LesionExtractor.ORIGINAL))
					warnings.add("patient " + who + ", label " + f.label() + ": " + f.note().get());
				if (!f.ok())
					warnings.add("patient " + who + ", label " + f.label() + (v.getKey().equals(LesionExtractor.ORIGINAL) ? "" : " (" + v.getKey() + " mask)")
							+ ": not computed: " + f.error().get());
			}
			tables.put(v.getKey(), new FeatureTable(v.getKey().equals(LesionExtractor.ORIGINAL) ? originalColumns : columns, rows));
		}
		return new Result(who, tables, warnings);
	}

	/**
	 * An input ready for work on its lesions.
	 *
	 * @param lesions  every label of the label map and its bounding box
	 * @param warnings the readers' warnings on both files
	 */
	public record Opened(Volume volume, LabelMap labelMap, SortedMap<Long, BoundingBox> lesions, List<String> warnings) {}

	/** The image and label map checked against each other (same grid, some lesion) and the lesions found. */
	public static Opened open(Input in, Execution execution) throws IOException {
		ImageData image = in.image(), labels = in.labels();
		if (!image.geometry().sameGrid(labels.geometry()))
			throw new VolumeFormatException(labels.source(), "label map does not match image " + image.source() + ": "
					+ labels.geometry().describeDifference(image.geometry()));
		if (image.source() != null && image.source().equals(labels.source()))
			throw new VolumeFormatException(labels.source(), "the label map is the image itself; give the label map (one integer label per lesion) as --labels");
		LabelMap labelMap = labels.asLabelMap();
		SortedMap<Long, BoundingBox> found = labelMap.lesions(execution.executor(), execution.threads());
		if (found.isEmpty()) throw new VolumeFormatException(labels.source(), "label map contains no lesion (all voxels are 0)");
		String unlike = notALabelMap(found);
		if (unlike != null) throw new VolumeFormatException(labels.source(), unlike);
		List<String> warnings = new ArrayList<>(image.warnings());
		warnings.addAll(labels.warnings());
		return new Opened(image.asVolume(), labelMap, found, warnings);
	}

	/** More distinct labels than this in one label map is not a lesion count but an intensity image given as labels. */
	public static final int MAX_LESIONS = 1000;

	/**
	 * Why the labels found cannot be one patient's lesions, or null: negative labels (a CT has them; labels are 0 for
	 * the background and positive integers) or more than {@link #MAX_LESIONS} distinct values — the image given as the
	 * label map, or the two swapped.
	 */
	static String notALabelMap(SortedMap<Long, BoundingBox> found) {
		if (found.firstKey() < 0)
			return "this does not look like a label map: it holds negative values (e.g. " + found.firstKey() + "; " + found.size()
					+ " distinct values) — is it the image? Labels are 0 (background) or positive integers, one per lesion";
		if (found.size() > MAX_LESIONS)
			return "this does not look like a label map: " + found.size() + " distinct values (labels " + found.firstKey() + " to " + found.lastKey()
					+ "), more than " + MAX_LESIONS + " lesions — is it the image? Give the label map (one integer label per lesion) as --labels";
		return null;
	}

	/**
	 * The patient and lesions an input stands for.
	 *
	 * @param table the patient's rows of the lesion table, or null without a table
	 */
	public record Selection(String patient, LesionTable table, SortedMap<Long, BoundingBox> lesions) {}

	/**
	 * The patient (from the options, the single patient of the lesion table, or the image file name) and its lesions:
	 * those the table lists for it (each must be in the label map), or every label found.
	 */
	public static Selection select(Input in, SortedMap<Long, BoundingBox> found, List<String> warnings) throws VolumeFormatException {
		SortedMap<Long, BoundingBox> selected = new TreeMap<>();
		String who;
		LesionTable table = null;
		ImageData labels = in.labels(), image = in.image();
		if (in.lesions() != null) {
			String source = in.lesions().source().map(Path::toString).orElse("lesion table");
			List<String> all = in.lesions().patients();
			String patient = in.patient();
			if (patient == null || patient.isBlank()) {
				if (all.size() != 1)
					throw new VolumeFormatException(Path.of(source), "the lesion table lists " + all.size() + " patients " + all
							+ "; choose one (--patient / 'patient' field)");
				who = all.get(0);
			} else {
				who = patient.trim();
				if (!all.contains(who))
					throw new VolumeFormatException(Path.of(source), "patient '" + who + "' is not in the lesion table; it lists " + all);
			}
			table = in.lesions().forPatient(who);
			for (LesionTable.Lesion l : table.lesions()) {
				BoundingBox box = found.get(l.label());
				if (box == null)
					throw new VolumeFormatException(labels.source(), "label " + l.label() + " of patient " + who + " (listed in " + source
							+ ") is not in this label map; labels present: " + found.keySet());
				selected.put(l.label(), box);
			}
			List<Long> unlisted = new ArrayList<>(found.keySet());
			unlisted.removeAll(selected.keySet());
			if (!unlisted.isEmpty())
				warnings.add("labels " + unlisted + " of " + labels.source() + " are not listed for patient " + who + " in " + source + " and were skipped");
		} else {
			// a DICOM series names its patient (PatientID); other files by their name
			String fromFile = image.attributes().getOrDefault("dicom.PatientID", stem(image.source()));
			who = in.patient() == null || in.patient().isBlank() ? fromFile : in.patient().trim();
			selected.putAll(found);
		}
		return new Selection(who, table, selected);
	}

	/** Prefix of the peritumoral ring's columns before pyradiomics' names ({@code ring_original_glcm_Idmn}). */
	public static final String RING_PREFIX = "ring_";

	/**
	 * Each lesion's core features (or none) and its ring's, prefixed, in one result; a lesion whose core or ring cannot
	 * be computed is not computed, with the reason.
	 */
	private static List<LesionFeatures> withRing(List<LesionFeatures> cores, List<LesionFeatures> rings) {
		List<LesionFeatures> out = new ArrayList<>();
		for (int i = 0; i < rings.size(); i++) {
			LesionFeatures r = rings.get(i), c = cores == null ? null : cores.get(i);
			if (c != null && !c.ok()) out.add(c);
			else if (!r.ok()) out.add(LesionFeatures.failed(r.label(), r.voxelCount(), "peritumoral ring: " + r.error().get()));
			else {
				Map<String, Double> values = new LinkedHashMap<>(c == null ? Map.of() : c.values());
				r.values().forEach((k, v) -> values.put(RING_PREFIX + k, v));
				LesionFeatures merged = LesionFeatures.of(r.label(), r.voxelCount(), values);
				out.add(c != null && c.note().isPresent() ? merged.withNote(c.note().get()) : merged);
			}
		}
		return out;
	}

	/**
	 * A binary (or any) label map split into lesions by connected components (6- or 26-connectivity), smaller
	 * components than {@code minSizeMm3} dropped, lesions numbered 1.. in scan order.
	 */
	public static ImageData splitComponents(ImageData labels, int connectivity, double minSizeMm3) throws IOException {
		LabelMap original = labels.asLabelMap();
		var split = ConnectedComponents.label(original.labels(), labels.geometry(), connectivity, minSizeMm3);
		// each component keeps the name (site) of the label it came from, e.g. the ROI of an RTSTRUCT
		Map<Long, String> names = new java.util.TreeMap<>();
		if (!original.segmentNames().isEmpty()) {
			net.imglib2.Cursor<? extends net.imglib2.type.numeric.IntegerType<?>> c = net.imglib2.view.Views.flatIterable(split).cursor();
			net.imglib2.Cursor<? extends net.imglib2.type.numeric.IntegerType<?>> o = net.imglib2.view.Views.flatIterable(original.labels()).cursor();
			while (c.hasNext()) {
				long l = c.next().getIntegerLong(), from = o.next().getIntegerLong();
				if (l != 0 && !names.containsKey(l)) {
					String n = original.segmentNames().get(from);
					if (n != null) names.put(l, n);
				}
			}
		}
		ImageData out = new ImageData(labels.source(), split, true, labels.geometry(), 1, 0, names);
		for (String w : labels.warnings()) out = out.withWarning(w);
		for (Map.Entry<String, String> a : labels.attributes().entrySet()) out = out.withAttribute(a.getKey(), a.getValue());
		return out;
	}

	/** File name without the volume extensions (.nii.gz, .seg.nrrd, .nrrd, …): the patient when none is given. */
	public static String stem(Path file) {
		String n = file.getFileName().toString();
		for (String ext : List.of(".nii.gz", ".seg.nrrd", ".nrrd", ".nhdr", ".nii", ".tif", ".tiff"))
			if (n.toLowerCase().endsWith(ext)) return n.substring(0, n.length() - ext.length());
		return n;
	}
}
