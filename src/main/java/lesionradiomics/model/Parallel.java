package lesionradiomics.model;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import lesionradiomics.progress.Progress;

/**
 * Independent fits (trees, CV folds) on a pool of their own: {@link lesionradiomics.progress.Parallel#map} (results in
 * index order, so they do not depend on the thread count; a task's exception rethrown as is) on a pool that lives for
 * the call, as the model fitters take a thread count, not an executor.
 */
final class Parallel {

	private Parallel() {}

	/** task(0) … task(n − 1) on {@code threads} threads (≤ 1: in this thread). */
	static <T> List<T> map(int n, int threads, IntFunction<T> task) {
		ExecutorService pool = threads > 1 && n > 1 ? Executors.newFixedThreadPool(threads) : null;
		try {
			return lesionradiomics.progress.Parallel.map(IntStream.range(0, n).boxed().toList(), task::apply, pool, null, Progress.NONE, "fits");
		} finally {
			if (pool != null) pool.shutdownNow();
		}
	}
}
