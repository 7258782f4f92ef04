package lesionradiomics.fiji;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.StackStatistics;

/**
 * Open images as the dialogs offer them and as the commands show them: the image choosers list only images that fit
 * the role (no RGB figure as the CT, no CT as the label map), and a run stops when the label image chosen cannot be
 * one; label maps open with a label colour table at the slice of the largest lesion; feature maps with their data
 * range and a colour bar.
 */
final class Images {

	private Images() {}

	/** More distinct values than this: not a label map (a CT has thousands). */
	static final int MAX_LABELS = 1000;

	/**
	 * True for an image that can be a label map: not RGB, and its (calibrated) values whole numbers ≥ 0 with at most
	 * {@link #MAX_LABELS} distinct ones. Stops at the first value that rules it out, so a CT is rejected quickly.
	 */
	static boolean isLabelMap(ImagePlus imp) {
		if (imp.getBitDepth() == 24) return false;
		float[] table = imp.getBitDepth() == 32 ? null : imp.getCalibration().getCTable();
		Set<Float> seen = new HashSet<>();
		for (int z = 1; z <= imp.getStackSize(); z++) {
			ImageProcessor ip = imp.getStack().getProcessor(z);
			for (int i = 0, n = ip.getPixelCount(); i < n; i++) {
				float v = table == null ? ip.getf(i) : table[(int) ip.getf(i)];
				if (v < 0 || v != Math.rint(v)) return false;
				if (seen.add(v) && seen.size() > MAX_LABELS) return false;
			}
		}
		return true;
	}

	/** Stops with the reason when {@code labels} cannot be the label image of {@code image}. */
	static void check(ImagePlus image, ImagePlus labels) {
		String problem = labelImageProblem(image, labels);
		if (problem != null) throw new IllegalArgumentException(problem);
	}

	/**
	 * Why {@code labels} cannot be the label image of {@code image}, or null: the image itself, non-integer values
	 * (a float CT chosen by mistake) or negative values.
	 */
	static String labelImageProblem(ImagePlus image, ImagePlus labels) {
		if (labels == image) return "the label image is the image itself ('" + image.getTitle() + "'); choose the label map (one integer label per lesion)";
		if (labels.getBitDepth() == 24) return "label image '" + labels.getTitle() + "' is RGB; a label map has one integer label per lesion";
		for (int z = 1; z <= labels.getStackSize(); z++) {
			ImageProcessor ip = labels.getStack().getProcessor(z);
			for (int i = 0; i < ip.getPixelCount(); i++) {
				float v = ip.getf(i);
				if (v < 0) return "label image '" + labels.getTitle() + "' has negative values (" + v + " in slice " + z + "); labels are 0 (background) or positive";
				if (v != Math.rint(v))
					return "label image '" + labels.getTitle() + "' has non-integer values (" + v + " in slice " + z
							+ "): is it the CT? Choose the label map (one integer label per lesion)";
			}
		}
		return null;
	}

	/** Whether an open image fits a dialog field: "labels" takes label maps, every other image field grey-level images. */
	static boolean fits(String key, ImagePlus imp) {
		if (imp.getBitDepth() == 24) return false;
		return key.equals("labels") == isLabelMap(imp);
	}

	/**
	 * The titles a chooser offers: the open images fitting the role (all non-RGB ones when none fits). In a macro,
	 * every open image, so a macro that names an image keeps working whatever it holds.
	 */
	static String[] titles(String key, boolean macro) {
		List<String> fit = new ArrayList<>(), other = new ArrayList<>();
		for (int id : ids()) {
			ImagePlus imp = WindowManager.getImage(id);
			if (imp == null) continue;
			if (macro || fits(key, imp)) fit.add(imp.getTitle());
			else if (imp.getBitDepth() != 24) other.add(imp.getTitle());
		}
		return (fit.isEmpty() ? other : fit).toArray(new String[0]);
	}

	private static int[] ids() {
		int[] ids = WindowManager.getIDList();
		return ids == null ? new int[0] : ids;
	}

