package lesionradiomics.workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import lesionradiomics.analysis.Habitats;
import lesionradiomics.analysis.MapSummary;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.VoxelMaps;
import lesionradiomics.io.LesionTable;
import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;
import lesionradiomics.preprocess.Resampler;
import net.imglib2.img.array.ArrayImgs;

/**
 * Voxel-wise feature maps of a patient's lesions (pyradiomics' voxel-based extraction, see {@link VoxelMaps}), each map
 * summarised inside its lesion, and the lesion's habitats clustered on chosen maps. Lesions are mapped one after the
 * other, each over all threads; every lesion's maps go to a {@link Sink} (files, windows) as soon as they are done and
 * are then dropped, so memory holds one lesion's maps at a time. A lesion that fails is recorded and the others go on.
 */
public final class MapsWorkflow {

	/**
	 * One lesion's maps.
	 *
	 * @param geometry the map box in the image's physical space (origin at the box's first voxel)
	 * @param habitats null when no habitats were asked for
	 */
	public record LesionMaps(String patient, long label, String site, VoxelMaps.Maps maps, Geometry geometry, Map<String, MapSummary> summaries,
			Habitats.Result habitats) {

		/** The habitat label map on the map box: 0 outside the lesion, 1..k inside. */
		public int[] habitatImage() {
			int[] out = new int[(int) (maps.box().size(0) * maps.box().size(1) * maps.box().size(2))];
			for (int v = 0; v < maps.voxels().length; v++) out[maps.index(v)] = habitats.labels()[v];
			return out;
		}
	}

	/** Receives each lesion's maps when they are done. */
	public interface Sink {
		void accept(LesionMaps lesion) throws IOException;
	}

	/** A lesion's summaries and habitats, without the maps. */
	public record LesionSummary(String patient, long label, String site, int voxels, Map<String, MapSummary> summaries, Habitats.Result habitats) {}

	/**
	 * @param failures "patient P, label L: reason" for each lesion that could not be mapped
	 */
	public record Result(MapsOptions options, String patient, List<String> features, List<LesionSummary> lesions, List<String> failures,
			List<String> warnings) {}

	private MapsWorkflow() {}

