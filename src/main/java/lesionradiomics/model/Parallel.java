package lesionradiomics.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Independent fits (trees, CV folds) on a few threads, collected in index order so results do not depend on the thread count. */
final class Parallel {

	private Parallel() {}

	/** task(0) … task(n − 1), on {@code threads} threads (≤ 1: in this thread); a task's exception is rethrown as is. */
	static <T> List<T> map(int n, int threads, IntFunction<T> task) {
		List<T> out = new ArrayList<>(n);
		if (threads <= 1) {
			for (int i = 0; i < n; i++) out.add(task.apply(i));
			return out;
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<T>> futures = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> task.apply(index)));
			}
			for (Future<T> f : futures) out.add(f.get());
			return out;
		} catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException re) throw re;
			throw new IllegalStateException(e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		} finally {
			pool.shutdownNow();
		}
	}
}
