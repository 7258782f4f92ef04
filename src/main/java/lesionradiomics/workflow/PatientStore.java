package lesionradiomics.workflow;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.FeatureMatrix;

/**
 * Where a cohort run keeps each patient's extraction, so an interrupted run can resume and the cohort tables are always
 * computed from the same saved values. Saving must be atomic: a patient is either complete or absent.
 */
public interface PatientStore {

	/** A lesion that could not be computed on one of the masks. */
	record LesionFailure(String patient, long label, String reason) {}

	/** A patient's saved features per mask variant, and the lesions that failed. */
	record Saved(Map<String, FeatureMatrix> variants, List<LesionFailure> failures) {}

	/** True when the patient's results are complete and were made with this fingerprint. */
	boolean isComplete(String patient, String fingerprint) throws IOException;

	/** The fingerprint the patient's complete results were saved with, or null (absent or incomplete). */
	String fingerprint(String patient) throws IOException;

	/** Saves a patient's extraction (every variant and its failures), then marks it complete with the fingerprint. */
	void save(String patient, String fingerprint, ExtractionWorkflow.Result result) throws IOException;

	/** Forgets a patient (before it is extracted again, so a failure cannot leave old results behind). */
	void remove(String patient) throws IOException;

	Saved load(String patient) throws IOException;
}
