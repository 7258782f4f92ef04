package lesionradiomics.cli;

import picocli.CommandLine.Option;

/** {@code --overwrite} for the commands that write a results folder (the rule: report.ResultsFolder). */
public final class OverwriteCliArgs {

	@Option(names = "--overwrite", description = "Replace what an earlier run of this command wrote in --out (a folder that is not empty is otherwise refused).")
	boolean overwrite;
}
