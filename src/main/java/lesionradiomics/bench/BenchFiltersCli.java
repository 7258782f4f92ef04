package lesionradiomics.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import lesionradiomics.preprocess.filter.FilterSpec;
import lesionradiomics.preprocess.filter.ResponseFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-filters}: milliseconds per 64³ image (IBSI 2's phantom size, 2 mm voxels; a seeded random image
 * generated in memory) for each IBSI 2 filter of the phase-1 tests, best of a few runs after a warm-up.
 */
@Command(name = "bench-filters", mixinStandardHelpOptions = true,
		description = { "Benchmark the IBSI 2 filters: ms per 64^3 image and filter.",
				"%nOne line per filter (the phase-1 test settings), best of --repeat runs." })
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

	@Override
	public Integer call() {
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
}
