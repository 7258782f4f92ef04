package lesionradiomics.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Macros recorded with the previous release's dialogs keep working with the generic adapter: every key of a recorded
 * call binds a parameter of the command its menu entry runs (a key the adapter ignored would silently fall back to a
 * default), and the recorded values reach the command's fields. plugins.config runs every workflow through the
 * adapter. (.ci/macro-test.sh runs the same calls in ImageJ.)
 */
class RecordedMacrosTest {

	static final Pattern ENTRY = Pattern.compile("^[^#].*?, \"(.+?)\", lesionradiomics\\.fiji\\.CommandPlugin\\(\"(\\w+)\"\\)$");

	/** Menu label → command class name, from plugins.config. */
	static Map<String, String> menu() throws Exception {
		Map<String, String> out = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("plugins.config"))) {
			Matcher m = ENTRY.matcher(line);
			if (m.matches()) out.put(m.group(1), m.group(2));
			else if (!line.isBlank() && !line.startsWith("#")) assertTrue(line.endsWith("lesionradiomics.fiji.OpenVolumePlugin"), "not through the adapter: " + line);
		}
		return out;
	}

	/** The recorded calls: menu label → options. */
	static Map<String, String> recorded() throws Exception {
		Map<String, String> out = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("src/test/resources/lesionradiomics/fiji/recorded-previous-release.txt"))) {
			if (line.isBlank() || line.startsWith("#")) continue;
			String[] p = line.split("\t", 2);
			out.put(p[0], p[1].replace("${data}", "test-data").replace("${out}", "target/recorded"));
		}
		return out;
	}

	/** The keys of a macro options string: {@code key=value}, {@code key=[value]} or a bare checkbox key. */
	static List<String> keys(String options) {
		List<String> out = new ArrayList<>();
		Matcher m = Pattern.compile("(\\w+)(=(\\[[^\\]]*\\]|\\S*))?").matcher(options);
		while (m.find()) out.add(m.group(1));
		return out;
	}

	@Test
	void everyMenuEntryIsACommandThroughTheAdapterWithARecordedCall() throws Exception {
		Map<String, String> menu = menu();
		assertEquals(13, menu.size(), menu.toString());
		assertEquals(menu.keySet(), recorded().keySet());
		for (String command : menu.values()) CommandPlugin.form(CommandPlugin.command(command)); // every one builds its form
	}

	@Test
	void theMenuRouteTakesTheResultsFolderLock(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		// the ImageJ 1.x adapter runs the command itself (not through SciJava's run()): it must lock the folder all the same
		Path out = dir.resolve("locked"), features = Files.writeString(dir.resolve("features.csv"), "patient,label,site,original_firstorder_Mean\n");
		CommandPlugin.Form form = CommandPlugin.form(PatientHeterogeneity.class);
		Map<String, String> values = CommandPlugin.defaults(form);
		values.put("features", features.toString());
		values.put("output", out.toString());
		try (lesionradiomics.io.FolderLock first = lesionradiomics.io.FolderLock.acquire(out, "heterogeneity")) {
			TaskCommand c = CommandPlugin.apply(form, values);
			Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, c::executeLocked);
			assertTrue(e.getMessage().contains("in use by another run") && e.getMessage().contains(out.toString()), e.getMessage());
		}
	}

	@Test
	void everyDialogIsTitledAsItsMenuEntry() throws Exception {
		// a user (and the GUI test) finds the dialog by the menu entry they chose
		for (Map.Entry<String, String> e : menu().entrySet())
			assertEquals(e.getKey().replace("...", ""), CommandPlugin.form(CommandPlugin.command(e.getValue())).title(), e.getValue());
	}

	@Test
	void everyRecordedKeyBindsAParameter() throws Exception {
		Map<String, String> menu = menu();
		for (Map.Entry<String, String> call : recorded().entrySet()) {
			List<String> keys = CommandPlugin.keys(CommandPlugin.command(menu.get(call.getKey())));
			List<String> unknown = new ArrayList<>(keys(call.getValue()));
			unknown.removeAll(keys);
			assertEquals(List.of(), unknown, call.getKey() + ": recorded keys the dialog no longer reads");
		}
	}

	/** The recorded values (as ImageJ's macro reading passes them) end up in the command's fields. */
	@Test
	void recordedValuesReachTheCommand() throws Exception {
		Map<String, String> menu = menu();
		for (Map.Entry<String, String> call : recorded().entrySet()) {
			CommandPlugin.Form form = CommandPlugin.form(CommandPlugin.command(menu.get(call.getKey())));
			CommandPlugin.Form noImages = new CommandPlugin.Form(form.command(), form.title(),
					form.items().stream().filter(i -> i.kind() != CommandPlugin.Kind.IMAGE).toList()); // no open windows in a unit test
			Map<String, String> values = CommandPlugin.defaults(noImages);
			for (CommandPlugin.Item i : noImages.items()) {
				if (i.kind() == CommandPlugin.Kind.CHECKBOX) values.put(i.key(), Boolean.toString(keys(call.getValue()).contains(i.key())));
				else values.put(i.key(), ij.Macro.getValue(call.getValue() + " ", i.key(), values.get(i.key())));
			}
			TaskCommand c = CommandPlugin.apply(noImages, values);
			for (CommandPlugin.Item i : noImages.items()) {
				Object v = i.field().get(c);
				String expected = values.get(i.key()).trim();
				String actual = v == null ? "" : v instanceof File f ? f.getPath() : v instanceof Double d ? CommandPlugin.fmt(d) : v.toString();
				assertEquals(expected, actual, call.getKey() + " " + i.key());
			}
		}
	}

	@Test
	void badValuesNameTheFieldAndItsRange() {
		CommandPlugin.Form form = CommandPlugin.form(SamplingRecovery.class);
		Map<String, String> values = CommandPlugin.defaults(form);
		values.put("features", "test-data/lesions.csv");
		values.put("target", "150");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandPlugin.apply(form, values));
		assertEquals("target must be between 1 and 100, is 150", e.getMessage());
		values.put("target", "75");
		values.put("seed", "12.5");
		assertEquals("seed must be a whole number, is '12.5'", assertThrows(IllegalArgumentException.class, () -> CommandPlugin.apply(form, values)).getMessage());
		values.put("seed", "1");
		values.put("features", "");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandPlugin.apply(form, values)).getMessage().contains("'features' is empty"));
	}

	/** Every dialog page fits a 1280 × 800 screen: the first page and each options page stay within the rows that do. */
	@Test
	void everyPageHasAFittingNumberOfRows() throws Exception {
		for (String command : menu().values()) {
			CommandPlugin.Form form = CommandPlugin.form(CommandPlugin.command(command));
			assertTrue(form.main().size() <= CommandPlugin.PAGE_ROWS, command + ": " + form.main().size() + " fields on the first page");
			for (List<CommandPlugin.Item> page : form.pages()) {
				long headers = page.stream().map(CommandPlugin.Item::group).distinct().count();
				assertTrue(page.size() + headers <= CommandPlugin.PAGE_ROWS, command + ": an options page of " + page.size() + " fields");
			}
		}
	}

	/**
	 * No macro key is read out of another key: ImageJ's Macro.getValue finds {@code key=} anywhere not preceded by a
	 * letter, so a macro leaving {@code lambda} out read {@code fixed_lambda=0.1} as the lambda (the GUI test's Train
	 * Signature call stopped on "lambda must be min or 1se, is '0.1'"). The adapter's rewrite of the options makes each
	 * key read its own value or its default, whichever keys a macro gives and in whatever order.
	 */
	@Test
	void noMacroKeyIsReadOutOfAnother() throws Exception {
		List<String> wrong = new ArrayList<>();
		int tails = 0;
		for (String command : menu().values()) {
			CommandPlugin.Form form = CommandPlugin.form(CommandPlugin.command(command));
			Map<String, String> defaults = new LinkedHashMap<>();
			for (CommandPlugin.Item i : form.items()) defaults.put(i.key(), "default-of-" + i.key());
			for (CommandPlugin.Item key : form.items())
				for (CommandPlugin.Item other : form.items()) {
					if (other == key || key.kind() == CommandPlugin.Kind.CHECKBOX) continue;
					boolean clash = !"absent".equals(ij.Macro.getValue(other.key() + "=1 ", key.key(), "absent"));
					if (clash) tails++;
					String alone = CommandPlugin.unambiguous(form, other.key() + "=1", defaults);
					String both = CommandPlugin.unambiguous(form, other.key() + "=1 " + key.key() + "=[own value]", defaults);
					if (!List.of("absent", "default-of-" + key.key()).contains(ij.Macro.getValue(alone, key.key(), "absent")))
						wrong.add(command + ": '" + key.key() + "' left out is read from '" + other.key() + "'");
					if (!ij.Macro.getValue(both, key.key(), "").equals("own value"))
						wrong.add(command + ": '" + key.key() + "' after '" + other.key() + "' is read from it");
					if (!ij.Macro.getValue(both, other.key(), "").equals("1")) wrong.add(command + ": '" + other.key() + "' lost");
				}
		}
		assertEquals(List.of(), wrong);
		assertTrue(tails >= 7, "the clashes this test guards (fixed_lambda/lambda, lesion_labels/labels, …): " + tails);
	}

	/** Labels become the macro key's words (underscores: ImageJ shows them as spaces) and the rest of the label. */
	@Test
	void dialogLabelsStartWithTheirMacroKey() throws Exception {
		for (String command : menu().values())
			for (CommandPlugin.Item i : CommandPlugin.form(CommandPlugin.command(command)).items())
				assertEquals(i.key(), ij.Macro.trimKey(i.dialogLabel()), command + ": " + i.dialogLabel());
	}
}
