package lesionradiomics.bench;

import lesionradiomics.demo.SyntheticCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.io.Csv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-cohort}: generates a synthetic cohort for the batch benchmark (memory and throughput of {@code cohort}). */
@Command(name = "bench-cohort", mixinStandardHelpOptions = true,
		description = { "Generate a synthetic cohort for the batch benchmark.",
				"%nDefault 20 patients x 60 lesions, 256x256x100 CT at 0.78x0.78x2.5 mm;",
				"prints the cohort command to time, e.g. with /usr/bin/time -v for the peak",
				"memory." })
public final class BenchCohortCli implements Callable<Integer> {

	@Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to write the cohort.")
	Path dir;

	@Option(names = "--patients", description = "Patients (default 20).")
	int patients = 20;

	@Option(names = "--lesions", description = "Lesions per patient (default 60).")
	int lesions = 60;

	@Override
	public Integer call() throws Exception {
		if (patients < 1 || lesions < 1) throw new IllegalArgumentException("--patients (" + patients + ") and --lesions (" + lesions + ") must be at least 1");
		Files.createDirectories(dir);
		List<List<String>> cohort = new ArrayList<>(), table = new ArrayList<>();
		cohort.add(List.of("patient", "image", "labels", "lesions"));
		table.add(List.of("patient", "label", "site"));
		long t = System.nanoTime();
		for (int p = 0; p < patients; p++) {
			String id = String.format("B%02d", p + 1);
			SyntheticCase c = new SyntheticCase(new int[] { 256, 256, 100 }, new double[] { 0.78, 0.78, 2.5 }, lesions, 20, 8000, 7, 1000 + p);
			c.write(dir, id);
			for (SyntheticCase.Lesion l : c.lesions) table.add(List.of(id, Integer.toString(l.label), l.site));
			cohort.add(List.of(id, id + "_image.nrrd", id + "_labels.nrrd", "lesions.csv"));
		}
		Csv.writeAtomically(dir.resolve("lesions.csv"), table);
		Csv.writeAtomically(dir.resolve("cohort.csv"), cohort);
		System.out.printf("generated %d patients in %.1f s: %s%n", patients, (System.nanoTime() - t) / 1e9, dir.resolve("cohort.csv"));
		System.out.println("time it: /usr/bin/time -v java -jar target/lesion-radiomics-cli.jar cohort --cohort " + dir.resolve("cohort.csv") + " --out "
				+ dir.resolve("results"));
		return 0;
	}
}
