package lesionradiomics.fiji;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

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
			status.clearStatus();
		}
	}

	protected Progress progress() {
		return (what, done, total) -> status.showStatus((int) done, (int) total, "Lesion Radiomics: " + what + " " + done + "/" + total);
	}

	protected void warn(String message) {
		status.warn("Lesion Radiomics: " + message);
	}

	protected boolean showing() {
		return ui != null && !ui.isHeadless();
	}
}
