package lesionradiomics.cli;

import java.io.IOException;
import java.nio.file.Path;

import lesionradiomics.report.ResultsFolder;
import picocli.CommandLine.Option;

/** {@code --overwrite} for the commands that write a results folder (the rule: report.ResultsFolder). */
public final class OverwriteCliArgs {

	@Option(names = "--overwrite", description = "Replace what an earlier run of this command wrote in --out (a folder that is not empty is otherwise refused).")
	boolean overwrite;

	/** Checks {@code out} is writable and applies the results-folder rule for {@code owned}; before any input is read. */
	void prepare(Path out, ResultsFolder.Owned owned) throws IOException {
		lesionradiomics.io.AtomicFiles.checkWritable(out);
		ResultsFolder.prepare(out, owned, overwrite);
	}
}
