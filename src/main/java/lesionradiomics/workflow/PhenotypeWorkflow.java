package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.Phenotypes;

/**
 * Lesion phenotypes across a cohort: every lesion of every patient clustered on the analysed (e.g. the selected robust)
 * features, each patient's phenotype composition beside MTD/ATH. Lesions with a missing feature and features that are
 * constant over the cohort are left out and listed.
 */
public final class PhenotypeWorkflow {

	/**
	 * @param lesions      the clustered lesions, in table order
	 * @param features     the features used
	 * @param compositions patient → composition of its lesions
	 */
	public record Result(PhenotypeOptions options, List<FeatureMatrix.Lesion> lesions, List<String> features, Phenotypes.Clustering clustering,
			Map<String, Phenotypes.Composition> compositions, List<String> notes) {}

	private PhenotypeWorkflow() {}

	public static Result run(FeatureMatrix m, PhenotypeOptions o) {
		List<String> notes = new ArrayList<>();
		List<Integer> keepColumns = new ArrayList<>();
		List<String> features = new ArrayList<>();
		for (int c = 0; c < m.columns(); c++) {
			double[] col = m.column(c);
			double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
			for (double v : col)
				if (Double.isFinite(v)) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
			if (max > min) {
				keepColumns.add(c);
				features.add(m.features().get(c));
			} else notes.add("feature " + m.features().get(c) + " is constant over the cohort: left out");
		}
		if (features.isEmpty()) throw new IllegalArgumentException("no feature varies over the cohort's lesions: nothing to cluster");
		List<Integer> keepRows = new ArrayList<>();
		for (int i = 0; i < m.rows(); i++) {
			boolean finite = true;
			for (int c : keepColumns) finite &= Double.isFinite(m.get(i, c));
			if (finite) keepRows.add(i);
			else notes.add("lesion " + m.lesions().get(i) + " has a missing feature value: left out");
		}
		FeatureMatrix used = m.select(features).rows(keepRows);
		List<FeatureMatrix.Lesion> lesions = used.lesions();
		Phenotypes.Clustering c = Phenotypes.cluster(used, o.method(), o.k(), o.kmax(), o.seed());
		Map<String, Phenotypes.Composition> compositions = new LinkedHashMap<>();
		Phenotypes.byPatient(lesions.stream().map(FeatureMatrix.Lesion::patient).toList()).forEach((p, idx) -> compositions.put(p,
				Phenotypes.composition(idx.stream().mapToInt(i -> c.labels()[i]).toArray(), c.k())));
		return new Result(o, lesions, features, c, compositions, notes);
	}
}
