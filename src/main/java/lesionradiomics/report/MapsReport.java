package lesionradiomics.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.MapSummary;
import lesionradiomics.features.VoxelMaps;
import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.Csv;
import lesionradiomics.io.NrrdWriter;
import lesionradiomics.workflow.MapsOptions;
import lesionradiomics.workflow.MapsWorkflow;

/**
 * The files of the voxel maps: per lesion {@code <patient>_label<L>_maps/<feature>.nrrd} (one map per feature on
 * pyradiomics' map box, in the image's physical space: 3D Slicer overlays it), {@code <patient>_label<L>_maps.csv}
 * with {@code --csv} (x, y, z voxel index in the image, then the features: pyradiomics' voxel-map layout) and
 * {@code <patient>_label<L>_habitats.nrrd} when habitats are asked for; for all lesions {@code map_summary.csv}, {@code lesion_habitats.csv} and,
 * when some failed, {@code failed_lesions.csv}.
 */
public final class MapsReport {

	private MapsReport() {}

	/** The per-lesion files (the workflow's sink), on the calling thread. */
	public static void writeLesion(MapsWorkflow.LesionMaps m, MapsOptions o, Path dir) throws IOException {
		writeLesion(m, o, dir, null);
	}

	/** One file of a lesion. */
	private interface LesionFile {
		void write() throws IOException;
	}