	/** Default images: the front image when it fits the role, else the first that does; two roles never the same image. */
	static void defaults(CommandPlugin.Form form, Map<String, String> values) {
		ImagePlus front = WindowManager.getCurrentImage();
		Set<String> taken = new HashSet<>();
		for (CommandPlugin.Item i : form.items()) {
			if (i.kind() != CommandPlugin.Kind.IMAGE) continue;
			String pick = null;
			if (front != null && fits(i.key(), front) && !taken.contains(front.getTitle())) pick = front.getTitle();
			for (String t : titles(i.key(), false)) if (pick == null && !taken.contains(t)) pick = t;
			if (pick != null) {
				values.put(i.key(), pick);
				taken.add(pick);
			}
		}
	}

	/** An open image and label image (checked: {@link #check}), an optional lesion table and the patient, as a workflow's input. */
	static lesionradiomics.workflow.ExtractionWorkflow.Input input(ImagePlus image, ImagePlus labels, java.io.File lesionTable, String patient)
			throws java.io.IOException {
		check(image, labels);
		return new lesionradiomics.workflow.ExtractionWorkflow.Input(lesionradiomics.io.ImagePlusAdapter.wrap(image), lesionradiomics.io.ImagePlusAdapter.wrap(labels),
				lesionTable == null ? null : lesionradiomics.io.LesionTable.read(lesionTable.toPath()), patient);
	}

	/** The open image of a chooser's title. */
	static ImagePlus open(String key, String title) {
		if (ids().length == 0) throw new IllegalArgumentException("open the image and its label image first (File > Open)");
		ImagePlus imp = WindowManager.getImage(title);
		if (imp == null) throw new IllegalArgumentException(key + ": no open image is titled '" + title + "'");
		return imp;
	}

	/** A Glasbey-like colour table: 0 black, then hues a golden angle apart at alternating brightness, so neighbours differ. */
	static final LUT LABEL_COLOURS = lut(i -> i == 0 ? 0
			: java.awt.Color.HSBtoRGB((float) ((i * 0.618033988749895) % 1.0), i % 3 == 0 ? 0.55f : 0.9f, i % 2 == 0 ? 1f : 0.75f));

