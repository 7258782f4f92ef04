package lesionradiomics.fiji;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

import ij.IJ;
import lesionradiomics.progress.Progress;

/**
 * What the SciJava commands share: progress in the status bar, warnings to the status service, results shown only
 * when not headless, and input errors reported with the command's name.
 */
abstract class TaskCommand implements Command {

	@Parameter
	protected StatusService status;

	@Parameter(required = false)
	protected UIService ui;

	/**
	 * Set by the ImageJ 1.x menu adapter ({@link CommandPlugin}): progress goes to ImageJ's status and progress bars (Esc
	 * cancels), warnings to the Log, and results are shown.
	 */
	boolean inImageJ;

	/** The command's work; input problems are {@link java.io.IOException}s or {@link IllegalArgumentException}s. */
	protected abstract void execute() throws java.io.IOException;

	/** The command's label, for error messages. */
	protected abstract String title();

	@Override
	public final void run() {
		try {
			execute();
		} catch (java.io.IOException | IllegalArgumentException e) {
			throw new IllegalArgumentException(title() + ": " + e.getMessage(), e);
		} finally {
			if (status != null) status.clearStatus();
		}
	}

	protected Progress progress() {
		if (inImageJ) return new Progress() {
			@Override
			public void update(String what, long done, long total) {
				IJ.showProgress((int) done, (int) total);
				IJ.showStatus("Lesion Radiomics: " + what + " " + done + "/" + total);
			}

			@Override
			public boolean isCancelled() {
				return IJ.escapePressed();
			}
		};
		return (what, done, total) -> status.showStatus((int) done, (int) total, "Lesion Radiomics: " + what + " " + done + "/" + total);
	}

	protected void warn(String message) {
		if (inImageJ) IJ.log("Lesion Radiomics: " + message);
		else status.warn("Lesion Radiomics: " + message);
	}

	protected boolean showing() {
		return inImageJ || ui != null && !ui.isHeadless();
	}
}
