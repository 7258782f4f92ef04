package lesionradiomics.cli;

import java.io.IOException;
import java.nio.file.Path;

import lesionradiomics.report.ResultsFolder;
import picocli.CommandLine.Option;

/** {@code --overwrite} for the commands that write a results folder (the rule: report.ResultsFolder). */
public final class OverwriteCliArgs {

	@Option(names = "--overwrite", description = "Replace what an earlier run of this command wrote in --out (a folder that is not empty is otherwise refused).")
	boolean overwrite;

	/**
	 * Checks {@code out} is writable, applies the results-folder rule for {@code owned} and locks the folder for the
	 * run (the caller closes the lock); before any input is read.
	 */
	lesionradiomics.io.FolderLock prepare(Path out, ResultsFolder.Owned owned) throws IOException {
		lesionradiomics.io.AtomicFiles.checkWritable(out);
		return ResultsFolder.prepare(out, owned, overwrite, n -> System.err.println("note: " + n));
	}
}
