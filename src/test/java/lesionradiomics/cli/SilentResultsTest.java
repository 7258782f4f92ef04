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

	/** Twelve patients, half with events, and a patient-level variable. */
	Path[] survivalTables(String clinicalRows) throws IOException {
		StringBuilder p = new StringBuilder("patient,score_mean\n"), c = new StringBuilder("patient,time,event\n");
		for (int i = 1; i <= 12; i++) {
			p.append("P").append(i).append(',').append(i * 0.1).append('\n');
			c.append("P").append(i).append(',').append(3 + (i * 7) % 11).append(',').append(i % 2).append('\n');
		}
		return new Path[] { table("patients.csv", p.toString()), table("clinical.csv", clinicalRows == null ? c.toString() : clinicalRows) };
	}

	BadInputTest.Outcome survival(Path[] t, String... more) {
		List<String> a = new java.util.ArrayList<>(List.of("survival", "--patients", t[0].toString(), "--clinical", t[1].toString(), "--variable",
				"score_mean", "--overwrite", "--out", dir.resolve("surv").toString())); // one folder for every case: each run replaces the last
		a.addAll(List.of(more));
		return run(a.toArray(new String[0]));
	}

	@Test
	void survivalRefusesWhatItUsedToGuessOrDrop() throws IOException {
		Path[] t = survivalTables(null);
		org.junit.jupiter.api.Assertions.assertEquals(0, survival(t, "--cutoff", "median").code(), "the tables themselves are fine");
		String text = Files.readString(t[1]);
		Path[] bad = { t[0], table("clinical_bad.csv", text.replace("P3,13,1", "P3,13 months,1")) };
		assertRefused(survival(bad), "clinical_bad.csv", "patient P3: time is '13 months', not a number");
		assertRefused(survival(t, "--train-fraction", "0.01", "--cutoff", "median"), "--train-fraction 0.01 gives 0 training", "at least 2");
		Path[] noEvents = { t[0], table("clinical_censored.csv", text.replaceAll(",1\n", ",0\n")) };
		assertRefused(survival(noEvents, "--cutoff", "optimal"), "no events among the 12 patients", "optimal cut-off");
		Path[] headerOnly = { t[0], table("clinical_empty.csv", "patient,time,event\n") };
		assertRefused(survival(headerOnly), "clinical_empty.csv", "header but no patient rows");
	}

	@Test
	void errorsNameTheOptionAndTheCause() throws IOException {
		assertRefused(run("response", "--cohort", CohortCommandTest.DEMO.resolve("longitudinal.csv").toString(), "--volume-progression", "-1", "--out",
				dir.resolve("r").toString()), "volume-progression must be a positive fraction");
		Path features = table("features.csv", HEADER + "P1,1,liver,,2,100\nP1,2,lung,2,,200\nP1,3,bone,4,1,\nP2,1,liver,,3,100\nP2,2,liver,1,,50\n");
		assertRefused(run("phenotypes", "--features", features.toString(), "--out", dir.resolve("p").toString()), "0 of 5 have them",
				"miss a value");
	}

	@Test
	void aSingularNrrdDirectionMatrixIsRefused() throws IOException {
		String text = new String(Files.readAllBytes(CohortCommandTest.DEMO.resolve("P04_image.nrrd")), java.nio.charset.StandardCharsets.ISO_8859_1);
		Path image = dir.resolve("singular.nrrd");
		Files.write(image, text.replace("space directions: (0.9,0,0) (0,0.9,0) (0,0,2)", "space directions: (0.9,0,0) (1.8,0,0) (0,0,2)")
				.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		assertRefused(run("extract", "--image", image.toString(), "--labels", CohortCommandTest.DEMO.resolve("P04_labels.nrrd").toString(), "--out",
				dir.resolve("f.csv").toString()), "singular.nrrd", "linearly dependent");
	}

	@Test
	void moreHabitatsThanVoxelsIsAnError() {
		IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> lesionradiomics.analysis.Habitats.cluster(new double[][] { { 1 }, { 2 }, { 3 }, { 4 } }, 8, 4, 1));
		org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("8 asked, but the lesion has 4 voxel(s)"), e.getMessage());
	}

	@Test
	void aModelCategoryLevelNoLesionHasIsSaid() throws IOException {
		Path features = table("features.csv", HEADER + "P1,1,liver,1,2,100\nP1,2,lung,2,3,200\nP2,1,liver,3,3,100\n");
		Path model = table("model.csv", "term,kind,column,level,min,max,coefficient,clip\nintercept,intercept,,,,,-0.3,\n"
				+ "idmn,feature,original_glcm_Idmn,,1,3,1.2,\nhepatic,category,site,hepatic,,,0.25,\n");
		BadInputTest.Outcome o = run("score", "--features", features.toString(), "--model", model.toString(), "--out", dir.resolve("s").toString());
		org.junit.jupiter.api.Assertions.assertEquals(0, o.code(), o.err());
		org.junit.jupiter.api.Assertions.assertTrue(o.err().contains("model term hepatic: no lesion has site = 'hepatic' (the data has liver, lung)"), o.err());
	}
}
