package lesionradiomics.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference study's feature selection: keep features whose values survive small changes of the delineation
 * (Lin's CCC between original and each perturbed extraction ≥ threshold), then group the robust ones by correlation
 * (average-linkage clustering on 1 − |r|) and keep one understandable representative per group.
 */
public final class FeatureSelection {

	/** The study's preference order for cluster representatives (pyradiomics feature names, without class prefix). */
	public static final List<String> DEFAULT_PREFERENCES = List.of("VoxelVolume", "MeshVolume", "Maximum3DDiameter", "Maximum2DDiameterSlice",
			"Sphericity", "SurfaceArea", "Elongation", "Flatness", "Mean", "Median", "90Percentile", "10Percentile", "Maximum", "Minimum",
			"Energy", "Entropy", "Uniformity", "Variance", "Skewness", "Kurtosis", "InterquartileRange", "Range", "Contrast", "Correlation",
			"JointEntropy", "Idm", "Coarseness", "Busyness");

	/** Robustness of one feature: CCC per perturbation, robust when every CCC ≥ threshold. */
	public static final class Robustness {
		public final String feature;
		public final Map<String, Double> ccc;
		public final boolean robust;

		Robustness(String feature, Map<String, Double> ccc, boolean robust) {
			this.feature = feature;
			this.ccc = Collections.unmodifiableMap(ccc);
			this.robust = robust;
		}
	}

	/** Correlation clusters: features in dendrogram order with their cluster and whether they represent it. */
	public static final class Decorrelation {
		public final List<String> features;
		public final double[][] correlation;
		public final int[] cluster;
		public final boolean[] representative;
		public final HierarchicalClustering tree;

		Decorrelation(List<String> features, double[][] correlation, int[] cluster, boolean[] representative, HierarchicalClustering tree) {
			this.features = Collections.unmodifiableList(features);
			this.correlation = correlation;
			this.cluster = cluster;
			this.representative = representative;
			this.tree = tree;
		}

		/** The representatives, in dendrogram order. */
		public List<String> selected() {
			List<String> out = new ArrayList<>();
			for (int i = 0; i < features.size(); i++) if (representative[i]) out.add(features.get(i));
			return out;
		}
	}

	private FeatureSelection() {}

	/**
	 * @param original  features on the delineated masks
	 * @param perturbed name → features of the same lesions on perturbed masks (e.g. "eroded", "dilated")
	 */
	public static List<Robustness> robustness(FeatureMatrix original, Map<String, FeatureMatrix> perturbed, double threshold) {
		List<Robustness> out = new ArrayList<>();
		for (int c = 0; c < original.columns(); c++) {
			String f = original.features().get(c);
			Map<String, Double> ccc = new LinkedHashMap<>();
			boolean robust = true;
			for (Map.Entry<String, FeatureMatrix> e : perturbed.entrySet()) {
				if (e.getValue().rows() != original.rows()) throw new IllegalArgumentException(e.getKey() + " has another number of lesions");
				double v = Concordance.ccc(original.column(c), e.getValue().column(f));
				ccc.put(e.getKey(), v);
				if (!(v >= threshold)) robust = false; // NaN is not robust
			}
			out.add(new Robustness(f, ccc, robust));
		}
		return out;
	}

	/**
	 * Clusters {@code m}'s features on 1 − |r| and picks one representative per cluster: the first name of
	 * {@code preferences} found in the cluster, else the lexicographically first feature.
	 *
	 * @param threshold features joined while their average |r| ≥ threshold (ignored when {@code clusters} > 0)
	 * @param clusters  exact number of clusters, or 0 to cut at the threshold
	 */
	public static Decorrelation decorrelate(FeatureMatrix m, Correlation.Method method, double threshold, int clusters, List<String> preferences) {
		int k = m.columns();
		double[][] r = Correlation.matrix(m, method);
		double[][] d = new double[k][k];
		for (int i = 0; i < k; i++)
			for (int j = 0; j < k; j++) d[i][j] = i == j ? 0 : Double.isNaN(r[i][j]) ? 1 : 1 - Math.abs(r[i][j]);
		HierarchicalClustering tree = new HierarchicalClustering(d);
		int[] labels = k == 0 ? new int[0] : clusters > 0 ? tree.cutIntoClusters(Math.min(clusters, k)) : tree.cutAtHeight(1 - threshold + 1e-12);
		int[] order = tree.leafOrder();
		List<String> names = new ArrayList<>();
		int[] cl = new int[k];
		double[][] rOrdered = new double[k][k];
		for (int a = 0; a < k; a++) {
			names.add(m.features().get(order[a]));
			cl[a] = labels[order[a]];
			for (int b = 0; b < k; b++) rOrdered[a][b] = r[order[a]][order[b]];
		}
		// renumber clusters 1.. in dendrogram order
		Map<Integer, Integer> renumber = new LinkedHashMap<>();
		for (int a = 0; a < k; a++) cl[a] = renumber.computeIfAbsent(cl[a], x -> renumber.size() + 1);
		boolean[] rep = new boolean[k];
		for (int c : renumber.values()) {
			int chosen = -1;
			for (String pref : preferences) {
				for (int a = 0; a < k && chosen < 0; a++)
					if (cl[a] == c && (names.get(a).equals(pref) || names.get(a).endsWith("_" + pref))) chosen = a;
				if (chosen >= 0) break;
			}
			if (chosen < 0)
				for (int a = 0; a < k; a++)
					if (cl[a] == c && (chosen < 0 || names.get(a).compareTo(names.get(chosen)) < 0)) chosen = a;
			rep[chosen] = true;
		}
		return new Decorrelation(names, rOrdered, cl, rep, tree);
	}
}
