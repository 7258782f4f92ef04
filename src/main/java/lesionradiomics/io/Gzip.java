package lesionradiomics.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A gzip stream over an in-memory or memory-mapped buffer, inflated straight into the caller's buffers with native
 * calls, several times faster than pulling a large volume through {@link java.util.zip.GZIPInputStream}. Follows
 * multi-member streams and checks every member's CRC, so corrupted and truncated files are reported, never read as
 * wrong pixels.
 */
final class Gzip {

	private final Path file;
	private final ByteBuffer input;
	private Inflater inflater;
	private final CRC32 crc = new CRC32();
	private long produced;

	Gzip(Path file, ByteBuffer input) {
		this.file = file;
		this.input = input.slice().order(ByteOrder.LITTLE_ENDIAN);
	}

	/** Fills {@code out} (position to limit) with the next bytes of the stream. */
	void inflateFully(ByteBuffer out) throws VolumeFormatException {
		try {
			while (out.hasRemaining()) {
				if (inflater == null) startMember();
				int before = out.position();
				int n = inflater.inflate(out);
				crcUpdate(out, before, n);
				produced += n;
				if (inflater.finished()) {
					finishMember();
					continue;
				}
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary()))
					throw new VolumeFormatException(file, "truncated gzip data: the stream ends after " + produced + " bytes, more pixels were expected");
			}
		} catch (DataFormatException e) {
			throw new VolumeFormatException(file, "corrupted gzip data (" + e.getMessage() + ")", e);
		}
	}

	/** Releases the native inflater. */
	void close() {
		if (inflater != null) inflater.end();
	}

	private void crcUpdate(ByteBuffer out, int from, int n) {
		ByteBuffer view = out.duplicate();
		view.position(from).limit(from + n);
		crc.update(view);
	}

	private void startMember() throws VolumeFormatException {
		if (input.remaining() < 10)
			throw new VolumeFormatException(file, "truncated gzip data: the stream ends after " + produced + " bytes, more pixels were expected");
		int p = input.position();
		if ((input.get(p) & 0xff) != 0x1f || (input.get(p + 1) & 0xff) != 0x8b || input.get(p + 2) != 8)
			throw new VolumeFormatException(file, "corrupted gzip data (no gzip header where the pixels should start)");
		int flags = input.get(p + 3) & 0xff;
		p += 10;
		if ((flags & 4) != 0) p += 2 + (input.getShort(p) & 0xffff); // FEXTRA
		if ((flags & 8) != 0) while (p < input.limit() && input.get(p++) != 0) { } // FNAME
		if ((flags & 16) != 0) while (p < input.limit() && input.get(p++) != 0) { } // FCOMMENT
		if ((flags & 2) != 0) p += 2; // FHCRC
		if (p > input.limit()) throw new VolumeFormatException(file, "truncated gzip data (header)");
		input.position(p);
		inflater = new Inflater(true);
		inflater.setInput(input);
		crc.reset();
	}

	private void finishMember() throws VolumeFormatException {
		// the inflater consumed the deflate data from 'input'; the 8-byte trailer follows
		if (input.remaining() < 8) throw new VolumeFormatException(file, "truncated gzip data: the stream ends without its trailer");
		long stored = input.getInt() & 0xffffffffL;
		input.getInt(); // ISIZE
		inflater.end();
		inflater = null;
		if (stored != crc.getValue()) throw new VolumeFormatException(file, "corrupted gzip data (CRC mismatch)");
	}
}
