package lesionradiomics.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests are quiet (COMMON rules): a test class that runs commands end to end without capturing their output itself
 * ({@code @ExtendWith(QuietConsole.class)}) has its progress lines, tables and last lines kept in memory; a failing
 * test's captured output is printed with its failure, so nothing needed for a diagnosis is lost.
 */
public final class QuietConsole implements BeforeEachCallback, AfterEachCallback {

	private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(QuietConsole.class);

	private record Saved(PrintStream out, PrintStream err, ByteArrayOutputStream buffer) {}

	@Override
	public void beforeEach(ExtensionContext context) {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		PrintStream quiet = new PrintStream(buffer, true);
		context.getStore(NS).put("saved", new Saved(System.out, System.err, buffer));
		System.setOut(quiet);
		System.setErr(quiet);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Saved s = context.getStore(NS).remove("saved", Saved.class);
		if (s == null) return;
		System.setOut(s.out());
		System.setErr(s.err());
		if (context.getExecutionException().isPresent()) s.err().print(s.buffer().toString());
	}
}
