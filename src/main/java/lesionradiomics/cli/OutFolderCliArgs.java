package lesionradiomics.cli;

import java.io.IOException;
import java.nio.file.Path;

import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.FolderLock;
import lesionradiomics.report.ResultsFolder;
import picocli.CommandLine.Option;

/** {@code --out} and {@code --overwrite} of the commands that write a results folder (the rule: report.ResultsFolder). */
public final class OutFolderCliArgs {

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
	Path out;

	@Option(names = "--overwrite", description = "Replace what an earlier run of this command wrote in --out (a folder that is not empty is otherwise refused).")
	boolean overwrite;

	/**
	 * Checks {@code --out} is writable, applies the results-folder rule for {@code owned} and locks the folder for the
	 * run (the caller closes the lock); before any input is read.
	 */
	FolderLock prepare(ResultsFolder.Owned owned) throws IOException {
		AtomicFiles.checkWritable(out);
		return ResultsFolder.prepare(out, owned, overwrite, n -> System.err.println("note: " + n));
	}
}
