package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a new user makes are one clear line naming the option or file, with a suggestion where one is near. */
class EarlyChecksTest {

	@TempDir
	Path dir;

	/** The one error line of a refused command line (exit 2). */
	static String error(String... args) {
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args));
		assertEquals(2, code[0], err);
		assertEquals(1, err.strip().lines().count(), err);
		return err;
	}

	@Test
	void aMistypedSiteToExcludeIsRefusedWithTheSitesOfTheTable() throws Exception {
		StringBuilder b = new StringBuilder("patient,label,site,original_shape_Maximum2DDiameterSlice,original_firstorder_Mean\n");
		for (int l = 1; l <= 4; l++) b.append("P01,").append(l).append(',').append(l % 2 == 0 ? "bone" : "liver").append(',').append(10 + 5 * l).append(',')
				.append(40 - 7 * l * l).append('\n');
		Path table = Files.writeString(dir.resolve("features.csv"), b.toString());
		// before: accepted, and the RECIST-like strategy went on sampling bone
		String err = error("sampling", "--features", table.toString(), "--exclude-sites", "bones", "--simulations", "10", "--out", dir.resolve("s").toString());
		assertTrue(err.contains("'bones' is not a site") && err.contains("bone, liver") && err.contains("did you mean bone?"), err);
		assertFalse(Files.exists(dir.resolve("s/sampling_recovery.csv")), "no result claiming success");
	}

	@Test
	void anImageGivenAsAFeatureTableIsNamed() {
		// before: "error: Input length = 1"
		String err = error("heterogeneity", "--features", "test-data/P01_image.nrrd", "--out", dir.resolve("h").toString());
		assertTrue(err.contains("P01_image.nrrd") && err.contains("not a CSV table"), err);
	}

	@Test
	void aWrongResponseVariableIsRefusedBeforeAnyImageIsRead() {
		String err = error("response", "--cohort", "test-data/longitudinal.csv", "--variable", "delta_original_firstorder_Maen", "--out",
				dir.resolve("r").toString());
		assertTrue(err.contains("did you mean delta_original_firstorder_Mean?"), err);
		assertFalse(err.contains("lesions"), "no progress line: nothing was extracted");
		assertFalse(Files.exists(dir.resolve("r/lesion_response.csv")));
	}

	@Test
	void aFolderAsTheFeaturesFileIsRefusedFirst() throws Exception {
		Path folder = Files.createDirectories(dir.resolve("ex"));
		// before: extraction ran, then '.ex.<uuid>.tmp -> .../ex: Is a directory'
		String err = error("extract", "--image", "test-data/P04_image.nrrd", "--labels", "test-data/P04_labels.nrrd", "--out", folder.toString());
		assertTrue(err.contains("not a folder") && err.contains("features.csv"), err);
	}
}
