package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.util.List;

import lesionradiomics.workflow.SelectionOptions;
import picocli.CommandLine.Option;

/** Robustness and decorrelation options of {@code select} and {@code cohort}, bound to {@link SelectionOptions}. */
final class SelectionCliArgs {

	@Option(names = "--radius", paramLabel = "MM", description = "Erosion/dilation radius in mm (default 1).")
	double radius = SelectionOptions.DEFAULTS.radius();

	@Option(names = "--ccc", paramLabel = "T", description = "Concordance threshold for robustness, 0..1 (default 0.8).")
	double ccc = SelectionOptions.DEFAULTS.ccc();

	@Option(names = "--correlation", paramLabel = "METHOD", description = "pearson (default) or spearman.")
	String correlation = Bind.name(SelectionOptions.DEFAULTS.correlation());

	@Option(names = "--cut", paramLabel = "R", description = "Join features while their average |r| >= R, 0..1 (default 0.8).")
	double cut = SelectionOptions.DEFAULTS.cut();

	@Option(names = "--clusters", paramLabel = "K", description = "Cut into exactly K clusters (K >= 1) instead of at --cut.")
	Integer clusters;

	@Option(names = "--prefer", split = ",", paramLabel = "NAME", description = "Preference list for representatives (default: VoxelVolume, MeshVolume, Maximum3DDiameter, Maximum2DDiameterSlice, Sphericity, ..., Mean, Median, 90Percentile, ...).")
	List<String> prefer;

	SelectionOptions options() {
		if (clusters != null && clusters < 1) throw new IllegalArgumentException("--clusters must be at least 1, is " + clusters + " (leave it out to cut at --cut)");
		return Bind.selection(radius, ccc, correlation, cut, clusters, prefer);
	}
}
