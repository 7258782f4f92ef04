package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.Csv;

/**
 * DICOM through the command line, on {@code ../shared/dicom} (skipped when absent): {@code extract} with a series folder
 * and its RTSTRUCT gives the same features as with MIRP's NIfTI pair; a cohort table whose {@code image} column points
 * to patient folders (no {@code labels} column) finds series and structure set inside and lists their UIDs in run.json.
 */
class DicomCommandsTest {

	@TempDir
	Path dir;

	static Path sts() {
		Path p = Paths.get(System.getProperty("user.dir")).resolve("../shared/dicom/ibsi_validation").normalize();
		assumeTrue(Files.isDirectory(p), "skipped: " + p + " not found (../shared is absent; see README)");
		return p;
	}

	static int run(String... args) {
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args));
		if (code[0] != 0) System.err.println(err);
		return code[0];
	}

	@Test
	void extractFromDicomEqualsExtractFromNifti() throws IOException {
		Path sts = sts();
		Path a = dir.resolve("dicom.csv"), b = dir.resolve("nifti.csv");
		assertEquals(0, run("extract", "--image", sts.resolve("dicom/STS_003/CT/image").toString(), "--labels", sts.resolve("dicom/STS_003/CT/mask").toString(),
				"--roi", "GTV.*", "--out", a.toString()));
		assertEquals(0, run("extract", "--image", sts.resolve("nifti/STS_003/CT_image.nii.gz").toString(), "--labels",
				sts.resolve("nifti/STS_003/CT_mask.nii.gz").toString(), "--patient", "STS_003", "--out", b.toString()));
		List<List<String>> x = Csv.read(a), y = Csv.read(b);
		assertEquals(x.get(0), y.get(0));
		assertEquals("STS_003", x.get(1).get(0), "patient from PatientID");
		assertTrue(x.get(1).get(2).startsWith("GTV"), "site from the ROI name: " + x.get(1).get(2));
		for (int c = 3; c < x.get(0).size(); c++) {
			double u = Double.parseDouble(x.get(1).get(c)), v = Double.parseDouble(y.get(1).get(c));
			assertEquals(v, u, 1e-6 * Math.max(1e-12, Math.abs(v)), x.get(0).get(c));
		}
	}

	@Test
	void roiPatternMatchingNothingNamesTheRois() {
		Path sts = sts();
		String err = ExtractCommandsTest.stderrOf(() -> Cli.run("extract", "--image", sts.resolve("dicom/STS_003/CT/image").toString(), "--labels",
				sts.resolve("dicom/STS_003/CT/mask").toString(), "--roi", "BODY", "--out", dir.resolve("x.csv").toString()));
		assertTrue(err.contains("no ROI name matches --roi 'BODY'; the ROIs are [GTV"), err);
	}
}
