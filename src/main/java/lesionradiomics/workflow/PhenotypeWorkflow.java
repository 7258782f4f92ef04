package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.Phenotypes;
import lesionradiomics.outcome.DeltaFeatures;

/**
 * Lesion phenotypes across a cohort: every lesion of every patient clustered on the analysed (e.g. the selected robust)
 * features, each patient's phenotype composition beside MTD/ATH. Lesions with a missing feature and features that are
 * constant over the cohort are left out and listed. With the lesions' response between two time points (the
 * {@code response} workflow's lesion_response.csv), the response classes per phenotype within each patient, and
 * whether the patient has a mixed response: lesions of different phenotypes in different response classes.
 */
public final class PhenotypeWorkflow {

	/**
	 * @param lesions      the clustered lesions, in table order
	 * @param features     the features used
	 * @param compositions patient → composition of its lesions
	 */
	public record Result(PhenotypeOptions options, List<FeatureMatrix.Lesion> lesions, List<String> features, Phenotypes.Clustering clustering,
			Map<String, Phenotypes.Composition> compositions, Map<String, PatientResponse> responses, List<String> notes) {}

	/**
	 * One patient's response by phenotype.
	 *
	 * @param classes phenotype (1..k) → response class → lesions, for the lesions with a response
	 * @param mixed   two lesions of different phenotypes are in different response classes
	 */
	public record PatientResponse(Map<Integer, Map<String, Integer>> classes, boolean mixed) {}

	private PhenotypeWorkflow() {}

	public static Result run(FeatureMatrix m, PhenotypeOptions o) {
		return run(m, o, Map.of());
	}

	/**
	 * @param responses "patient/lesion" → response class (lesion: the lesion_id annotation when the features have one,
	 *                  else the label, as the response workflow matches lesions); empty: no response
	 */
	public static Result run(FeatureMatrix m, PhenotypeOptions o, Map<String, String> responses) {
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
		if (keepRows.size() < 3)
			throw new IllegalArgumentException("phenotypes need at least 3 lesions with every clustered feature present; " + keepRows.size() + " of "
					+ m.rows() + " have them (" + (m.rows() - keepRows.size()) + " miss a value of some feature: give --selected with the features to use)");
		FeatureMatrix used = m.select(features).rows(keepRows);
		List<FeatureMatrix.Lesion> lesions = used.lesions();
		Phenotypes.Clustering c = Phenotypes.cluster(used, o.method(), o.k(), o.kmax(), o.seed());
		Map<String, Phenotypes.Composition> compositions = new LinkedHashMap<>();
		Phenotypes.byPatient(lesions.stream().map(FeatureMatrix.Lesion::patient).toList()).forEach((p, idx) -> compositions.put(p,
				Phenotypes.composition(idx.stream().mapToInt(i -> c.labels()[i]).toArray(), c.k())));
		Map<String, PatientResponse> byPatient = responses.isEmpty() ? Map.of() : responses(lesions, c.labels(), responses, notes);
		return new Result(o, lesions, features, c, compositions, byPatient, notes);
	}

	private static Map<String, PatientResponse> responses(List<FeatureMatrix.Lesion> lesions, int[] phenotypes, Map<String, String> responses,
			List<String> notes) {
		Map<String, Map<Integer, Map<String, Integer>>> classes = new LinkedHashMap<>();
		int unmatched = 0;
		for (int i = 0; i < lesions.size(); i++) {
			FeatureMatrix.Lesion l = lesions.get(i);
			String key = l.annotations().getOrDefault(DeltaFeatures.LESION_ID, Long.toString(l.label()));
			String cls = responses.get(l.patient() + "/" + key);
			Map<Integer, Map<String, Integer>> patient = classes.computeIfAbsent(l.patient(), p -> new java.util.TreeMap<>());
			if (cls == null || cls.isBlank()) {
				unmatched++;
				continue;
			}
			patient.computeIfAbsent(phenotypes[i], q -> new java.util.TreeMap<>()).merge(cls, 1, Integer::sum);
		}
		if (unmatched > 0) notes.add(unmatched + " lesions have no response (not in the response table, or new/absent at one time point)");
		Map<String, PatientResponse> out = new LinkedHashMap<>();
		classes.forEach((patient, byPhenotype) -> {
			boolean mixed = false;
			for (var a : byPhenotype.entrySet())
				for (var b : byPhenotype.entrySet())
					if (a.getKey() < b.getKey())
						for (String ca : a.getValue().keySet())
							for (String cb : b.getValue().keySet()) mixed |= !ca.equals(cb);
			out.put(patient, new PatientResponse(byPhenotype, mixed));
		});
		return out;
	}

	/** The lesion classes of a lesion_response.csv (columns patient, lesion, class) by "patient/lesion". */
	public static Map<String, String> readResponses(java.nio.file.Path file) throws java.io.IOException {
		List<List<String>> rows = lesionradiomics.io.Csv.read(file);
		if (rows.isEmpty()) throw new lesionradiomics.io.VolumeFormatException(file, "the response table is empty");
		List<String> header = rows.get(0);
		int patient = header.indexOf("patient"), lesion = header.indexOf("lesion"), cls = header.indexOf("class");
		if (patient < 0 || lesion < 0 || cls < 0)
			throw new lesionradiomics.io.VolumeFormatException(file, "a lesion response table needs columns patient, lesion and class (the response command's "
					+ "lesion_response.csv); found " + header);
		Map<String, String> out = new LinkedHashMap<>();
		for (List<String> r : rows.subList(1, rows.size()))
			if (r.size() > Math.max(patient, Math.max(lesion, cls))) out.put(r.get(patient) + "/" + r.get(lesion), r.get(cls));
		return out;
	}
}
