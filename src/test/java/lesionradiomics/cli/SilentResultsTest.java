package lesionradiomics.cli;

import static lesionradiomics.cli.BadInputTest.assertRefused;
import static lesionradiomics.cli.BadInputTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that used to give exit 0 and a wrong or empty result (issue 27): each is now refused with one line naming the
 * file (and line) and what is wrong.
 */
class SilentResultsTest {

	@TempDir
	Path dir;

	static final String HEADER = "patient,label,site,original_firstorder_Mean,original_glcm_Idmn,original_shape_VoxelVolume\n";

	Path table(String name, String text) throws IOException {
		Path p = dir.resolve(name);
		Files.writeString(p, text);
		return p;
	}

	/** The analyses of a feature table, as their command lines (the table last but one, the output last). */
	List<List<String>> analyses(Path features) {
		String out = dir.resolve("out").toString(), f = features.toString();
		return List.of(List.of("score", "--features", f, "--out", out), List.of("heterogeneity", "--features", f, "--out", out),
				List.of("sampling", "--features", f, "--simulations", "10", "--out", out), List.of("phenotypes", "--features", f, "--out", out));
	}

	@Test
	void aLesionListedTwiceInAFeatureTableIsRefusedWithBothLines() throws IOException {
		Path features = table("features.csv", HEADER + "P1,1,liver,1,2,100\nP1,2,lung,2,3,200\nP1,3,bone,4,1,300\nP2,1,liver,3,3,100\nP1,2,lung,2,3,200\n"
				+ "P2,2,liver,1,1,50\n");
		for (List<String> a : analyses(features))
			assertRefused(run(a.toArray(new String[0])), "features.csv", "lines 3 and 6: patient P1, label 2 appear twice");
	}

	@Test
	void aHeaderOnlyFeatureTableIsRefused() throws IOException {
		Path features = table("features.csv", HEADER);
		for (List<String> a : analyses(features)) assertRefused(run(a.toArray(new String[0])), "features.csv", "no lesion rows");
	}
}
