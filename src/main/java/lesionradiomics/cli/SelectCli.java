package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import lesionradiomics.io.CohortTable;
import lesionradiomics.report.SelectionReport;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.Losses;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.MemoryStore;
import lesionradiomics.workflow.SelectionOptions;
import lesionradiomics.workflow.SelectionWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code select}: robust (CCC ≥ threshold under 1 mm erosion/dilation) and decorrelated features. */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Features robust to the delineation and not redundant, as the reference study.",
				"%nExtracts each lesion on its mask eroded and dilated by --radius mm, keeps",
				"the features whose Lin CCC with the delineated values is >= --ccc for both,",
				"clusters them (average linkage on 1 - |r|) and keeps one per cluster. Files",
				"written into --out:",
				"  features.csv, robustness.csv, feature_clusters.csv, selected_features.txt,",
				"  correlation_heatmap.png (and errors.csv when a patient could not be used)." })
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

	@Mixin
	SelectionCliArgs selection;

	@Mixin
	FigureCliArgs results;

	@Mixin
	ExtractionCliArgs extraction;

	@Mixin
	EndingCliArgs ending;

	@Override
	public Integer call() throws Exception {
		ExtractionOptions e = extraction.options();
		SelectionOptions o = selection.options();
		try (lesionradiomics.io.FolderLock lock = results.prepare(lesionradiomics.report.ResultsFolder.SELECTION)) {
			CohortTable c = Bind.cohort(cohort, image, labels, lesions, patient);
			CohortWorkflow.Extracted x;
			try (Execution execution = extraction.execution(new CliProgress(System.err))) {
				x = CohortWorkflow.extract(c, e, o, false, new MemoryStore(), execution);
			}
			SelectionWorkflow.Result r = SelectionWorkflow.run(x.variants(), o);
			if (r.skipped() != null) throw new IllegalArgumentException(r.skipped());
			for (String w : x.notes()) System.err.println("warning: " + w);
			SelectionReport.write(x, r, o.correlation(), results.out(), results.dpi);
			long robust = r.robustness().stream().filter(f -> f.robust).count();
			String done = String.format(java.util.Locale.ROOT, "%d lesions: %d of %d features robust, %d clusters, selected %s; results in %s",
					r.lesionsUsed().size(), robust, r.robustness().size(), r.selected().size(), r.selected(), results.out());
			java.util.List<String> notes = new java.util.ArrayList<>(x.notes());
			for (CohortWorkflow.Failure f : x.failures()) notes.add(f.patient() + (f.label().isEmpty() ? "" : ", label " + f.label()) + ": " + f.reason());
			results.report(done, notes);
			if (!x.failures().isEmpty()) System.err.println(x.failures().size() + " patient(s) or lesion(s) could not be used, see " + results.out().resolve("errors.csv"));
			return ending.finish(System.err, done, c.patients().size(), "patients", Losses.patients(x.failures()), Losses.lesions(x.original(), x.failures()),
					results.out().resolve("errors.csv").toString());
		}
	}
}
