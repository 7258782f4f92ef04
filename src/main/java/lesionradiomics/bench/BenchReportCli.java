package lesionradiomics.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import lesionradiomics.demo.SyntheticCase;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.VoxelMaps;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.workflow.SelectionOptions;
import lesionradiomics.workflow.SelectionWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-report}: the speed targets of the project in one run. In this JVM (CPU time of the one working thread,
 * best of the repetitions after a warm-up): the robustness pass against one extraction, the study preset against the
 * plain one, voxel maps per voxel. Then whole processes side by side, alternated, median of the repetitions: this
 * build's jar, the previous release's jar (when given) and pyradiomics (when its oracle folder is given), each command
 * as a user types it; CPU time is the children's user + system time the kernel books to this process on reaping them
 * (Linux /proc/self/stat), wall time is wall time.
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true,
		description = { "Report the speed targets in one run, against the previous release and pyradiomics.",
				"%nRobustness pass, study preset and voxel maps in this JVM; whole extract, study, filtered",
				"and maps runs as separate processes of this jar, --previous and the --oracle's pyradiomics." })
public final class BenchReportCli implements Callable<Integer> {

	@Option(names = "--dir", paramLabel = "DIR", description = "Where the bench case is or is written (default: a temporary folder).")
	Path dir;

	@Option(names = "--previous", paramLabel = "JAR", description = "The previous release's CLI jar (e.g. main's target/lesion-radiomics-cli.jar), run side by side.")
	Path previous;

	@Option(names = "--oracle", paramLabel = "DIR", description = "pyradiomics oracle folder (env.sh, scripts/pyrad_extract.py, scripts/pyrad_maps.py), run side by side.")
	Path oracle;

	@Option(names = "--repeat", paramLabel = "N", description = "Runs per measurement (default 3; whole processes alternate, the median is kept).")
	int repeat = 3;

	@Option(names = "--pyradiomics-repeat", paramLabel = "N", description = "Runs of pyradiomics' whole bench extraction (default 1: about a minute each).")
	int pyradiomicsRepeat = 1;

	@Option(names = "--reference", paramLabel = "DIR", description = "Reference folder with multilesion/public_m1_* (default: $LESION_RADIOMICS_SHARED/reference, ../shared/reference, or the one beside this jar's checkout).")
	Path reference = BenchCommands.sharedReference();

	private static final String FILTERED = "Original;LoG:sigma=3;Wavelet";

	@Override
	public Integer call() throws Exception {
		Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("lesion-radiomics-bench");
		Path image = d.resolve("bench_image.nrrd"), labels = d.resolve("bench_labels.nrrd");
		if (!Files.exists(image) || !Files.exists(labels))
			new SyntheticCase(new int[] { 512, 512, 120 }, new double[] { 0.78, 0.78, 2.5 }, 60, 20, 20000, 7, 60).write(d, "bench");
		System.out.printf("bench case %s; %d cores, load average %.2f%n", d, Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		inProcess(image, labels);
		wholeProcesses(d, image, labels);
		return 0;
	}

	// ---- in this JVM ----

	private void inProcess(Path image, Path labels) throws Exception {
		// the benchmarks run with the optimising compiler; the other commands use the quick one (TunedJvm), so the
		// whole-process rows below are the figures a user sees
		System.out.println("in this JVM (optimising compiler), 1 thread, CPU seconds (best of " + repeat + " after a warm-up):");
		ExtractionOptions plain = ExtractionOptions.DEFAULTS;
		ExtractionOptions study = new ExtractionOptions("study", Map.of(), "", List.of(), List.of(), 0, 0, "error", List.of("core"), 2);
		try (Execution execution = Execution.of(1, Progress.NONE)) {
			ExtractionWorkflow.Input in = ExtractionWorkflow.read(image, labels, null, "bench", plain);
			double[] one = new double[2];
			for (int k = 0; k < 2; k++) {
				ExtractionOptions o = k == 0 ? plain : study;
				one[k] = cpu(() -> ExtractionWorkflow.run(in, o, execution));
				double three = cpu(() -> ExtractionWorkflow.run(in, o, SelectionWorkflow.perturbations(SelectionOptions.DEFAULTS), execution));
				System.out.printf("  robustness pass (original + eroded + dilated), preset %-11s %.3f s vs one extraction %.3f s = %.2fx (target <= 1.5x)%n",
						o.preset() + ":", three, one[k], three / one[k]);
			}
			System.out.printf("  study preset (1 mm B-spline, bin width 10) %.3f s vs plain %.3f s = %.2fx (target <= 2x)%n", one[1], one[0], one[1] / one[0]);
		}
		Path refImage = reference.resolve("multilesion/public_m1_image.nrrd"), refLabels = reference.resolve("multilesion/public_m1_label.nrrd");
		if (!Files.isRegularFile(refImage) || !Files.isRegularFile(refLabels)) {
			System.out.println("  voxel maps skipped: " + refImage + " not found");
			return;
		}
		Volume volume = NrrdReader.read(refImage).asVolume();
		LabelMap map = NrrdReader.read(refLabels).asLabelMap();
		for (long label : BenchMapsCli.REFERENCE_LABELS) {
			long n = map.lesions().get(label).voxelCount();
			StringBuilder line = new StringBuilder(String.format("  voxel maps, all 93 features, label %d (%d voxels):", label, n));
			for (int r = 1; r <= 2; r++) {
				final int radius = r;
				double perVoxel = cpu(() -> VoxelMaps.compute(volume, map, label, FeatureSettings.defaults(), radius)) / n;
				line.append(String.format(" r=%d %.1f us/voxel", r, perVoxel * 1e6));
			}
			System.out.println(line);
		}
	}

	private interface Step {
		void run() throws Exception;
	}

	/** Best CPU seconds of the calling thread over {@link #repeat} runs after one warm-up. */
	private double cpu(Step step) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double best = Double.MAX_VALUE;
		for (int k = 0; k <= repeat; k++) {
			long t = threads.getCurrentThreadCpuTime();
			step.run();
			if (k > 0) best = Math.min(best, (threads.getCurrentThreadCpuTime() - t) / 1e9);
		}
		return best;
	}

