package lesionradiomics.analysis;

/** A deliberate violation for {@code ArchitectureTest}: the core depending on a front end (and so a cycle). Never used. */
final class CommandLeakFixture {
	static int run(String... args) {
		return lesionradiomics.cli.Cli.run(args);
	}
}
