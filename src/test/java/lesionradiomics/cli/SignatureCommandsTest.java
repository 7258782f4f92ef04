package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import lesionradiomics.io.Csv;

/** {@code signature} from the CLI and headless: files, the results-folder rule, exit codes, and score applying its model unchanged. */
class SignatureCommandsTest {

	@TempDir
	Path dir;

	/** 24 patients × 2 lesions; original_firstorder_Good carries the patient's outcome. */
	Path table() throws Exception {
		SplittableRandom r = new SplittableRandom(4);
		StringBuilder b = new StringBuilder("patient,label,site,response,original_firstorder_Good,original_glcm_Noise,original_glszm_Noise2\n");
		for (int p = 0; p < 24; p++)
			for (int l = 1; l <= 2; l++) {
				boolean y = p % 2 == 0;
				b.append("P").append(p).append(',').append(l).append(",liver,").append(y ? "yes" : "no").append(',').append((y ? 1.5 : 0) + r.nextGaussian())
						.append(',').append(r.nextGaussian()).append(',').append(r.nextGaussian()).append('\n');
			}
		Path f = dir.resolve("features.csv");
		Files.writeString(f, b);
		return f;
	}

	@Test
	void trainsValidatesAndScoreAppliesTheModel() throws Exception {
		Path f = table(), out = dir.resolve("sig");
		BadInputTest.Outcome o = BadInputTest.run("signature", "--features", f.toString(), "--model", "forest", "--trees", "50", "--out", out.toString());
		assertEquals(0, o.code(), o.err());
		assertTrue(o.err().contains("validation AUC"), o.err());
		for (String name : List.of("signature_model.json", "selection.csv", "performance.csv", "predictions.csv", "importance.csv", "roc.png", "roc.svg",
				"calibration.png", "importance.png"))
			assertTrue(Files.size(out.resolve(name)) > 0, name);
		List<List<String>> performance = Csv.read(out.resolve("performance.csv"));
		List<String> header = performance.get(0), validation = performance.get(2);
		assertEquals("", validation.get(header.indexOf("harrell_c")), "survival columns are blank for a binary outcome");
		assertFalse(validation.get(header.indexOf("sensitivity")).isEmpty());
		Path scored = dir.resolve("scored");
		assertEquals(0, BadInputTest.run("score", "--features", f.toString(), "--model", out.resolve("signature_model.json").toString(), "--out", scored.toString()).code());
		List<List<String>> predictions = Csv.read(out.resolve("predictions.csv")), scores = Csv.read(scored.resolve("lesion_scores.csv"));
		int scoreColumn = scores.get(0).indexOf("score");
		for (int i = 1; i < predictions.size(); i++)
			assertEquals(Double.parseDouble(predictions.get(i).get(4)), Double.parseDouble(scores.get(i).get(scoreColumn)), 1e-12, "row " + i);

		// a table whose lesion column is "lesion" (response's delta_features.csv, Dercle's design) is scored the same
		Path delta = Files.writeString(dir.resolve("delta_features.csv"), Files.readString(f).replaceFirst("^patient,label,", "patient,lesion,"));
		Path scoredDelta = dir.resolve("scored_delta");
		BadInputTest.Outcome d = BadInputTest.run("score", "--features", delta.toString(), "--model", out.resolve("signature_model.json").toString(), "--out",
				scoredDelta.toString());
		assertEquals(0, d.code(), d.err());
		assertEquals(Files.readString(scored.resolve("lesion_scores.csv")), Files.readString(scoredDelta.resolve("lesion_scores.csv")));

		// the results-folder rule: a non-empty folder is refused unless --overwrite
		BadInputTest.assertRefused(BadInputTest.run("signature", "--features", f.toString(), "--out", out.toString()), "results folder is not empty", "--overwrite");
		BadInputTest.Outcome again = BadInputTest.run("signature", "--features", f.toString(), "--out", out.toString(), "--overwrite");
		assertEquals(0, again.code(), again.err());
		assertTrue(Files.exists(out.resolve("signature_model.csv")) && Files.exists(out.resolve("cv_curve.png")) && Files.exists(out.resolve("lambda_path.png")));
	}

	@Test
	void badInputIsOneLineAndExitTwo() throws Exception {
		Path f = table();
		BadInputTest.assertRefused(BadInputTest.run("signature", "--features", f.toString(), "--outcome", "progression", "--out", dir.resolve("a").toString()),
				"no outcome column 'progression'");
		BadInputTest.assertRefused(BadInputTest.run("signature", "--features", f.toString(), "--positive", "maybe", "--out", dir.resolve("b").toString()),
				"one class only");
		BadInputTest.assertRefused(BadInputTest.run("signature", "--features", f.toString(), "--time", "t", "--model", "forest", "--out", dir.resolve("c").toString()),
				"--event");
		BadInputTest.assertRefused(BadInputTest.run("signature", "--features", f.toString(), "--agreement", "ICC9", "--out", dir.resolve("d").toString()), "ICC9");
	}

	@Test
	void headlessCommandGivesTheTables() throws Exception {
		Path f = table();
		try (Context context = new Context()) {
			CommandModule m = context.service(CommandService.class).run(lesionradiomics.fiji.TrainSignature.class, true, Map.of("features", f.toFile(), "model",
					"logistic", "topK", 2, "output", dir.resolve("fiji").toFile())).get();
			ij.measure.ResultsTable perf = (ij.measure.ResultsTable) m.getOutput("performance");
			assertEquals(2, perf.size());
			assertTrue(Files.exists(dir.resolve("fiji/signature_model.csv")));
		}
	}
}