	// ---- whole processes ----

	/** One command as each side runs it; null where a side does not take part. */
	private record Row(String name, double target, List<String> current, List<String> previous, List<String> pyradiomics, int pyradiomicsRuns) {}

	private void wholeProcesses(Path d, Path image, Path labels) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path self = Path.of(BenchReportCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		if (!Files.isRegularFile(self)) {
			System.out.println("whole-process runs skipped: run bench-report from the jar (java -jar target/lesion-radiomics-cli.jar bench-report)");
			return;
		}
		String img = image.toString(), lab = labels.toString(), out = d.resolve("report_out").toString();
		List<Row> rows = new ArrayList<>();
		List<String> extract = List.of("extract", "--threads", "1", "--image", img, "--labels", lab, "--out", out + ".csv");
		Row plainRow = new Row("extract, 60 lesions, 1 thread", 0, extract, extract, python("pyrad_extract.py", img, lab, out + "_pyradiomics.csv"),
				pyradiomicsRepeat);
		rows.add(plainRow);
		List<String> studyRun = List.of("extract", "--threads", "1", "--preset", "study", "--image", img, "--labels", lab, "--out", out + ".csv");
		Row studyRow = new Row("extract --preset study, 1 thread", 0, studyRun, studyRun, null, 0);
		rows.add(studyRow);
		// the robustness pass as a user runs it: select extracts every lesion on the delineated, eroded and dilated
		// masks (then clusters the robust features and draws the heatmap, a few per cent of its run)
		List<String> select = List.of("select", "--threads", "1", "--image", img, "--labels", lab, "--overwrite", "--out", out + "_select");
		Row selectRow = new Row("select (robustness pass), 1 thread", 0, select, select, null, 0);
		rows.add(selectRow);
		List<String> filtered = List.of("extract", "--threads", "2", "--image-types", FILTERED, "--image", img, "--labels", lab, "--out", out + ".csv");
		rows.add(new Row("Original + LoG(3) + Wavelet, 2 threads", 3, filtered, filtered, null, 0));
		Path refImage = reference.resolve("multilesion/public_m1_image.nrrd"), refLabels = reference.resolve("multilesion/public_m1_label.nrrd");
		if (Files.isRegularFile(refImage) && Files.isRegularFile(refLabels)) {
			List<String> maps = List.of("maps", "--image", refImage.toString(), "--labels", refLabels.toString(), "--label", "12", "--kernel-radius", "1",
					"--threads", "2", "--overwrite", "--out", d.resolve("report_maps").toString());
			rows.add(new Row("maps, label 12 (1503 voxels), r=1, 2 threads", 0, maps, maps,
					python("pyrad_maps.py", refImage.toString(), refLabels.toString(), "12", out + "_maps_pyradiomics.csv", "--kernel-radius", "1"), repeat));
		}
		System.out.println("whole processes, median of " + repeat + " alternated runs, CPU s (user+sys) / wall s; ratios CPU / wall:");
		System.out.printf("  %-46s %15s %15s %15s %18s %18s%n", "command", "this build", "previous", "pyradiomics", "previous/this", "pyradiomics/this");
		Map<String, double[]> medians = new java.util.HashMap<>();
		for (Row row : rows) {
			List<double[]> mine = new ArrayList<>(), theirs = new ArrayList<>(), pyr = new ArrayList<>();
			List<String> me = new ArrayList<>(List.of(java, "-jar", self.toString()));
			me.addAll(row.current());
			List<String> prev = null;
			if (previous != null) {
				prev = new ArrayList<>(List.of(java, "-jar", previous.toString()));
				prev.addAll(row.previous());
			}
			for (int k = 0; k < repeat; k++) {
				mine.add(run(me));
				if (prev != null) theirs.add(run(prev));
				if (oracle != null && row.pyradiomics() != null && k < row.pyradiomicsRuns()) pyr.add(run(row.pyradiomics()));
			}
			double[] m = median(mine), t = median(theirs), p = median(pyr);
			medians.put(row.name(), m);
			System.out.printf("  %-46s %15s %15s %15s %18s %18s%s%n", row.name(), cell(m), cell(t), cell(p), ratio(t, m), ratio(p, m),
					row.target() > 0 ? String.format("  (target <= %.0f s wall: %s)", row.target(), m[1] <= row.target() ? "met" : "not met") : "");
		}
		wholeRatio("robustness pass (select) vs one extraction", medians.get(selectRow.name()), medians.get(plainRow.name()), 1.5);
		wholeRatio("study preset vs plain extraction", medians.get(studyRow.name()), medians.get(plainRow.name()), 2);
	}

