package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.features.FeatureTable;

/** A {@link PatientStore} in memory, for runs that keep nothing on disk (the selection command, tests). */
public final class MemoryStore implements PatientStore {

	private final Map<String, String> fingerprints = new HashMap<>();
	private final Map<String, Saved> saved = new HashMap<>();

	@Override
	public boolean isComplete(String patient, String fingerprint) {
		return fingerprint.equals(fingerprints.get(patient));
	}

	@Override
	public String fingerprint(String patient) {
		return fingerprints.get(patient);
	}

	@Override
	public void save(String patient, String fingerprint, ExtractionWorkflow.Result result) {
		Map<String, FeatureMatrix> variants = new LinkedHashMap<>();
		result.tables().forEach((v, t) -> variants.put(v, matrix(t)));
		saved.put(patient, new Saved(variants, failures(result)));
		fingerprints.put(patient, fingerprint);
	}

	@Override
	public void remove(String patient) {
		fingerprints.remove(patient);
		saved.remove(patient);
	}

	@Override
	public Saved load(String patient) {
		return saved.get(patient);
	}

	/** The computed lesions of a table as a matrix (patient, label, site and lesion-table columns kept). */
	public static FeatureMatrix matrix(FeatureTable t) {
		List<FeatureMatrix.Lesion> lesions = new ArrayList<>();
		List<FeatureTable.Row> rows = t.computed();
		double[][] v = new double[rows.size()][t.columns().size()];
		for (int i = 0; i < rows.size(); i++) {
			FeatureTable.Row r = rows.get(i);
			lesions.add(new FeatureMatrix.Lesion(r.patient(), r.label(), r.site(), r.annotations()));
			for (int c = 0; c < v[i].length; c++) v[i][c] = r.features().get(t.columns().get(c));
		}
		return new FeatureMatrix(lesions, t.columns(), v);
	}

	/** Lesions not computed on some mask, the mask named unless it is the delineated one. */
	public static List<LesionFailure> failures(ExtractionWorkflow.Result result) {
		List<LesionFailure> out = new ArrayList<>();
		result.tables().forEach((v, t) -> {
			for (FeatureTable.Row r : t.failed())
				out.add(new LesionFailure(r.patient(), r.label(), (v.equals(SelectionWorkflow.VARIANTS.get(0)) ? "" : v + " mask: ") + r.features().error().orElse("")));
		});
		return out;
	}
}
