package lesionradiomics.command;

import java.nio.file.Path;

import lesionradiomics.progress.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry point: {@code java -jar lesion-radiomics-cli.jar <command> [options]}. Errors in the user's input
 * are reported as one clear line (file, patient or lesion and what is wrong) and exit code 2; no stack trace unless
 * {@code LESION_RADIOMICS_DEBUG} is set.
 */
@Command(name = "lesion-radiomics", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = "Per-lesion radiomics, robustness, intra-patient heterogeneity and sampling recovery for metastatic disease.")
public final class Cli {

	/** The subcommands, in the order help lists them. */
	static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = new java.util.LinkedHashMap<>();
	static {
		COMMANDS.put("cohort", CohortCli::new);
		COMMANDS.put("extract", ExtractCli::new);
		COMMANDS.put("select", SelectCli::new);
		COMMANDS.put("heterogeneity", HeterogeneityCli::new);
		COMMANDS.put("sampling", SamplingCli::new);
		COMMANDS.put("demo", DemoCli::new);
		COMMANDS.put("bench", BenchCli::new);
		COMMANDS.put("bench-analysis", BenchAnalysisCli::new);
		COMMANDS.put("bench-cohort", BenchCohortCli::new);
		COMMANDS.put("help", CommandLine.HelpCommand::new);
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs a command line and returns the exit code (0 ok, 1 failure, 2 bad input or usage). */
	public static int run(String... args) {
		CommandLine cl = new CommandLine(new Cli());
		// Only the command asked for is built: picocli reflects over every option of every subcommand it is given,
		// which is most of the start-up time of a short run. Help and unknown commands get them all.
		java.util.function.Supplier<Object> asked = args.length > 0 ? COMMANDS.get(args[0]) : null;
		if (asked != null && !args[0].equals("help")) cl.addSubcommand(args[0], asked.get());
		else COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
		cl.setExecutionExceptionHandler((ex, line, parsed) -> {
			if (System.getenv("LESION_RADIOMICS_DEBUG") != null) ex.printStackTrace();
			if (ex instanceof Progress.CancelledException) {
				System.err.println("cancelled");
				return 130;
			}
			String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
			System.err.println("error: " + msg);
			return ex instanceof java.io.IOException || ex instanceof IllegalArgumentException ? 2 : 1;
		});
		return cl.execute(args);
	}

	/** {@code out.csv} → {@code out<suffix>} (e.g. {@code out.errors.csv}). */
	static Path sibling(Path file, String suffix) {
		String n = file.getFileName().toString();
		String base = n.toLowerCase().endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
		return file.resolveSibling(base + suffix);
	}

	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			return new String[] { "Lesion Radiomics " + lesionradiomics.report.CohortReport.version() };
		}
	}
}
