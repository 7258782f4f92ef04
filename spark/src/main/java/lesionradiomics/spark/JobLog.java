package lesionradiomics.spark;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.filter.ThresholdFilter;

/**
 * The driver's logging: the job's quiet log4j2 configuration (or the verbose one) unless the user has one of their own
 * (a {@code log4j2.*} file on the class path, e.g. in {@code $SPARK_HOME/conf}, or {@code -Dlog4j2.configurationFile}).
 * Under spark-submit, Spark has already started log4j2 with its built-in defaults when the job starts, so the
 * configuration is switched rather than only named. Log4j2 and SLF4J are those Spark 3.5 ships (the pom pins them).
 */
final class JobLog {

	private JobLog() {}

	private static final AtomicReference<String> LAST_ERROR = new AtomicReference<>();

	/**
	 * The last ERROR line Spark logged: why a SparkContext was stopped behind the job's back ("Application has been
	 * killed. Reason: All masters are unresponsive! Giving up."), for the failed application's last line.
	 */
	static String lastError() {
		return LAST_ERROR.get();
	}

	static void configure(boolean verbose) {
		choose(verbose);
		LoggerContext context = (LoggerContext) LogManager.getContext(JobLog.class.getClassLoader(), false);
		Configuration c = context.getConfiguration();
		AbstractAppender errors = new AbstractAppender("lesionradiomics-last-error", ThresholdFilter.createFilter(Level.ERROR, Filter.Result.ACCEPT, Filter.Result.DENY),
				null, true, Property.EMPTY_ARRAY) {
			@Override
			public void append(LogEvent e) {
				LAST_ERROR.set(JobListener.firstLine(e.getMessage().getFormattedMessage()));
			}
		};
		errors.start();
		c.addAppender(errors);
		c.getRootLogger().addAppender(errors, Level.ERROR, null);
		context.updateLoggers();
	}

	private static void choose(boolean verbose) {
		if (System.getProperty("log4j2.configurationFile") != null || System.getProperty("log4j.configurationFile") != null) return;
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		for (String name : new String[] {"log4j2.properties", "log4j2.xml", "log4j2.yaml", "log4j2.yml", "log4j2.json"})
			if (loader != null && loader.getResource(name) != null) return;
		URL ours = JobLog.class.getResource(verbose ? "log4j2-verbose.properties" : "log4j2-quiet.properties");
		System.setProperty("log4j2.configurationFile", ours.toString()); // read if log4j2 has not started yet (java -jar)
		LoggerContext context = (LoggerContext) LogManager.getContext(JobLog.class.getClassLoader(), false);
		Configuration current = context.getConfiguration();
		String location = current.getConfigurationSource() == null ? null : current.getConfigurationSource().getLocation();
		if (location == null || !location.equals(ours.toString()))
			try {
				context.setConfigLocation(ours.toURI()); // started already (spark-submit, with Spark's defaults)
			} catch (URISyntaxException e) {
				throw new IllegalStateException(e);
			}
	}
}
