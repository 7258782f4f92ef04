package lesionradiomics.fiji;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.report.MapsReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.workflow.MapsOptions;
import lesionradiomics.workflow.MapsWorkflow;

/** SciJava command "Feature Maps": voxel-wise feature maps, their summaries and habitats, headless or shown. */
@Plugin(type = Command.class, headless = true, label = "Feature Maps")
public class FeatureMaps extends TaskCommand {

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Label image", persist = false)
	private ImagePlus labels;

	@Parameter(label = "Lesion table (patient,label,site)", required = false, persist = false)
	private File lesions;

	@Parameter(label = "Patient", required = false, persist = false)
	private String patient = "";

	@Parameter(label = "Lesion labels (blank: all)", required = false, persist = false)
	private String lesionLabels = "";

	@Parameter(label = "Kernel radius (voxels)", min = "1", max = "5", persist = false)
	private int kernelRadius = MapsOptions.DEFAULTS.kernelRadius();

	@Parameter(label = "Feature classes (blank: all but shape)", required = false, persist = false)
	private String classes = "";

	@Parameter(label = "Single features (class:Name, ...)", required = false, persist = false)
	private String features = "";

	@Parameter(label = "Bin width (0 = 25)", persist = false)
	private double binWidth;

	@Parameter(label = "Bin count (0 = use bin width)", persist = false)
	private int binCount;

	@Parameter(label = "Further settings (name=value;...)", required = false, persist = false)
	private String settings = "";

	@Parameter(label = "Write CSV per lesion", persist = false)
	private boolean csv = MapsOptions.DEFAULTS.csv();

	@Parameter(label = "Write NRRD maps", persist = false)
	private boolean nrrd = MapsOptions.DEFAULTS.nrrd();

	@Parameter(label = "Thresholds (feature=value;...)", required = false, persist = false)
	private String thresholds = "";

	@Parameter(label = "Habitat features ('none': no habitats)", required = false, persist = false)
	private String habitatFeatures = MapsOptions.shortNames(MapsOptions.DEFAULTS.habitatFeatures());

	@Parameter(label = "Habitats (0 = by silhouette)", min = "0", persist = false)
	private int habitats = MapsOptions.DEFAULTS.habitats();

	@Parameter(label = "Largest number of habitats", min = "2", persist = false)
	private int habitatKmax = MapsOptions.DEFAULTS.habitatKmax();

	@Parameter(label = "Seed (k-means)", persist = false)
	private long seed = MapsOptions.DEFAULTS.seed();

	@Parameter(label = "Maps to show", required = false, persist = false)
	private String show = FeatureMapsPlugin.DEFAULT_SHOW;

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	private int threads;

	@Parameter(label = "Output folder", required = false, persist = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Map summary")
	private ResultsTable summary;

	@Parameter(type = ItemIO.OUTPUT, label = "Lesion habitats")
	private ResultsTable lesionHabitats;

	@Override
	protected String title() {
		return FeatureMapsPlugin.TITLE;
	}

	@Override
	protected void execute() throws java.io.IOException {
		MapsOptions o = Bind.maps(Bind.list(lesionLabels), kernelRadius, Bind.list(classes), Bind.list(features), Bind.unlessZero(binWidth), Bind.unlessZero(binCount),
				Bind.pairs(settings), csv, nrrd, Bind.pairs(thresholds), Bind.list(habitatFeatures), habitats, habitatKmax, seed);
		ExtractionWorkflow.Input in = Bind.images(image, labels, lesions == null ? null : lesions.toPath(), patient);
		List<ImagePlus> images = showing() ? new ArrayList<>() : null;
		MapsWorkflow.Result r;
		try (Execution execution = Execution.of(threads, progress())) {
			r = MapsWorkflow.run(in, o, execution, FeatureMapsPlugin.sink(o, output == null ? null : output.toPath(), Bind.list(show), images));
		}
		for (String w : r.warnings()) warn(w);
		for (String f : r.failures()) warn("not mapped: " + f);
		if (output != null) MapsReport.writeSummary(r, output.toPath());
		summary = ResultsTables.of(MapsReport.summaryRows(r));
		lesionHabitats = ResultsTables.of(MapsReport.habitatRows(r));
		if (images != null) FeatureMapsPlugin.show(r, images, summary, lesionHabitats);
	}
}
