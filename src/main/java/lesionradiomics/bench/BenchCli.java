package lesionradiomics.bench;

import lesionradiomics.demo.SyntheticCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.features.FeatureTable;
import lesionradiomics.progress.Progress;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.workflow.SelectionOptions;
import lesionradiomics.workflow.SelectionWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the extraction benchmark. Generates a synthetic CT of 512×512×120 voxels (0.78×0.78×2.5 mm) with 60
 * lesions of ~20 to ~20 000 voxels, saves it as gzip NRRD, then reads and extracts all 107 features at 1 thread and
 * at all cores, and prints total seconds, lesions per second and voxels per second; then the cost of the robustness
 * pass (original + eroded + dilated masks) relative to one extraction, without and with resampling.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Benchmark extraction on a generated 512x512x120 CT with 60 lesions.",
				"%nAll 107 features; times include reading the gzip NRRD files. For the",
				"whole-JVM figure, time the printed extract command." })
public final class BenchCli implements Callable<Integer> {

	@Option(names = "--dir", paramLabel = "DIR", description = "Where to write the benchmark case (default: a temporary folder).")
	Path dir;

	@Option(names = "--repeat", description = "Timed repetitions per thread count after one warm-up (default 3).")
	int repeat = 3;

	@Option(names = "--lesions", description = "Number of lesions (default 60).")
	int lesions = 60;

	@Option(names = "--standards", description = "Only time pyradiomics mode against IBSI mode (--preset ibsi) on the same case, 1 thread, paired runs.")
	boolean standards;

	@Override
	public Integer call() throws Exception {
		if (lesions < 1 || repeat < 1) // before generating the case, which takes seconds
			throw new IllegalArgumentException("--lesions (" + lesions + ") and --repeat (" + repeat + ") must be at least 1");
		Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("lesion-radiomics-bench");
		Path image = d.resolve("bench_image.nrrd"), labels = d.resolve("bench_labels.nrrd");
		if (!Files.exists(image) || !Files.exists(labels)) {
			long t = System.nanoTime();
			SyntheticCase c = new SyntheticCase(new int[] { 512, 512, 120 }, new double[] { 0.78, 0.78, 2.5 }, lesions, 20, 20000, 7, 60);
			c.write(d, "bench");
			System.out.printf("generated %s (%d lesions) in %.1f s%n", d, c.lesions.size(), (System.nanoTime() - t) / 1e9);
		}
		ExtractionOptions options = ExtractionOptions.DEFAULTS;
		if (standards) return standards(image, labels);
		int cores = Runtime.getRuntime().availableProcessors();
		long t0 = System.nanoTime();
		ExtractionWorkflow.Input in = ExtractionWorkflow.read(image, labels, null, "bench", options);
		System.out.printf("read both gzip NRRD files (concurrently): %.3f s (first read, cold)%n", (System.nanoTime() - t0) / 1e9);
		double single = 0, singleExtract = 0;
		for (int threads : List.of(1, cores)) {
			try (Execution execution = Execution.of(threads, Progress.NONE)) {
				readAndExtract(image, labels, options, execution); // warm-up
				double best = Double.MAX_VALUE, bestExtract = Double.MAX_VALUE;
				FeatureTable table = null;
				for (int k = 0; k < repeat; k++) {
					long t = System.nanoTime();
					table = readAndExtract(image, labels, options, execution);
					best = Math.min(best, (System.nanoTime() - t) / 1e9);
					t = System.nanoTime();
					ExtractionWorkflow.run(in, options, execution);
					bestExtract = Math.min(bestExtract, (System.nanoTime() - t) / 1e9);
				}
				long voxels = 0;
				for (FeatureTable.Row r : table.rows()) voxels += r.features().voxelCount();
				if (threads == 1) {
					single = best;
					singleExtract = bestExtract;
				}
				System.out.printf("threads %d: read + extract %.3f s, extract only %.3f s (best of %d); %.1f lesions/s, %.3g lesion voxels/s%s%n", threads,
						best, bestExtract, repeat, table.rows().size() / best, voxels / best,
						threads == 1 ? "" : String.format("; speed-up %.2fx (extract only %.2fx)", single / best, singleExtract / bestExtract));
			}
		}
		// robustness: original + eroded + dilated in one call versus one extraction (same images already read)
		try (Execution execution = Execution.of(cores, Progress.NONE)) {
			for (ExtractionOptions o : List.of(options, new ExtractionOptions("study", java.util.Map.of(), "", List.of(), List.of(), 0, 0, "error", List.of("core"), 2))) {
				double one = best(() -> ExtractionWorkflow.run(in, o, execution));
				double three = best(() -> ExtractionWorkflow.run(in, o, SelectionWorkflow.perturbations(SelectionOptions.DEFAULTS), execution));
				System.out.printf("robustness (original + eroded + dilated, %d threads, preset %s): %.3f s vs one extraction %.3f s = %.2fx%n", cores,
						o.preset(), three, one, three / one);
			}
		}
		// filtered image types: LoG (3 sigmas) + wavelet versus original only, all cores
		try (Execution execution = Execution.of(cores, Progress.NONE)) {
			ExtractionOptions filtered = new ExtractionOptions("pyradiomics", java.util.Map.of(), "Original;LoG:sigma=1,3,5;Wavelet", List.of(), List.of(), 0,
					0, "error", List.of("core"), 2);
			double plain = best(() -> ExtractionWorkflow.run(in, options, execution));
			double withFilters = best(() -> ExtractionWorkflow.run(in, filtered, execution));
			System.out.printf("image types Original + LoG (sigma 1, 3, 5 mm) + Wavelet (12 images, %d features), %d threads: %.3f s vs original only %.3f s"
					+ " = %.2fx (%.2fx per image)%n", lesionradiomics.features.FeatureRegistry.columns(filtered.featureSettings()).size(), cores, withFilters, plain, withFilters / plain,
					withFilters / plain / 12);
		}
		System.out.println("whole run incl. JVM start: time java -jar target/lesion-radiomics-cli.jar extract --threads 1 --image " + image
				+ " --labels " + labels + " --out " + d.resolve("bench_features.csv"));
		return 0;
	}

