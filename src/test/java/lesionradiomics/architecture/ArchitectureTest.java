package lesionradiomics.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The lines DESIGN.md draws between the packages: the core and the workflows run without any UI (Fiji, SciJava,
 * picocli), only the CLI classes use picocli (Fiji does not ship it), nothing depends on the front ends, and the
 * packages form no cycle.
 */
class ArchitectureTest {

	static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("lesionradiomics");

	static final String[] CORE = { "lesionradiomics.volume..", "lesionradiomics.preprocess..", "lesionradiomics.features..",
			"lesionradiomics.analysis..", "lesionradiomics.sampling..", "lesionradiomics.outcome..", "lesionradiomics.model..", "lesionradiomics.workflow..",
			"lesionradiomics.progress.." };

	static ArchRule coreIsHeadless() {
		return noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage("ij..", "org.scijava..", "picocli..")
				.because("the core and the workflows run and are tested without any UI");
	}

	static ArchRule ioTouchesImageJOnlyInTheAdapter() {
		return noClasses().that().resideInAPackage("lesionradiomics.io..").and().doNotHaveSimpleName("ImagePlusAdapter").and()
				.doNotHaveSimpleName("VolumeReaders").should().dependOnClassesThat().resideInAnyPackage("ij..", "org.scijava..", "picocli..")
				.because("in io only the ImagePlus adapter and the DICOM/other-format reader (through ImageJ 1.x) know ImageJ");
	}

	static ArchRule onlyCliClassesUsePicocli() {
		return noClasses().that().haveSimpleNameNotEndingWith("Cli").and().haveSimpleNameNotEndingWith("CliArgs").and()
				.haveNameNotMatching(".*Cli\\$.*").and().haveNameNotMatching(".*CliArgs\\$.*").should().dependOnClassesThat()
				.resideInAPackage("picocli..").because("Fiji does not ship picocli: a Fiji code path that touches it dies with NoClassDefFoundError");
	}

	static ArchRule nothingDependsOnTheFrontEnds() {
		return noClasses().that().resideOutsideOfPackage("lesionradiomics.cli..").should().dependOnClassesThat()
				.resideInAPackage("lesionradiomics.cli..").because("front ends only bind options; nothing builds on them (the CLI may use all)");
	}

	/**
	 * The Fiji commands may use everything but the CLI; nothing builds on them, the CLI neither: both front ends turn
	 * their values into options records through workflow.Bind, so the CLI runs without ImageJ's GUI classes.
	 */
	static ArchRule nothingUsesTheFijiCommands() {
		return noClasses().that().resideOutsideOfPackage("lesionradiomics.fiji..").should().dependOnClassesThat()
				.resideInAPackage("lesionradiomics.fiji..").because("the Fiji commands are a front end; the option binding they share with the CLI is workflow.Bind");
	}

	/** Benchmarks and the demo generator use the core and workflows, never a front end. */
	static ArchRule benchAndDemoUseNoFrontEnd() {
		return noClasses().that().resideInAnyPackage("lesionradiomics.bench..", "lesionradiomics.demo..").should().dependOnClassesThat()
				.resideInAnyPackage("lesionradiomics.cli..", "lesionradiomics.fiji..").because("benchmarks and demo data are built from the core, not the front ends");
	}

	static ArchRule noPackageCycles() {
		return slices().matching("lesionradiomics.(*)..").should().beFreeOfCycles();
	}

	@Test
	void coreAndWorkflowsAreHeadless() {
		coreIsHeadless().check(MAIN);
		ioTouchesImageJOnlyInTheAdapter().check(MAIN);
	}

	@Test
	void picocliOnlyInCliClasses() {
		onlyCliClassesUsePicocli().check(MAIN);
	}

	@Test
	void noDependencyOnTheFrontEnds() {
		nothingDependsOnTheFrontEnds().check(MAIN);
		nothingUsesTheFijiCommands().check(MAIN);
		benchAndDemoUseNoFrontEnd().check(MAIN);
	}

	@Test
	void packagesAreFreeOfCycles() {
		noPackageCycles().check(MAIN);
	}

	/** The rules are not vacuous: with the deliberate violations of the test fixtures imported, each one fails. */
	@Test
	void everyRuleCatchesADeliberateViolation() {
		JavaClasses withFixtures = new ClassFileImporter().importPackages("lesionradiomics");
		for (ArchRule rule : java.util.List.of(coreIsHeadless(), onlyCliClassesUsePicocli(), nothingDependsOnTheFrontEnds(), noPackageCycles())) {
			AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> rule.check(withFixtures), rule.getDescription());
			org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Fixture"), e.getMessage());
		}
	}
}
