package lesionradiomics.report;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import lesionradiomics.io.FolderLock;
import lesionradiomics.io.VolumeFormatException;

/**
 * One rule for every command's results folder: an empty or new folder is used; a folder that holds anything is refused
 * (a run never leaves the previous run's {@code dissimilarity_P01.png} beside its own), unless the user asks to
 * overwrite, which removes only the entries the command itself writes (its {@link Owned} patterns) — never a user's
 * other files. Checked before any image is read.
 *
 * <p>The folder is also locked for the run ({@link FolderLock}, the same lock as the cohort folder's): a second run on it
 * while the first is alive refuses with one line naming the folder and the running process (pid, host); a lock left by
 * a run that died is taken over and reported. The lock file {@link FolderLock#NAME} is not part of the results (an
 * empty folder but for it is empty, --overwrite keeps it).
 */
public final class ResultsFolder {

	/** The file names (globs, relative to the folder) a command writes: what --overwrite may remove. */
	public record Owned(String command, List<String> globs) {

		public boolean owns(Path relative) {
			String first = relative.getName(0).toString();
			for (String g : globs) {
				PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
				if (m.matches(Path.of(first))) return true;
			}
			return false;
		}
	}

	public static final Owned HETEROGENEITY = new Owned("heterogeneity", List.of("report.html", "cv_per_patient.csv", "cv_per_organ.csv", "cv_summary.csv",
			"heterogeneity_indexes.*", "lesion_clusters.csv", "tests.csv", "cv_by_class.*", "dissimilarity_*.png", "dissimilarity_*.svg"));
	public static final Owned SAMPLING = new Owned("sampling", List.of("report.html", "sampling_recovery.csv", "sampling_excluded.csv", "sampling_per_patient.csv",
			"recovery_curves.csv", "lesions_needed.csv", "recovery_curve_*.png", "recovery_curve_*.svg", "sampling_settings.csv"));
	public static final Owned SELECTION = new Owned("select", List.of("report.html", "features.csv", "errors.csv", "robustness.csv", "feature_clusters.csv",
			"selected_features.txt", "correlation_heatmap.*"));
	public static final Owned MAPS = new Owned("maps", List.of("report.html", "map_summary.csv", "lesion_habitats.csv", "failed_lesions.csv", "*_maps", "*_maps.csv",
			"*_habitats.nrrd"));
	public static final Owned RESPONSE = new Owned("response", List.of("report.html", "lesion_response.csv", "patient_response.csv", "delta_features.csv", "patient_delta.csv",
			"association.csv", "errors.csv", "waterfall.png", "waterfall.svg", "spider.png", "spider.svg", "roc.png", "roc.svg"));
	public static final Owned SCORE = new Owned("score", List.of("report.html", "lesion_scores.csv", "lesion_scores.png", "lesion_scores.svg", "patient_metrics.csv",
			"patient_aggregates.csv"));
	public static final Owned SURVIVAL = new Owned("survival", List.of("report.html", "survival_data.csv", "km.csv", "km_medians.csv", "logrank.csv", "cox.csv", "cutpoint.csv",
			"cutpoint_scan.csv", "km_*.png", "km_*.svg", "forest.png", "forest.svg"));
	public static final Owned PHENOTYPES = new Owned("phenotypes", List.of("report.html", "lesion_phenotypes.csv", "patient_phenotypes.csv", "silhouette.csv",
			"phenotype_heatmap.png", "phenotype_heatmap.svg", "phenotype_response.csv"));

	private ResultsFolder() {}

	/**
	 * Makes {@code out} ready for the command: creates it, or refuses a non-empty one naming what is in it, or (with
	 * {@code overwrite}) removes what the command owns there and refuses when anything else would stay beside its files;
	 * then holds it locked for the run ({@link #lock}) until the returned lock is closed.
	 */
	public static FolderLock prepare(Path out, Owned owned, boolean overwrite, java.util.function.Consumer<String> notes) throws IOException {
		if (Files.exists(out) && !Files.isDirectory(out)) throw new VolumeFormatException(out, "--out must be a folder, is a file");
		// a folder that was locked before: lock first, so that a live run is named (not "not empty") and a dead one's
		// leftovers are swept before the folder is looked at
		FolderLock lock = Files.exists(out.resolve(FolderLock.NAME)) ? lock(out, owned.command(), notes) : null;
		try {
			if (Files.exists(out)) check(out, owned, overwrite);
			if (lock == null) lock = lock(out, owned.command(), notes);
			return lock;
		} catch (IOException | RuntimeException e) {
			if (lock != null) lock.close();
			throw e;
		}
	}

	/**
	 * Locks {@code out} (created when missing) for a run of {@code command} until the returned lock is closed, for the
	 * commands that write into a folder without the not-empty rule; a taken-over stale lock goes to {@code notes}.
	 *
	 * @throws IOException one line naming the folder and the running process when another live run holds it
	 */
	public static FolderLock lock(Path out, String command, java.util.function.Consumer<String> notes) throws IOException {
		if (Files.exists(out) && !Files.isDirectory(out)) throw new VolumeFormatException(out, "--out must be a folder, is a file");
		FolderLock lock = FolderLock.acquire(out, command);
		lock.stale().ifPresent(notes);
		return lock;
	}

	private static void check(Path out, Owned owned, boolean overwrite) throws IOException {
		List<Path> entries = new ArrayList<>();
		try (Stream<Path> s = Files.list(out)) {
			s.filter(p -> !p.getFileName().toString().equals(FolderLock.NAME)).sorted().forEach(entries::add);
		}
		if (entries.isEmpty()) return;
		List<Path> foreign = new ArrayList<>();
		for (Path e : entries) if (!owned.owns(out.relativize(e))) foreign.add(e.getFileName());
		if (!overwrite)
			throw new VolumeFormatException(out, "results folder is not empty (" + entries.size() + (entries.size() == 1 ? " entry" : " entries") + ", e.g. "
					+ entries.get(0).getFileName() + "); choose a new folder, or add --overwrite to replace what an earlier " + owned.command() + " run wrote there");
		if (!foreign.isEmpty())
			throw new VolumeFormatException(out, "--overwrite replaces only what " + owned.command() + " writes, but the folder also holds "
					+ foreign.subList(0, Math.min(3, foreign.size())) + (foreign.size() > 3 ? " …and " + (foreign.size() - 3) + " more" : "")
					+ "; choose a new folder");
		for (Path e : entries) deleteRecursively(e);
	}

	private static void deleteRecursively(Path p) throws IOException {
		if (Files.isDirectory(p)) {
			List<Path> all;
			try (Stream<Path> s = Files.walk(p)) {
				all = s.sorted(Comparator.reverseOrder()).toList();
			}
			for (Path q : all) Files.delete(q);
		} else Files.delete(p);
	}
}
