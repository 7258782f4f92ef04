package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.FeatureSelection;
import lesionradiomics.preprocess.MaskPerturbation;

/**
 * Robustness (Lin's CCC between the features on the delineated and on the eroded/dilated masks, over all lesions) and
 * decorrelation of the robust features. Lesions are aligned by patient and label, so a lesion computed on only some
 * masks is left out rather than shifting the others.
 */
public final class SelectionWorkflow {

	/** The mask variants of the robustness analysis, in output order. */
	public static final List<String> VARIANTS = List.of("original", "eroded", "dilated");

	/**
	 * @param lesionsUsed   the lesions compared (patient/label), in order
	 * @param robustness    one row per feature, CCC per perturbation in {@link #VARIANTS} order
	 * @param decorrelation clusters of the robust features and their representatives
	 * @param skipped       why no selection was made (fewer than 3 lesions on every mask), or null
	 */
	public record Result(List<String> lesionsUsed, List<FeatureSelection.Robustness> robustness, FeatureSelection.Decorrelation decorrelation,
			String skipped) {

		/** The selected features, or empty when skipped or nothing is robust. */
		public List<String> selected() {
			return decorrelation == null ? List.of() : decorrelation.selected();
		}
	}

	private SelectionWorkflow() {}

	/** Erosion and dilation by the options' radius. */
	public static List<MaskPerturbation> perturbations(SelectionOptions o) {
		return List.of(new MaskPerturbation(MaskPerturbation.Kind.ERODE, o.radius()), new MaskPerturbation(MaskPerturbation.Kind.DILATE, o.radius()));
	}

	/** A warning when the ball of the radius holds no neighbour on this grid (then the perturbation changes nothing), or null. */
	public static String noOpWarning(SelectionOptions o, double[] grid) {
		if (!perturbations(o).get(0).changesNothing(grid)) return null;
		return "a " + o.radius() + " mm ball holds no neighbour on voxels of " + java.util.Arrays.toString(grid)
				+ " mm, so erosion and dilation change nothing; resample (e.g. --preset study) or use a larger --radius";
	}

	/** @param variants "original", "eroded" and "dilated" feature matrices (lesions in any order) */
	public static Result run(Map<String, FeatureMatrix> variants, SelectionOptions o) {
		FeatureMatrix[] aligned = align(variants);
		List<String> used = new ArrayList<>();
		for (FeatureMatrix.Lesion l : aligned[0].lesions()) used.add(l.toString());
		if (aligned[0].rows() < 3)
			return new Result(used, List.of(), null, "robustness needs at least 3 lesions computed on every mask, found " + aligned[0].rows());
		Map<String, FeatureMatrix> perturbed = new LinkedHashMap<>();
		for (int v = 1; v < VARIANTS.size(); v++) perturbed.put(VARIANTS.get(v), aligned[v]);
		List<FeatureSelection.Robustness> robustness = FeatureSelection.robustness(aligned[0], perturbed, o.ccc());
		List<String> robust = new ArrayList<>();
		for (FeatureSelection.Robustness r : robustness) if (r.robust) robust.add(r.feature);
		FeatureSelection.Decorrelation d = FeatureSelection.decorrelate(aligned[0].select(robust), o.correlation(), o.cut(), o.clusters(), o.prefer());
		return new Result(used, robustness, d, null);
	}

	/**
	 * The lesions present in every variant, in the original's order: {original, eroded, dilated}; the original keeps
	 * only the features computed on every mask (not the peritumoral ring's, which has no perturbed counterpart).
	 */
	static FeatureMatrix[] align(Map<String, FeatureMatrix> m) {
		List<Map<String, Integer>> index = new ArrayList<>();
		for (String v : VARIANTS) {
			FeatureMatrix x = m.get(v);
			if (x == null) throw new IllegalArgumentException("no features on the " + v + " masks");
			Map<String, Integer> ix = new LinkedHashMap<>();
			for (int i = 0; i < x.rows(); i++) ix.put(x.lesions().get(i).toString(), i);
			index.add(ix);
		}
		List<List<Integer>> keep = new ArrayList<>();
		for (int v = 0; v < VARIANTS.size(); v++) keep.add(new ArrayList<>());
		for (String key : index.get(0).keySet()) {
			boolean everywhere = true;
			for (Map<String, Integer> ix : index) everywhere &= ix.containsKey(key);
			if (!everywhere) continue;
			for (int v = 0; v < VARIANTS.size(); v++) keep.get(v).add(index.get(v).get(key));
		}
		FeatureMatrix[] out = new FeatureMatrix[VARIANTS.size()];
		for (int v = 0; v < out.length; v++) out[v] = m.get(VARIANTS.get(v)).rows(keep.get(v));
		List<String> everywhere = new ArrayList<>(out[0].features());
		for (int v = 1; v < out.length; v++) everywhere.retainAll(out[v].features());
		if (everywhere.size() < out[0].columns()) out[0] = out[0].select(everywhere);
		return out;
	}
}
