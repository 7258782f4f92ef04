package lesionradiomics.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import lesionradiomics.demo.SyntheticCase;
import lesionradiomics.preprocess.filter.BoxFiltering;
import lesionradiomics.preprocess.filter.FilterSpec;
import lesionradiomics.preprocess.filter.ResponseFilter;
import lesionradiomics.progress.Progress;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-filters}: milliseconds per 64³ image (IBSI 2's phantom size, 2 mm voxels; a seeded random image
 * generated in memory) for each IBSI 2 filter of the phase-1 tests, best of a few runs after a warm-up. With
 * {@code --lesion-case}, seconds (wall and process CPU) for LoG + Laws + Gabor + wavelet on the bench's generated
 * 512 × 512 × 120 CT with 60 lesions: filtering the whole image, or each lesion's box by the margin rule, or the
 * whole extraction with those image types. One mode per run, so that {@code /usr/bin/time -f %M} gives its peak RSS.
 */
@Command(name = "bench-filters", mixinStandardHelpOptions = true,
		description = { "Benchmark the IBSI 2 filters: ms per 64^3 image and filter.",
				"%nOne line per filter (the phase-1 test settings), best of --repeat runs.",
				"%nWith --lesion-case whole|boxes|extract: seconds for LoG, Laws, Gabor and",
				"wavelet on the generated 512x512x120 CT with 60 lesions (whole image, lesion",
				"boxes by the margin rule, or the extraction with those image types)." })
public final class BenchFiltersCli implements Callable<Integer> {

	static final List<String> FILTERS = List.of("Mean:support=15,boundary=mirror", "LoG:sigma=3,boundary=zero", "LoG:sigma=5,boundary=mirror",
			"Laws:kernel=E5L5S5,boundary=zero", "Laws:kernel=E5L5S5,rotation=invariant,pooling=max,energy=7,boundary=zero",
			"Gabor:sigma=10,lambda=4,gamma=0.5,theta=pi/3,boundary=zero",
			"Gabor:sigma=20,lambda=8,gamma=2.5,theta=0,step=pi/8,planes=3,pooling=average,boundary=mirror",
			"Wavelet:family=coif1,band=HHL,level=1,boundary=periodic", "Wavelet:family=db2,band=LHL,level=1,rotation=invariant,boundary=zero",
			"Wavelet:family=haar,band=HHH,level=2,rotation=invariant,boundary=mirror", "Simoncelli:level=1", "RieszLoG:sigma=3,riesz=100,boundary=zero",
			"Simoncelli:level=1,riesz=020");

	@Option(names = "--repeat", paramLabel = "N", description = "Timed runs per filter after one warm-up (default 3; the best is kept).")
	int repeat = 3;

	@Option(names = "--size", paramLabel = "N", description = "Edge of the cubic image in voxels (default 64).")
	int n = 64;

	/** The lesion case's filters: issue 25's LoG + Laws + Gabor + wavelet, as IBSI 2 phase 2 sets them. */
	static final List<String> CASE_FILTERS = List.of("LoG:sigma=1.5,boundary=mirror",
			"Laws:kernel=L5E5E5,rotation=invariant,pooling=max,energy=7,boundary=mirror",
			"Gabor:sigma=5,lambda=2,gamma=1.5,theta=0,step=22.5,pooling=average,boundary=mirror",
			"Wavelet:family=db3,band=LLH,level=2,rotation=invariant,pooling=average,boundary=mirror");

	@Option(names = "--lesion-case", paramLabel = "MODE", description = "whole, boxes or extract: time the 60-lesion case instead (see above).")
	String lesionCase;

	@Override
	public Integer call() throws Exception {
		if (lesionCase != null) return lesionCase(lesionCase);
		if (n < 8 || repeat < 1) // the filters' supports need a few voxels; a best of no run would print Long.MAX_VALUE
			throw new IllegalArgumentException("--size (" + n + ") must be at least 8 and --repeat (" + repeat + ") at least 1");
		int[] size = { n, n, n };
		double[] spacing = { 2, 2, 2 };
		double[] image = new double[n * n * n];
		SplittableRandom r = new SplittableRandom(20250);
		for (int i = 0; i < image.length; i++) image[i] = r.nextInt(256);
		System.out.printf(Locale.ROOT, "IBSI 2 filters on a %d^3 image, %d cores: ms per image (best of %d)%n", n, Runtime.getRuntime().availableProcessors(),
				repeat);
		for (String spec : FILTERS) {
			ResponseFilter f = FilterSpec.parse(spec);
			f.apply(image, size, spacing);
			long best = Long.MAX_VALUE;
			for (int k = 0; k < repeat; k++) {
				long t0 = System.nanoTime();
				f.apply(image, size, spacing);
				best = Math.min(best, System.nanoTime() - t0);
			}
			System.out.printf(Locale.ROOT, "%10.1f ms  %s%n", best / 1e6, f.spec());
		}
		return 0;
	}

