package lesionradiomics.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.io.CohortTable;
import lesionradiomics.io.Csv;
import lesionradiomics.report.ResultsTables;

/** SciJava command "Cohort Analysis" (headless, scriptable); the menu entry is the ImageJ 1.x plugin. */
@Plugin(type = Command.class, headless = true, label = "Cohort Analysis")
public class CohortAnalysis extends ExtractionCommand {

	@Parameter(label = "Cohort table (patient,image,labels[,lesions][,group])")
	private File cohort;

	@Parameter(label = "Output folder")
	private File output;

	@Parameter(label = "Simulations", min = "1")
	private int simulations = 500;

	@Parameter(label = "Seed")
	private long seed = 20220101L;

	@Parameter(label = "Resume an interrupted run")
	private boolean resume = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Sampling Recovery")
	private ResultsTable recovery;

	@Parameter(type = ItemIO.OUTPUT, label = "Heterogeneity indexes")
	private ResultsTable indexes;

	@Override
	protected String title() {
		return "Cohort Analysis";
	}

	@Override
	protected void execute() throws java.io.IOException {
		CohortTask.Options o = new CohortTask.Options();
		o.settings = settings();
		o.threads = threads();
		o.sampling.simulations = simulations;
		o.sampling.seed = seed;
		o.resume = resume;
		for (String n : CohortTask.run(CohortTable.read(cohort.toPath()), o, output.toPath(), progress())) warn(n);
		recovery = ResultsTables.of(Csv.read(output.toPath().resolve("sampling/sampling_recovery.csv")));
		indexes = ResultsTables.of(Csv.read(output.toPath().resolve("heterogeneity/heterogeneity_indexes.csv")));
		if (showing()) {
			recovery.show("Sampling Recovery");
			indexes.show("Heterogeneity indexes");
		}
	}
}
