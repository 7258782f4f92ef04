package lesionradiomics.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.io.CohortTable;
import lesionradiomics.report.CohortReport;
import lesionradiomics.workflow.CohortOptions;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.Losses;
import lesionradiomics.workflow.ScoreWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cohort}: the whole study on a cohort table. */
@Command(name = "cohort", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "The whole study on a cohort table: extraction, robust features, heterogeneity, sampling.",
				"%nEach patient is extracted on its delineated, eroded and dilated masks, one",
				"patient at a time; a patient whose files cannot be used is listed in",
				"errors.csv and the others go on. Files written into --out:",
				"  features.csv, errors.csv, run.json, patients/<id>/ (per-patient tables),",
				"  selection/ (robustness, clusters, selected list, heatmap),",
				"  heterogeneity/ (CVs, MTD/ATH, tests, plots),",
				"  sampling/ (Table 3 layout, per patient, curves, plots),",
				"  scores/ (patient metrics and aggregates; lesion scores with --model)." },
		footer = { "", "Example (the demo cohort, the study's settings):",
				"  java -jar target/lesion-radiomics-cli.jar cohort \\",
				"      --cohort test-data/cohort.csv --preset study --out results/cohort" })
public final class CohortCli implements Callable<Integer> {

	/** What a cohort run is asked to do, as {@code cohort} reads it from its arguments. */
	public record Parsed(Path cohort, Path out, CohortOptions options, Path model, int threads) {}

	/**
	 * The cohort command's options parsed from its arguments exactly as {@code cohort} parses them, for another engine
	 * running the same workflow (the Spark job); errors are the command's own.
	 */
	public static Parsed parse(String... args) throws java.io.IOException {
		CohortCli c = new CohortCli();
		new picocli.CommandLine(c).parseArgs(args);
		return c.parsed();
	}

	Parsed parsed() throws java.io.IOException {
		return new Parsed(cohort, out, new CohortOptions(extraction.options(), selection.options(), heterogeneity.options(), sampling.options(
				heterogeneity.scaling), scores.options(), resume, overwrite), model, extraction.threads);
	}

	@Option(names = "--cohort", required = true, paramLabel = "COHORT.csv", description = "patient,image,labels[,lesions][,group] per row (paths relative to the table).")
	Path cohort;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
	Path out;

	@Option(names = "--resume", description = "Reuse the per-patient results of an earlier (interrupted) run into the same folder with the same settings.")
	boolean resume = CohortOptions.DEFAULTS.resume();

	@Option(names = "--overwrite", description = "Replace the results of an earlier run in --out (a folder that is not empty is otherwise refused, unless --resume).")
	boolean overwrite = CohortOptions.DEFAULTS.overwrite();

	@Mixin
	SelectionCliArgs selection;

	@Mixin
	HeterogeneityCliArgs heterogeneity;

	@Mixin
	SamplingCliArgs sampling;

	@Mixin
	ExtractionCliArgs extraction;

	@Option(names = "--model", paramLabel = "MODEL.csv", description = "Linear lesion model for lesion scores (see README, 'Model files'); covariates come from the lesion tables and the cohort table's further columns.")
	Path model;

	@Mixin
	ScoreCliArgs scores;

	@Mixin
	EndingCliArgs ending;

	@Option(names = "--dpi", paramLabel = "DPI", description = "Resolution of the PNG figures (default 200; e.g. 300 for print). An SVG of each is written too.")
	int dpi = lesionradiomics.report.Figure.DEFAULT_DPI;

	@Override
	public Integer call() throws Exception {
		lesionradiomics.report.Figure.checkDpi(dpi);
		CohortOptions o = parsed().options();
		ScoreModel scoreModel = ScoreWorkflow.readModel(model);
		lesionradiomics.io.AtomicFiles.checkWritable(out);
		long t = System.nanoTime();
		CohortWorkflow.Result r;
		try (Execution execution = extraction.execution(new CliProgress(System.err))) {
			r = CohortReport.run(CohortTable.read(cohort), o, scoreModel, out, execution, dpi);
		}
		for (String n : r.notes()) System.err.println("note: " + n);
		String done = String.format(java.util.Locale.ROOT, "cohort analysed in %.1f s; results in %s (open %s)", (System.nanoTime() - t) / 1e9, out,
				out.resolve(CohortReport.REPORT));
		return ending.finish(System.err, done, r.cohort().patients().size(), "patients", Losses.patients(r.failures()),
				Losses.lesions(r.features(), r.failures()), out.resolve("errors.csv").toString());
	}
}
