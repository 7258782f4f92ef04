package lesionradiomics.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.process.ImageProcessor;

/** The checks and defaults the Fiji dialogs apply before running a workflow on open images and folders. */
final class ImageChecks {

	private ImageChecks() {}

	/**
	 * The window to propose as the label image: the first title that looks like a label map (label, seg, mask, roi)
	 * other than the image's, else the first other window, else null.
	 */
	static String defaultLabelTitle(List<String> titles, String imageTitle) {
		for (String t : titles)
			if (!t.equals(imageTitle) && t.toLowerCase(Locale.ROOT).matches(".*(label|seg|mask|roi).*")) return t;
		for (String t : titles) if (!t.equals(imageTitle)) return t;
		return null;
	}

	/** The window to propose as the image: the current one unless it looks like a label map, then another one. */
	static String defaultImageTitle(List<String> titles, String current) {
		if (current != null && !current.toLowerCase(Locale.ROOT).matches(".*(label|seg|mask|roi).*")) return current;
		for (String t : titles) if (!t.toLowerCase(Locale.ROOT).matches(".*(label|seg|mask|roi).*")) return t;
		return current;
	}

	/**
	 * A plugin's dialog over the open windows, the image and label image picked by default; tells the user to open
	 * them first when fewer than two are open. Null when there is nothing to do (no images, or cancelled).
	 */
	static DialogForm.Values dialogOverOpenImages(String title, java.util.function.BiFunction<String, String, DialogForm> form) {
		if (ij.WindowManager.getImageCount() < 2) {
			ij.IJ.error(title, "Open the image and its label image first (File > Open).");
			return null;
		}
		List<String> titles = java.util.Arrays.asList(ij.WindowManager.getImageTitles());
		String image = defaultImageTitle(titles, ij.WindowManager.getCurrentImage().getTitle());
		return form.apply(image, defaultLabelTitle(titles, image)).show();
	}

	/** The dialog's image and label image as a workflow input, after checking that they fit together. */
	static lesionradiomics.workflow.ExtractionWorkflow.Input input(DialogForm.Values v) throws IOException {
		String problem = labelImageProblem(v.image("image"), v.image("labels"));
		if (problem != null) throw new IllegalArgumentException(problem);
		return Bind.images(v.image("image"), v.image("labels"), v.optionalPath("lesion_table"), v.string("patient"));
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

	/**
	 * The output folder the dialogs use when the field is empty: {@code lesion-radiomics-results} next to the cohort
	 * table, numbered when that folder is already used, so a run never writes into ImageJ's start folder or over an
	 * earlier run.
	 */
	static Path defaultOutput(Path cohortTable) throws IOException {
		Path dir = cohortTable.toAbsolutePath().getParent();
		for (int n = 1;; n++) {
			Path p = dir.resolve(n == 1 ? "lesion-radiomics-results" : "lesion-radiomics-results-" + n);
			if (!Files.exists(p)) return p;
			try (Stream<Path> s = Files.list(p)) {
				if (s.findAny().isEmpty()) return p;
			}
		}
	}
}
