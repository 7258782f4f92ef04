package lesionradiomics.cli;

import lesionradiomics.fiji.SurvivalAnalysis;
import lesionradiomics.fiji.SelectRobustFeatures;
import lesionradiomics.fiji.SamplingRecovery;
import lesionradiomics.fiji.PatientHeterogeneity;
import lesionradiomics.fiji.LesionScores;
import lesionradiomics.fiji.LesionResponse;
import lesionradiomics.fiji.LesionPhenotypes;
import lesionradiomics.fiji.FeatureMaps;
import lesionradiomics.fiji.FilterResponse;
import lesionradiomics.fiji.ExtractLesionFeatures;
import lesionradiomics.fiji.CommandPlugin;
import lesionradiomics.fiji.CohortAnalysis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scijava.plugin.Parameter;

import lesionradiomics.workflow.CohortOptions;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.FilterOptions;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.MapsOptions;
import lesionradiomics.workflow.SamplingOptions;
import lesionradiomics.workflow.PhenotypeOptions;
import lesionradiomics.workflow.ResponseOptions;
import lesionradiomics.workflow.ScoreOptions;
import lesionradiomics.workflow.SurvivalOptions;
import lesionradiomics.workflow.SelectionOptions;
import picocli.CommandLine;

/**
 * Every option of every workflow's options record can be set from each front end: the picocli CLI
 * ({@code --kebab-case}), the SciJava command (a {@code @Parameter} field of the same name) and the ImageJ 1.x dialog
 * (a {@code snake_case} macro key), and is declared in two places only: the picocli option and the SciJava parameter
 * (the dialog is derived from the parameters by {@link CommandPlugin}; no other class builds a dialog). Exceptions
 * are listed here with the reason.
 */
class FrontEndOptionsTest {

	/** Record component → CLI option, where the CLI name differs from the convention (with the reason). */
	static final Map<String, String> CLI_NAMES = Map.of(
			"settings", "--param", // repeatable NAME=VALUE, pyradiomics' own word for one setting
			"lesionLabels", "--label", // repeatable; --labels is the label map
			"thresholds", "--threshold", // repeatable FEATURE=VALUE
			// one name, one meaning across commands (README, "Commands and options"; old names: OldNames)
			"PhenotypeOptions.k", "--clusters", "PhenotypeOptions.kmax", "--max-clusters", "SamplingOptions.kmax", "--max-lesions",
			"ScoreOptions.k", "--largest-k", "MapsOptions.habitatKmax", "--max-habitats", "CohortOptions.k", "--largest-k", "CohortOptions.kmax", "--max-lesions");

	/** Option names of a record, nested records flattened. */
	static Set<String> components(Class<? extends Record> record) {
		Set<String> out = new LinkedHashSet<>();
		for (RecordComponent c : record.getRecordComponents()) {
			if (c.getType().isRecord()) {
				@SuppressWarnings("unchecked")
				Class<? extends Record> nested = (Class<? extends Record>) c.getType();
				out.addAll(components(nested));
			} else out.add(c.getName());
		}
		return out;
	}

