package lesionradiomics.volume;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/** A reader of a volume still being decoded gets the slices it waits for, never fewer, and the decoder's error. */
class SliceGateTest {

	@Test
	void aReaderWaitsForItsSlicesOnly() throws Exception {
		SliceGate gate = new SliceGate(10);
		gate.advance(4);
		gate.awaitThrough(3); // slices 0..3 are in: no wait
		CompletableFuture<Void> upToFive = CompletableFuture.runAsync(() -> gate.awaitThrough(5));
		assertThrows(TimeoutException.class, () -> upToFive.get(200, TimeUnit.MILLISECONDS), "slice 5 is not in yet");
		gate.advance(6);
		upToFive.get(5, TimeUnit.SECONDS);
	}

	@Test
	void theLastSliceComesOnlyWithTheCheckedStream() throws Exception {
		SliceGate gate = new SliceGate(3);
		gate.advance(3); // every pixel written, the checksum not yet read
		assertFalse(gate.complete());
		CompletableFuture<Void> all = CompletableFuture.runAsync(gate::awaitAll);
		assertThrows(TimeoutException.class, () -> all.get(200, TimeUnit.MILLISECONDS));
		gate.finish();
		all.get(5, TimeUnit.SECONDS);
		assertTrue(gate.complete());
		assertTrue(SliceGate.COMPLETE.complete());
		SliceGate.COMPLETE.awaitAll();
	}

	@Test
	void aDecodingErrorReachesEveryWaitingReader() throws Exception {
		SliceGate gate = new SliceGate(8);
		gate.advance(2);
		CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> gate.awaitThrough(6));
		Thread.sleep(50);
		IOException problem = new IOException("x.nrrd: truncated gzip data");
		gate.fail(problem);
		Throwable thrown = assertThrows(java.util.concurrent.ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS)).getCause();
		assertTrue(thrown instanceof UncheckedIOException, String.valueOf(thrown));
		assertSame(problem, thrown.getCause());
		gate.awaitThrough(1); // slices that did arrive stay readable
		assertSame(problem, assertThrows(UncheckedIOException.class, gate::awaitAll).getCause());
	}
}