	/**
	 * pyradiomics mode against IBSI mode, 1 thread, alternating runs so both see the same load: the extraction alone
	 * (images read once before) and read + extract (what a run of {@code extract} does after start-up), each as wall
	 * seconds and process CPU seconds (user + system of the whole JVM), with the median of the paired ratios.
	 */
	private int standards(Path image, Path labels) throws Exception {
		ExtractionOptions py = ExtractionOptions.DEFAULTS;
		ExtractionOptions ibsi = new ExtractionOptions("ibsi", java.util.Map.of(), "Original", List.of(), List.of(), 0, 0, "error", List.of(), 2);
		ExtractionWorkflow.Input inPy = ExtractionWorkflow.read(image, labels, null, "bench", py);
		ExtractionWorkflow.Input inIbsi = ExtractionWorkflow.read(image, labels, null, "bench", ibsi);
		// [mode][0 extraction alone, 1 read + extract][0 wall, 1 CPU][run]
		double[][][][] t = new double[2][2][2][repeat];
		int[] columns = new int[2];
		try (Execution execution = Execution.of(1, Progress.NONE)) {
			ExtractionWorkflow.run(inPy, py, execution); // warm-up
			ExtractionWorkflow.run(inIbsi, ibsi, execution);
			for (int k = 0; k < repeat; k++) {
				for (int m = 0; m < 2; m++) {
					ExtractionOptions o = m == 0 ? py : ibsi;
					ExtractionWorkflow.Input in = m == 0 ? inPy : inIbsi;
					double[] alone = timed(() -> ExtractionWorkflow.run(in, o, execution));
					double[] read = timed(() -> readAndExtract(image, labels, o, execution));
					for (int w = 0; w < 2; w++) {
						t[m][0][w][k] = alone[w];
						t[m][1][w][k] = read[w];
					}
				}
				System.out.printf("run %d: extraction alone pyradiomics %.3f s wall (%.3f s CPU), ibsi %.3f s wall (%.3f s CPU); with reading pyradiomics"
						+ " %.3f s (%.3f), ibsi %.3f s (%.3f)%n", k + 1, t[0][0][0][k], t[0][0][1][k], t[1][0][0][k], t[1][0][1][k], t[0][1][0][k], t[0][1][1][k],
						t[1][1][0][k], t[1][1][1][k]);
			}
			columns[0] = ExtractionWorkflow.run(inPy, py, execution).table().rows().get(0).features().values().size();
			columns[1] = ExtractionWorkflow.run(inIbsi, ibsi, execution).table().rows().get(0).features().values().size();
		}
		System.out.printf("%d lesions requested, 1 thread, pyradiomics mode (%d columns) against IBSI mode (%d columns, 3D), medians of %d paired runs:%n",
				lesions, columns[0], columns[1], repeat);
		for (int part = 0; part < 2; part++)
			System.out.printf("  %-18s pyradiomics %.3f s wall (%.3f s CPU), IBSI %.3f s wall (%.3f s CPU): IBSI / pyradiomics %.2fx wall, %.2fx CPU%n",
					part == 0 ? "extraction alone:" : "read + extract:", median(t[0][part][0]), median(t[0][part][1]), median(t[1][part][0]),
					median(t[1][part][1]), median(ratios(t[1][part][0], t[0][part][0])), median(ratios(t[1][part][1], t[0][part][1])));
		return 0;
	}

	/** {wall seconds, process CPU seconds} of one run of {@code step}. */
	private static double[] timed(Step step) throws Exception {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		long c = os.getProcessCpuTime(), w = System.nanoTime();
		step.run();
		return new double[] { (System.nanoTime() - w) / 1e9, (os.getProcessCpuTime() - c) / 1e9 };
	}

	private static double[] ratios(double[] a, double[] b) {
		double[] r = new double[a.length];
		for (int i = 0; i < r.length; i++) r[i] = a[i] / b[i];
		return r;
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		java.util.Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	/** A timed step of the benchmark. */
	private interface Step {
		void run() throws Exception;
	}

	/** Best wall-clock seconds of {@code repeat} + 1 runs (the first one warms up). */
	private double best(Step step) throws Exception {
		double best = Double.MAX_VALUE;
		for (int k = 0; k < repeat + 1; k++) {
			long t = System.nanoTime();
			step.run();
			best = Math.min(best, (System.nanoTime() - t) / 1e9);
		}
		return best;
	}

	private static FeatureTable readAndExtract(Path image, Path labels, ExtractionOptions options, Execution execution) throws Exception {
		return ExtractionWorkflow.run(ExtractionWorkflow.read(image, labels, null, "bench", options), options, execution).table();
	}
}