	static String kebab(String camel) {
		return "--" + camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	static String snake(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	static Set<String> sciJavaParameters(Class<?> command) {
		Set<String> out = new LinkedHashSet<>();
		for (Class<?> c = command; c != null; c = c.getSuperclass())
			for (Field f : c.getDeclaredFields()) if (f.isAnnotationPresent(Parameter.class)) out.add(f.getName());
		return out;
	}

	/** What each front end lacks of the records' options; empty when all bind every option. */
	static List<String> missing(List<Class<? extends Record>> records, Object cli, Class<?> sciJava) {
		Set<String> cliOptions = new CommandLine(cli).getCommandSpec().optionsMap().keySet();
		Set<String> parameters = sciJavaParameters(sciJava);
		List<String> keys = CommandPlugin.keys(sciJava);
		String dialog = CommandPlugin.title(sciJava);
		List<String> out = new ArrayList<>();
		for (Class<? extends Record> r : records)
			for (String c : components(r)) {
				String option = CLI_NAMES.getOrDefault(r.getSimpleName() + "." + c, CLI_NAMES.getOrDefault(c, kebab(c)));
				if (!cliOptions.contains(option)) out.add(cli.getClass().getSimpleName() + " lacks " + option + " (" + r.getSimpleName() + "." + c + ")");
				if (!parameters.contains(c)) out.add(sciJava.getSimpleName() + " lacks parameter " + c + " (" + r.getSimpleName() + "." + c + ")");
				if (!keys.contains(snake(c))) out.add("dialog '" + dialog + "' lacks " + snake(c) + " (" + r.getSimpleName() + "." + c + ")");
			}
		return out;
	}

	@Test
	void extraction() {
		assertEquals(List.of(), missing(List.of(ExtractionOptions.class), new ExtractCli(), ExtractLesionFeatures.class));
	}

	@Test
	void selection() {
		assertEquals(List.of(), missing(List.of(ExtractionOptions.class, SelectionOptions.class), new SelectCli(), SelectRobustFeatures.class));
	}

	@Test
	void heterogeneity() {
		assertEquals(List.of(), missing(List.of(HeterogeneityOptions.class), new HeterogeneityCli(), PatientHeterogeneity.class));
	}

	@Test
	void sampling() {
		assertEquals(List.of(), missing(List.of(SamplingOptions.class), new SamplingCli(), SamplingRecovery.class));
	}

	@Test
	void scores() {
		assertEquals(List.of(), missing(List.of(ScoreOptions.class), new ScoreCli(), LesionScores.class));
	}

	@Test
	void survival() {
		assertEquals(List.of(), missing(List.of(SurvivalOptions.class), new SurvivalCli(), SurvivalAnalysis.class));
	}

	@Test
	void signature() {
		assertEquals(List.of(), missing(List.of(lesionradiomics.workflow.SignatureOptions.class), new SignatureCli(), lesionradiomics.fiji.TrainSignature.class));
	}

	@Test
	void response() {
		assertEquals(List.of(), missing(List.of(ResponseOptions.class), new ResponseCli(), LesionResponse.class));
	}

	@Test
	void phenotypes() {
		assertEquals(List.of(), missing(List.of(PhenotypeOptions.class), new PhenotypesCli(), LesionPhenotypes.class));
	}

	@Test
	void maps() {
		assertEquals(List.of(), missing(List.of(MapsOptions.class), new MapsCli(), FeatureMaps.class));
	}

	@Test
	void cohort() {
		assertEquals(List.of(), missing(List.of(CohortOptions.class), new CohortCli(), CohortAnalysis.class));
	}

	@Test
	void filter() {
		assertEquals(List.of(), missing(List.of(FilterOptions.class), new FilterCli(), FilterResponse.class));
	}

	/** Each workflow's options record and the CLI command and SciJava command that bind it (those of the tests above). */
	static List<Object[]> bindings() {
		return List.of(new Object[] { ExtractionOptions.class, new ExtractCli(), ExtractLesionFeatures.class },
				new Object[] { ExtractionOptions.class, new SelectCli(), SelectRobustFeatures.class },
				new Object[] { SelectionOptions.class, new SelectCli(), SelectRobustFeatures.class },
				new Object[] { HeterogeneityOptions.class, new HeterogeneityCli(), PatientHeterogeneity.class },
				new Object[] { SamplingOptions.class, new SamplingCli(), SamplingRecovery.class },
				new Object[] { ScoreOptions.class, new ScoreCli(), LesionScores.class },
				new Object[] { SurvivalOptions.class, new SurvivalCli(), SurvivalAnalysis.class },
				new Object[] { lesionradiomics.workflow.SignatureOptions.class, new SignatureCli(), lesionradiomics.fiji.TrainSignature.class },
				new Object[] { ResponseOptions.class, new ResponseCli(), LesionResponse.class },
				new Object[] { PhenotypeOptions.class, new PhenotypesCli(), LesionPhenotypes.class },
				new Object[] { MapsOptions.class, new MapsCli(), FeatureMaps.class }, new Object[] { CohortOptions.class, new CohortCli(), CohortAnalysis.class },
				new Object[] { FilterOptions.class, new FilterCli(), FilterResponse.class });
	}

	/**
	 * Where each option of a record is declared, per front end: "Record.component" → the classes declaring its picocli
	 * option (a command or a mixin) and its SciJava parameter (a command or a superclass); nested records by their own name.
	 */
	static void declarations(Class<? extends Record> record, Object cli, Class<?> sciJava, Map<String, Set<String>> cliOut, Map<String, Set<String>> fijiOut) {
		Map<String, CommandLine.Model.OptionSpec> options = new CommandLine(cli).getCommandSpec().optionsMap();
		for (RecordComponent c : record.getRecordComponents()) {
			if (c.getType().isRecord()) {
				@SuppressWarnings("unchecked")
				Class<? extends Record> nested = (Class<? extends Record>) c.getType();
				declarations(nested, cli, sciJava, cliOut, fijiOut);
				continue;
			}
			String key = record.getSimpleName() + "." + c.getName();
			CommandLine.Model.OptionSpec o = options.get(CLI_NAMES.getOrDefault(key, CLI_NAMES.getOrDefault(c.getName(), kebab(c.getName()))));
			if (o != null && o.userObject() instanceof Field f) cliOut.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(f.getDeclaringClass().getSimpleName());
			for (Class<?> k = sciJava; k != null; k = k.getSuperclass())
				for (Field f : k.getDeclaredFields())
					if (f.getName().equals(c.getName()) && f.isAnnotationPresent(Parameter.class))
						fijiOut.computeIfAbsent(key, x -> new java.util.TreeSet<>()).add(k.getSimpleName());
		}
	}

	/**
	 * Options declared in more than one class of a front end, with the reason. SciJava parameters are fields, shared only
	 * through a common superclass: Cohort Analysis (a SelectionCommand, as it extracts and selects) repeats the
	 * parameters of Patient Heterogeneity, Sampling Recovery and Lesion Scores (FeatureTableCommands, as they read a
	 * feature table). The CLI's cohort has one --scaling for its heterogeneity and its sampling (HeterogeneityCliArgs),
	 * sampling has its own.
	 */
	static final Set<String> DECLARED_TWICE = Set.of("fiji HeterogeneityOptions.scaling", "fiji HeterogeneityOptions.groups",
			"fiji HeterogeneityOptions.groupColumn", "fiji SamplingOptions.simulations", "fiji SamplingOptions.seed", "fiji SamplingOptions.ratio",
			"fiji SamplingOptions.scaling", "fiji SamplingOptions.excludeSites", "fiji SamplingOptions.kmax", "fiji SamplingOptions.target",
			"fiji ScoreOptions.variables", "fiji ScoreOptions.aggregations", "fiji ScoreOptions.k", "fiji ScoreOptions.entropyBins",
			"fiji ScoreOptions.minVolumeMl", "fiji ScoreOptions.sites", "cli SamplingOptions.scaling");

	/**
	 * No option is declared in more than two places, the picocli option and the SciJava parameter: commands that share
	 * an options record share its declarations (a picocli mixin, a SciJava superclass), but for {@link #DECLARED_TWICE}.
	 */
	@Test
	void eachOptionIsDeclaredOncePerFrontEnd() {
		Map<String, Set<String>> cli = new java.util.TreeMap<>(), fiji = new java.util.TreeMap<>();
		for (Object[] b : bindings()) {
			@SuppressWarnings("unchecked")
			Class<? extends Record> record = (Class<? extends Record>) b[0];
			declarations(record, b[1], (Class<?>) b[2], cli, fiji);
		}
		List<String> more = new ArrayList<>(), stale = new ArrayList<>(DECLARED_TWICE);
		cli.forEach((k, v) -> {
			if (v.size() > 1 && !stale.remove("cli " + k)) more.add("cli " + k + " in " + v);
		});
		fiji.forEach((k, v) -> {
			if (v.size() > 1 && !stale.remove("fiji " + k)) more.add("fiji " + k + " in " + v);
		});
		assertEquals(List.of(), more, "options declared in more than one class of a front end");
		assertEquals(List.of(), stale, "exceptions that no longer apply");
	}

	/** The test is not vacuous: a record component no front end binds is reported for all three. */
	@Test
	void aMissingOptionIsReported() {
		record Probe(int binWidth, int frobnicate) {}
		List<String> m = missing(List.of(Probe.class), new ExtractCli(), ExtractLesionFeatures.class);
		assertEquals(3, m.size(), m.toString());
		assertEquals(true, m.get(0).contains("--frobnicate"), m.toString());
	}

	/**
	 * The third place an option could be declared is a hand-written dialog: only the adapter and the importer build
	 * ImageJ 1.x dialogs or are ImageJ 1.x plugins.
	 */
	@Test
	void noHandWrittenDialogs() {
		com.tngtech.archunit.core.domain.JavaClasses classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
				.withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("lesionradiomics");
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().doNotHaveSimpleName("CommandPlugin").and()
				.haveNameNotMatching(".*CommandPlugin\\$.*").and().doNotHaveSimpleName("OpenVolumePlugin").should()
				.dependOnClassesThat().haveFullyQualifiedName("ij.gui.GenericDialog").orShould().implement("ij.plugin.PlugIn")
				.because("every workflow dialog is built from the SciJava command's parameters").check(classes);
	}
}
