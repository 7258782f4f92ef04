package lesionradiomics.progress;

/**
 * How long-running core work reports progress and learns that the user cancelled. Commands adapt it to SciJava's
 * status service or Fiji's progress bar, the CLI to a progress line. Implementations must be thread-safe: parallel
 * workers call them concurrently.
 */
public interface Progress {

	/** {@code done} of {@code total} units of {@code what} are finished. */
	void update(String what, long done, long total);

	/** True once the user asked to stop; the core then stops at the next unit and throws {@link CancelledException}. */
	default boolean isCancelled() { return false; }

	/** A progress that reports nothing and never cancels. */
	Progress NONE = (what, done, total) -> {};

	/** Throws {@link CancelledException} when cancelled. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}

	/** Thrown by the core when the user cancelled; nothing half-written is left behind. */
	final class CancelledException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public CancelledException() {
			super("cancelled by the user");
		}
	}
}
