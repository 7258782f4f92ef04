package lesionradiomics.bench;

import lesionradiomics.demo.SyntheticCase;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.HeterogeneityWorkflow;
import lesionradiomics.workflow.SamplingOptions;
import lesionradiomics.workflow.SamplingWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-analysis}: heterogeneity analysis on a synthetic cohort of feature vectors. */
@Command(name = "bench-analysis", mixinStandardHelpOptions = true,
		description = "Benchmark the heterogeneity analysis (CVs, organ CVs, dissimilarity, MTD/ATH, tests) on synthetic features.")
public final class BenchAnalysisCli implements Callable<Integer> {

	@Option(names = "--patients", description = "Patients (default 1000).")
	int patients = 1000;

	@Option(names = "--lesions", description = "Lesions per patient (default 70).")
	int lesions = 70;

	@Option(names = "--features", description = "Features per lesion (default 107).")
	int features = 107;

	@Option(names = "--seed", description = "Random seed (default 1).")
	long seed = 1;

	/** Lesions of a site share a site profile, so sites differ more than lesions within a site. */
	static FeatureMatrix synthetic(int patients, int lesions, int features, int sites, long seed) {
		SplittableRandom root = new SplittableRandom(seed);
		List<FeatureMatrix.Lesion> rows = new ArrayList<>();
		double[][] v = new double[patients * lesions][features];
		List<String> names = new ArrayList<>();
		for (int f = 0; f < features; f++) names.add("original_" + SyntheticCase.SITES[f % 7].replace(' ', '-') + "_F" + f);
		for (int p = 0; p < patients; p++) {
			SplittableRandom r = root.split();
			double[][] profile = new double[sites][features];
			for (double[] s : profile) for (int f = 0; f < features; f++) s[f] = 100 + 40 * r.nextGaussian();
			for (int l = 0; l < lesions; l++) {
				int site = l < sites ? l : r.nextInt(sites);
				rows.add(new FeatureMatrix.Lesion(String.format("P%04d", p), l + 1, SyntheticCase.SITES[site % 7]));
				for (int f = 0; f < features; f++) v[p * lesions + l][f] = profile[site][f] * (1 + 0.15 * r.nextGaussian());
			}
		}
		return new FeatureMatrix(rows, names, v);
	}

	@Override
	public Integer call() {
		// a benchmark of nothing would print timings of an empty analysis with exit 0
		if (patients < 1 || lesions < 2 || features < 1)
			throw new IllegalArgumentException("--patients (" + patients + ") and --features (" + features + ") must be at least 1, --lesions (" + lesions
					+ ") at least 2 per patient");
		FeatureMatrix m = synthetic(patients, lesions, features, 5, seed);
		for (int k = 0; k < 3; k++) {
			long t = System.nanoTime();
			HeterogeneityWorkflow.Result r = HeterogeneityWorkflow.run(m, HeterogeneityOptions.DEFAULTS, java.util.Map.of());
			System.out.printf("heterogeneity of %d patients x %d lesions x %d features: %.2f s (%d CVs, %d organ CVs, %d tests)%n", patients, lesions,
					features, (System.nanoTime() - t) / 1e9, r.cvPatient().size(), r.cvSite().size(), r.tests().size());
		}
		// sampling: 100 patients x 70 lesions, the 6 study strategies + exhaustive, 500 simulations, curves k = 2..15
		FeatureMatrix small = synthetic(100, lesions, features, 5, seed);
		for (int k = 0; k < 2; k++) {
			long t = System.nanoTime();
			SamplingOptions o = SamplingOptions.DEFAULTS;
			lesionradiomics.sampling.Simulation.Result r;
			try (Execution execution = Execution.of(0, lesionradiomics.progress.Progress.NONE)) {
				r = SamplingWorkflow.run(small, small, o, execution).simulation();
			}
			System.out.printf("sampling of 100 patients x %d lesions: %d strategies x %d simulations + curves k = 2..15: %.2f s (%d threads)%n", lesions,
					r.strategies.size() / (2 * 101), o.simulations(), (System.nanoTime() - t) / 1e9, Runtime.getRuntime().availableProcessors());
		}
		return 0;
	}
}
