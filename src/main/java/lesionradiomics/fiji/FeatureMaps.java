package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.plugin.LutLoader;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.ImagePlusAdapter;
import lesionradiomics.volume.Geometry;
import net.imglib2.img.array.ArrayImgs;

import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
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

/**
 * "Feature Maps": voxel-wise feature maps of the open image's lesions; the chosen maps and the habitats open as
 * calibrated stacks on each lesion's box, with the summary and habitat tables. SciJava command (headless, scriptable);
 * the menu entry is {@link CommandPlugin}.
 */
@Plugin(type = Command.class, headless = true, label = "Feature Maps",
		description = "Voxel-wise feature maps (a kernel around each lesion voxel), their per-lesion summaries, thresholds and habitats "
				+ "(k-means of chosen maps); maps open with their data range and a colour bar.")
public class FeatureMaps extends TaskCommand {


	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Labels: the label image (one integer label per lesion)", persist = false)
	private ImagePlus labels;

	@Parameter(label = "Lesion table (patient,label,site; optional)", required = false, style = "extensions:csv", persist = false)
	private File lesions;

	@Parameter(label = "Patient (blank: the only one of the lesion table)", required = false, persist = false)
	private String patient = "";

	@Parameter(label = "Lesion labels (blank: all)", required = false, persist = false)
	private String lesionLabels = "";

	@Parameter(label = "Show these maps, comma-separated", required = false, persist = false)
	private String show = DEFAULT_SHOW;

	@Parameter(label = "Output folder (optional)", required = false, style = "directory", persist = false)
	private File output;

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Maps", required = false, persist = false)
	private String mapsSettings = "Maps";

	@Parameter(label = "Kernel radius (voxels)", min = "1", max = "5", persist = false)
	private int kernelRadius = MapsOptions.DEFAULTS.kernelRadius();

	@Parameter(label = "Classes: feature classes (blank: all but shape)", required = false, persist = false)
	private String classes = "";

	@Parameter(label = "Features: single ones (class:Name, ...)", required = false, persist = false)
	private String features = "";

	@Parameter(label = "Bin width (0 = 25)", persist = false)
	private double binWidth;

	@Parameter(label = "Bin count (0 = use bin width)", persist = false)
	private int binCount;

	@Parameter(label = "Settings: further pyradiomics settings (name=value;...)", required = false, persist = false)
	private String settings = "";

	@Parameter(label = "CSV: write one per lesion", persist = false)
	private boolean csv = MapsOptions.DEFAULTS.csv();

	@Parameter(label = "NRRD: write the maps", persist = false)
	private boolean nrrd = MapsOptions.DEFAULTS.nrrd();

	@Parameter(label = "Thresholds: feature=value;... (fraction of the lesion above)", required = false, persist = false)
	private String thresholds = "";

	@Parameter(visibility = ItemVisibility.MESSAGE, label = "Habitats", required = false, persist = false)
	private String habitatSettings = "Habitats";

	@Parameter(label = "Habitats (0 = none, -1 = chosen by silhouette, K >= 2 = K per lesion)", min = "-1", persist = false)
	private int habitats = MapsOptions.DEFAULTS.habitats();

	@Parameter(label = "Habitat features: the maps clustered on (needed with habitats)", required = false, persist = false)
	private String habitatFeatures = MapsOptions.shortNames(MapsOptions.DEFAULTS.habitatFeatures());

	@Parameter(label = "Habitat kmax: largest number of habitats", min = "2", persist = false)
	private int habitatKmax = MapsOptions.DEFAULTS.habitatKmax();

	@Parameter(label = "Seed (k-means)", persist = false)
	private long seed = MapsOptions.DEFAULTS.seed();

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	private int threads;

	@Parameter(type = ItemIO.OUTPUT, label = "Map summary")
	private ResultsTable summary;

	@Parameter(type = ItemIO.OUTPUT, label = "Lesion habitats")
	private ResultsTable lesionHabitats;

