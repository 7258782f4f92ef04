package lesionradiomics.cli;

import lesionradiomics.fiji.LesionPhenotypes;
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

/** "Lesion Phenotypes" from the CLI and headless on a table with planted lesion types (the composition follows them). */
class PhenotypeCommandsTest {

	@TempDir
	Path dir;

	Path table() throws Exception {
		StringBuilder s = new StringBuilder("patient,label,site,original_firstorder_Mean,original_glcm_Idmn,original_shape_VoxelVolume\n");
		java.util.SplittableRandom r = new java.util.SplittableRandom(3);
		for (int i = 0; i < 60; i++) {
			int type = i % 3; // patient A has type 0 only, B types 0 and 1, C all three
			String patient = i < 20 ? "A" : i < 40 ? "B" : "C";
			if (patient.equals("A")) type = 0;
			if (patient.equals("B")) type = i % 2;
			s.append(patient).append(',').append(i + 1).append(",liver,").append(40 + 60 * type + r.nextGaussian() * 4).append(',')
					.append(0.9 + 0.03 * type + r.nextGaussian() * 0.003).append(',').append(1000 + 300 * type + r.nextGaussian() * 20).append('\n');
		}
		Path t = dir.resolve("features.csv");
		Files.writeString(t, s);
		return t;
	}

	@Test
	void cliWritesPhenotypesAndTheCompositionFollowsThePlantedTypes() throws Exception {
		Path out = dir.resolve("cli"), features = table();
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("phenotypes", "--features", features.toString(), "--k", "3", "--out", out.toString())));
		for (String f : List.of("lesion_phenotypes.csv", "patient_phenotypes.csv", "silhouette.csv", "phenotype_heatmap.png", "phenotype_heatmap.svg"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		List<List<String>> patients = Csv.read(out.resolve("patient_phenotypes.csv"));
		assertEquals("A", patients.get(1).get(0));
		assertEquals("1", patients.get(1).get(2), "A: one phenotype");
		assertEquals("2", patients.get(2).get(2), "B: two");
		assertEquals("3", patients.get(3).get(2), "C: three");
		assertEquals(0.0, Double.parseDouble(patients.get(1).get(3)), 0, "entropy 0 with one phenotype");
	}

	@Test
	void headlessCommand() throws Exception {
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(LesionPhenotypes.class, true, Map.of("features", table().toFile(), "method", "kmeans"))
					.get();
			assertEquals(60, ((ResultsTable) m.getOutput("lesionPhenotypes")).size());
		}
	}
}
