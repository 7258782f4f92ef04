package lesionradiomics.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: generates the demo cohort of {@code test-data/} ({@link lesionradiomics.demo.DemoCohort}). */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Generate the synthetic demo cohort (images, label maps, lesion and cohort tables).",
				"%nThe files in test-data/ were made with the defaults; the same seed gives",
				"the same files." })
final class DemoCli implements Callable<Integer> {

	@Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: test-data).")
	Path out = Path.of("test-data");

	@Option(names = "--seed", description = "Random seed (default: 2022).")
	long seed = 2022;

	@Option(names = "--dicom", split = ",", paramLabel = "CASE", description = "Also write these cases (e.g. P04,P04_t1) as DICOM folders CASE_dicom/ (CT series + RTSTRUCT), to try DICOM input.")
	List<String> dicom = List.of();

	@Override
	public Integer call() throws Exception {
		lesionradiomics.demo.DemoCohort.write(out, seed, dicom, System.err);
		System.err.println("demo cohort written to " + out);
		return 0;
	}
}
