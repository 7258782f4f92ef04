package lesionradiomics.cli;

import lesionradiomics.report.Figure;
import picocli.CommandLine.Option;

/** How the commands that draw figures write them: the PNG resolution (an SVG of each figure is written beside it). */
public final class FigureCliArgs {

	@Option(names = "--dpi", paramLabel = "DPI", description = "Resolution of the PNG figures (default 200; e.g. 300 for print). An SVG of each is written too.")
	int dpi = Figure.DEFAULT_DPI;

	/** The resolution, checked (called before any input is read). */
	int dpi() {
		return Figure.checkDpi(dpi);
	}
}
