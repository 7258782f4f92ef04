package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TunedJvmTest {

	@Test
	void aJvmNotStartedWithMinusJarRunsTheCommandItself() {
		// the test JVM runs from a class path: no child, so Cli.run's in-process behaviour (all the other tests) is what main does
		assertTrue(TunedJvm.command(new String[] { "extract", "--help" }).isEmpty());
		assertTrue(TunedJvm.command(new String[0]).isEmpty());
	}

	@Test
	void theLauncherScriptKeepsTheOptimisingCompilerForTheSameLongCommands() throws Exception {
		String script = Files.readString(Path.of("bin/lesion-radiomics"));
		Matcher m = Pattern.compile("(?m)^\\s*([a-z|-]+)\\) jit=\"\" ;;").matcher(script);
		assertTrue(m.find(), "bin/lesion-radiomics lists its long commands in one case branch");
		assertEquals(TunedJvm.LONG_COMMANDS, Set.of(m.group(1).split("\\|")));
		for (String command : TunedJvm.LONG_COMMANDS) assertTrue(Cli.COMMANDS.containsKey(command), command);
	}
}
