package lesionradiomics.sampling;

import java.util.List;

/**
 * One patient's lesions as the sampling strategies see them: site, size (longest in-plane diameter, mm) and the
 * cosine distances between all lesions (features scaled on the whole analysed set).
 */
public final class PatientLesions {

	final String patient;
	final long[] labels;
	final String[] sites;
	final double[] diameterMm;
	final double[][] distance;

	/** @param diameterMm longest in-plane diameter per lesion (NaN when unknown: not measurable for RECIST) */
	public PatientLesions(String patient, long[] labels, List<String> sites, double[] diameterMm, double[][] distance) {
		int n = labels.length;
		if (sites.size() != n || diameterMm.length != n || distance.length != n) throw new IllegalArgumentException("one site, size and distance row per lesion");
		this.patient = patient;
		this.labels = labels.clone();
		this.sites = sites.toArray(new String[0]);
		this.diameterMm = diameterMm.clone();
		this.distance = distance;
	}

	public String patient() { return patient; }
	public int size() { return labels.length; }
	public String site(int i) { return sites[i]; }
	public double diameter(int i) { return diameterMm[i]; }

	/**
	 * Why this patient has no heterogeneity to recover, or null: recovery compares a subset's index with the
	 * patient's own, undefined with fewer than two lesions or when all lesions are alike (index 0).
	 */
	public String undefinedIndexReason() {
		if (size() < 2) return "fewer than 2 analysable lesions: MTD and ATH are undefined";
		if (Recovery.indexes(distance, Strategy.all(this, null))[0] == 0) return "all lesions alike on the analysed features (MTD = 0)";
		return null;
	}
}
