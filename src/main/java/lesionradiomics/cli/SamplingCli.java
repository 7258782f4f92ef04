package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.report.SamplingReport;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.SamplingOptions;
import lesionradiomics.workflow.SamplingWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sampling}: heterogeneity recovered by lesion-sampling strategies, and recovery curves. */
@Command(name = "sampling", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "How much of each patient's heterogeneity lesion-sampling strategies recover.",
				"%nStrategies: 2 and 3 at random, 3 from one site, <=3 per site over all",
				"sites, RECIST-like (2 from one site, excluding bone), RECIST 1.1 targets;",
				"seeded simulations, 95%% intervals, recovery curves for k = 2..--max-lesions at",
				"random. Files written into --out:",
				"  sampling_recovery.csv (the study's Table 3 layout),",
				"    sampling_per_patient.csv,",
				"  recovery_curves.csv, lesions_needed.csv, recovery_curve_MTD.png,",
				"    recovery_curve_ATH.png,",
				"  sampling_settings.csv." })
final class SamplingCli implements Callable<Integer> {

	@Mixin
	FeaturesCliArgs input;

	@Mixin
	SamplingCliArgs sampling;

	@Option(names = "--scaling", paramLabel = "S", description = "Feature scaling for the distances: minmax (default), zscore or none.")
	String scaling = Bind.name(HeterogeneityOptions.DEFAULTS.scaling());

	@Option(names = "--threads", paramLabel = "N", description = "Patients simulated in parallel (default 0: all cores). Results do not depend on it.")
	int threads;

	@Mixin
	FigureCliArgs results;

	@Override
	public Integer call() throws Exception {
		SamplingOptions o = sampling.options(scaling);
		try (lesionradiomics.io.FolderLock lock = results.prepare(lesionradiomics.report.ResultsFolder.SAMPLING)) {
			FeatureInput in = input.read();
			SamplingWorkflow.Result r;
			try (Execution execution = Execution.of(threads, new CliProgress(System.err))) {
				r = SamplingWorkflow.run(in.analysed(), in.full(), o, execution);
			}
			SamplingReport.write(r, results.out(), results.dpi);
			for (String n : r.notes()) System.err.println("note: " + n);
			for (List<String> row : SamplingReport.tableRows(r.simulation())) System.out.println(String.join(" | ", row));
			results.report("sampling recovery of " + r.simulation().patients.size() + " patients; results in " + results.out(), r.notes());
			System.err.println("results in " + results.out());
			return 0;
		}
	}
}
