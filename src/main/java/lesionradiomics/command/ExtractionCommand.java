package lesionradiomics.command;

import org.scijava.plugin.Parameter;

import lesionradiomics.features.FeatureSettings;

/** The extraction settings every SciJava command that extracts features offers, named as the dialogs' macro keys. */
abstract class ExtractionCommand extends TaskCommand {

	@Parameter(label = "Preset", choices = { "pyradiomics", "study" })
	protected String preset = "pyradiomics";

	@Parameter(label = "Bin width (0 = preset)", min = "0")
	protected double binWidth = 0;

	@Parameter(label = "Bin count (0 = use bin width)", min = "0")
	protected int binCount = 0;

	@Parameter(label = "Resample to x,y,z mm (blank = preset)", required = false)
	protected String resample = "";

	@Parameter(label = "Feature classes (blank = all)", required = false)
	protected String classes = "";

	@Parameter(label = "Threads (0 = all cores)", min = "0")
	protected int threads = 0;

	protected FeatureSettings settings() {
		return SettingsFactory.build(preset, binWidth, binCount, resample, SettingsFactory.list(classes), null, java.util.Map.of());
	}

	protected int threads() {
		return SettingsFactory.threads(threads);
	}
}
