package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import lesionradiomics.features.FeatureRegistry;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.FeatureTable;
import lesionradiomics.features.LesionExtractor;
import lesionradiomics.features.LesionFeatures;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.LesionTable;
import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.preprocess.MaskPerturbation;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * Feature extraction for one patient as every front end runs it (CLI, Fiji dialog, SciJava command): checks that image
 * and label map share a grid, joins the label map to the lesion table, extracts all lesions in one pass and returns
 * the table with any warnings. Errors name the file, patient or label at fault.
 */
public final class ExtractionTask {

	/** The features and what the user should know about how they were obtained. */
	public static final class Result {
		private final FeatureTable table;
		private final List<String> warnings;

		Result(FeatureTable table, List<String> warnings) {
			this.table = table;
			this.warnings = Collections.unmodifiableList(warnings);
		}

		public FeatureTable table() { return table; }
		public List<String> warnings() { return warnings; }
	}

	private ExtractionTask() {}

	/**
	 * @param lesions lesion table, or null: then every label is a lesion of {@code patient} and its site is the segment
	 *                name stored in the label file, if any
	 * @param patient patient to extract; may be null when the table has one patient (or there is no table: the image
	 *                file name is used)
	 */
	public static Result run(ImageData image, ImageData labels, LesionTable lesions, String patient, FeatureSettings settings,
			int threads, Progress progress) throws IOException {
		Map<String, Result> r = run(image, labels, lesions, patient, settings, threads, progress, List.of());
		return r.get(ORIGINAL);
	}

	/** Name of the unperturbed extraction in {@link #run(ImageData, ImageData, LesionTable, String, FeatureSettings, int, Progress, List)}. */
	public static final String ORIGINAL = "original";

	/**
	 * As {@link #run(ImageData, ImageData, LesionTable, String, FeatureSettings, int, Progress)}, once on the delineated
	 * masks ("original") and once per perturbation (by its name), sharing the reading, checks and label scan.
	 */
	public static Map<String, Result> run(ImageData image, ImageData labels, LesionTable lesions, String patient, FeatureSettings settings,
			int threads, Progress progress, List<MaskPerturbation> perturbations) throws IOException {
		if (!image.geometry().sameGrid(labels.geometry()))
			throw new VolumeFormatException(labels.source(), "label map does not match image " + image.source() + ": "
					+ labels.geometry().describeDifference(image.geometry()));
		LabelMap labelMap = labels.asLabelMap();
		Volume volume = image.asVolume();
		SortedMap<Long, BoundingBox> found = labelMap.lesions(threads);
		List<String> warnings = new ArrayList<>();
		if (found.isEmpty()) throw new VolumeFormatException(labels.source(), "label map contains no lesion (all voxels are 0)");

		SortedMap<Long, BoundingBox> selected = new TreeMap<>();
		String who;
		if (lesions != null) {
			String source = lesions.source().map(Path::toString).orElse("lesion table");
			List<String> all = lesions.patients();
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
			for (LesionTable.Lesion l : lesions.forPatient(who).lesions()) {
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
			who = patient == null || patient.isBlank() ? stem(image.source()) : patient.trim();
			selected.putAll(found);
		}
		Map<String, Result> out = new LinkedHashMap<>();
		List<MaskPerturbation> variants = new ArrayList<>();
		variants.add(null);
		variants.addAll(perturbations);
		for (MaskPerturbation p : variants) {
			List<String> notes = new ArrayList<>(warnings);
			List<LesionFeatures> features = new LesionExtractor(settings, threads, p).extract(volume, labelMap, selected, progress);
			List<FeatureTable.Row> rows = new ArrayList<>();
			for (LesionFeatures f : features) {
				String site = lesions != null ? lesions.forPatient(who).find(f.label()).map(LesionTable.Lesion::site).orElse("")
						: labelMap.segmentNames().getOrDefault(f.label(), "");
				rows.add(new FeatureTable.Row(who, f.label(), site, f));
				if (!f.ok()) notes.add("patient " + who + ", label " + f.label() + (p == null ? "" : " (" + p + ")") + ": not computed: " + f.error().get());
			}
			out.put(p == null ? ORIGINAL : p.name(), new Result(new FeatureTable(FeatureRegistry.columns(settings), rows), notes));
		}
		return out;
	}

	/**
	 * A binary (or any) label map split into lesions by connected components (6- or 26-connectivity), smaller
	 * components than {@code minSizeMm3} dropped, lesions numbered 1.. in scan order.
	 */
	public static ImageData splitComponents(ImageData labels, int connectivity, double minSizeMm3) throws IOException {
		net.imglib2.img.Img<net.imglib2.type.numeric.integer.IntType> split = lesionradiomics.preprocess.ConnectedComponents.label(
				labels.asLabelMap().labels(), labels.geometry(), connectivity, minSizeMm3);
		return new ImageData(labels.source(), split, true, labels.geometry(), 1, 0, java.util.Map.of());
	}

	/** File name without the volume extensions (.nii.gz, .seg.nrrd, .nrrd, …). */
	static String stem(Path file) {
		String n = file.getFileName().toString();
		for (String ext : List.of(".nii.gz", ".seg.nrrd", ".nrrd", ".nhdr", ".nii", ".tif", ".tiff"))
			if (n.toLowerCase().endsWith(ext)) return n.substring(0, n.length() - ext.length());
		return n;
	}
}
