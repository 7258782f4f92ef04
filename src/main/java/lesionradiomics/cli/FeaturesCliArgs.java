package lesionradiomics.cli;

import java.io.IOException;
import java.nio.file.Path;

import lesionradiomics.workflow.FeatureInput;
import picocli.CommandLine.Option;

/** The lesion feature table (and optional selected list) the analysis commands read. */
final class FeaturesCliArgs {

	@Option(names = "--features", required = true, paramLabel = "FEATURES.csv", description = "Lesion features (patient,label,site,features...), e.g. from extract, select or cohort.")
	Path features;

	@Option(names = "--selected", paramLabel = "LIST", description = "Use only these features (one per line, e.g. selected_features.txt from select).")
	Path selected;

	FeatureInput read() throws IOException {
		return FeatureInput.read(features, selected);
	}
}
