package lesionradiomics.command;

import java.nio.file.Path;

import lesionradiomics.io.CohortTable;

/** The "one patient or a cohort table" input shared by the cohort-level commands. */
final class Inputs {

	private Inputs() {}

	static CohortTable cohort(Path cohort, Path image, Path labels, Path lesions, String patient) throws java.io.IOException {
		if (cohort != null) {
			if (image != null || labels != null) throw new IllegalArgumentException("give either --cohort or --image/--labels, not both");
			return CohortTable.read(cohort);
		}
		if (image == null || labels == null) throw new IllegalArgumentException("give --image and --labels (one patient) or --cohort COHORT.csv");
		String id = patient != null && !patient.isBlank() ? patient : ExtractionTask.stem(image);
		return CohortTable.single(id, image, labels, lesions);
	}
}
