package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Intra-lesion subregions ("habitats", Haag et al. 2024): a lesion's voxels clustered on a few of its feature maps
 * (z-scored within the lesion, SD with n − 1) by seeded k-means (as {@link Phenotypes}), k given or the k in 2..kmax
 * with the largest mean silhouette. The silhouette of a large lesion is computed on a seeded random sample of voxels
 * (at most {@link #SILHOUETTE_SAMPLE}), since it costs n². Habitats are numbered by decreasing volume; the lesion's
 * intra-lesion heterogeneity index is the Shannon entropy (bits) of the habitat volume fractions.
 */
public final class Habitats {

	/** Voxels on which the silhouette is computed at most. */
	public static final int SILHOUETTE_SAMPLE = 1500;

	/**
	 * @param k           habitats found
	 * @param labels      habitat of each voxel, 1..k (1 the largest)
	 * @param silhouettes mean silhouette per tried k (index k; NaN where not tried)
	 * @param fractions   volume fraction of habitat 1..k (index 0 is habitat 1)
	 * @param entropy     Shannon entropy of the fractions, bits (0 for one habitat, log2 k at most)
	 */
	public record Result(int k, int[] labels, double[] silhouettes, double[] fractions, double entropy) {}

	private Habitats() {}

	/**
	 * @param values voxel × map values (NaN: the map's lesion mean)
	 * @param k      habitats (0: by silhouette among 2..kmax)
	 */
	public static Result cluster(double[][] values, int k, int kmax, long seed) {
		return cluster(values, k, kmax, seed, null);
	}

	/**
	 * As {@link #cluster(double[][], int, int, long)}, the k tried by silhouette clustered side by side on
	 * {@code executor} (null: the calling thread, which must not be one of the executor's own busy threads). Each k has
	 * its own seeded k-means, and the best k is chosen in k order afterwards: the same habitats whatever the threads.
	 */
	public static Result cluster(double[][] values, int k, int kmax, long seed, java.util.concurrent.Executor executor) {
		int n = values.length;
		if (n == 0) throw new IllegalArgumentException("no voxels to cluster");
		if (k > 1 && (k > n || n < 3)) // else fewer habitats than asked, without a word
			throw new IllegalArgumentException("habitats: " + k + " asked, but the lesion has " + n + " voxel(s) (at least " + Math.max(k, 3) + " needed)");
		Dissimilarity.Scaler scaler = new Dissimilarity.Scaler(values, Dissimilarity.Scaling.ZSCORE);
		double[][] z = new double[n][];
		for (int i = 0; i < n; i++) {
			z[i] = scaler.apply(values[i]);
			for (int c = 0; c < z[i].length; c++) if (Double.isNaN(z[i][c])) z[i][c] = 0; // at the mean
		}
		int top = Math.min(kmax, n - 1);
		double[] silhouettes = new double[Math.max(top, k) + 1];
		Arrays.fill(silhouettes, Double.NaN);
		if (n < 3 || k == 1) return result(new int[n], 1, silhouettes);
		int[] sample = sample(n, seed);
		double[][] d = distances(z, sample);
		int[] best;
		int bestK;
		if (k > 0) {
			bestK = Math.min(k, n);
			best = Phenotypes.kMeans(z, bestK, seed);
			if (bestK < n) silhouettes[k] = Phenotypes.silhouette(d, at(best, sample));
		} else {
			best = null;
			bestK = 0;
			double bestSilhouette = Double.NEGATIVE_INFINITY;
			List<CompletableFuture<int[]>> tried = new ArrayList<>();
			for (int kk = 2; kk <= top; kk++) {
				final int clusters = kk;
				java.util.function.Supplier<int[]> run = () -> {
					int[] labels = Phenotypes.kMeans(z, clusters, seed);
					silhouettes[clusters] = Phenotypes.silhouette(d, at(labels, sample)); // each task its own cell
					return labels;
				};
				tried.add(executor == null ? CompletableFuture.completedFuture(run.get()) : CompletableFuture.supplyAsync(run, executor));
			}
			for (int kk = 2; kk <= top; kk++) {
				int[] labels = joined(tried.get(kk - 2));
				if (silhouettes[kk] > bestSilhouette + 1e-12) {
					bestSilhouette = silhouettes[kk];
					best = labels;
					bestK = kk;
				}
			}
		}
		return result(best, bestK, silhouettes);
	}

	private static int[] joined(CompletableFuture<int[]> f) {
		try {
			return f.join();
		} catch (java.util.concurrent.CompletionException e) {
			if (e.getCause() instanceof RuntimeException re) throw re;
			if (e.getCause() instanceof Error error) throw error;
			throw e;
		}
	}

	/** Habitats renumbered 1..k by decreasing size (ties: first appearance), with fractions and entropy. */
	private static Result result(int[] clusters, int k, double[] silhouettes) {
		int n = clusters.length;
		int[] size = new int[k];
		for (int c : clusters) size[c]++;
		Integer[] order = new Integer[k];
		for (int c = 0; c < k; c++) order[c] = c;
		Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
		int[] rank = new int[k];
		for (int r = 0; r < k; r++) rank[order[r]] = r;
		int[] labels = new int[n];
		double[] fractions = new double[k];
		for (int i = 0; i < n; i++) labels[i] = rank[clusters[i]] + 1;
		for (int c = 0; c < k; c++) fractions[rank[c]] = (double) size[c] / n;
		int found = 0;
		for (int s : size) if (s > 0) found++;
		double entropy = 0;
		for (double f : fractions) if (f > 0) entropy -= f * Math.log(f) / Math.log(2);
		return new Result(found, labels, silhouettes, Arrays.copyOf(fractions, found), entropy);
	}

	/** All voxels, or a seeded sample of {@link #SILHOUETTE_SAMPLE} of them in voxel order. */
	private static int[] sample(int n, long seed) {
		if (n <= SILHOUETTE_SAMPLE) {
			int[] all = new int[n];
			for (int i = 0; i < n; i++) all[i] = i;
			return all;
		}
		int[] pool = new int[n];
		for (int i = 0; i < n; i++) pool[i] = i;
		SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
		for (int i = 0; i < SILHOUETTE_SAMPLE; i++) { // partial Fisher–Yates
			int j = i + random.nextInt(n - i);
			int t = pool[i];
			pool[i] = pool[j];
			pool[j] = t;
		}
		int[] out = Arrays.copyOf(pool, SILHOUETTE_SAMPLE);
		Arrays.sort(out);
		return out;
	}

	private static double[][] distances(double[][] z, int[] sample) {
		int m = sample.length;
		double[][] d = new double[m][m];
		for (int a = 0; a < m; a++)
			for (int b = a + 1; b < m; b++) {
				double s = 0;
				double[] x = z[sample[a]], y = z[sample[b]];
				for (int c = 0; c < x.length; c++) s += (x[c] - y[c]) * (x[c] - y[c]);
				d[a][b] = d[b][a] = Math.sqrt(s);
			}
		return d;
	}

	private static int[] at(int[] labels, int[] sample) {
		int[] out = new int[sample.length];
		for (int i = 0; i < out.length; i++) out[i] = labels[sample[i]];
		return out;
	}
}
