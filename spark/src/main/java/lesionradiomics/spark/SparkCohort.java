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
import java.util.concurrent.ExecutionException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	/** Runs the job; returns 0, 2 for bad input (one line on standard error, as the CLI), or 1 when Spark failed (one line). */
	public static int run(String... args) {
		String master = null, cohortUri = null;
		boolean verbose = false;
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--master") && i + 1 < args.length) master = args[++i];
			else if (args[i].startsWith("--master=")) master = args[i].substring(9);
			else if (args[i].equals("--verbose")) verbose = true;
			else {
				if (args[i].equals("--cohort") && i + 1 < args.length) cohortUri = args[i + 1];
				if (args[i].startsWith("--cohort=")) cohortUri = args[i].substring(9);
				rest.add(args[i]);
			}
		}
		JobLog.configure(verbose);
		Logger log = LoggerFactory.getLogger(SparkCohort.class);
		int saved = 0;
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
			SparkConf sc = new SparkConf().setAppName("Lesion Radiomics cohort").set("spark.ui.enabled", "false");
			sc.setIfMissing("spark.master", master == null ? "local[*]" : master); // spark-submit's --master wins
			if (!sc.get("spark.master").startsWith("local") && !sc.contains("spark.jars")) {
				// started with java -jar, not spark-submit: the executors load the job's classes from the jars the
				// driver serves (the job jar and lib/, not lib/spark/: a cluster has its own Spark)
				List<String> jars = shippedJars();
				if (!jars.isEmpty()) sc.set("spark.jars", String.join(",", jars));
			}
			String used;
			try (JavaSparkContext spark = new JavaSparkContext(sc)) {
				used = spark.sc().master();
				spark.sc().addSparkListener(new JobListener(log));
				log.info("{} patients to extract on {} ({} cores); {}", todo.size(), used, spark.defaultParallelism(),
						o.resume() ? (cohort.patients().size() - todo.size()) + " saved by an earlier run" : "largest images first");
				int batch = Math.max(4, 2 * spark.defaultParallelism()), done = 0;
				Extract extract = new Extract(parsedArgs);
				for (int from = 0; from < todo.size(); from += batch) {
					List<Task> part = todo.subList(from, Math.min(todo.size(), from + batch));
					// one job per patient: a patient whose task fails spark.task.maxFailures times (an executor that
					// dies on it, say) fails that patient only; the scheduler runs the batch's jobs side by side
					List<JavaFutureAction<List<Outcome>>> jobs = new ArrayList<>();
					for (Task t : part) {
						spark.setLocalProperty(JobListener.PATIENT, t.id());
						spark.setJobDescription("patient " + t.id());
						jobs.add(spark.parallelize(new ArrayList<>(List.of(t)), 1).map(extract).collectAsync());
					}
					for (int i = 0; i < part.size(); i++) {
						Outcome out;
						try {
							out = jobs.get(i).get().get(0);
						} catch (ExecutionException e) {
							if (spark.sc().isStopped()) throw new SparkStopped(e.getCause());
							out = new Outcome(part.get(i).id(), null, clusterFailure(e.getCause()));
						}
						if (out.error() != null) {
							failed.put(out.id(), out.error());
							log.warn("patient {} failed: {}", out.id(), out.error());
						} else {
							store.restore(out.id(), out.files(), fingerprints.get(out.id()));
							saved++;
						}
					}
					done += part.size();
					log.info("patients {}/{} ({} failed) in {} s", done, todo.size(), failed.size(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
				}
			}
			CohortOptions reuse = new CohortOptions(o.extraction(), o.selection(), o.heterogeneity(), o.sampling(), o.scores(), true, false);
			CohortWorkflow.Result r;
			try (Execution execution = Execution.of(p.threads(), Progress.NONE)) {
				r = CohortWorkflow.run(cohort, reuse, model, store, execution, failed);
			}
			CohortReport.write(r, p.out());
			System.err.printf("cohort analysed on Spark (%s) in %.1f s: %d patients extracted, %d failed; results in %s%n", used, (System.nanoTime() - start) / 1e9,
					saved, failed.size(), p.out());
			}
			return 0;
		} catch (IOException | IllegalArgumentException e) {
			System.err.println("error: " + String.valueOf(e.getMessage()).replace('\n', ' '));
			return 2;
		} catch (picocli.CommandLine.ParameterException e) {
			System.err.println("error: " + e.getMessage().replace('\n', ' ') + " (see: lesion-radiomics cohort --help)");
			return 2;
		} catch (InterruptedException e) {
			System.err.println("error: the Spark job was interrupted; " + saved + " patients were saved: run it again with --resume");
			return 1;
		} catch (Exception | LinkageError e) { // SparkException is checked, but thrown undeclared by Scala code
			// the Spark application failed (no master, no executors, the application killed, a class missing): one
			// line that says why, after Spark's own ERROR lines
			Throwable why = e instanceof SparkStopped ? e.getCause() : e;
			boolean stopped = e instanceof SparkStopped || reason(why).contains("stopped SparkContext");
			String because = stopped && JobLog.lastError() != null ? JobLog.lastError() : reason(why);
			System.err.println("error: the Spark application failed" + (stopped ? " (its SparkContext was stopped)" : "") + ": " + because
					+ (saved > 0 ? "; " + saved + " patients were saved: run it again with --resume" : "") + (stopped ? "" : hint(why)));
			return 1;
		}
	}

	/** The Spark application ended while patients were still being extracted. */
	static final class SparkStopped extends RuntimeException {
		SparkStopped(Throwable cause) {
			super(cause);
		}
	}

	/** The innermost message of an exception chain, on one line, with the exception's type when it says more. */
	static String reason(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) t = t.getCause();
		String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
		if (t instanceof ClassNotFoundException || t instanceof NoClassDefFoundError || t instanceof OutOfMemoryError) m = t.getClass().getSimpleName() + ": " + m;
		return JobListener.firstLine(m);
	}

	private static String hint(Throwable e) {
		String m = reason(e);
		if (m.contains("Could not parse Master URL") || m.contains("cluster manager"))
			return " (java -jar brings Spark's local and standalone modes; for yarn or k8s:// set SPARK_HOME to a Spark 3.5 / Scala 2.13 installation, or use spark-submit)";
		return "";
	}

	/** Why the cluster could not run a patient's task (it failed spark.task.maxFailures times), for errors.csv. */
	static String clusterFailure(Throwable e) {
		String m = JobListener.firstLine(String.valueOf(e.getMessage())).replaceFirst("^Job aborted due to stage failure: ", "");
		int recent = m.indexOf("most recent failure: ");
		String last = recent < 0 ? m : m.substring(recent + 21);
		int colon = last.indexOf("): ");
		return "the task failed on the cluster every time it was tried (" + (colon < 0 ? last : last.substring(colon + 3)) + ")";
	}

	/** The job jar and the jars of lib/ beside it, when this class was loaded from a jar. */
	static List<String> shippedJars() {
		List<String> jars = new ArrayList<>();
		try {
			Path jar = Path.of(SparkCohort.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (!jar.toString().endsWith(".jar")) return jars;
			jars.add(jar.toUri().toString());
			Path lib = jar.getParent().resolve("lib");
			if (Files.isDirectory(lib))
				try (java.util.stream.Stream<Path> s = Files.list(lib)) {
					s.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> jars.add(f.toUri().toString()));
				}
		} catch (IOException | java.net.URISyntaxException | RuntimeException e) {
			// no jar to ship: spark-submit's --jars, or a class path the cluster already has
		}
		return jars;
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
				String m = String.valueOf(e.getMessage()).replace(tmp.toString() + "/", "");
				// the readers refuse a volume that cannot fit into the heap left (PixelType.checkHeap); on an executor
				// the fix is the executor's memory, not java -Xmx
				int heap = m.indexOf(HEAP_REFUSAL);
				return new Outcome(t.id(), null, heap < 0 ? m : m.substring(0, heap + HEAP_REFUSAL.length()) + "; " + tooLarge());
			} catch (RuntimeException | OutOfMemoryError e) {
				// the per-task memory bound: a patient too large for the executor's heap fails that patient, not the
				// executor (whose other tasks go on) and not the job. The arrays of the failed attempt are garbage now.
				if (!outOfMemory(e)) throw e;
				return new Outcome(t.id(), null, "out of memory while extracting this patient: " + tooLarge());
			} finally {
				deleteRecursively(tmp);
			}
		}
	}

	/** How the readers end the message of a volume too large for the heap left (PixelType.checkHeap). */
	static final String HEAP_REFUSAL = "of the Java heap are free";

	static boolean outOfMemory(Throwable e) {
		for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause())
			if (c instanceof OutOfMemoryError) return true;
		return false;
	}

	static String tooLarge() {
		long heap = Runtime.getRuntime().maxMemory() >> 20;
		org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
		String cores = env == null ? null : env.conf().get("spark.executor.cores", null);
		return "too large for an executor (its heap is " + heap + " MB, shared by " + (cores == null ? "the tasks running on it" : cores + " tasks")
				+ " at once): give the executors more memory (spark.executor.memory) or fewer cores each (spark.executor.cores)";
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
