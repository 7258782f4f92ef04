package lesionradiomics.report;

/** A deliberate violation for {@code ArchitectureTest}: picocli outside the CLI classes. Never used. */
final class PicocliLeakFixture {
	static Object parser() {
		return new picocli.CommandLine(new Object());
	}
}
