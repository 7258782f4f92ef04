package lesionradiomics.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lesionradiomics.io.Csv;

/**
 * The demo cohort of {@code test-data/}: three heavily metastatic patients (30, 28 and 69 lesions over several sites,
 * as in the reference study) and three oligometastatic ones (2–5 lesions), small volumes, with a cohort-wide lesion
 * table, a cohort table, a follow-up scan of the small patients and synthetic survival. The same seed gives the same
 * files.
 */
public final class DemoCohort {

	private DemoCohort() {}

	/** patient, lesion count, number of sites, tube voltage (kVp: a per-patient covariate for the example score model) */
	static final Object[][] PATIENTS = { { "P01", 30, 6, 120 }, { "P02", 28, 5, 120 }, { "P03", 69, 7, 100 }, { "P04", 2, 2, 120 }, { "P05", 4, 3, 140 },
			{ "P06", 5, 3, 100 } };

	/** Diameter factors of the follow-up lesions: vanished, responding, stable, progressing. */
	static final double[] FOLLOW_UP_GROWTH = { 0, 0.6, 0.75, 1.0, 1.0, 1.3, 1.5 };

	/**
	 * Synthetic survival for the demo patients: exponential times (months) whose hazard grows with the number of
	 * lesions (0.02 per month × exp(0.03 per lesion)), censored by a uniform follow-up of 6 to 30 months; an age
	 * covariate. Illustrative only.
	 */
	static List<List<String>> clinicalRows(long seed) {
		java.util.Random random = new java.util.Random(seed + 17);
		List<List<String>> rows = new ArrayList<>(List.of(List.of("patient", "time", "event", "age")));
		for (Object[] p : PATIENTS) {
			double hazard = 0.02 * Math.exp(0.03 * (Integer) p[1]);
			double death = -Math.log(1 - random.nextDouble()) / hazard, followUp = 6 + 24 * random.nextDouble();
			boolean event = death <= followUp;
			rows.add(List.of((String) p[0], String.format(java.util.Locale.ROOT, "%.1f", Math.min(death, followUp)), event ? "1" : "0",
					Integer.toString(45 + random.nextInt(35))));
		}
		return rows;
	}

	/**
	 * Writes the demo cohort into {@code out}, one line per patient on {@code log}; the cases named in {@code dicom}
	 * (e.g. P04, P04_t1) also as DICOM folders CASE_dicom/ (CT series + RTSTRUCT).
	 */
	public static void write(Path out, long seed, List<String> dicom, java.io.PrintStream log) throws java.io.IOException {
		List<String> cases = new ArrayList<>();
		for (Object[] p : PATIENTS) {
			cases.add((String) p[0]);
			if ((Integer) p[1] <= 5) cases.add(p[0] + "_t1");
		}
		for (String c : dicom) if (!cases.contains(c)) throw new IllegalArgumentException("--dicom: no demo case '" + c + "'; the cases are " + String.join(", ", cases));
		List<List<String>> lesionRows = new ArrayList<>();
		lesionRows.add(List.of("patient", "label", "site", "texture"));
		List<List<String>> cohortRows = new ArrayList<>();
		cohortRows.add(List.of("patient", "image", "labels", "lesions", "kvp"));
		List<List<String>> followUpLesions = new ArrayList<>(List.of(List.of("patient", "label", "site", "texture")));
		List<List<String>> longitudinal = new ArrayList<>(List.of(List.of("patient", "timepoint", "image", "labels", "lesions")));
		java.util.SplittableRandom growthRandom = new java.util.SplittableRandom(seed + 5);
		for (int p = 0; p < PATIENTS.length; p++) {
			String id = (String) PATIENTS[p][0];
			int count = (Integer) PATIENTS[p][1], sites = (Integer) PATIENTS[p][2];
			SyntheticCase c = new SyntheticCase(new int[] { 112, 112, 48 }, new double[] { 0.9, 0.9, 2.0 }, count, 12, 1500, sites,
					seed * 1000 + p);
			c.write(out, id);
			for (SyntheticCase.Lesion l : c.lesions) lesionRows.add(List.of(id, Integer.toString(l.label), l.site, l.texture));
			cohortRows.add(List.of(id, id + "_image.nrrd", id + "_labels.nrrd", "lesions.csv", PATIENTS[p][3].toString()));
			if (count <= 5) { // the small patients also get a follow-up scan (the two-time-point demo)
				double[] growth = new double[c.lesions.size()];
				for (int k = 0; k < growth.length; k++) growth[k] = FOLLOW_UP_GROWTH[growthRandom.nextInt(FOLLOW_UP_GROWTH.length)];
				SyntheticCase f = new SyntheticCase(c, growth, p % 2, seed * 1000 + p + 500);
				f.write(out, id + "_t1");
				for (SyntheticCase.Lesion l : f.lesions) followUpLesions.add(List.of(id, Integer.toString(l.label), l.site, l.texture));
				longitudinal.add(List.of(id, "E0", id + "_image.nrrd", id + "_labels.nrrd", "lesions.csv"));
				longitudinal.add(List.of(id, "E1", id + "_t1_image.nrrd", id + "_t1_labels.nrrd", "lesions_t1.csv"));
			}
			log.printf("%s: %d lesions%n", id, c.lesions.size());
		}
		Csv.writeAtomically(out.resolve("lesions.csv"), lesionRows);
		Csv.writeAtomically(out.resolve("clinical.csv"), clinicalRows(seed));
		Csv.writeAtomically(out.resolve("lesions_t1.csv"), followUpLesions);
		Csv.writeAtomically(out.resolve("longitudinal.csv"), longitudinal);
		Csv.writeAtomically(out.resolve("cohort.csv"), cohortRows);
		for (String c : dicom)
			DicomExport.writePatient(out.resolve(c + "_image.nrrd"), out.resolve(c + "_labels.nrrd"), out.resolve(c + "_dicom"), c.split("_")[0],
					DicomExport.Uids.of("1.2.826.0.1.3680043.10.1.5." + Math.floorMod(c.hashCode(), 100000)));
	}
}
