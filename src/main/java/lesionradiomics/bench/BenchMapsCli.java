package lesionradiomics.bench;

import lesionradiomics.demo.SyntheticCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.VoxelMaps;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;
import net.imglib2.img.array.ArrayImgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-maps}: the voxel-map benchmark. Lesions of the {@code bench} case (generated in memory) up to a voxel
 * budget: voxels per second per feature class and for all 93 features, kernel radius 1 and 2, at 1 and 2 threads;
 * the speed-up over the straightforward per-voxel computation; first-order cost against the kernel's volume; and, when
 * pyradiomics' reference maps are beside the project, the time per voxel of its two lesions against pyradiomics'.
 */
@Command(name = "bench-maps", mixinStandardHelpOptions = true,
		description = { "Benchmark voxel-wise feature maps (93 features, kernel radius 1 and 2).",
				"%nVoxels/s per feature class at 1 and 2 threads on lesions of the bench case,",
				"against the straightforward computation and, with ../shared, pyradiomics." })
public final class BenchMapsCli implements Callable<Integer> {

	/**
	 * pyradiomics 3.1's time per voxel (ms) for all 93 features, one thread, from ../shared/reference/voxelmaps/README.md:
	 * label 8 at r = 1 and 2, label 12 at r = 1 and 2.
	 */
	static final double[][] PYRADIOMICS_MS_PER_VOXEL = { { 1.5, 1.6 }, { 1.2, 1.4 } };
	static final long[] REFERENCE_LABELS = { 8, 12 };

	@Option(names = "--voxels", paramLabel = "N", description = "Lesion voxels mapped per measurement (default 20000).")
	int budget = 20000;

	@Option(names = "--repeat", paramLabel = "N", description = "Timed repetitions after one warm-up (default 2; the best is kept).")
	int repeat = 2;

	@Option(names = "--reference", paramLabel = "DIR", description = "pyradiomics' reference folder (default: $LESION_RADIOMICS_SHARED/reference, ../shared/reference, or the one beside this jar's checkout, when present).")
	Path reference = BenchCommands.sharedReference();

	private static final String[] CLASSES = { "firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm", "all" };

