package lesionradiomics.cli;

import java.io.PrintStream;

import lesionradiomics.progress.Progress;

/** A progress line on standard error: rewritten in place on a terminal, a line every few seconds otherwise. */
final class CliProgress implements Progress {

	private final PrintStream out;
	private final boolean terminal = System.console() != null;
	private final long start = System.nanoTime();
	private long lastPrint;

	CliProgress(PrintStream out) {
		this.out = out;
	}

	@Override
	public synchronized void update(String what, long done, long total) {
		long now = System.nanoTime();
		if (done < total && now - lastPrint < (terminal ? 200_000_000L : 5_000_000_000L)) return;
		lastPrint = now;
		double seconds = (now - start) / 1e9;
		double rate = done / Math.max(seconds, 1e-9);
		String eta = done > 0 && done < total ? String.format(", %.0f s left", (total - done) / rate) : "";
		String line = String.format("%s %d/%d (%.1f/s%s)", what, done, total, rate, eta);
		if (terminal) out.print("\r" + line + (done >= total ? "\n" : ""));
		else out.println(line);
		out.flush();
	}
}