	public static Result run(ExtractionWorkflow.Input in, MapsOptions o, Execution execution, Sink sink) throws IOException {
		ExtractionWorkflow.Opened opened = ExtractionWorkflow.open(in.whole(), execution); // the maps do not wait slice by slice
		LabelMap labelMap = opened.labelMap();
		Volume volume = opened.volume();
		List<String> warnings = new ArrayList<>(opened.warnings());
		ExtractionWorkflow.Selection chosen = ExtractionWorkflow.select(in, opened.lesions(), warnings);
		SortedMap<Long, BoundingBox> lesions = new TreeMap<>(chosen.lesions());
		if (!o.lesionLabels().isEmpty()) {
			List<Long> missing = o.lesionLabels().stream().filter(l -> !lesions.containsKey(l)).toList();
			if (!missing.isEmpty())
				throw new VolumeFormatException(in.labels().source(), "label(s) " + missing + " of patient " + chosen.patient() + " are not in this label map"
						+ (chosen.table() == null ? "" : " or not listed in the lesion table") + "; labels: " + lesions.keySet());
			lesions.keySet().retainAll(o.lesionLabels());
		}
		List<String> columns = o.columns();
		FeatureSettings settings = o.featureSettings();
		List<LesionSummary> done = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		int k = 0;
		for (long label : lesions.keySet()) {
			execution.progress().checkCancelled();
			execution.progress().update("lesions mapped", k++, lesions.size());
			String site = site(chosen, labelMap, label);
			LesionMaps m;
			try {
				m = lesion(volume, labelMap, label, chosen.patient(), site, o, settings, execution);
			} catch (RuntimeException e) {
				failures.add("patient " + chosen.patient() + ", label " + label + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
				continue;
			}
			sink.accept(m);
			done.add(new LesionSummary(m.patient(), label, site, m.maps().voxels().length, m.summaries(), m.habitats()));
		}
		execution.progress().update("lesions mapped", lesions.size(), lesions.size());
		return new Result(o, chosen.patient(), columns, done, failures, warnings);
	}

	private static String site(ExtractionWorkflow.Selection chosen, LabelMap labelMap, long label) {
		if (chosen.table() == null) return labelMap.segmentNames().getOrDefault(label, "");
		return chosen.table().find(label).map(LesionTable.Lesion::site).orElse("");
	}

	/** One lesion's maps, their summaries and habitats. */
	static LesionMaps lesion(Volume volume, LabelMap labelMap, long label, String patient, String site, MapsOptions o, FeatureSettings settings,
			Execution execution) {
		double[] target = settings.resampledPixelSpacing();
		if (target != null) { // pyradiomics' voxel-based extraction maps the lesion's box (+ padDistance) resampled as extract resamples it
			BoundingBox box = labelMap.lesions().get(label);
			if (box == null) throw new IllegalArgumentException("label " + label + " is not in the label map");
			LesionRegion r = Resampler.resampleLesion(volume, labelMap, label, box, target, settings.interpolator(), settings.padDistance(), null);
			Geometry g = Resampler.regionGeometry(volume.geometry(), box, target, settings.padDistance());
			byte[] mask = new byte[r.mask().length];
			for (int i = 0; i < mask.length; i++) mask[i] = (byte) (r.mask()[i] ? 1 : 0);
			if (r.voxelCount() == 0) throw new IllegalArgumentException("no voxel of the lesion is left after resampling to " + java.util.Arrays.toString(target) + " mm");
			volume = new Volume(ArrayImgs.doubles(r.values(), g.size()), g);
			labelMap = new LabelMap(ArrayImgs.unsignedBytes(mask, g.size()), g);
			LesionMaps m = lesion(volume, labelMap, 1, patient, site, o, settings.toBuilder().resampledPixelSpacing(null).build(), execution);
			return new LesionMaps(m.patient(), label, m.site(), m.maps(), m.geometry(), m.summaries(), m.habitats());
		}
		VoxelMaps.Maps maps = VoxelMaps.compute(volume, labelMap, label, settings, o.kernelRadius(), execution.executor(), execution.threads());
		int n = maps.voxels().length;
		// the summaries (a sort per map for the quartiles) and the habitats' k-means run after the maps, so they share
		// the threads too: on large lesions they cost as much as the maps themselves
		List<Integer> featureIndexes = java.util.stream.IntStream.range(0, maps.features().size()).boxed().toList();
		double[][] columns = maps.columns();
		List<MapSummary> summaryList = lesionradiomics.progress.Parallel.map(featureIndexes,
				f -> MapSummary.of(columns[f], o.thresholds().getOrDefault(maps.features().get(f), Double.NaN)), execution.executor(), null,
				lesionradiomics.progress.Progress.NONE, "maps summarised");
		Map<String, MapSummary> summaries = new LinkedHashMap<>();
		for (int f = 0; f < maps.features().size(); f++) summaries.put(maps.features().get(f), summaryList.get(f));
		Habitats.Result habitats = null;
		if (o.withHabitats()) {
			int[] use = o.habitatFeatures().stream().mapToInt(maps.features()::indexOf).toArray();
			double[][] x = new double[n][use.length];
			for (int v = 0; v < n; v++)
				for (int c = 0; c < use.length; c++) x[v][c] = maps.values()[v][use[c]];
			habitats = Habitats.cluster(x, o.habitats() == MapsOptions.BY_SILHOUETTE ? 0 : o.habitats(), o.habitatKmax(), o.seed(), execution.executor());
		}
		Geometry g = volume.geometry();
		BoundingBox box = maps.box();
		Geometry boxGeometry = new Geometry(box.size(), g.spacing(), g.toPhysical(new double[] { box.min(0), box.min(1), box.min(2) }), g.direction());
		return new LesionMaps(patient, label, site, maps, boxGeometry, summaries, habitats);
	}
}
