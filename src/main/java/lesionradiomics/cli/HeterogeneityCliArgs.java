package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import lesionradiomics.workflow.HeterogeneityOptions;
import picocli.CommandLine.Option;

/** Heterogeneity options of {@code heterogeneity} and {@code cohort}, bound to {@link HeterogeneityOptions}. */
final class HeterogeneityCliArgs {

	@Option(names = "--scaling", paramLabel = "S", description = "Feature scaling for the dissimilarity: minmax (default: [0,1] over all lesions), zscore or none.")
	String scaling = Bind.name(HeterogeneityOptions.DEFAULTS.scaling());

	@Option(names = "--groups", paramLabel = "A,B", description = "Patient groups of the rank-sum test by lesion count, e.g. 2-5,15- (default: the group column when there is one, else 2-5,15-).")
	String groups = HeterogeneityOptions.DEFAULTS.groups();

	@Option(names = "--group-column", paramLabel = "NAME", description = "Column holding each patient's group (default: group).")
	String groupColumn = HeterogeneityOptions.DEFAULTS.groupColumn();

	HeterogeneityOptions options() {
		return Bind.heterogeneity(scaling, groups, groupColumn);
	}
}
