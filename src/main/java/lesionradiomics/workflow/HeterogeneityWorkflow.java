package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.analysis.HeterogeneityTests;
import lesionradiomics.analysis.PatientGroups;
import lesionradiomics.analysis.Variation;

/** Intra-patient heterogeneity: CVs per patient and per organ, cosine dissimilarity with MTD and ATH, and the tests. */
public final class HeterogeneityWorkflow {

	/**
	 * @param features      the analysed lesions and features
	 * @param cvPatient     CV per patient and feature
	 * @param cvSite        CV per patient, site and feature (sites with ≥ 2 lesions)
	 * @param summary       patient → feature class → {sum of CVs, features with a CV, features}
	 * @param dissimilarity per patient: distances, MTD, ATH, clustering
	 * @param tests         one-sample t-tests, then rank-sum tests between the groups
	 * @param groupNames    the two compared groups
	 * @param notes         skipped tests and why
	 */
	public record Result(FeatureMatrix features, List<Variation.Cv> cvPatient, List<Variation.Cv> cvSite, Map<String, Map<String, double[]>> summary,
			List<Dissimilarity.Patient> dissimilarity, List<HeterogeneityTests.Result> tests, List<String> groupNames, List<String> notes) {}

	private HeterogeneityWorkflow() {}

	/** @param groupOf patient → group (from the cohort or a group table; may be empty) */
	public static Result run(FeatureMatrix m, HeterogeneityOptions o, Map<String, String> groupOf) {
		List<Variation.Cv> cvPatient = Variation.perPatient(m);
		List<HeterogeneityTests.Result> tests = new ArrayList<>(HeterogeneityTests.oneSampleT(cvPatient));
		Map<String, Integer> count = new LinkedHashMap<>();
		for (FeatureMatrix.Lesion l : m.lesions()) count.merge(l.patient(), 1, Integer::sum);
		PatientGroups groups = o.patientGroups(groupOf);
		List<String>[] split = groups.split(count);
		List<String> notes = new ArrayList<>();
		if (split[1].isEmpty() || split[2].isEmpty())
			notes.add("rank-sum test skipped: group '" + split[0].get(0) + "' has " + split[1].size() + " and '" + split[0].get(1) + "' "
					+ split[2].size() + " patients");
		else tests.addAll(HeterogeneityTests.rankSum(cvPatient, split[1], split[2]));
		return new Result(m, cvPatient, Variation.perPatientSite(m), Variation.summary(cvPatient),
				Dissimilarity.perPatient(m, new Dissimilarity.Scaler(m, o.scaling())), tests, split[0], notes);
	}

	/** Patient → group from a table with a patient column and {@code column} (a lesion, cohort or clinical table). */
	public static Map<String, String> groupsFrom(java.nio.file.Path table, String column) throws java.io.IOException {
		List<List<String>> rows = lesionradiomics.io.Csv.read(table);
		int p = rows.isEmpty() ? -1 : rows.get(0).indexOf("patient"), g = rows.isEmpty() ? -1 : rows.get(0).indexOf(column);
		if (p < 0 || g < 0)
			throw new lesionradiomics.io.VolumeFormatException(table, "needs the columns patient and " + column + "; header is "
					+ (rows.isEmpty() ? "empty" : rows.get(0)));
		Map<String, String> out = new LinkedHashMap<>();
		for (List<String> row : rows.subList(1, rows.size())) out.putIfAbsent(row.get(p).trim(), row.get(g).trim());
		return out;
	}
}
