package lesionradiomics.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Runs independent units of work (lesions, patients) on an executor the caller owns, reporting progress and honouring
 * cancellation. Results come back in input order whatever the executor and scheduling order, so output never depends
 * on the thread count. With a {@code null} executor the work runs on the calling thread.
 */
public final class Parallel {

	private Parallel() {}

	/**
	 * {@code f} applied to every item, results in item order.
	 *
	 * @param schedule order in which the units are started (e.g. largest lesion first, to keep all cores busy until
	 *                 the end), or null for input order
	 */
	public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f, Executor executor, Comparator<? super T> schedule,
			Progress progress, String what) {
		int total = items.size();
		long[] done = { 0 };
		Function<T, R> unit = item -> {
			progress.checkCancelled();
			R r = f.apply(item);
			synchronized (done) {
				progress.update(what, ++done[0], total);
			}
			return r;
		};
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < total; i++) order.add(i);
		if (schedule != null) order.sort((a, b) -> schedule.compare(items.get(a), items.get(b)));
		if (executor == null || total < 2) { // in this thread, in the same order
			List<R> out = new ArrayList<>(java.util.Collections.nCopies(total, (R) null));
			for (int i : order) out.set(i, unit.apply(items.get(i)));
			return out;
		}
		List<CompletableFuture<R>> futures = new ArrayList<>(total);
		for (int i = 0; i < total; i++) futures.add(null);
		for (int i : order) futures.set(i, CompletableFuture.supplyAsync(() -> unit.apply(items.get(i)), executor));
		List<R> out = new ArrayList<>(total);
		try {
			for (CompletableFuture<R> fu : futures) out.add(fu.join());
		} catch (CompletionException e) {
			for (CompletableFuture<R> fu : futures) fu.cancel(false);
			Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IllegalStateException(c);
		}
		return out;
	}
}
