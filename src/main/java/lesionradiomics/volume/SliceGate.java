package lesionradiomics.volume;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How much of a volume that is still being decoded can be read: its slices (z) arrive in order, and a reader waits
 * for the ones it needs. Lets a lesion near the top of a compressed image be extracted while the rest of it is still
 * inflating. The decoder's writes into the pixel array happen before a reader's return from a wait (the count is
 * volatile, written after the pixels), so a reader sees every pixel of the slices it waited for. A decoding error
 * (a truncated or corrupted file) is kept and thrown to every waiting reader; the last slice is announced only once
 * the whole stream was read and its checksum held, so {@link #awaitAll} returning means the file was read whole.
 */
public final class SliceGate {

	/** The gate of a volume read whole. */
	public static final SliceGate COMPLETE = new SliceGate(0);

	private final long slices;
	/** Slices [0, ready) are in. */
	private volatile long ready;
	private volatile IOException failure;

	/** A gate for a volume of {@code slices} slices, none of them in yet. */
	public SliceGate(long slices) {
		this.slices = slices;
	}

	/**
	 * Slices [0, count) are in (called by the decoder, in increasing counts). The last slice is only announced by
	 * {@link #finish}: until the whole stream is checked, the volume is not complete.
	 */
	public synchronized void advance(long count) {
		ready = Math.min(count, slices - 1);
		notifyAll();
	}

	/** The whole volume is in and its stream checked. */
	public synchronized void finish() {
		ready = slices;
		notifyAll();
	}

	/** Decoding stopped with this error: waiting readers are woken and get it. */
	public synchronized void fail(IOException e) {
		failure = e;
		notifyAll();
	}

	/** Whether every slice is in. */
	public boolean complete() {
		return ready >= slices;
	}

	/**
	 * Waits until slices [0, lastZ] are in; throws the decoder's error when it stopped before them.
	 *
	 * @throws UncheckedIOException with the file's problem as cause
	 */
	public void awaitThrough(long lastZ) {
		long needed = Math.min(lastZ + 1, slices);
		if (ready >= needed) return;
		synchronized (this) {
			while (ready < needed) {
				if (failure != null) throw new UncheckedIOException(failure);
				try {
					wait();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while the image was being read"));
				}
			}
		}
	}

	/** Waits for the whole volume, checked; throws the decoder's error. */
	public void awaitAll() {
		awaitThrough(slices - 1);
	}
}
