package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBSI mode from the command line: an IBSI-only rule in pyradiomics mode is refused before any file is read; an IBSI
 * processing rule mixed into pyradiomics mode is allowed and said in run.json.
 */
class IbsiModeCliTest {

	@TempDir
	Path dir;

	@Test
	void anIbsiOnlyRuleInPyradiomicsModeIsRefusedBeforeAnyFileIsRead() {
		// the image and labels do not exist: a message about them would mean a file was looked at first
		String err = EarlyChecksTest.error("extract", "--image", dir.resolve("absent_image.nrrd").toString(), "--labels", dir.resolve("absent_labels.nrrd").toString(),
				"--param", "resegmentSigma=3", "--out", dir.resolve("f.csv").toString());
		assertTrue(err.contains("resegmentSigma") && err.contains("standard=ibsi"), err);
		assertFalse(err.contains("absent_"), err);
	}

	@Test
	void aMixedRuleIsAllowedAndSaidInRunJson() throws Exception {
		Path data = Path.of("test-data").toAbsolutePath();
		Path cohort = Files.writeString(dir.resolve("cohort.csv"), "patient,image,labels,lesions\nP01," + data.resolve("P01_image.nrrd") + ","
				+ data.resolve("P01_labels.nrrd") + "," + data.resolve("lesions.csv") + "\n");
		Path out = dir.resolve("out");
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("cohort", "--cohort", cohort.toString(), "--param", "gridAlignment=centre", "--simulations",
				"20", "--out", out.toString()));
		assertTrue(code[0] == 0 || code[0] == 3, err);
		String run = Files.readString(out.resolve("run.json"));
		assertTrue(run.contains("mixedStandards") && run.contains("IBSI rules in pyradiomics mode: gridAlignment=centre"), run);
	}
}
