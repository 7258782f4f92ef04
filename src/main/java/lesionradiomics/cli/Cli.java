package lesionradiomics.cli;

import java.nio.file.Path;
import java.util.List;

import lesionradiomics.progress.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry point: {@code java -jar lesion-radiomics-cli.jar <command> [options]}. Errors in the user's input
 * are reported as one clear line (file, patient or lesion and what is wrong) and exit code 2; no stack trace unless
 * {@code LESION_RADIOMICS_DEBUG} is set.
 */
@Command(name = "lesion-radiomics", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = "Per-lesion radiomics, robustness, intra-patient heterogeneity, sampling recovery and lesion-to-patient scores for metastatic disease.")
public final class Cli {

	/** The subcommands, in the order help lists them. */
	static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = new java.util.LinkedHashMap<>();
	static {
		COMMANDS.put("cohort", CohortCli::new);
		COMMANDS.put("extract", ExtractCli::new);
		COMMANDS.put("select", SelectCli::new);
		COMMANDS.put("heterogeneity", HeterogeneityCli::new);
		COMMANDS.put("sampling", SamplingCli::new);
		COMMANDS.put("score", ScoreCli::new);
		COMMANDS.put("maps", MapsCli::new);
		COMMANDS.put("filter", FilterCli::new);
		COMMANDS.put("phenotypes", PhenotypesCli::new);
		COMMANDS.put("response", ResponseCli::new);
		COMMANDS.put("survival", SurvivalCli::new);
		COMMANDS.put("signature", SignatureCli::new);
		COMMANDS.put("demo", DemoCli::new);
		COMMANDS.putAll(lesionradiomics.bench.BenchCommands.all());
		COMMANDS.put("help", CommandLine.HelpCommand::new);
	}

	/** Runs in this JVM; {@code java -jar} enters through {@link Main}, which may hand a short command to a tuned JVM. */
	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs a command line and returns the exit code (0 ok, 1 failure, 2 bad input or usage). */
	public static int run(String... args) {
		args = OldNames.rewrite(args); // the previous release's option names, hidden from the help
		CommandLine cl = new CommandLine(new Cli());
		// Only the command asked for is built: picocli reflects over every option of every subcommand it is given,
		// which is most of the start-up time of a short run. Help and unknown commands get them all;
		// --version needs none (building them all took most of its 0.16 s).
		java.util.function.Supplier<Object> asked = args.length > 0 ? COMMANDS.get(args[0]) : null;
		boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
		if (asked != null && !args[0].equals("help")) cl.addSubcommand(args[0], asked.get());
		else if (!versionOnly) COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
		cl.setExecutionExceptionHandler((ex, line, parsed) -> report(ex, parsed));
		cl.setParameterExceptionHandler((ex, given) -> {
			String command = ex.getCommandLine().getCommandName();
			System.err.println("error: " + oneLine(ex.getMessage()) + didYouMean(ex) + " (see: " + (command.equals("lesion-radiomics") ? "" : command + " ")
					+ "--help)");
			return 2;
		});
		try {
			return cl.execute(args);
		} catch (Throwable t) { // an Error (e.g. OutOfMemoryError) escapes picocli's handler
			return report(t, cl.getParseResult());
		}
	}

	/** picocli's closest commands or options to a mistyped one, as "; did you mean cohort?" (empty when none). */
	static String didYouMean(CommandLine.ParameterException ex) {
		if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) return "";
		List<String> close = u.getSuggestions().stream().limit(3).toList();
		return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
	}

	/**
	 * One line on standard error for anything that stops a command: the user's input problems (a file, patient, lesion
	 * or option named with what is wrong) exit with 2; an internal error says "please report" and leaves its stack
	 * trace in a log file next to the output, never only on the console.
	 */
	static int report(Throwable ex, CommandLine.ParseResult parsed) {
		if (System.getenv("LESION_RADIOMICS_DEBUG") != null) ex.printStackTrace();
		// a file's problem found where no IOException may pass (e.g. an image still inflating: volume.SliceGate)
		if (ex instanceof java.io.UncheckedIOException u) ex = u.getCause();
		if (ex instanceof Progress.CancelledException) {
			System.err.println("cancelled");
			return 130;
		}
		if (ex instanceof java.io.IOException || ex instanceof IllegalArgumentException) {
			System.err.println("error: " + oneLine(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
			return 2;
		}
		if (ex instanceof OutOfMemoryError) {
			System.err.println("error: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
					+ " MB of heap); give Java more memory (java -Xmx16g -jar ...) or use coarser settings");
			return 2;
		}
		Path log = logFile(parsed);
		try {
			java.io.StringWriter trace = new java.io.StringWriter();
			ex.printStackTrace(new java.io.PrintWriter(trace));
			java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
			java.nio.file.Files.writeString(log, "Lesion Radiomics " + lesionradiomics.report.CohortReport.version() + ", java "
					+ System.getProperty("java.version") + "\n" + trace);
			System.err.println("error: internal error (" + oneLine(ex.toString()) + "); please report it with " + log.toAbsolutePath());
		} catch (java.io.IOException e) {
			System.err.println("error: internal error (" + oneLine(ex.toString()) + "); please report it (the log could not be written: " + e + ")");
			ex.printStackTrace();
		}
		return 1;
	}

	/** Where an internal error's stack trace goes: beside the command's output (--out), else the working folder. */
	private static Path logFile(CommandLine.ParseResult parsed) {
		Path out = null;
		CommandLine.ParseResult sub = parsed == null ? null : parsed.subcommand();
		if (sub != null && sub.hasMatchedOption("--out")) out = sub.matchedOptionValue("--out", (Path) null);
		Path dir = out == null ? Path.of(".") : java.nio.file.Files.isDirectory(out) || out.getFileName().toString().indexOf('.') < 0 ? out
				: out.toAbsolutePath().getParent();
		return dir.resolve("lesion-radiomics-error.log");
	}

	private static String oneLine(String s) {
		return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
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
