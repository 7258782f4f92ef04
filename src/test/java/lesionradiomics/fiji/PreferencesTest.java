package lesionradiomics.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import lesionradiomics.io.NrrdReader;

/**
 * Parameters that change results are never remembered: a value from an earlier run (or a test) must not silently
 * change a later headless run. Runs with a full SciJava context (whose preference service would persist inputs) in
 * the temporary preference root the build gives the tests, and checks nothing of ours is stored.
 */
class PreferencesTest {

	static List<String> keysUnder(Preferences node) throws BackingStoreException {
		List<String> out = new ArrayList<>();
		for (String k : node.keys()) out.add(node.absolutePath() + "/" + k);
		for (String child : node.childrenNames()) out.addAll(keysUnder(node.node(child)));
		return out;
	}

	@Test
	void commandsStoreNoPreferences() throws Exception {
		String root = System.getProperty("java.util.prefs.userRoot");
		assertTrue(root != null && root.contains("test-prefs"), "tests must run with a temporary preference root, not the user's: " + root);
		ImagePlus image = AsImagePlus.of(NrrdReader.read(Path.of("test-data/P04_image.nrrd")));
		ImagePlus labels = AsImagePlus.of(NrrdReader.read(Path.of("test-data/P04_labels.nrrd")));
		try (Context context = new Context()) {
			ResultsTable first = (ResultsTable) context.service(CommandService.class).run(ExtractLesionFeatures.class, true,
					Map.of("image", image, "labels", labels, "patient", "P04", "classes", "firstorder")).get().getOutput("table");
			assertEquals(3 + 18, first.getHeadings().length, "patient, label, site and the 18 first-order features");
			ResultsTable second = (ResultsTable) context.service(CommandService.class).run(ExtractLesionFeatures.class, true,
					Map.of("image", image, "labels", labels, "patient", "P04")).get().getOutput("table");
			assertTrue(second.getHeadings().length > 100, "a later run without 'classes' computes every class again");
		}
		List<String> stored = new ArrayList<>();
		for (String k : keysUnder(Preferences.userRoot())) if (k.toLowerCase().contains("lesionradiomics")) stored.add(k);
		assertEquals(List.of(), stored);
	}
}
