package lesionradiomics.cli;

import java.util.List;
import java.util.Map;

/**
 * Option names of the previous release, still accepted for one release (README, "Commands and options"): one option
 * name means one thing in every command (before, {@code --response} was a threshold in {@code response} and a file in
 * {@code phenotypes}, {@code --cohort} a longitudinal table in {@code response}, {@code --k}/{@code --kmax} four
 * different counts). They are hidden from the help, which shows only the new names; a command line is rewritten
 * before picocli parses it, so an old name and its new one behave the same, values and {@code --name=value} included.
 */
final class OldNames {

	/** command → old option name → new option name. */
	static final Map<String, Map<String, String>> RENAMED = Map.of(
			"response", Map.of("--cohort", "--longitudinal"),
			"phenotypes", Map.of("--response", "--lesion-response", "--k", "--clusters", "--kmax", "--max-clusters"),
			"sampling", Map.of("--kmax", "--max-lesions"),
			"cohort", Map.of("--kmax", "--max-lesions", "--k", "--largest-k"),
			"score", Map.of("--k", "--largest-k"),
			"maps", Map.of("--habitat-kmax", "--max-habitats"));

	private OldNames() {}

	/** {@code args} with the old option names of its command replaced by the new ones. */
	static String[] rewrite(String[] args) {
		if (args.length == 0) return args;
		Map<String, String> renamed = RENAMED.get(args[0]);
		if (renamed == null || renamed.isEmpty()) return args;
		String[] out = args.clone();
		for (int i = 1; i < out.length; i++) {
			if (out[i].equals("--")) break; // the end of options
			int eq = out[i].indexOf('=');
			String name = eq < 0 ? out[i] : out[i].substring(0, eq);
			String now = renamed.get(name);
			if (now != null) out[i] = now + (eq < 0 ? "" : out[i].substring(eq));
		}
		return out;
	}

	/** Every (command, old name, new name), for the README table and its test. */
	static List<String[]> all() {
		List<String[]> out = new java.util.ArrayList<>();
		RENAMED.forEach((c, m) -> m.forEach((o, n) -> out.add(new String[] { c, o, n })));
		return out;
	}
}
