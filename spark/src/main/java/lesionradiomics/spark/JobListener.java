package lesionradiomics.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.TaskFailedReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;

/**
 * Says on the driver, in one line each, what Spark's scheduler does behind the job's back: a task attempt that failed
 * (with the patient it was extracting: every patient is a job of one stage and one task, tagged with
 * {@link #PATIENT}), and an executor that was lost.
 */
final class JobListener extends SparkListener {

	/** The job property naming the patient a job extracts. */
	static final String PATIENT = "lesionradiomics.patient";

	private final Logger log;
	private final Map<Integer, String> patientOfStage = new ConcurrentHashMap<>();

	JobListener(Logger log) {
		this.log = log;
	}

	@Override
	public void onStageSubmitted(SparkListenerStageSubmitted e) {
		String id = e.properties() == null ? null : e.properties().getProperty(PATIENT);
		if (id != null) patientOfStage.put(e.stageInfo().stageId(), id);
	}

	@Override
	public void onTaskEnd(SparkListenerTaskEnd e) {
		if (!(e.reason() instanceof TaskFailedReason failure) || failure instanceof TaskKilled) return;
		String id = patientOfStage.getOrDefault(e.stageId(), "?");
		log.warn("patient {}: task attempt {} failed on executor {} ({}){}", id, e.taskInfo().attemptNumber() + 1, e.taskInfo().executorId(),
				firstLine(failure.toErrorString()), failure.countTowardsTaskFailures() ? "" : "; not counted as the task's failure");
	}

	@Override
	public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
		log.warn("executor {} lost ({}); its tasks run again on the other executors", e.executorId(), firstLine(e.reason()));
	}

	static String firstLine(String s) {
		if (s == null) return "no reason given";
		int n = s.indexOf('\n');
		return (n < 0 ? s : s.substring(0, n)).strip();
	}
}
