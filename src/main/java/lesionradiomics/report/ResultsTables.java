package lesionradiomics.report;

import ij.measure.ResultsTable;
import lesionradiomics.features.FeatureTable;

/** ImageJ ResultsTables built from core results; never the global "Results" table. */
public final class ResultsTables {

	private ResultsTables() {}

	/** One row per computed lesion: patient, label, site, then the feature columns. */
	public static ResultsTable features(FeatureTable table) {
		ResultsTable rt = new ResultsTable();
		rt.setPrecision(-8); // scientific notation with 8 digits keeps small and large features readable
		for (FeatureTable.Row r : table.computed()) {
			rt.incrementCounter();
			rt.addValue("patient", r.patient());
			rt.addValue("label", r.label());
			rt.addValue("site", r.site());
			for (String c : table.columns()) rt.addValue(c, r.features().get(c));
		}
		return rt;
	}
}
