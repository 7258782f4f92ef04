package lesionradiomics.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import lesionradiomics.report.HeterogeneityReport;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.HeterogeneityWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heterogeneity}: intra-patient heterogeneity of a lesion feature table. */
@Command(name = "heterogeneity", sortSynopsis = false, mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Intra-patient heterogeneity: CVs, lesion dissimilarity, MTD and ATH, tests.",
				"%nCV per patient and per organ, cosine dissimilarity between a patient's",
				"lesions, maximal tumoral divergence (MTD), average tumoral heterogeneity",
				"(ATH), t-tests and rank-sum tests. Files written:",
				"  cv_per_patient.csv, cv_per_organ.csv, cv_summary.csv,",
				"    heterogeneity_indexes.csv,",
				"  lesion_clusters.csv, tests.csv, cv_by_class.png, heterogeneity_indexes.png",
				"    and",
				"  dissimilarity_<patient>.png per patient." })
final class HeterogeneityCli implements Callable<Integer> {

	@Mixin
	FeaturesCliArgs input;

	@Mixin
	HeterogeneityCliArgs heterogeneity;

	@Option(names = "--group-table", paramLabel = "TABLE.csv", description = "Table with a patient column and the group column (lesion, cohort or clinical table); used when --groups is not given.")
	Path groupTable;

	@Mixin
	FigureCliArgs results;

	@Override
	public Integer call() throws Exception {
		HeterogeneityOptions o = heterogeneity.options();
		try (lesionradiomics.io.FolderLock lock = results.prepare(lesionradiomics.report.ResultsFolder.HETEROGENEITY)) {
			FeatureInput in = input.read();
			Map<String, String> groups = groupTable == null ? Map.of() : HeterogeneityWorkflow.groupsFrom(groupTable, o.groupColumn());
			HeterogeneityWorkflow.Result r = HeterogeneityWorkflow.run(in.analysed(), o, groups);
			HeterogeneityReport.write(r, results.out(), results.dpi);
			String done = String.format(java.util.Locale.ROOT, "%d patients, %d lesions, %d features; results in %s", r.dissimilarity().size(), in.analysed().rows(),
					in.analysed().columns(), results.out());
			return results.finish(done, r.notes());
		}
	}
}
