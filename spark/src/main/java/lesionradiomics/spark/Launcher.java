package lesionradiomics.spark;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The job jar's entry point. Under spark-submit, Spark is on the class path and the job starts at once; started as
 * {@code java -jar lesion-radiomics-spark.jar --master URL ...} it loads the job with the jars of the {@code lib/}
 * folder beside it and Spark: that of {@code $SPARK_HOME} when set (its {@code jars/}, with YARN's and Kubernetes'
 * modules, and its {@code conf/}), else {@code lib/spark/} (Spark 3.5's core: local and standalone masters), so no
 * Spark installation is needed. On a cluster the job ships the job jar and {@code lib/} to the executors itself
 * ({@code spark.jars}). The jar's manifest opens the JDK packages Spark 3.5 needs on Java 17 ({@code Add-Opens}).
 */
public final class Launcher {

	private Launcher() {}

	public static void main(String[] args) throws Exception {
		ClassLoader loader;
		try {
			Class.forName("org.apache.spark.SparkConf");
			loader = Launcher.class.getClassLoader();
		} catch (ClassNotFoundException e) {
			Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path lib = jar.getParent().resolve("lib");
			if (!Files.isDirectory(lib)) {
				System.err.println("error: Spark is not on the class path and " + lib + " (the job's libraries) is missing: run it with spark-submit, or keep lib/ beside the jar");
				System.exit(2);
			}
			List<URL> urls = new ArrayList<>(List.of(jar.toUri().toURL()));
			String home = System.getenv("SPARK_HOME");
			Path sparkJars = home != null && Files.isDirectory(Path.of(home, "jars")) ? Path.of(home, "jars") : lib.resolve("spark");
			if (home != null && Files.isDirectory(Path.of(home, "conf"))) urls.add(Path.of(home, "conf").toUri().toURL()); // log4j2.properties
			for (Path dir : List.of(lib, sparkJars))
				if (Files.isDirectory(dir))
					try (Stream<Path> s = Files.list(dir)) {
						for (Path p : (Iterable<Path>) s.sorted()::iterator) if (p.toString().endsWith(".jar")) urls.add(p.toUri().toURL());
					}
			loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
		}
		Thread.currentThread().setContextClassLoader(loader);
		loader.loadClass("lesionradiomics.spark.SparkCohort").getMethod("main", String[].class).invoke(null, (Object) args);
	}
}
