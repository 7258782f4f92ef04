package lesionradiomics.fiji;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import lesionradiomics.io.ImagePlusAdapter;
import lesionradiomics.workflow.FilterOptions;
import lesionradiomics.workflow.FilterWorkflow;

/** SciJava command "IBSI Filter Response": the response map of one IBSI 2 filter spec as a 32-bit image. */
@Plugin(type = Command.class, headless = true, label = "IBSI Filter Response",
		description = "The response map of one IBSI 2 filter (mean, LoG, Laws, Gabor, wavelet, Simoncelli, Riesz) of the image, as a 32-bit image.")
public class FilterResponse extends TaskCommand {


	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Filter (e.g. LoG:sigma=1.5,boundary=mirror)", persist = false)
	private String filters = FilterOptions.DEFAULTS.filters();

	@Parameter(type = ItemIO.OUTPUT, label = "Response map")
	private ImagePlus response;

	@Override
	protected void execute() {
		FilterOptions o = new FilterOptions(filters);
		if (lesionradiomics.preprocess.filter.FilterSpec.parseList(filters).size() != 1)
			throw new IllegalArgumentException("give one filter spec (the command returns one image), got '" + filters + "'");
		FilterWorkflow.Response r = FilterWorkflow.run(ImagePlusAdapter.wrap(image).asVolume(), o, progress()).get(0);
		int nx = (int) r.geometry().size(0), ny = (int) r.geometry().size(1), nz = (int) r.geometry().size(2);
		ImageStack stack = new ImageStack(nx, ny);
		for (int z = 0; z < nz; z++) {
			float[] px = new float[nx * ny];
			for (int i = 0; i < px.length; i++) px[i] = (float) r.values()[z * nx * ny + i];
			stack.addSlice(new FloatProcessor(nx, ny, px));
		}
		response = new ImagePlus(image.getShortTitle() + " " + r.spec(), stack);
		response.setCalibration(image.getCalibration().copy());
		// the response is in filter units, not the input's (e.g. Hounsfield) calibration function
		response.getCalibration().disableDensityCalibration();
		response.resetDisplayRange();
		if (showing()) Images.show(response);
	}
}
