package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import org.scijava.ItemVisibility;
import org.scijava.plugin.Parameter;

import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;

/**
 * The extraction settings every SciJava command that extracts features offers, bound to {@link ExtractionOptions}.
 * Parameters that change results are not persisted: a value remembered from an earlier run (or a test) must never
 * change a later headless run silently.
 */
abstract class ExtractionCommand extends TaskCommand {

	@Parameter(label = "Preset", choices = { "pyradiomics", "study", "sun2022", "ibsi" }, persist = false,
			description = "pyradiomics: its defaults (bin width 25, no resampling); study: 1x1x1 mm B-spline resampling, bin width 10; "
					+ "sun2022: 1x1x1 mm B-spline, 400 bins from -1000 to 3000 HU, core and ring; ibsi: every IBSI 1 feature, IBSI's processing rules")
	protected String preset = ExtractionOptions.DEFAULTS.preset();

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Extraction settings", required = false, persist = false)
	private String extractionSettings = "Extraction settings";

	@Parameter(label = "Params: pyradiomics parameter file (YAML, optional; the fields below override it)", required = false, style = "extensions:yaml/yml", persist = false)
	protected java.io.File params;

	@Parameter(label = "Image types (e.g. Original;LoG:sigma=1,3;Wavelet; blank = Original)", required = false, persist = false)
	protected String imageTypes = "";

	@Parameter(label = "Bin width (0 = preset)", min = "0", persist = false)
	protected double binWidth = 0;

	@Parameter(label = "Bin count (0 = use bin width)", min = "0", persist = false)
	protected int binCount = 0;

	@Parameter(label = "Bin range: absolute min,max,count (blank = none)", required = false, persist = false)
	protected String binRange = "";

	@Parameter(label = "Resample to x,y,z mm (blank = preset)", required = false, persist = false)
	protected String resample = "";

	@Parameter(label = "Interpolator (blank = sitkBSpline)", required = false, persist = false)
	protected String interpolator = "";

	@Parameter(label = "Classes: feature classes, comma-separated (blank = all)", required = false, persist = false)
	protected String classes = "";

	@Parameter(label = "Features: single ones as class:Name, comma-separated", required = false, persist = false)
	protected String features = "";

	@Parameter(label = "Settings: further pyradiomics settings (name=value;name=value)", required = false, persist = false)
	protected String settings = "";

	@Parameter(label = "Split components of a binary label map (0, 6 or 26)", choices = { "0", "6", "26" }, persist = false)
	protected String splitComponents = "0";

	@Parameter(label = "Min lesion mm3: smallest component kept", min = "0", persist = false)
	protected double minLesionMm3 = ExtractionOptions.DEFAULTS.minLesionMm3();

	@Parameter(label = "NaN policy for NaN/infinite voxels in a lesion", choices = { "error", "exclude" }, persist = false)
	protected String nanPolicy = ExtractionOptions.DEFAULTS.nanPolicy();

	@Parameter(label = "VOI: volumes of interest", choices = { Bind.PRESET_VOI, "core", "ring", "core,ring" }, persist = false)
	protected String voi = Bind.PRESET_VOI;

	@Parameter(label = "Ring mm: peritumoral ring half-width", min = "0", persist = false)
	protected double ringMm = ExtractionOptions.DEFAULTS.ringMm();

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	protected int threads = 0;

	protected ExtractionOptions extractionOptions() throws java.io.IOException {
		return Bind.extraction(params == null ? null : params.toPath(), preset, Bind.unlessZero(binWidth), Bind.unlessZero(binCount), binRange, resample,
				interpolator, imageTypes, Bind.list(classes), Bind.list(features), Bind.pairs(settings), Integer.parseInt(splitComponents), minLesionMm3, nanPolicy, Bind.list(voi), ringMm, this::warn);
	}

	protected Execution execution() {
		return Execution.of(threads, progress());
	}
}
