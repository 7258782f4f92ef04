package lesionradiomics.cli;

import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point ({@code java -jar lesion-radiomics-cli.jar}): a short command runs in a child JVM tuned for
 * start-up ({@link TunedJvm}), anything else in this one through {@link Cli}. A class of its own, kept to a few JDK
 * calls, because everything this JVM does before the child starts is paid twice: loading {@link Cli} would already
 * build its command table (bench classes, picocli, lambdas) in a JVM without the class-data-sharing archive.
 */
public final class Main {

	private Main() {}

	public static void main(String[] args) {
		Optional<List<String>> child = TunedJvm.command(args);
		Optional<Integer> code = child.isPresent() ? TunedJvm.run(child.get()) : Optional.empty();
		if (code.isPresent()) System.exit(code.get());
		TunedJvm.watchLauncher();
		Cli.main(args);
	}
}
