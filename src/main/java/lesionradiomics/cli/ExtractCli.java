package lesionradiomics.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.Csv;
import lesionradiomics.report.FeatureTableCsv;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code extract}: features of every lesion of one image and label map, one CSV row per lesion. */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Features of every lesion of an image and its label map, as pyradiomics computes them.",
				"%nWrites patient, label, site, the lesion table's further columns and the",
				"feature columns (original_<class>_<Feature>), one row per lesion." },
		footer = { "", "Example:", "  java -jar target/lesion-radiomics-cli.jar extract \\",
				"      --image ct.nrrd --labels lesions.nrrd --lesions lesions.csv \\",
				"      --patient P01 --preset study --out features.csv" })
final class ExtractCli implements Callable<Integer> {

	@Mixin
	ImagesCliArgs input;

	@Option(names = "--out", required = true, paramLabel = "FEATURES.csv", description = "Output CSV (written atomically). Lesions that could not be computed go to FEATURES.errors.csv.")
	Path out;

	@Mixin
	ExtractionCliArgs extraction;

	@Mixin
	EndingCliArgs ending;

	@Override
	public Integer call() throws Exception {
		ExtractionOptions options = extraction.options(); // every option checked before any file is read
		if (java.nio.file.Files.isDirectory(out) || out.toString().endsWith("/"))
			throw new lesionradiomics.io.VolumeFormatException(out, "--out is the features file to write, not a folder; e.g. " + out.resolve("features.csv"));
		AtomicFiles.checkWritable(out.toAbsolutePath().getParent());
		long t0 = System.nanoTime();
		ExtractionWorkflow.Result r;
		try (Execution execution = extraction.execution(new CliProgress(System.err))) {
			r = ExtractionWorkflow.run(input.read(options), options, execution);
		}
		for (String w : r.warnings()) System.err.println("warning: " + w);
		FeatureTableCsv.write(r.table(), out);
		Path errors = Cli.sibling(out, ".errors.csv");
		List<List<String>> listed = FeatureTableCsv.failureRows(r.table());
		if (listed.size() > 1) Csv.writeAtomically(errors, listed);
		String done = String.format(java.util.Locale.ROOT, "%d lesions, %d features each, written to %s in %.2f s", r.table().computed().size(),
				r.table().columns().size(), out, (System.nanoTime() - t0) / 1e9);
		List<String> lost = new java.util.ArrayList<>();
		for (var row : r.table().failed()) lost.add("label " + row.label());
		return ending.finish(System.err, done, r.table().computed().size() + lost.size(), "lesions", lost, errors.toString());
	}
}
