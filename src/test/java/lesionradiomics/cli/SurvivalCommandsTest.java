package lesionradiomics.cli;

import lesionradiomics.fiji.SurvivalAnalysis;
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
 * "Survival Analysis" from the CLI and headless, on R's lung data (src/test/resources/survival/dataset_lung.csv) split into
 * a patient table (ph.karno as the variable) and a clinical table: the written CSVs carry R's numbers.
 */
class SurvivalCommandsTest {

	@TempDir
	static Path dir;

	static Path[] tables() throws Exception {
		List<List<String>> rows = Csv.read(Path.of("src/test/resources/survival/dataset_lung.csv"));
		StringBuilder p = new StringBuilder("patient,karno\n"), c = new StringBuilder("patient,time,event,age,sex\n");
		for (int i = 1; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			p.append("L").append(i).append(',').append(r.get(2)).append('\n');
			c.append("L").append(i).append(',').append(r.get(0)).append(',').append(r.get(1)).append(',').append(r.get(4)).append(',').append(r.get(5)).append('\n');
		}
		Path pt = dir.resolve("patients.csv"), ct = dir.resolve("clinical.csv");
		Files.writeString(pt, p);
		Files.writeString(ct, c);
		return new Path[] { pt, ct };
	}

	static Map<String, String> golden(String quantity) throws Exception {
		Map<String, String> out = new java.util.LinkedHashMap<>();
		for (List<String> r : Csv.read(Path.of("src/test/resources/survival/golden.csv")))
			if (r.get(0).equals("lung") && r.get(1).equals(quantity)) out.put(r.get(2), r.get(3).trim());
		return out;
	}

	@Test
	void cliWritesRsNumbers() throws Exception {
		Path[] t = tables();
		Path out = dir.resolve("cli");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("survival", "--patients", t[0].toString(), "--clinical", t[1].toString(), "--variable",
				"karno", "--cutoff", "optimal", "--covariates", "age,sex", "--out", out.toString())));
		for (String f : List.of("survival_data.csv", "km.csv", "km_medians.csv", "logrank.csv", "cox.csv", "cutpoint.csv", "cutpoint_scan.csv", "km_all.png",
				"km_all.svg", "forest.png"))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		List<List<String>> cox = Csv.read(out.resolve("cox.csv"));
		assertEquals(Double.parseDouble(golden("cox_uni_coef").get("1")), Double.parseDouble(cox.get(1).get(5)), 1e-9, "continuous Cox coefficient = R's");
		assertEquals(Double.parseDouble(golden("cox_multi_coef").get("3")), Double.parseDouble(cox.get(4).get(5)), 1e-9, "multivariate sex coefficient = R's");
		List<List<String>> cut = Csv.read(out.resolve("cutpoint.csv"));
		assertEquals(Double.parseDouble(golden("cutpoint").get("1")), Double.parseDouble(cut.get(1).get(2)), 0, "surv_cutpoint's cut-off");
		assertEquals(Double.parseDouble(golden("cutpoint").get("3")), Double.parseDouble(cut.get(1).get(4)), 1e-9, "maxstat's Lau94 p");
	}

	@Test
	void headlessCommandGivesTheTables() throws Exception {
		Path[] t = tables();
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(SurvivalAnalysis.class, true, Map.of("patients", t[0].toFile(), "clinical",
					t[1].toFile(), "variable", "karno", "cutoff", "median", "trainFraction", 0.667)).get();
			ResultsTable medians = (ResultsTable) m.getOutput("medians");
			assertEquals(4, medians.size(), "low and high of the train and test sets");
		}
	}

	@Test
	void aMissingColumnIsNamed() throws Exception {
		Path[] t = tables();
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(2, Cli.run("survival", "--patients", t[0].toString(), "--clinical", t[1].toString(),
				"--variable", "karno", "--endpoint", "os", "--out", dir.resolve("x").toString())));
		assertTrue(err.contains("clinical.csv") && err.contains("os_time and os_event"), err);
	}

	/** --dpi: PNGs for print; --time-unit on the KM axis. --dpi: (300 dpi: three pixels per 1/100 inch); a resolution out of range is refused before any table is read. */
	@Test
	void dpiSetsThePngResolution() throws Exception {
		Path[] t = tables();
		Path out = dir.resolve("dpi");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("survival", "--patients", t[0].toString(), "--clinical", t[1].toString(), "--variable",
				"karno", "--dpi", "300", "--time-unit", "days", "--out", out.toString())));
		assertTrue(Files.readString(out.resolve("km_all.svg")).contains("time (days)"), "the KM axis has its unit (before: 'time')");
		Path standard = dir.resolve("dpi-default");
		ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run("survival", "--patients", t[0].toString(), "--clinical", t[1].toString(), "--variable",
				"karno", "--out", standard.toString())));
		int at300 = javax.imageio.ImageIO.read(out.resolve("km_all.png").toFile()).getWidth(),
				at200 = javax.imageio.ImageIO.read(standard.resolve("km_all.png").toFile()).getWidth();
		assertEquals(at200 * 3 / 2, at300, "300 dpi is 1.5 times the default 200 dpi");
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run("survival", "--patients", "none.csv", "--clinical", "none.csv", "--variable", "v", "--dpi",
				"20", "--out", dir.resolve("dpi20").toString()));
		assertEquals(2, code[0]);
		assertTrue(err.contains("--dpi") && !err.contains("none.csv"), err);
		assertTrue(!Files.exists(dir.resolve("dpi20")), "nothing written");
	}
}
