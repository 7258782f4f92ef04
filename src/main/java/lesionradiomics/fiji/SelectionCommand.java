package lesionradiomics.fiji;

import org.scijava.plugin.Parameter;

import lesionradiomics.workflow.SelectionOptions;

/** The robust-feature selection settings of the SciJava commands that extract and select, bound to {@link SelectionOptions}. */
abstract class SelectionCommand extends ExtractionCommand {

	@Parameter(label = "Perturbation radius (mm)", min = "0", persist = false)
	protected double radius = SelectionOptions.DEFAULTS.radius();

	@Parameter(label = "CCC threshold", min = "0", max = "1", persist = false)
	protected double ccc = SelectionOptions.DEFAULTS.ccc();

	@Parameter(label = "Correlation", choices = { "pearson", "spearman" }, persist = false)
	protected String correlation = Bind.name(SelectionOptions.DEFAULTS.correlation());

	@Parameter(label = "Cluster at |r| >=", min = "0", max = "1", persist = false)
	protected double cut = SelectionOptions.DEFAULTS.cut();

	@Parameter(label = "Clusters (0 = cut at |r|)", min = "0", persist = false)
	protected int clusters = SelectionOptions.DEFAULTS.clusters();

	@Parameter(label = "Preferred representatives, comma-separated (blank = default list)", required = false, persist = false)
	protected String prefer = "";

	protected SelectionOptions selectionOptions() {
		return Bind.selection(radius, ccc, correlation, cut, clusters, Bind.list(prefer));
	}
}
