package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import org.scijava.ItemVisibility;
import org.scijava.plugin.Parameter;

import lesionradiomics.workflow.SelectionOptions;

/** The robust-feature selection settings of the SciJava commands that extract and select, bound to {@link SelectionOptions}. */
abstract class SelectionCommand extends ExtractionCommand {

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Robust feature selection", required = false, persist = false)
	private String selectionSettings = "Robust feature selection";

	@Parameter(label = "Radius (mm) of the erosion/dilation perturbation", min = "0", persist = false)
	protected double radius = SelectionOptions.DEFAULTS.radius();

	@Parameter(label = "CCC threshold of a robust feature", min = "0", max = "1", persist = false)
	protected double ccc = SelectionOptions.DEFAULTS.ccc();

	@Parameter(label = "Correlation", choices = { "pearson", "spearman" }, persist = false)
	protected String correlation = Bind.name(SelectionOptions.DEFAULTS.correlation());

	@Parameter(label = "Cut: cluster at |r| >=", min = "0", max = "1", persist = false)
	protected double cut = SelectionOptions.DEFAULTS.cut();

	@Parameter(label = "Clusters (0 = cut at |r|)", min = "0", persist = false)
	protected int clusters = SelectionOptions.DEFAULTS.clusters();

	@Parameter(label = "Prefer these representatives, comma-separated (blank = default list)", required = false, persist = false)
	protected String prefer = "";

	protected SelectionOptions selectionOptions() {
		return Bind.selection(radius, ccc, correlation, cut, clusters, Bind.list(prefer));
	}
}
