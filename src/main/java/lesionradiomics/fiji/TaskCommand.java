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

	/** The command's label (its menu entry), for error messages. */
	protected String title() {
		return getClass().getAnnotation(org.scijava.plugin.Plugin.class).label();
	}

	@Override
	public final void run() {
		try {
			executeLocked();
		} catch (java.io.IOException | IllegalArgumentException e) {
			throw new IllegalArgumentException(title() + ": " + e.getMessage(), e);
		} finally {
			if (status != null) status.clearStatus();
		}
	}

	/** {@link #execute()} holding the results folder's lock: every route in (SciJava, the ImageJ 1.x menus, macros) takes it. */
	final void executeLocked() throws java.io.IOException {
		try (lesionradiomics.io.FolderLock lock = lockResultsFolder()) {
			execute();
		}
	}

	/**
	 * Locks the results folder (the {@code output} parameter of style "directory") for the run, as the CLI does, so two
	 * runs from two windows cannot mix their files; commands whose workflow takes the lock itself return null here.
	 */
	protected lesionradiomics.io.FolderLock lockResultsFolder() throws java.io.IOException {
		for (Class<?> c = getClass(); c != TaskCommand.class; c = c.getSuperclass())
			for (java.lang.reflect.Field f : c.getDeclaredFields()) {
				Parameter p = f.getAnnotation(Parameter.class);
				if (!f.getName().equals("output") || p == null || !p.style().contains("directory")) continue;
				f.setAccessible(true);
				try {
					java.io.File out = (java.io.File) f.get(this);
					return out == null ? null : lesionradiomics.report.ResultsFolder.lock(out.toPath(), title(), this::warn);
				} catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			}
		return null;
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

	/** Shows the command's table and image outputs (its {@code ItemIO.OUTPUT} fields) under their labels, when set, then the figures given. */
	protected void showOutputs(lesionradiomics.report.Figure... figures) {
		for (java.lang.reflect.Field f : getClass().getDeclaredFields()) {
			Parameter p = f.getAnnotation(Parameter.class);
			if (p == null || p.type() != org.scijava.ItemIO.OUTPUT) continue;
			f.setAccessible(true);
			try {
				if (f.get(this) instanceof ij.measure.ResultsTable t) t.show(p.label());
				else if (f.get(this) instanceof ij.ImagePlus imp) Images.show(imp);
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
		showFigures(figures);
	}

	/** Shows each figure given (null: none to show) at a readable zoom. */
	protected static void showFigures(lesionradiomics.report.Figure... figures) {
		for (lesionradiomics.report.Figure f : figures) if (f != null) Images.show(f.imagePlus());
	}

	/** Warns, as the CLI's last line does, when patients or lesions of a run were lost (their reasons: errors.csv). */
	protected void lost(int patients, java.util.List<String> lost, int lostLesions, java.nio.file.Path out) {
		if (!lost.isEmpty() || lostLesions > 0)
			warn(lesionradiomics.workflow.Losses.line("results in " + out, patients, "patients", lost, lostLesions, out.resolve("errors.csv").toString()));
	}

	protected boolean showing() {
		return inImageJ || ui != null && !ui.isHeadless();
	}

	/**
	 * The output folder the dialogs use when the field is empty: {@code lesion-radiomics-results} next to the cohort
	 * table, numbered when that folder is already used, so a run never writes into ImageJ's start folder or over an
	 * earlier run.
	 */
	static java.nio.file.Path defaultOutput(java.nio.file.Path cohortTable) throws java.io.IOException {
		java.nio.file.Path dir = cohortTable.toAbsolutePath().getParent();
		for (int n = 1;; n++) {
			java.nio.file.Path p = dir.resolve(n == 1 ? "lesion-radiomics-results" : "lesion-radiomics-results-" + n);
			if (!java.nio.file.Files.exists(p)) return p;
			try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(p)) {
				if (s.findAny().isEmpty()) return p;
			}
		}
	}
}
