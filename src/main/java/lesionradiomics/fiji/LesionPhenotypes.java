package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.report.PhenotypeReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.PhenotypeOptions;
import lesionradiomics.workflow.PhenotypeWorkflow;

/** SciJava command "Lesion Phenotypes": lesion phenotypes across a cohort and each patient's composition. */
@Plugin(type = Command.class, headless = true, label = "Lesion Phenotypes",
		description = "Clusters all lesions of the cohort into phenotypes (average or Ward linkage, or k-means; k by silhouette when 0) "
				+ "and gives each patient's composition, with the phenotypes' response when lesion responses are given.")
public class LesionPhenotypes extends FeatureTableCommand {

	@Parameter(label = "Method", choices = { "average", "ward", "kmeans" }, persist = false)
	private String method = Bind.name(PhenotypeOptions.DEFAULTS.method());

	@Parameter(label = "K: phenotypes (0 = by silhouette)", min = "0", persist = false)
	private int k = PhenotypeOptions.DEFAULTS.k();

	@Parameter(label = "Kmax: largest k tried", min = "2", persist = false)
	private int kmax = PhenotypeOptions.DEFAULTS.kmax();

	@Parameter(label = "Seed (k-means)", persist = false)
	private long seed = PhenotypeOptions.DEFAULTS.seed();

	@Parameter(label = "Response: lesion responses (lesion_response.csv, optional)", required = false, style = "table:patient/label,extensions:csv", persist = false)
	private File response;

	@Parameter(type = ItemIO.OUTPUT, label = "Lesion phenotypes")
	private ResultsTable lesionPhenotypes;

	@Parameter(type = ItemIO.OUTPUT, label = "Patient phenotypes")
	private ResultsTable patientPhenotypes;

	@Override
	protected void execute() throws java.io.IOException {
		PhenotypeWorkflow.Result r = PhenotypeWorkflow.run(input().analysed(),
				Bind.phenotypes(method, k, kmax, seed), response == null ? java.util.Map.of() : PhenotypeWorkflow.readResponses(response.toPath()));
		for (String n : r.notes()) warn(n);
		if (output != null) PhenotypeReport.write(r, output.toPath());
		lesionPhenotypes = ResultsTables.of(PhenotypeReport.lesionRows(r));
		patientPhenotypes = ResultsTables.of(PhenotypeReport.patientRows(r));
		if (!showing()) return;
		showOutputs();
		if (!r.responses().isEmpty()) ResultsTables.of(PhenotypeReport.responseRows(r)).show("Phenotype response");
		Images.show(PhenotypeReport.heatmap(r).imagePlus());
	}
}