	@Override
	public Integer call() throws Exception {
		if (budget < 1 || repeat < 1) throw new IllegalArgumentException("--voxels (" + budget + ") and --repeat (" + repeat + ") must be at least 1");
		if (!java.nio.file.Files.isDirectory(reference) && !reference.equals(BenchCommands.sharedReference())) // only the default may be absent
			throw new IllegalArgumentException("--reference " + reference + ": no such folder");
		long t = System.nanoTime();
		SyntheticCase c = new SyntheticCase(new int[] { 512, 512, 120 }, new double[] { 0.78, 0.78, 2.5 }, 60, 20, 20000, 7, 60);
		long[] dims = { 512, 512, 120 };
		Volume volume = new Volume(ArrayImgs.shorts(c.image, dims), c.geometry);
		LabelMap labels = new LabelMap(ArrayImgs.ints(c.labels, dims), c.geometry);
		List<Long> chosen = new ArrayList<>();
		long voxels = 0;
		for (SyntheticCase.Lesion l : c.lesions) {
			if (voxels >= budget) break;
			if (l.voxels > budget / 2) continue; // many lesions rather than one large one
			chosen.add((long) l.label);
			voxels += labels.lesions().get((long) l.label).voxelCount();
		}
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf("bench case generated in %.1f s; %d lesions, %d voxels mapped per measurement; %d cores, load average %.2f%n", (System.nanoTime() - t) / 1e9,
				chosen.size(), voxels, cores, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("voxels/s (best of " + repeat + "), fast computation:");
		System.out.printf("%-11s %12s %12s %12s %12s%n", "class", "r=1 1 thr", "r=1 2 thr", "r=2 1 thr", "r=2 2 thr");
		List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
			Thread thread = new Thread(r, "bench-maps-" + workers.size());
			thread.setDaemon(true);
			workers.add(thread);
			return thread;
		});
		this.workers = workers;
		try {
			return run(volume, labels, chosen, voxels, pool);
		} finally {
			pool.shutdownNow();
		}
	}

	private int run(Volume volume, LabelMap labels, List<Long> chosen, long voxels, java.util.concurrent.ExecutorService pool) throws Exception {
		double[][] all = new double[3][3];
		for (String cls : CLASSES) {
			FeatureSettings s = cls.equals("all") ? FeatureSettings.defaults() : FeatureSettings.builder().enable(cls).build();
			StringBuilder line = new StringBuilder(String.format("%-11s", cls));
			for (int r = 1; r <= 2; r++)
				for (int threads = 1; threads <= 2; threads++) {
					final int radius = r, th = threads;
					double seconds = best(() -> {
						for (long label : chosen) VoxelMaps.compute(volume, labels, label, s, radius, pool, th);
					});
					line.append(String.format(" %12.0f", voxels / seconds));
					if (cls.equals("all")) all[r][threads] = seconds / voxels;
				}
			System.out.println(line);
		}
		// the straightforward computation, on the first lesions (it is slow), all features
		List<Long> few = new ArrayList<>();
		long fewVoxels = 0;
		for (long label : chosen) {
			if (fewVoxels >= 3000) break;
			few.add(label);
			fewVoxels += labels.lesions().get(label).voxelCount();
		}
		long fv = fewVoxels;
		for (int r = 1; r <= 2; r++) {
			final int radius = r;
			double reference = best(() -> {
				for (long label : few) VoxelMaps.straightforward(volume, labels, label, FeatureSettings.defaults(), radius);
			}) / fv;
			double fast = best(() -> {
				for (long label : few) VoxelMaps.compute(volume, labels, label, FeatureSettings.defaults(), radius);
			}) / fv;
			System.out.printf("all features, r=%d: straightforward %.1f us/voxel, fast %.1f us/voxel (1 thread) = %.1fx; %.1fx with 2 threads%n", r,
					reference * 1e6, fast * 1e6, reference / fast, reference / all[r][2]);
		}
		// first order against the kernel's volume
		FeatureSettings firstOrder = FeatureSettings.builder().enable("firstorder").build();
		StringBuilder fo = new StringBuilder("first order, 1 thread, us/voxel by kernel volume:");
		for (int r = 1; r <= 3; r++) {
			final int radius = r;
			double fast = best(() -> {
				for (long label : few) VoxelMaps.compute(volume, labels, label, firstOrder, radius);
			}) / fv;
			double reference = best(() -> {
				for (long label : few) VoxelMaps.straightforward(volume, labels, label, firstOrder, radius);
			}) / fv;
			int side = 2 * r + 1;
			fo.append(String.format(" r=%d (%d voxels) fast %.2f, straightforward %.2f;", r, side * side * side, fast * 1e6, reference * 1e6));
		}
		System.out.println(fo);
		Path image = reference.resolve("multilesion/public_m1_image.nrrd"), labelFile = reference.resolve("multilesion/public_m1_label.nrrd");
		if (!Files.isRegularFile(image) || !Files.isRegularFile(labelFile)) {
			System.out.println("pyradiomics comparison skipped: " + image + " not found");
			return 0;
		}
		Volume refImage = NrrdReader.read(image).asVolume();
		LabelMap refLabels = NrrdReader.read(labelFile).asLabelMap();
		int runs = Math.max(REFERENCE_RUNS, repeat);
		System.out.println("pyradiomics' reference lesions (all 93 features), median of " + runs + " runs after 1 s of warm-up: wall ms per voxel = speed-up over");
		System.out.println("pyradiomics' time (README timings), and CPU ms per voxel (calling and pool threads; other load inflates wall, hardly CPU):");
		for (int k = 0; k < REFERENCE_LABELS.length; k++) {
			long label = REFERENCE_LABELS[k];
			long n = refLabels.lesions().get(label).voxelCount();
			StringBuilder line = new StringBuilder(String.format("label %d (%d voxels):", label, n));
			for (int r = 1; r <= 2; r++)
				for (int threads = 1; threads <= 2; threads++) {
					final int radius = r, th = threads;
					double[] wallCpu = median(runs, () -> VoxelMaps.compute(refImage, refLabels, label, FeatureSettings.defaults(), radius, pool, th));
					double wall = wallCpu[0] / n * 1e3, cpu = wallCpu[1] / n * 1e3;
					line.append(String.format(" r=%d %d thr %.4f ms = %.0fx (CPU %.4f);", r, threads, wall, PYRADIOMICS_MS_PER_VOXEL[k][r - 1] / wall, cpu));
				}
			System.out.println(line);
		}
		return 0;
	}

	/** Runs per reference-lesion measurement at least: they take milliseconds, and a median needs a few. */
	private static final int REFERENCE_RUNS = 7;

	/** The pool's threads, whose CPU time the reference-lesion measurement adds to the calling thread's. */
	private List<Thread> workers = List.of();

	/**
	 * Warm-up of each reference-lesion measurement: a lesion's maps take milliseconds, and one run did not let the
	 * compiler settle on the code this lesion's kernels take (label 8 on 2 threads measured 20 us/voxel after one
	 * warm-up, 10 after a second of them).
	 */
	private static final double WARM_UP_SECONDS = 1;

	/** Median wall and CPU seconds (calling thread + pool threads) of {@code runs} runs after {@link #WARM_UP_SECONDS} of warm-up runs. */
	private double[] median(int runs, Step step) throws Exception {
		java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
		double[] wall = new double[runs], cpu = new double[runs];
		for (long start = System.nanoTime(); System.nanoTime() - start < WARM_UP_SECONDS * 1e9;) step.run();
		for (int k = 0; k < runs; k++) {
			long c = cpuNanos(mx), t = System.nanoTime();
			step.run();
			wall[k] = (System.nanoTime() - t) / 1e9;
			cpu[k] = (cpuNanos(mx) - c) / 1e9;
		}
		java.util.Arrays.sort(wall);
		java.util.Arrays.sort(cpu);
		return new double[] { wall[runs / 2], cpu[runs / 2] };
	}

	private long cpuNanos(java.lang.management.ThreadMXBean mx) {
		long sum = mx.getCurrentThreadCpuTime();
		for (Thread t : workers) sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
		return sum;
	}

	private interface Step {
		void run() throws Exception;
	}

	private double best(Step step) throws Exception {
		double best = Double.MAX_VALUE;
		for (int k = 0; k <= repeat; k++) {
			long t = System.nanoTime();
			step.run();
			if (k > 0 || repeat == 0) best = Math.min(best, (System.nanoTime() - t) / 1e9);
		}
		return best;
	}
}
