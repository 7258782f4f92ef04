package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.io.LongitudinalTable;
import lesionradiomics.report.ResponseReport;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ResponseOptions;
import lesionradiomics.workflow.ResponseWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code response}: two time points — lesion and patient response (RECIST 1.1), delta-radiomics, ROC of a variable vs progression. */
@Command(name = "response", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Two time points: RECIST response, delta-radiomics, variable vs progression.",
				"%nThe table lists patient,timepoint,image,labels[,lesions]; the first two",
				"time points of each patient are compared, lesions matched by label or by a",
				"lesion_id column of the lesion tables. Files written:",
				"  lesion_response.csv, patient_response.csv, delta_features.csv,",
				"  patient_delta.csv, association.csv (with --variable), errors.csv,",
				"  waterfall.png, spider.png, roc.png." })
final class ResponseCli implements Callable<Integer> {

	@Option(names = "--longitudinal", required = true, paramLabel = "LONGITUDINAL.csv", description = "CSV table: patient,timepoint,image,labels[,lesions] per scan (paths relative to the table).")
	Path cohort;

	@Option(names = "--variable", paramLabel = "NAME", description = "Lesion variable vs progression: a feature at baseline, or delta_<feature> for its relative change.")
	String variable = ResponseOptions.DEFAULTS.variable();

	@Option(names = "--cutoff", paramLabel = "X|youden", description = "Cut-off of the variable for the odds ratio (default youden: the ROC's best threshold).")
	String cutoff = ResponseOptions.DEFAULTS.cutoff();

	@Option(names = "--min-volume-ml", split = ",", paramLabel = "ML", description = "Baseline volume subgroups, e.g. 0.5,1.")
	List<Double> minVolumeMl = new ArrayList<>();

	@Option(names = "--progression", paramLabel = "F", description = "Relative diameter increase that is progression (default 0.20).")
	double progression = ResponseOptions.DEFAULTS.progression();

	@Option(names = "--response", paramLabel = "F", description = "Relative diameter decrease that is response (default 0.30).")
	double response = ResponseOptions.DEFAULTS.response();

	@Option(names = "--volume-progression", paramLabel = "F", description = "Relative volume increase of the volumetric reading (default 0.73).")
	double volumeProgression = ResponseOptions.DEFAULTS.volumeProgression();

	@Option(names = "--volume-response", paramLabel = "F", description = "Relative volume decrease of the volumetric reading (default 0.65).")
	double volumeResponse = ResponseOptions.DEFAULTS.volumeResponse();

	@Option(names = "--delta-site", paramLabel = "SITE", description = "Patient-level delta over this site's lesions only (e.g. liver, as Dercle et al.).")
	String deltaSite = ResponseOptions.DEFAULTS.deltaSite();

	@Option(names = "--delta-aggregation", paramLabel = "M", description = "How lesion deltas become the patient's: vwmean (default), mean, median, largest, ...")
	String deltaAggregation = ResponseOptions.DEFAULTS.deltaAggregation().key();

	@Option(names = "--bootstrap", paramLabel = "N", description = "Patient-level bootstrap resamples of the AUC interval (default 1000; 0 = none).")
	int bootstrap = ResponseOptions.DEFAULTS.bootstrap();

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the bootstrap (default 20220101).")
	long seed = ResponseOptions.DEFAULTS.seed();

	@Mixin
	ExtractionCliArgs extraction;

	@Mixin
	FigureCliArgs results;

	@Mixin
	EndingCliArgs ending;

	@Override
	public Integer call() throws Exception {
		ResponseOptions o = Bind.response(extraction.options(), variable, cutoff, minVolumeMl, progression, response, volumeProgression, volumeResponse, deltaSite,
				deltaAggregation, bootstrap, seed);
		try (lesionradiomics.io.FolderLock lock = results.prepare(lesionradiomics.report.ResultsFolder.RESPONSE)) {
			ResponseWorkflow.Result r;
			try (Execution execution = extraction.execution(new CliProgress(System.err))) {
				r = ResponseWorkflow.run(LongitudinalTable.read(cohort), o, execution);
			}
			ResponseReport.write(r, results.out(), results.dpi);
			for (String n : r.notes()) System.err.println("note: " + n);
			List<String> lost = new ArrayList<>(), notes = new ArrayList<>(r.notes());
			r.failures().forEach((p, why) -> {
				System.err.println("patient " + p + " left out: " + why);
				notes.add("patient " + p + " left out: " + why);
				lost.add(p + " (" + lesionradiomics.workflow.Losses.shortReason(why) + ")");
			});
			String done = String.format(java.util.Locale.ROOT, "%d patients, %d lesions; results in %s", r.patients().size(), r.lesions().size(), results.out());
			results.report(done, notes);
			return ending.finish(System.err, done, r.patients().size() + r.failures().size(), "patients", lost, results.out().resolve("errors.csv").toString());
		}
	}
}
