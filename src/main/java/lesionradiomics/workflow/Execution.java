package lesionradiomics.workflow;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import lesionradiomics.progress.Progress;

/**
 * Where and how a workflow runs: the executor its parallel steps share (owned by the caller, who closes it) and the
 * progress listener that reports and cancels. One thread means no executor: the work runs on the calling thread.
 */
public final class Execution implements AutoCloseable {

	private final ExecutorService executor;
	private final int threads;
	private final Progress progress;

	private Execution(ExecutorService executor, int threads, Progress progress) {
		this.executor = executor;
		this.threads = threads;
		this.progress = progress;
	}

	/**
	 * @param threads worker threads; 0 means all cores
	 * @throws IllegalArgumentException for a negative count
	 */
	public static Execution of(int threads, Progress progress) {
		if (threads < 0) throw new IllegalArgumentException("threads must be 0 (all cores) or more, is " + threads);
		int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
		if (n == 1) return new Execution(null, 1, progress);
		AtomicInteger count = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
			Thread t = new Thread(r, "lesion-radiomics-" + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		return new Execution(pool, n, progress);
	}

	/** Everything on the calling thread, no progress. */
	public static Execution serial() {
		return new Execution(null, 1, Progress.NONE);
	}

	/** The shared executor, or null: run on the calling thread. */
	public ExecutorService executor() { return executor; }
	public int threads() { return threads; }
	public Progress progress() { return progress; }

	/** The same executor with another progress listener (e.g. none for an inner step). */
	public Execution withProgress(Progress p) {
		return new Execution(executor, threads, p);
	}

	@Override
	public void close() {
		if (executor != null) executor.shutdownNow();
	}
}
