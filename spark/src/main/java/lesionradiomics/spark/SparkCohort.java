package lesionradiomics.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import lesionradiomics.analysis.ScoreModel;
import lesionradiomics.cli.CohortCli;
import lesionradiomics.io.CohortTable;
import lesionradiomics.progress.Progress;
import lesionradiomics.report.CohortFolder;
import lesionradiomics.report.CohortReport;
import lesionradiomics.workflow.CohortOptions;
import lesionradiomics.workflow.CohortWorkflow;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ScoreWorkflow;

/**
 * The cohort run as an Apache Spark job: the same options as {@code cohort} (plus {@code --master}), one patient per
 * task, largest images first. Each task reads its patient's files through Hadoop's FileSystem ({@code file:},
 * {@code hdfs:}, {@code s3a:}), runs the cohort's per-patient extraction and returns the per-patient files; the driver
 * writes them atomically into {@code --out} (a path on the driver) batch by batch, so a killed job resumes with
 * {@code --resume}, and task retries or speculative copies change nothing. Then the driver runs the cohort analyses
 * with the workflow classes on the saved patients. A patient that fails is a row of errors.csv, never a failed job.
 */
public final class SparkCohort {

	private SparkCohort() {}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** One patient to extract: the cohort table's fields, the files as written in the table or resolved against its URI. */
	record Task(String id, String group, Map<String, String> columns, String image, String labels, String lesions, long bytes) implements Serializable {}

	/** A task's outcome: the patient's saved files, or the reason it failed. */
	record Outcome(String id, HashMap<String, byte[]> files, String error) implements Serializable {}