	/**
	 * The per-lesion files, written side by side on {@code executor} (null: the calling thread, which must not be one of
	 * the executor's own busy threads): the maps as float32 NRRD at gzip level 1 — the 93 files of a lesion cost as
	 * much as its maps when written one after the other at the default level in doubles.
	 */
	public static void writeLesion(MapsWorkflow.LesionMaps m, MapsOptions o, Path dir, java.util.concurrent.Executor executor) throws IOException {
		String stem = m.patient() + "_label" + m.label();
		var maps = m.maps();
		List<LesionFile> files = new ArrayList<>();
		if (o.nrrd()) {
			Files.createDirectories(dir.resolve(stem + "_maps"));
			double[][] columns = maps.columns();
			int[] at = maps.boxIndexes();
			for (int f = 0; f < maps.features().size(); f++) {
				int feature = f;
				files.add(() -> NrrdWriter.writeFloats(dir.resolve(stem + "_maps").resolve(maps.features().get(feature) + ".nrrd"),
						maps.floatImage(columns[feature], at), m.geometry(), NrrdWriter.FAST_GZIP));
			}
		}
		if (m.habitats() != null) files.add(() -> {
			Map<Long, String> names = new LinkedHashMap<>();
			for (int h = 1; h <= m.habitats().k(); h++) names.put((long) h, "habitat " + h);
			NrrdWriter.writeLabels(dir.resolve(stem + "_habitats.nrrd"), m.habitatImage(), m.geometry(), true, names);
		});
		try {
			lesionradiomics.progress.Parallel.map(files, file -> {
				try {
					file.write();
					return null;
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}, executor, null, lesionradiomics.progress.Progress.NONE, "files written");
		} catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
		if (o.csv()) writeCsv(maps, dir.resolve(stem + "_maps.csv"), executor);
	}

	/** Voxel rows formatted per task, and at most per batch (the text a batch holds before it is written). */
	private static final int CSV_ROWS = 256, CSV_BATCH = 64 * CSV_ROWS;

	/**
	 * x, y, z, then every feature's value, one row per lesion voxel. Double.toString is most of the file's cost (Java
	 * 17's shortest round-trip conversion: on label 13 of public_m1, 6071 rows of 93 values, it took longer than the maps
	 * themselves), so blocks of rows are formatted side by side on {@code executor}, a batch at a time, and written in
	 * row order: the bytes do not depend on the thread count.
	 */
	private static void writeCsv(VoxelMaps.Maps maps, Path file, java.util.concurrent.Executor executor) throws IOException {
		int n = maps.voxels().length;
		AtomicFiles.write(file, out -> {
			BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			List<String> header = new ArrayList<>(List.of("x", "y", "z"));
			header.addAll(maps.features());
			Csv.writeRow(w, header);
			for (int batch = 0; batch < n; batch += CSV_BATCH) {
				List<Integer> blocks = new ArrayList<>();
				for (int from = batch; from < Math.min(n, batch + CSV_BATCH); from += CSV_ROWS) blocks.add(from);
				for (String text : lesionradiomics.progress.Parallel.map(blocks, from -> csvRows(maps, from, Math.min(n, from + CSV_ROWS)), executor, null,
						lesionradiomics.progress.Progress.NONE, "map rows formatted"))
					w.write(text);
			}
			w.flush();
		});
	}

	/** The CSV lines of voxels [from, to). */
	private static String csvRows(VoxelMaps.Maps maps, int from, int to) {
		StringBuilder text = new StringBuilder();
		for (int v = from; v < to; v++) {
			int[] p = maps.voxels()[v];
			text.append(p[0]).append(',').append(p[1]).append(',').append(p[2]);
			for (double value : maps.values()[v]) text.append(',').append(FeatureTableCsv.format(value));
			text.append('\n');
		}
		return text.toString();
	}

	/** patient, label, site, feature, then the summary of that map inside the lesion. */
	public static List<List<String>> summaryRows(MapsWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>(List.of(List.of("patient", "label", "site", "feature", "voxels", "missing", "mean", "sd", "q1", "median", "q3",
				"threshold", "fraction_above")));
		for (MapsWorkflow.LesionSummary l : r.lesions())
			for (Map.Entry<String, MapSummary> e : l.summaries().entrySet()) {
				MapSummary s = e.getValue();
				out.add(List.of(l.patient(), Long.toString(l.label()), l.site(), e.getKey(), Integer.toString(s.voxels()), Integer.toString(s.missing()),
						FeatureTableCsv.format(s.mean()), FeatureTableCsv.format(s.sd()), FeatureTableCsv.format(s.q1()), FeatureTableCsv.format(s.median()),
						FeatureTableCsv.format(s.q3()), Double.isNaN(s.threshold()) ? "" : FeatureTableCsv.format(s.threshold()),
						Double.isNaN(s.fractionAbove()) ? "" : FeatureTableCsv.format(s.fractionAbove())));
			}
		return out;
	}

	/**
	 * One row per lesion: its habitats and intra-lesion heterogeneity (number of habitats, entropy of their volume
	 * fractions), ready to join the lesion table on patient and label.
	 */
	public static List<List<String>> habitatRows(MapsWorkflow.Result r) {
		int kmax = Math.max(r.options().habitatKmax(), r.options().habitats());
		List<String> header = new ArrayList<>(List.of("patient", "label", "site", "voxels", "habitats", "habitat_entropy"));
		for (int h = 1; h <= kmax; h++) header.add("habitat_" + h + "_fraction");
		for (int k = 2; k <= kmax; k++) header.add("silhouette_k" + k);
		List<List<String>> out = new ArrayList<>(List.of(header));
		for (MapsWorkflow.LesionSummary l : r.lesions()) {
			if (l.habitats() == null) continue;
			var h = l.habitats();
			List<String> row = new ArrayList<>(List.of(l.patient(), Long.toString(l.label()), l.site(), Integer.toString(l.voxels()), Integer.toString(h.k()),
					FeatureTableCsv.format(h.entropy())));
			for (int q = 0; q < kmax; q++) row.add(q < h.fractions().length ? FeatureTableCsv.format(h.fractions()[q]) : "");
			for (int k = 2; k <= kmax; k++) row.add(k < h.silhouettes().length && !Double.isNaN(h.silhouettes()[k]) ? FeatureTableCsv.format(h.silhouettes()[k]) : "");
			out.add(row);
		}
		return out;
	}

	public static List<List<String>> failureRows(MapsWorkflow.Result r) {
		List<List<String>> out = new ArrayList<>(List.of(List.of("patient", "reason")));
		for (String f : r.failures()) out.add(List.of(r.patient(), f));
		return out;
	}

	/** The files for all lesions. */
	public static void writeSummary(MapsWorkflow.Result r, Path dir) throws IOException {
		Files.createDirectories(dir);
		Csv.writeAtomically(dir.resolve("map_summary.csv"), summaryRows(r));
		if (r.options().withHabitats()) Csv.writeAtomically(dir.resolve("lesion_habitats.csv"), habitatRows(r));
		if (!r.failures().isEmpty()) Csv.writeAtomically(dir.resolve("failed_lesions.csv"), failureRows(r));
	}
}