	/** A ratio of two of this build's whole-process medians against its target, CPU and wall. */
	private static void wholeRatio(String what, double[] slower, double[] base, double target) {
		System.out.printf("  %s, whole processes: %.2fx CPU / %.2fx wall (target <= %.1fx: %s)%n", what, slower[0] / base[0], slower[1] / base[1], target,
				slower[1] / base[1] <= target ? "met" : "not met");
	}

	/** A pyradiomics oracle script run through a shell that sources the oracle's env.sh; null without --oracle. */
	private List<String> python(String script, String... args) {
		if (oracle == null) return null;
		StringBuilder command = new StringBuilder(". '" + oracle.resolve("env.sh") + "' && exec python3 '" + oracle.resolve("scripts").resolve(script) + "'");
		for (String a : args) command.append(" '").append(a).append("'");
		return List.of("bash", "-c", command.toString());
	}

	/** Runs a process to its end, output discarded: {CPU seconds (children's user + system, NaN off Linux), wall seconds}. */
	private static double[] run(List<String> command) throws IOException, InterruptedException {
		double cpu0 = childrenCpu();
		long t = System.nanoTime();
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		int code = p.waitFor();
		double wall = (System.nanoTime() - t) / 1e9;
		if (code != 0) throw new IllegalStateException("exit code " + code + " from: " + String.join(" ", command));
		return new double[] { childrenCpu() - cpu0, wall };
	}

	/** cutime + cstime of this process (fields 16 and 17 of /proc/self/stat, in clock ticks of 1/100 s). */
	private static double childrenCpu() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
		} catch (IOException | RuntimeException e) {
			return Double.NaN;
		}
	}

	private static double[] median(List<double[]> runs) {
		if (runs.isEmpty()) return null;
		double[] out = new double[2];
		for (int c = 0; c < 2; c++) {
			double[] v = new double[runs.size()];
			for (int k = 0; k < v.length; k++) v[k] = runs.get(k)[c];
			Arrays.sort(v);
			out[c] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
		}
		return out;
	}

	private static String cell(double[] m) { return m == null ? "-" : String.format("%.2f / %.2f", m[0], m[1]); }

	private static String ratio(double[] other, double[] mine) {
		return other == null ? "-" : String.format("%.2fx / %.2fx", other[0] / mine[0], other[1] / mine[1]);
	}
}
