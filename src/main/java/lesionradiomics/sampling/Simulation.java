package lesionradiomics.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

import lesionradiomics.features.FirstOrder;
import lesionradiomics.progress.Parallel;
import lesionradiomics.progress.Progress;

/**
 * Repeated seeded sampling of every patient with every strategy: per patient and for the cohort (per simulation, the
 * mean over patients) the mean recovered percentage and its 2.5–97.5 percentile interval, and recovery curves for
 * k lesions at random. The generator of (patient, strategy, simulation) is derived from the seed and their names alone,
 * so the same seed gives the same numbers whatever the thread count and whichever other patients are analysed.
 */
public final class Simulation {

	/** Mean and 95 % interval of a recovered percentage. */
	public static final class Summary {
		public final String patient;
		public final String strategy;
		public final Recovery.Index index;
		public final double mean;
		public final double low;
		public final double high;

		Summary(String patient, String strategy, Recovery.Index index, double[] percentages) {
			this.patient = patient;
			this.strategy = strategy;
			this.index = index;
			double[] v = Arrays.stream(percentages).filter(x -> !Double.isNaN(x)).sorted().toArray();
			this.mean = v.length == 0 ? Double.NaN : Arrays.stream(v).average().getAsDouble();
			this.low = v.length == 0 ? Double.NaN : FirstOrder.percentile(v, 2.5);
			this.high = v.length == 0 ? Double.NaN : FirstOrder.percentile(v, 97.5);
		}
	}

	/** Everything simulated. {@code COHORT} rows hold the per-simulation means over patients. */
	public static final class Result {
		public static final String COHORT = "cohort";
		public final List<String> patients = new ArrayList<>();
		/** Index on all lesions per patient: {MTD, ATH}. */
		public final List<double[]> exhaustive = new ArrayList<>();
		public final List<Summary> strategies = new ArrayList<>();
		/** Curve points: strategy name is the k. */
		public final List<Summary> curves = new ArrayList<>();
		public final int kMin, kMax;

		Result(int kMin, int kMax) {
			this.kMin = kMin;
			this.kMax = kMax;
		}

		/** Smallest k whose mean recovery reaches {@code targetPercent} for the patient (or cohort); -1 when none. */
		public int smallestK(String patient, Recovery.Index index, double targetPercent) {
			for (Summary s : curves)
				if (s.patient.equals(patient) && s.index == index && s.mean >= targetPercent) return Integer.parseInt(s.strategy);
			return -1;
		}
	}

	private final int simulations;
	private final long seed;
	private final boolean plainRatio;

	public Simulation(int simulations, long seed, boolean plainRatio) {
		if (simulations < 1) throw new IllegalArgumentException("simulations must be >= 1");
		this.simulations = simulations;
		this.seed = seed;
		this.plainRatio = plainRatio;
	}

	/** SplitMix64's finaliser: decorrelates nearby inputs. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** A stable 64-bit hash of a name (FNV-1a over its UTF-8 bytes): the same in every JVM and on every machine. */
	static long hash(String name) {
		long h = 0xcbf29ce484222325L;
		for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		return h;
	}

	/**
	 * The generator of one (patient, strategy, simulation), from the seed and the names only: adding or removing a
	 * patient or a strategy never changes another one's draws.
	 */
	SplittableRandom random(String patient, String strategy, int simulation) {
		return new SplittableRandom(mix(mix(mix(mix(seed) + hash(patient)) + hash(strategy)) + simulation));
	}

	/** recovered % per simulation, [index][simulation], of one patient and strategy. */
	double[][] simulate(PatientLesions p, Strategy s, double[] full, Progress progress) {
		double[][] out = new double[2][simulations];
		int runs = s.isRandom() ? simulations : 1;
		for (int i = 0; i < runs; i++) {
			if ((i & 1023) == 1023) progress.checkCancelled(); // Esc is honoured within a fraction of a second
			int[] subset = s.select(p, s.isRandom() ? random(p.patient, s.name(), i) : null);
			double[] sub = Recovery.indexes(p.distance, subset);
			for (int x = 0; x < 2; x++) out[x][i] = 100 * Recovery.fraction(sub[x], full[x], subset.length, plainRatio);
		}
		if (runs == 1) for (double[] o : out) Arrays.fill(o, o[0]);
		return out;
	}

	/** Simulates every patient (in parallel on {@code executor}, or on this thread when null) with every strategy. */
	public Result run(List<PatientLesions> patients, List<Strategy> strategies, int kMin, int kMax, Executor executor, Progress progress) {
		Result result = new Result(kMin, kMax);
		List<Strategy> curve = new ArrayList<>();
		for (int k = kMin; k <= kMax; k++) curve.add(Strategy.random(k));
		List<Strategy> all = new ArrayList<>(strategies);
		all.addAll(curve);
		int np = patients.size(), ns = all.size();
		// patient, strategy, index, simulation; a strategy cancels at its start so Esc is honoured within one strategy
		List<double[][][]> perPatient = Parallel.map(patients, pl -> {
			double[] full = Recovery.indexes(pl.distance, Strategy.all(pl, null));
			double[][][] r = new double[ns][][];
			for (int s = 0; s < ns; s++) {
				progress.checkCancelled();
				r[s] = simulate(pl, all.get(s), full, progress);
			}
			return r;
		}, executor, null, progress, "patients");
		double[][][][] pct = perPatient.toArray(new double[0][][][]);
		for (PatientLesions p : patients) {
			result.patients.add(p.patient);
			result.exhaustive.add(Recovery.indexes(p.distance, Strategy.all(p, null)));
		}
		for (int s = 0; s < ns; s++) {
			List<Summary> target = s < strategies.size() ? result.strategies : result.curves;
			String name = s < strategies.size() ? all.get(s).name() : Integer.toString(kMin + s - strategies.size());
			for (Recovery.Index index : Recovery.Index.values()) {
				int x = index.ordinal();
				for (int p = 0; p < np; p++) target.add(new Summary(patients.get(p).patient, name, index, pct[p][s][x]));
				double[] cohort = new double[simulations];
				for (int i = 0; i < simulations; i++) {
					double sum = 0;
					int n = 0;
					for (int p = 0; p < np; p++)
						if (!Double.isNaN(pct[p][s][x][i])) {
							sum += pct[p][s][x][i];
							n++;
						}
					cohort[i] = n == 0 ? Double.NaN : sum / n;
				}
				target.add(new Summary(Result.COHORT, name, index, cohort));
			}
		}
		return result;
	}

	/** The study's strategies: 2 and 3 at random, 3 from one site, 3 per site over all sites, RECIST-like, RECIST 1.1. */
	public static List<Strategy> studyStrategies(List<String> excludedForRecistLike) {
		java.util.Set<String> none = Collections.emptySet();
		java.util.Set<String> excl = new java.util.LinkedHashSet<>(excludedForRecistLike);
		return List.of(Strategy.random(2), Strategy.random(3), Strategy.fromOneSite(3, none), Strategy.perSiteAllSites(3, none),
				Strategy.fromOneSite(2, excl), Strategy.recist(5, 2, 10, 15));
	}
}
