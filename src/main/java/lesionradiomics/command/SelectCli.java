package lesionradiomics.command;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.analysis.Correlation;
import lesionradiomics.io.CohortTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code select}: robust (CCC ≥ threshold under 1 mm erosion/dilation) and decorrelated features. */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Select features robust to the delineation and not redundant, as the reference study.",
				"Extracts each lesion on its mask eroded and dilated by --radius mm, keeps features whose Lin CCC with the",
				"original values is >= --ccc for both, clusters them (average linkage on 1-|r|) and keeps one per cluster.",
				"Writes features.csv, robustness.csv, feature_clusters.csv, selected_features.txt, correlation_heatmap.png",
				"(and errors.csv when a patient could not be used) into --out." })
final class SelectCli implements Callable<Integer> {

	@Option(names = "--image", paramLabel = "IMG", description = "Image of a single patient (or use --cohort).")
	Path image;

	@Option(names = "--labels", paramLabel = "LABELS", description = "Label map of that patient.")
	Path labels;

	@Option(names = "--lesions", paramLabel = "TABLE.csv", description = "Lesion table (patient,label,site).")
	Path lesions;

	@Option(names = "--patient", paramLabel = "ID", description = "Patient of the lesion table to use.")
	String patient;

	@Option(names = "--cohort", paramLabel = "COHORT.csv", description = "Several patients: patient,image,labels[,lesions] per row.")
	Path cohort;

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

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
	Path out;

	@Mixin
	ExtractionOptions options;

	@Override
	public Integer call() throws Exception {
		CohortTable c = Inputs.cohort(cohort, image, labels, lesions, patient);
		SelectionTask.Options o = new SelectionTask.Options();
		o.radiusMm = radius;
		o.cccThreshold = ccc;
		o.method = Correlation.Method.parse(correlation);
		o.correlationThreshold = cut;
		o.clusters = clusters;
		if (prefer != null) o.preferences = prefer;
		SelectionTask.Result r = SelectionTask.run(c, options.settings(), o, options.threads(), new CliProgress(System.err));
		for (String w : r.warnings) System.err.println("warning: " + w);
		SelectionTask.write(r, o.method, out);
		long robust = r.robustness.stream().filter(f -> f.robust).count();
		System.err.printf("%d lesions: %d of %d features robust, %d clusters, selected %s; results in %s%n", r.lesionsUsed.size(), robust,
				r.robustness.size(), r.decorrelation.selected().size(), r.decorrelation.selected(), out);
		if (r.errors.size() > 1) System.err.println((r.errors.size() - 1) + " patient(s) could not be used, see " + out.resolve("errors.csv"));
		return 0;
	}
}