	static double cpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
	}

	private int lesionCase(String mode) throws Exception {
		if (!List.of("whole", "boxes", "extract").contains(mode)) {
			System.err.println("bench-filters: --lesion-case must be whole, boxes or extract, is '" + mode + "'");
			return 2;
		}
		long t = System.nanoTime();
		SyntheticCase c = new SyntheticCase(new int[] { 512, 512, 120 }, new double[] { 0.78, 0.78, 2.5 }, 60, 20, 20000, 7, 60); // the bench case
		int[] size = { 512, 512, 120 };
		double[] spacing = { 0.78, 0.78, 2.5 };
		System.out.printf(Locale.ROOT, "generated the bench case (512x512x120, %d lesions) in %.1f s; mode %s, %d cores%n", c.lesions.size(),
				(System.nanoTime() - t) / 1e9, mode, Runtime.getRuntime().availableProcessors());
		double cpu0 = cpuSeconds();
		long wall0 = System.nanoTime();
		if (mode.equals("extract")) {
			Path d = Files.createTempDirectory("lesion-radiomics-bench-filters");
			c.write(d, "bench");
			String types = "Original;" + String.join(";", CASE_FILTERS);
			ExtractionOptions o = new ExtractionOptions("pyradiomics", java.util.Map.of(), types, List.of(), List.of(), 0, 0, "error", List.of("core"), 2);
			ExtractionWorkflow.Input in = ExtractionWorkflow.read(d.resolve("bench_image.nrrd"), d.resolve("bench_labels.nrrd"), null, "bench", o);
			cpu0 = cpuSeconds();
			wall0 = System.nanoTime();
			try (Execution execution = Execution.of(Runtime.getRuntime().availableProcessors(), Progress.NONE)) {
				ExtractionWorkflow.Result r = ExtractionWorkflow.run(in, o, execution);
				System.out.printf(Locale.ROOT, "extraction with %s: %d lesions%n", types, r.table().rows().size());
			}
			for (String f : new String[] { "bench_image.nrrd", "bench_labels.nrrd" }) Files.delete(d.resolve(f));
			Files.delete(d);
		} else {
			// the lesions' boxes, from the label image
			int lesions = 0;
			for (int l : c.labels) lesions = Math.max(lesions, l);
			int[][] lo = new int[lesions + 1][], hi = new int[lesions + 1][];
			for (int i = 0; i < c.labels.length; i++) {
				int l = c.labels[i];
				if (l == 0) continue;
				int[] p = { i % size[0], (i / size[0]) % size[1], i / (size[0] * size[1]) };
				if (lo[l] == null) {
					lo[l] = p.clone();
					hi[l] = p.clone();
				}
				for (int d = 0; d < 3; d++) {
					lo[l][d] = Math.min(lo[l][d], p[d]);
					hi[l][d] = Math.max(hi[l][d], p[d]);
				}
			}
			List<int[][]> boxes = new ArrayList<>();
			for (int l = 1; l <= lesions; l++) if (lo[l] != null) boxes.add(new int[][] { lo[l], hi[l] });
			short[] image = c.image;
			for (String spec : CASE_FILTERS) {
				ResponseFilter f = FilterSpec.parse(spec);
				double cpu = cpuSeconds();
				long wall = System.nanoTime();
				double sum = 0; // of the responses inside the boxes, so that nothing is optimised away
				if (mode.equals("whole")) {
					double[] values = new double[image.length];
					for (int i = 0; i < values.length; i++) values[i] = image[i];
					double[] r = f.apply(values, size, spacing);
					for (int[][] b : boxes) sum += r[b[0][0] + size[0] * (b[0][1] + size[1] * b[0][2])];
				} else {
					for (int[][] b : boxes) sum += BoxFiltering.inBox(f, i -> image[i], size, spacing, b[0], b[1])[0];
				}
				System.out.printf(Locale.ROOT, "%8.2f s wall %8.2f s CPU  %s%s  (check %.6g)%n", (System.nanoTime() - wall) / 1e9, cpuSeconds() - cpu, spec,
						mode.equals("boxes") && !BoxFiltering.cheaper(f, size, spacing, boxes) ? " (boxes not cheaper here)" : "", sum);
			}
		}
		System.out.printf(Locale.ROOT, "total: %.2f s wall, %.2f s CPU (peak RSS: run under /usr/bin/time -f %%M)%n", (System.nanoTime() - wall0) / 1e9, cpuSeconds() - cpu0);
		return 0;
	}
}
