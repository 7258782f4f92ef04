package lesionradiomics.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.process.ImageProcessor;

/** The checks and defaults the Fiji dialogs apply before running a workflow on open images and folders. */
final class ImageChecks {

	private ImageChecks() {}

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