	@Override
	protected void execute() throws java.io.IOException {
		MapsOptions o = Bind.maps(Bind.list(lesionLabels), kernelRadius, Bind.list(classes), Bind.list(features), Bind.unlessZero(binWidth), Bind.unlessZero(binCount),
				Bind.pairs(settings), csv, nrrd, Bind.pairs(thresholds), Bind.list(habitatFeatures), habitats, habitatKmax, seed);
		ExtractionWorkflow.Input in = Images.input(image, labels, lesions, patient);
		List<ImagePlus> images = showing() ? new ArrayList<>() : null;
		MapsWorkflow.Result r;
		try (Execution execution = Execution.of(threads, progress())) {
			r = MapsWorkflow.run(in, o, execution, sink(o, output == null ? null : output.toPath(), Bind.list(show), images, execution.executor()));
		}
		for (String w : r.warnings()) warn(w);
		for (String f : r.failures()) warn("not mapped: " + f);
		if (output != null) MapsReport.writeSummary(r, output.toPath());
		summary = ResultsTables.of(MapsReport.summaryRows(r));
		lesionHabitats = ResultsTables.of(MapsReport.habitatRows(r));
		if (images != null) show(r, images, summary, lesionHabitats);
	}

	/** Maps opened by default: intensity and texture randomness. */
	static final String DEFAULT_SHOW = "firstorder_Mean, glcm_JointEntropy";

	/** More lesions than this: images only for the first ones (the tables and files have all). */
	static final int MAX_SHOWN_LESIONS = 5;

	/**
	 * Writes each lesion's files when an output folder is given, and keeps the images of the first lesions to show
	 * (none when {@code images} is null). The maps to show are checked before any lesion is mapped, when shown.
	 */
	static MapsWorkflow.Sink sink(MapsOptions o, java.nio.file.Path output, List<String> show, List<ImagePlus> images, java.util.concurrent.Executor writers) {
		List<String> shown = show.stream().map(MapsOptions::qualified).toList();
		List<String> computed = o.columns();
		for (String f : shown)
			if (images != null && !computed.contains(f)) throw new IllegalArgumentException("map " + f + " to show is not computed with these classes and features");
		int[] lesionsShown = { 0 };
		return lesion -> {
			if (output != null) MapsReport.writeLesion(lesion, o, output, writers);
			if (images == null || lesionsShown[0]++ >= MAX_SHOWN_LESIONS) return;
			String name = lesion.patient() + " label " + lesion.label();
			for (String f : shown)
				images.add(image(lesion.maps().image(lesion.maps().features().indexOf(f)), lesion.geometry(), name + " " + MapsOptions.shortNames(List.of(f)),
						"fire"));
			if (lesion.habitats() != null) {
				ImagePlus imp = image(lesion.maps().onBox(v -> lesion.habitats().labels()[v]), lesion.geometry(), name + " habitats", null);
				imp.setLut(HABITAT_COLOURS);
				imp.setDisplayRange(0, 255); // label values index the LUT directly
				images.add(imp);
			}
		};
	}

	/** Outside black, habitats 1.. in the Okabe–Ito colours (distinct for colour-blind readers too). */
	static final int[] OKABE_ITO = { 0x000000, 0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0xFFFFFF, 0x999999, 0x800000 };
	static final ij.process.LUT HABITAT_COLOURS = Images.lut(i -> OKABE_ITO[Math.min(i, OKABE_ITO.length - 1)]);

	/** A map as a calibrated stack (mm, with the origin), with a colour map when {@code lut} is given. */
	static ImagePlus image(double[] map, Geometry g, String title, String lut) {
		long[] size = g.size();
		ImageData data = new ImageData(null, ArrayImgs.doubles(map, size[0], size[1], size[2]), false, g, 1, 0, Map.of());
		ImagePlus imp = ImagePlusAdapter.toImagePlus(data, title);
		if (lut != null) imp.setLut(new ij.process.LUT(LutLoader.getLut(lut), 0, 255));
		imp.setSlice(Math.max(1, imp.getNSlices() / 2 + 1));
		return imp;
	}

	static void show(MapsWorkflow.Result r, List<ImagePlus> images, ResultsTable summary, ResultsTable habitats) {
		summary.show("Map summary");
		if (r.options().withHabitats()) habitats.show("Lesion habitats");
		for (ImagePlus imp : images) {
			Images.show(imp); // a lesion's box is a few dozen voxels wide: magnified to a readable size
			if (!imp.getTitle().endsWith(" habitats")) Images.asMap(imp);
		}
		if (r.lesions().size() > MAX_SHOWN_LESIONS)
			IJ.log("Lesion Radiomics: maps shown for the first " + MAX_SHOWN_LESIONS + " lesions; choose lesion labels to see others (the tables list all)");
		IJ.showStatus("Lesion Radiomics: " + r.lesions().size() + " lesions mapped");
	}
}