	/** Runs the job; returns 0, or 2 for bad input (one line on standard error), as the CLI. */
	public static int run(String... args) {
		String master = "local[*]", cohortUri = null;
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--master") && i + 1 < args.length) master = args[++i];
			else if (args[i].startsWith("--master=")) master = args[i].substring(9);
			else {
				if (args[i].equals("--cohort") && i + 1 < args.length) cohortUri = args[i + 1];
				if (args[i].startsWith("--cohort=")) cohortUri = args[i].substring(9);
				rest.add(args[i]);
			}
		}
		try {
			if (cohortUri == null) throw new IllegalArgumentException("give --cohort COHORT.csv (a local path or a file:, hdfs: or s3a: URI)");
			Configuration conf = new Configuration();
			boolean local = isLocal(cohortUri);
			Path table = local ? localPath(cohortUri) : copy(cohortUri, Files.createTempDirectory("lesion-radiomics-table"), conf);
			List<String> localArgs = new ArrayList<>();
			for (int i = 0; i < rest.size(); i++) {
				if (rest.get(i).equals("--cohort")) {
					localArgs.add("--cohort");
					localArgs.add(table.toString());
					i++;
				} else if (rest.get(i).startsWith("--cohort=")) localArgs.add("--cohort=" + table);
				else localArgs.add(rest.get(i));
			}
			String[] parsedArgs = localArgs.toArray(new String[0]);
			CohortCli.Parsed p = CohortCli.parse(parsedArgs);
			CohortOptions o = p.options();
			ScoreModel model = ScoreWorkflow.readModel(p.model());
			lesionradiomics.io.AtomicFiles.checkWritable(p.out());
			try (CohortFolder store = new CohortFolder(p.out(), o.resume(), o.overwrite())) { // locked until run.json is written
			CohortTable cohort = CohortTable.read(table);
			String settings = CohortWorkflow.settingsFingerprint(o.extraction(), o.selection());
			Map<String, String> fingerprints = new LinkedHashMap<>(); // the driver's view of the input files
			List<Task> todo = new ArrayList<>();
			for (CohortTable.Patient patient : cohort.patients()) {
				fingerprints.put(patient.id(), CohortWorkflow.fingerprint(patient, settings));
				if (o.resume() && store.isComplete(patient.id(), fingerprints.get(patient.id()))) continue;
				String image = spec(patient.image(), table, cohortUri, local), labels = spec(patient.labels(), table, cohortUri, local);
				String lesions = patient.lesions() == null ? null : spec(patient.lesions(), table, cohortUri, local);
				todo.add(new Task(patient.id(), patient.group(), new LinkedHashMap<>(patient.columns()), image, labels, lesions, size(image, conf)));
			}
			todo.sort(Comparator.comparingLong(Task::bytes).reversed()); // largest first: no long task starts last
			Map<String, String> failed = new LinkedHashMap<>();
			long start = System.nanoTime();
			SparkConf sc = new SparkConf().setAppName("Lesion Radiomics cohort").setIfMissing("spark.master", master).set("spark.ui.enabled", "false");
			try (JavaSparkContext spark = new JavaSparkContext(sc)) {
				spark.setLogLevel("WARN");
				int batch = Math.max(4, 2 * spark.defaultParallelism()), done = 0;
				for (int from = 0; from < todo.size(); from += batch) {
					List<Task> part = todo.subList(from, Math.min(todo.size(), from + batch));
					List<Outcome> outcomes = spark.parallelize(new ArrayList<>(part), part.size()).map(new Extract(parsedArgs)).collect();
					for (Outcome out : outcomes) {
						if (out.error() != null) failed.put(out.id(), out.error());
						else store.restore(out.id(), out.files(), fingerprints.get(out.id()));
					}
					done += part.size();
					System.err.printf("patients %d/%d (%.1f s)%n", done, todo.size(), (System.nanoTime() - start) / 1e9);
				}
			}
			CohortOptions reuse = new CohortOptions(o.extraction(), o.selection(), o.heterogeneity(), o.sampling(), o.scores(), true, false);
			CohortWorkflow.Result r;
			try (Execution execution = Execution.of(p.threads(), Progress.NONE)) {
				r = CohortWorkflow.run(cohort, reuse, model, store, execution, failed);
			}
			CohortReport.write(r, p.out());
			System.err.printf("cohort analysed on Spark (%s) in %.1f s; results in %s%n", master, (System.nanoTime() - start) / 1e9, p.out());
			}
			return 0;
		} catch (IOException | IllegalArgumentException e) {
			System.err.println("error: " + String.valueOf(e.getMessage()).replace('\n', ' '));
			return 2;
		} catch (picocli.CommandLine.ParameterException e) {
			System.err.println("error: " + e.getMessage().replace('\n', ' ') + " (see: lesion-radiomics cohort --help)");
			return 2;
		}
	}

	/** The per-patient extraction of a task (the cohort's own, on local copies when the files are remote). */
	static final class Extract implements org.apache.spark.api.java.function.Function<Task, Outcome> {
		private final String[] args;

		Extract(String[] args) {
			this.args = args;
		}

		@Override
		public Outcome call(Task t) throws Exception {
			CohortOptions o = CohortCli.parse(args).options();
			Path tmp = Files.createTempDirectory("lesion-radiomics-task");
			try {
				Configuration conf = new Configuration();
				Path image = fetch(t.image(), tmp, conf), labels = fetch(t.labels(), tmp, conf), lesions = t.lesions() == null ? null : fetch(t.lesions(), tmp, conf);
				CohortTable.Patient patient = new CohortTable.Patient(t.id(), image, labels, lesions, t.group(), t.columns());
				lesionradiomics.workflow.ExtractionWorkflow.Result r;
				try (Execution e = Execution.of(1, Progress.NONE)) {
					r = CohortWorkflow.extractPatient(patient, o.extraction(), o.selection(), e, new ArrayList<>());
				}
				try (CohortFolder folder = new CohortFolder(tmp.resolve("out"), false, false)) {
					folder.save(t.id(), "", r); // the driver writes the fingerprint (it sees the original files)
					return new Outcome(t.id(), new HashMap<>(folder.files(t.id())), null);
				}
			} catch (IOException | IllegalArgumentException e) {
				// a copied file's message names the original location, as the single-machine run would
				return new Outcome(t.id(), null, String.valueOf(e.getMessage()).replace(tmp.toString() + "/", ""));
			} finally {
				deleteRecursively(tmp);
			}
		}
	}

	static boolean isLocal(String uri) {
		String scheme = URI.create(uri.replace(" ", "%20")).getScheme();
		return scheme == null || scheme.equals("file");
	}

	static Path localPath(String uri) {
		return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
	}

	/** A patient file as the task should open it: the local path as resolved by the table, or the remote URI. */
	static String spec(Path resolved, Path table, String cohortUri, boolean local) {
		if (local) return resolved.toString();
		Path dir = table.toAbsolutePath().getParent();
		String relative = resolved.startsWith(dir) ? dir.relativize(resolved).toString() : resolved.toString();
		return new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(cohortUri).getParent(), relative).toString();
	}

	static long size(String spec, Configuration conf) throws IOException {
		if (isLocal(spec)) return Files.exists(localPath(spec)) ? Files.size(localPath(spec)) : 0;
		org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(spec);
		FileSystem fs = p.getFileSystem(conf);
		return fs.exists(p) ? fs.getFileStatus(p).getLen() : 0;
	}

	/** A local file of the task: the path itself when local, else a copy (same file name, so the format is recognised). */
	static Path fetch(String spec, Path tmp, Configuration conf) throws IOException {
		if (isLocal(spec)) return localPath(spec);
		return copy(spec, tmp, conf);
	}

	static Path copy(String uri, Path dir, Configuration conf) throws IOException {
		org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
		Path local = dir.resolve(p.getName());
		FileSystem fs = p.getFileSystem(conf);
		if (!fs.exists(p)) throw new IOException(uri + ": file not found");
		fs.copyToLocalFile(false, p, new org.apache.hadoop.fs.Path(local.toUri()), true);
		return local;
	}

	static void deleteRecursively(Path p) {
		try (java.util.stream.Stream<Path> s = Files.walk(p)) {
			s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
		} catch (IOException e) {
			// a temporary folder left behind is harmless
		}
	}
}
