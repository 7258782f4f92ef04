package lesionradiomics.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.LutLoader;
import ij.plugin.PlugIn;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.ImagePlusAdapter;
import lesionradiomics.report.MapsReport;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.volume.Geometry;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionWorkflow;
import lesionradiomics.workflow.MapsOptions;
import lesionradiomics.workflow.MapsWorkflow;
import net.imglib2.img.array.ArrayImgs;

/**
 * Plugins › Lesion Radiomics › Feature Maps (ImageJ 1.x entry, macro-recordable): voxel-wise feature maps of the open
 * image's lesions; the chosen maps and the habitats open as calibrated stacks on each lesion's box, with the summary
 * and habitat tables.
 */
public class FeatureMapsPlugin implements PlugIn {

	static final String TITLE = "Feature Maps";

	/** Maps opened by default: intensity and texture randomness. */
	static final String DEFAULT_SHOW = "firstorder_Mean, glcm_JointEntropy";

	/** More lesions than this: images only for the first ones (the tables and files have all). */
	static final int MAX_SHOWN_LESIONS = 5;

	public static DialogForm form(String image, String labels) {
		return new DialogForm(TITLE).image("image", image).image("labels", labels).file("lesion_table").string("patient", "", 12).maps()
				.string("show", DEFAULT_SHOW, 40).directory("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = ImageChecks.dialogOverOpenImages(TITLE, FeatureMapsPlugin::form);
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			MapsOptions o = DialogForm.maps(v);
			ExtractionWorkflow.Input in = ImageChecks.input(v);
			List<ImagePlus> images = new ArrayList<>();
			MapsWorkflow.Result r;
			try (Execution execution = Execution.of(v.integer("threads"), DialogForm.imageJProgress())) {
				r = MapsWorkflow.run(in, o, execution, sink(o, v.optionalPath("output"), Bind.list(v.string("show")), images));
			}
			if (v.optionalPath("output") != null) MapsReport.writeSummary(r, v.optionalPath("output"));
			for (String w : r.warnings()) IJ.log("Lesion Radiomics: " + w);
			show(r, images, ResultsTables.of(MapsReport.summaryRows(r)), ResultsTables.of(MapsReport.habitatRows(r)));
		});
	}

	/**
	 * Writes each lesion's files when an output folder is given, and keeps the images of the first lesions to show
	 * (none when {@code images} is null). The maps to show are checked before any lesion is mapped, when shown.
	 */
	static MapsWorkflow.Sink sink(MapsOptions o, java.nio.file.Path output, List<String> show, List<ImagePlus> images) {
		List<String> shown = show.stream().map(MapsOptions::qualified).toList();
		List<String> computed = o.columns();
		for (String f : shown)
			if (images != null && !computed.contains(f)) throw new IllegalArgumentException("map " + f + " to show is not computed with these classes and features");
		int[] lesionsShown = { 0 };
		return lesion -> {
			if (output != null) MapsReport.writeLesion(lesion, o, output);
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
	static final ij.process.LUT HABITAT_COLOURS;
	static {
		int[][] colours = { { 0, 0, 0 }, { 230, 159, 0 }, { 86, 180, 233 }, { 0, 158, 115 }, { 240, 228, 66 }, { 0, 114, 178 }, { 213, 94, 0 },
				{ 204, 121, 167 }, { 255, 255, 255 }, { 153, 153, 153 }, { 128, 0, 0 } };
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			int[] c = colours[Math.min(i, colours.length - 1)];
			r[i] = (byte) c[0];
			g[i] = (byte) c[1];
			b[i] = (byte) c[2];
		}
		HABITAT_COLOURS = new ij.process.LUT(r, g, b);
	}

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
		if (!r.options().habitatFeatures().isEmpty()) habitats.show("Lesion habitats");
		for (ImagePlus imp : images) {
			imp.show();
			// a lesion's box is a few dozen voxels wide: magnify the window to a readable size (power-of-two zoom)
			double zoom = 1;
			while (zoom < 16 && imp.getWidth() * zoom * 2 <= 320 && imp.getHeight() * zoom * 2 <= 320) zoom *= 2;
			if (zoom > 1) ij.plugin.Zoom.set(imp, zoom);
		}
		if (r.lesions().size() > MAX_SHOWN_LESIONS)
			IJ.log("Lesion Radiomics: maps shown for the first " + MAX_SHOWN_LESIONS + " lesions; choose lesion labels to see others (the tables list all)");
		for (String f : r.failures()) IJ.log("Lesion Radiomics: not mapped: " + f);
		IJ.showStatus("Lesion Radiomics: " + r.lesions().size() + " lesions mapped");
	}
}
