package lesionradiomics.cli;

import lesionradiomics.fiji.LesionResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.measure.ResultsTable;
import lesionradiomics.io.Csv;

/**
 * "Lesion Response (two time points)" on the demo's follow-up scans (test-data/longitudinal.csv: P04-P06, made by
 * {@code demo}): lesions drawn again unchanged measure exactly the same, vanished and new lesions are classed so, a new
 * lesion makes the patient PD.
 */
class ResponseCommandsTest {

	@TempDir
	Path dir;

	static final Path DEMO = Path.of("test-data").toAbsolutePath();

	@Test
	void demoFollowUpGivesTheExpectedClassesAndFiles() throws Exception {
		Path out = dir.resolve("response");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("response", "--cohort", DEMO.resolve("longitudinal.csv").toString(), "--variable",
				"original_firstorder_Mean", "--bootstrap", "200", "--out", out.toString())));
		for (String f : List.of("lesion_response.csv", "patient_response.csv", "delta_features.csv", "patient_delta.csv", "association.csv", "errors.csv",
				"waterfall.png", "spider.png", "roc.png"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		List<List<String>> lesions = Csv.read(out.resolve("lesion_response.csv"));
		List<String> h = lesions.get(0);
		Map<String, String> classOf = new java.util.HashMap<>();
		for (List<String> r : lesions.subList(1, lesions.size())) classOf.put(r.get(0) + "/" + r.get(1), r.get(h.indexOf("class")));
		assertEquals("stable", classOf.get("P04/1"), "drawn again with the same shape");
		assertEquals("0.0", lesions.stream().filter(r -> r.get(0).equals("P04") && r.get(1).equals("1")).findFirst().orElseThrow().get(h.indexOf("change_mm")));
		assertEquals("disappeared", classOf.get("P05/3"));
		assertEquals("new", classOf.get("P06/6"));
		assertEquals("progressive", classOf.get("P06/1"), "growth factor 1.5");
		assertEquals("short axis", lesions.stream().filter(r -> r.get(2).equals("lymphnode")).findFirst().orElseThrow().get(h.indexOf("measure")));
		List<List<String>> patients = Csv.read(out.resolve("patient_response.csv"));
		assertEquals("PD", patients.stream().filter(r -> r.get(0).equals("P06")).findFirst().orElseThrow().get(8), "a new lesion");
		List<List<String>> delta = Csv.read(out.resolve("delta_features.csv"));
		int volume = delta.get(0).indexOf("original_shape_VoxelVolume_diff");
		assertEquals("0.0", delta.stream().filter(r -> r.get(0).equals("P04") && r.get(1).equals("1")).findFirst().orElseThrow().get(volume));
	}

	@Test
	void headlessCommandAndABadPatientListedNotFatal() throws Exception {
		Path table = dir.resolve("long.csv");
		Files.writeString(table, "patient,timepoint,image,labels,lesions\n"
				+ "P04," + "E0," + DEMO.resolve("P04_image.nrrd") + "," + DEMO.resolve("P04_labels.nrrd") + "," + DEMO.resolve("lesions.csv") + "\n"
				+ "P04," + "E1," + DEMO.resolve("P04_t1_image.nrrd") + "," + DEMO.resolve("P04_t1_labels.nrrd") + "," + DEMO.resolve("lesions_t1.csv") + "\n"
				+ "P09,E0,missing.nrrd,missing_labels.nrrd,\nP09,E1,missing.nrrd,missing_labels.nrrd,\n");
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(LesionResponse.class, true, Map.of("cohort", table.toFile(), "bootstrap", 0)).get();
			ResultsTable patients = (ResultsTable) m.getOutput("patientResponse");
			assertEquals(1, patients.size(), "P09's missing files are listed, P04 is analysed");
		}
	}
}
