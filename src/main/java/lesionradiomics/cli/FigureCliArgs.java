package lesionradiomics.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import lesionradiomics.io.FolderLock;
import lesionradiomics.report.AnalysisReport;
import lesionradiomics.report.Figure;
import lesionradiomics.report.ResultsFolder;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The results folder of the commands that draw figures, and how they present them: the PNG resolution (an SVG of each
 * figure is written beside it) and {@code --report}, one page of the run.
 */
public final class FigureCliArgs {

	@Mixin
	OutFolderCliArgs folder;

	@Option(names = "--dpi", paramLabel = "DPI", description = "Resolution of the PNG figures (default 200; e.g. 300 for print). An SVG of each is written too.")
	int dpi = Figure.DEFAULT_DPI;

	@Option(names = "--report", description = "Also write report.html into --out: one self-contained page of the run (figures, tables, settings, notes) that opens offline in any browser.")
	boolean report;

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	/** The output folder. */
	Path out() {
		return folder.out;
	}

	/** Checks the resolution, then prepares and locks the results folder (see {@link OutFolderCliArgs#prepare}); before any input is read. */
	FolderLock prepare(ResultsFolder.Owned owned) throws IOException {
		Figure.checkDpi(dpi);
		return folder.prepare(owned);
	}

	/** With --report, writes report.html of what the command wrote into {@code --out}, with the options as given. */
	void report(String summary, List<String> notes) throws IOException {
		if (!report) return;
		Map<String, Object> settings = new java.util.LinkedHashMap<>();
		settings.put("command", spec.name());
		if (spec.commandLine() != null && spec.commandLine().getParseResult() != null)
			for (picocli.CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions())
				settings.put(o.longestName(), String.valueOf((Object) o.getValue()));
		AnalysisReport.write(folder.out, spec.name(), summary, notes, settings);
	}

	/** The end of a run that loses nothing: its notes, report.html with --report, the last line; exit code 0. */
	int finish(String done, List<String> notes) throws IOException {
		for (String n : notes) System.err.println("note: " + n);
		report(done, notes);
		System.err.println(done);
		return 0;
	}
}
