package lesionradiomics.command;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.io.CohortTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cohort}: the whole study on a cohort table. */
@Command(name = "cohort", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Run the whole study on a cohort: extraction (delineated, eroded and dilated masks), robust and",
				"decorrelated features, heterogeneity, sampling recovery. Patients are processed one at a time; a failing",
				"patient is listed in errors.csv and the others go on. Writes into --out:",
				"  features.csv, errors.csv, run.json, patients/<id>/ (per-patient tables),",
				"  selection/ (robustness, clusters, selected list, heatmap), heterogeneity/ (CVs, MTD/ATH, tests, plots),",
				"  sampling/ (Table 3 layout, per patient, curves, plots)." },
		footer = { "", "Example (the demo cohort, the study's settings):",
				"  java -jar target/lesion-radiomics-cli.jar cohort --cohort test-data/cohort.csv --preset study --out results/cohort" })
final class CohortCli implements Callable<Integer> {

	@Option(names = "--cohort", required = true, paramLabel = "COHORT.csv", description = "patient,image,labels[,lesions][,group] per row (paths relative to the table).")
	Path cohort;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
	Path out;

	@Option(names = "--resume", description = "Reuse the per-patient results of an earlier (interrupted) run into the same folder with the same settings.")
	boolean resume;

	@Mixin
	SelectionOptions selection;

	@Option(names = "--scaling", description = "Feature scaling for dissimilarity: minmax (default), zscore, none.")
	String scaling = "minmax";

	@Option(names = "--groups", paramLabel = "A,B", description = "Lesion-count groups for the rank-sum test (default 2-5,15-).")
	String groups = "2-5,15-";

	@Option(names = "--simulations", description = "Sampling simulations (default 500).")
	int simulations = 500;

	@Option(names = "--seed", description = "Sampling seed (default 20220101).")
	long seed = 20220101L;

	@Mixin
	ExtractionOptions options;

	@Override
	public Integer call() throws Exception {
		CohortTask.Options o = new CohortTask.Options();
		o.settings = options.settings();
		o.threads = options.threads();
		o.resume = resume;
		if (options.splitComponents != null) {
			o.splitConnectivity = options.splitComponents;
			o.minLesionMm3 = options.minLesionMm3;
		}
		o.selection = selection.options();
		o.scaling = Dissimilarity.Scaling.parse(scaling);
		o.groups = groups;
		o.sampling.simulations = simulations;
		o.sampling.seed = seed;
		long t = System.nanoTime();
		List<String> notes = CohortTask.run(CohortTable.read(cohort), o, out, new CliProgress(System.err));
		for (String n : notes) System.err.println("note: " + n);
		System.err.printf("cohort analysed in %.1f s; results in %s (start with sampling/sampling_recovery.csv and heterogeneity/heterogeneity_indexes.csv)%n",
				(System.nanoTime() - t) / 1e9, out);
		return 0;
	}
}
