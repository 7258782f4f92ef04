package lesionradiomics.command;

import java.util.List;

import lesionradiomics.analysis.Correlation;
import picocli.CommandLine.Option;

/** Robustness and decorrelation options shared by {@code select} and {@code cohort}. */
final class SelectionOptions {

	@Option(names = "--radius", paramLabel = "MM", description = "Erosion/dilation radius in mm (default 1).")
	double radius = 1;

	@Option(names = "--ccc", paramLabel = "T", description = "Concordance threshold for robustness (default 0.8).")
	double ccc = 0.8;

	@Option(names = "--correlation", paramLabel = "METHOD", description = "pearson (default) or spearman.")
	String correlation = "pearson";

	@Option(names = "--cut", paramLabel = "R", description = "Join features while their average |r| >= R (default 0.8).")
	double cut = 0.8;

	@Option(names = "--clusters", paramLabel = "K", description = "Cut into exactly K clusters instead of at --cut.")
	int clusters = 0;

	@Option(names = "--prefer", split = ",", paramLabel = "NAME", description = "Preference list for representatives (default: VoxelVolume, MeshVolume, Maximum3DDiameter, Maximum2DDiameterSlice, Sphericity, ..., Mean, Median, 90Percentile, ...).")
	List<String> prefer;

	SelectionTask.Options options() {
		SelectionTask.Options o = new SelectionTask.Options();
		o.radiusMm = radius;
		o.cccThreshold = ccc;
		o.method = Correlation.Method.parse(correlation);
		o.correlationThreshold = cut;
		o.clusters = clusters;
		if (prefer != null) o.preferences = prefer;
		return o;
	}
}
