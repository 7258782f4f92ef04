package lesionradiomics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import lesionradiomics.analysis.Correlation;
import lesionradiomics.model.ElasticNet;
import lesionradiomics.model.ElasticNetCv;
import lesionradiomics.model.RandomForest;
import lesionradiomics.workflow.SignatureOptions;
import lesionradiomics.workflow.SignatureWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-signature}: the Dercle-sized problem (300 lesions × 1,800 features, binary outcome): a 10-fold CV LASSO
 * and a random forest of 500 trees with permutation importance, then the whole signature workflow (split, LASSO and
 * forest). Wall and process CPU time per step.
 */
@Command(name = "bench-signature", mixinStandardHelpOptions = true,
		description = "Benchmark the signature models on a Dercle-sized problem (300 lesions x 1800 features).")
public final class BenchSignatureCli implements Callable<Integer> {

	@Option(names = "--lesions", description = "Lesions (default 300, 3 per patient).")
	int lesions = 300;

	@Option(names = "--features", description = "Features (default 1800).")
	int features = 1800;

	@Option(names = "--trees", description = "Trees of the forest (default 500).")
	int trees = 500;

	@Option(names = "--threads", description = "Threads (default 2).")
	int threads = 2;

	@Option(names = "--seed", description = "Random seed (default 1).")
	long seed = 1;

	/**
	 * Features in correlated blocks of 20 (a shared factor, as radiomics features of one class are); the outcome is a
	 * logistic function of the first feature of three blocks; a patient's lesions share a patient effect.
	 */
	static SignatureWorkflow.Data synthetic(int n, int p, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		double[][] x = new double[n][p];
		boolean[] y = new boolean[n];
		List<String> patients = new ArrayList<>(), keys = new ArrayList<>(), names = new ArrayList<>();
		for (int j = 0; j < p; j++) names.add("original_glcm_F" + j);
		double patientEffect = 0;
		for (int i = 0; i < n; i++) {
			if (i % 3 == 0) patientEffect = r.nextGaussian();
			patients.add(String.format("P%03d", i / 3));
			keys.add(Integer.toString(i % 3 + 1));
			double factor = 0;
			for (int j = 0; j < p; j++) {
				if (j % 20 == 0) factor = r.nextGaussian();
				x[i][j] = 0.7 * factor + 0.5 * r.nextGaussian() + 0.3 * patientEffect;
			}
			double eta = 1.5 * x[i][0] - 1.2 * x[i][20] + 1.0 * x[i][40];
			y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta));
		}
		return new SignatureWorkflow.Data(patients, keys, names, x, y, null, null, List.of());
	}

	private static double cpu() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() / 1e9 : Double.NaN;
	}

	private static void report(String what, long t0, double c0) {
		System.out.printf(Locale.ROOT, "%-58s wall %6.2f s   cpu %6.2f s%n", what, (System.nanoTime() - t0) / 1e9, cpu() - c0);
	}

	@Override
	public Integer call() {
		SignatureWorkflow.Data d = synthetic(lesions, features, seed);
		System.out.printf(Locale.ROOT, "%d lesions x %d features, %d positive; %d threads, %d cores; load average %.2f%n", d.rows(), features,
				java.util.stream.IntStream.range(0, d.rows()).filter(i -> d.y()[i]).count(), threads, Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		long all = System.nanoTime();
		double allCpu = cpu();
		long t = System.nanoTime();
		double c = cpu();
		int[] folds = ElasticNetCv.folds(d.rows(), 10, new SplittableRandom(seed));
		ElasticNetCv.Result cv = ElasticNetCv.binomial(d.x(), d.y(), folds, ElasticNet.Settings.of(1), true, threads);
		report(String.format(Locale.ROOT, "10-fold CV LASSO (%d lambdas, %d non-zero at lambda.min)", cv.fit().size(), cv.fit().nonZero(cv.indexMin())), t, c);
		t = System.nanoTime();
		c = cpu();
		RandomForest rf = RandomForest.fit(d.x(), d.y(), RandomForest.Settings.of(trees, seed), threads);
		double[] imp = rf.permutationImportance();
		int best = 0;
		for (int j = 1; j < imp.length; j++) if (imp[j] > imp[best]) best = j;
		report(String.format(Locale.ROOT, "random forest, %d trees + permutation importance (OOB %.3f, top F%d)", trees, rf.oobError(), best), t, c);
		report("models together", all, allCpu);
		for (SignatureOptions.Model m : List.of(SignatureOptions.Model.LASSO, SignatureOptions.Model.FOREST)) {
			t = System.nanoTime();
			c = cpu();
			SignatureOptions o = new SignatureOptions("y", List.of(), null, null, SignatureOptions.Validation.SPLIT, 2.0 / 3, 5, seed, 0.85, "ccc", 0,
					Correlation.Method.PEARSON, 0, m, 1, SignatureOptions.LambdaRule.MIN, 0, 10, trees, threads);
			SignatureWorkflow.Result r = SignatureWorkflow.run(d, Map.of(), o);
			report(String.format(Locale.ROOT, "signature workflow, %s, 2:1 split (validation AUC %.3f)", m.name().toLowerCase(Locale.ROOT),
					r.validation().roc() == null ? Double.NaN : r.validation().roc().auc()), t, c);
		}
		return 0;
	}
}
