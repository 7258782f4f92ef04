package lesionradiomics.fiji;

import java.io.File;

import org.scijava.plugin.Parameter;

import lesionradiomics.workflow.FeatureInput;

/**
 * The inputs and output every analysis of a lesion feature table offers: the table (a CSV or an open table), an
 * optional list of selected features and an optional output folder. The dialog puts the inputs first and the folder
 * last (see {@link CommandPlugin#form}).
 */
abstract class FeatureTableCommand extends TaskCommand {

	@Parameter(label = "Features: lesion features (CSV or an open table)", style = "table:patient/label/site,extensions:csv", persist = false)
	protected File features;

	@Parameter(label = "Selected features (list, optional)", required = false, style = "extensions:txt/csv", persist = false)
	protected File selected;

	@Parameter(label = "Output folder (optional)", required = false, style = "directory", persist = false)
	protected File output;

	protected FeatureInput input() throws java.io.IOException {
		return FeatureInput.read(features.toPath(), selected == null ? null : selected.toPath());
	}
}
