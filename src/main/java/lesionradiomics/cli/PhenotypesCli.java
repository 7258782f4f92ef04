package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import lesionradiomics.report.PhenotypeReport;
import lesionradiomics.workflow.PhenotypeOptions;
import lesionradiomics.workflow.PhenotypeWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code phenotypes}: lesion phenotypes across a cohort and each patient's phenotype composition. */
@Command(name = "phenotypes", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Lesion phenotypes across a cohort and each patient's composition.",
				"%nAll lesions clustered on z-scored features (best with --selected, the",
				"robust ones): average linkage or k-means, k given or by silhouette. Files:",
				"  lesion_phenotypes.csv, patient_phenotypes.csv, silhouette.csv,",
				"  phenotype_heatmap.png; with --lesion-response phenotype_response.csv." })
final class PhenotypesCli implements Callable<Integer> {

	@Mixin
	FeaturesCliArgs input;

	@Option(names = "--method", paramLabel = "average|ward|kmeans", description = "Hierarchical clustering with average (default) or Ward linkage, or k-means.")
	String method = Bind.name(PhenotypeOptions.DEFAULTS.method());

	@Option(names = "--clusters", paramLabel = "K", description = "Number of phenotypes (default 0: chosen by the mean silhouette).")
	int k = PhenotypeOptions.DEFAULTS.k();

	@Option(names = "--max-clusters", paramLabel = "K", description = "Largest number of phenotypes tried by the silhouette (default 8).")
	int kmax = PhenotypeOptions.DEFAULTS.kmax();

	@Option(names = "--seed", paramLabel = "S", description = "k-means seed (default 20220101).")
	long seed = PhenotypeOptions.DEFAULTS.seed();

	@Option(names = "--lesion-response", paramLabel = "lesion_response.csv", description = "Lesion responses between two time points (the response command's lesion_response.csv): response classes per phenotype and mixed response per patient.")
	Path response;

	@Mixin
	FigureCliArgs results;

	@Override
	public Integer call() throws Exception {
		PhenotypeOptions o = Bind.phenotypes(method, k, kmax, seed);
		try (lesionradiomics.io.FolderLock lock = results.prepare(lesionradiomics.report.ResultsFolder.PHENOTYPES)) {
			PhenotypeWorkflow.Result r = PhenotypeWorkflow.run(input.read().analysed(), o,
					response == null ? java.util.Map.of() : PhenotypeWorkflow.readResponses(response));
			PhenotypeReport.write(r, results.out(), results.dpi);
			String done = String.format(java.util.Locale.ROOT, "%d lesions in %d phenotypes; results in %s", r.lesions().size(), r.clustering().k(), results.out());
			return results.finish(done, r.notes());
		}
	}
}