	/** A colour table of 256 entries from each index's 0xRRGGBB colour. */
	static LUT lut(java.util.function.IntUnaryOperator rgb) {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			int c = rgb.applyAsInt(i);
			r[i] = (byte) (c >> 16);
			g[i] = (byte) (c >> 8);
			b[i] = (byte) c;
		}
		return new LUT(r, g, b);
	}

	/**
	 * Shows a label map as a Fiji user expects: label colours, the display range over the labels (label value = colour
	 * index up to 255), at the slice with the most voxels of the largest lesion.
	 */
	static void asLabels(ImagePlus imp) {
		int[] counts = new int[256];
		for (int z = 1; z <= imp.getStackSize(); z++) {
			ImageProcessor ip = imp.getStack().getProcessor(z);
			for (int i = 0, n = ip.getPixelCount(); i < n; i++) {
				int v = (int) ip.getf(i);
				if (v <= 0) continue;
				if (v >= counts.length) counts = java.util.Arrays.copyOf(counts, Math.max(v + 1, counts.length * 2));
				counts[v]++;
			}
		}
		int largest = 0, max = 0;
		for (int l = 1; l < counts.length; l++) {
			if (counts[l] > counts[largest]) largest = l;
			if (counts[l] > 0) max = l;
		}
		int best = 1;
		long bestCount = -1;
		for (int z = 1; z <= imp.getStackSize() && largest > 0; z++) {
			ImageProcessor ip = imp.getStack().getProcessor(z);
			long c = 0;
			for (int i = 0, n = ip.getPixelCount(); i < n; i++) if ((int) ip.getf(i) == largest) c++;
			if (c > bestCount) {
				bestCount = c;
				best = z;
			}
		}
		imp.setLut(LABEL_COLOURS);
		imp.setDisplayRange(0, max <= 255 ? 255 : max); // up to 255 labels: label value = colour index
		if (imp.getStackSize() > 1) imp.setSlice(best);
	}

	/** The label map's colours, translucent, over each slice of the image (same size), label 0 transparent. */
	static void overlay(ImagePlus image, ImagePlus labels) {
		if (image.getWidth() != labels.getWidth() || image.getHeight() != labels.getHeight() || image.getStackSize() != labels.getStackSize()) return;
		ij.gui.Overlay overlay = new ij.gui.Overlay();
		for (int z = 1; z <= labels.getStackSize(); z++) {
			ImageProcessor ip = labels.getStack().getProcessor(z).duplicate();
			ip.setLut(LABEL_COLOURS);
			ip.setMinAndMax(0, 255);
			ij.gui.ImageRoi roi = new ij.gui.ImageRoi(0, 0, ip.convertToRGB());
			roi.setZeroTransparent(true);
			roi.setOpacity(0.45);
			roi.setPosition(z);
			overlay.add(roi);
		}
		image.setOverlay(overlay);
	}

	/** Long side, in screen pixels, an image window is magnified to at least (a 112-voxel label map is a thumbnail at 100 %). */
	static final int READABLE = 512;

	/** Largest canvas whose window (title bar, slice slider, info line) stays within 1280 × 800. */
	static final int MAX_CANVAS_WIDTH = 1240, MAX_CANVAS_HEIGHT = 680;

	/** Shows an image at one of ImageJ's zoom levels: magnified to a readable size, reduced to fit a 1280 × 800 screen. */
	static void show(ImagePlus imp) {
		imp.show();
		double zoom = zoom(imp.getWidth(), imp.getHeight());
		if (imp.getCanvas() != null && zoom != imp.getCanvas().getMagnification()) ij.plugin.Zoom.set(imp, zoom);
	}

	/** The zoom level for an image of w × h pixels (see {@link #show}). */
	static double zoom(int w, int h) {
		double z = 1;
		for (double up = ij.gui.ImageCanvas.getHigherZoomLevel(z); Math.max(w, h) * z < READABLE && w * up <= MAX_CANVAS_WIDTH && h * up <= MAX_CANVAS_HEIGHT
				&& up > z; up = ij.gui.ImageCanvas.getHigherZoomLevel(z)) z = up;
		while ((w * z > MAX_CANVAS_WIDTH || h * z > MAX_CANVAS_HEIGHT) && ij.gui.ImageCanvas.getLowerZoomLevel(z) < z) z = ij.gui.ImageCanvas.getLowerZoomLevel(z);
		return z;
	}

	/** A feature map shown over its own values (not 0–255): display range = the map's data range, and a colour bar. */
	static void asMap(ImagePlus imp) {
		StackStatistics s = new StackStatistics(imp);
		if (!(s.max > s.min)) return;
		imp.setDisplayRange(s.min, s.max);
		if (imp.getWindow() == null) return;
		double range = s.max - s.min;
		int decimals = range >= 100 ? 0 : range >= 1 ? 2 : 4;
		if (Math.min(imp.getWidth(), imp.getHeight()) >= BAR_ON_IMAGE)
			IJ.run(imp, "Calibration Bar...", "location=[Upper Right] fill=White label=Black number=5 decimal=" + decimals + " font=10 zoom=1 overlay");
		else show(colourBar(imp, s.min, s.max, decimals));
	}

	/** Smallest map (pixels) a calibration bar is drawn on: it is sized in image pixels and would cover a lesion's box. */
	static final int BAR_ON_IMAGE = 128;

	/** A map's colour bar as a window of its own: its colours from max (top) to min, the range in the title, values under the cursor. */
	static ImagePlus colourBar(ImagePlus map, double min, double max, int decimals) {
		ij.process.FloatProcessor fp = new ij.process.FloatProcessor(16, 128);
		for (int y = 0; y < 128; y++) for (int x = 0; x < 16; x++) fp.setf(x, y, (float) (max - (max - min) * y / 127));
		fp.setLut(map.getProcessor().getLut());
		fp.setMinAndMax(min, max);
		double low = Math.abs(min) < 1e-9 * (max - min) ? 0 : min; // rounding noise of a zero minimum is not "-0.00"
		return new ImagePlus(map.getTitle() + " colour bar " + IJ.d2s(low, decimals) + " to " + IJ.d2s(max, decimals), fp);
	}
}
