package lesionradiomics.command;

import java.io.IOException;
import java.nio.file.Path;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.report.FeatureTableCsv;

/** A lesion feature CSV and an optional selected-feature list, as the analysis commands take them. */
final class AnalysisInput {

	/** Every feature of the table (sizes for RECIST come from here). */
	final FeatureMatrix full;
	/** The features to analyse: the selected ones, or all. */
	final FeatureMatrix analysed;

	AnalysisInput(Path features, Path selected) throws IOException {
		full = FeatureTableCsv.readMatrix(features, null);
		try {
			analysed = selected == null ? full : full.select(FeatureTableCsv.readList(selected));
		} catch (IllegalArgumentException e) {
			throw new lesionradiomics.io.VolumeFormatException(features, e.getMessage() + " (listed in " + selected + ")");
		}
	}
}
