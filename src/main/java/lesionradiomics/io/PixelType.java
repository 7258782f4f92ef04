package lesionradiomics.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteOrder;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import lesionradiomics.volume.SliceGate;

/** Scalar pixel types of NRRD and NIfTI files, and how to wrap their raw bytes as ImgLib2 images. */
public enum PixelType {
	INT8(1, true), UINT8(1, true), INT16(2, true), UINT16(2, true), INT32(4, true), UINT32(4, true), INT64(8, true),
	UINT64(8, true), FLOAT32(4, false), FLOAT64(8, false);

	private final int bytes;
	private final boolean integer;

	PixelType(int bytes, boolean integer) {
		this.bytes = bytes;
		this.integer = integer;
	}

	public int bytes() { return bytes; }
	public boolean isInteger() { return integer; }

	/** NRRD's type names (all synonyms of the NRRD0004 specification). */
	public static PixelType fromNrrd(String name) {
		switch (name.trim().toLowerCase()) {
		case "signed char": case "int8": case "int8_t": return INT8;
		case "uchar": case "unsigned char": case "uint8": case "uint8_t": return UINT8;
		case "short": case "short int": case "signed short": case "signed short int": case "int16": case "int16_t": return INT16;
		case "ushort": case "unsigned short": case "unsigned short int": case "uint16": case "uint16_t": return UINT16;
		case "int": case "signed int": case "int32": case "int32_t": return INT32;
		case "uint": case "unsigned int": case "uint32": case "uint32_t": return UINT32;
		case "longlong": case "long long": case "long long int": case "signed long long": case "signed long long int":
		case "int64": case "int64_t": return INT64;
		case "ulonglong": case "unsigned long long": case "unsigned long long int": case "uint64": case "uint64_t": return UINT64;
		case "float": return FLOAT32;
		case "double": return FLOAT64;
		default: return null;
		}
	}

	/** A source of pixel bytes that fills a buffer from its position to its limit. */
	interface ByteSource {
		void fill(ByteBuffer out) throws IOException;
	}

	/** Wraps the remaining bytes of an in-memory buffer (exactly {@code n * bytes()}) as an image. */
	public Img<? extends RealType<?>> wrap(ByteBuffer data, ByteOrder order, long[] dims) throws IOException {
		ByteBuffer src = data.slice();
		return read(out -> {
			ByteBuffer part = src.slice();
			part.limit(out.remaining());
			out.put(part);
			src.position(src.position() + part.limit());
		}, order, dims);
	}

	/**
	 * Reads {@code dims} pixels from {@code source} into a new primitive array wrapped as an image. Bytes pass through
	 * a small reusable buffer, so each large array is written once (a volume's page faults are paid once, not three
	 * times as with inflate-to-buffer-then-copy).
	 */
	Img<? extends RealType<?>> read(ByteSource source, ByteOrder order, long[] dims) throws IOException {
		Object array = allocate(dims);
		fill(source, array, order, null);
		return image(array, dims);
	}

	/** A primitive array for {@code dims} pixels of this type (at most 2 GB: checked by {@link #checkAnnounced}). */
	private Object allocate(long[] dims) throws IOException {
		long count = dims[0] * dims[1] * dims[2];
		if (count * bytes > Integer.MAX_VALUE - 16) throw new IOException("volume too large (" + count * bytes + " bytes)");
		int n = (int) count;
		switch (this) {
		case INT8: case UINT8: return new byte[n];
		case INT16: case UINT16: return new short[n];
		case INT32: case UINT32: return new int[n];
		case INT64: case UINT64: return new long[n];
		case FLOAT32: return new float[n];
		default: return new double[n];
		}
	}

	/**
	 * Fills {@code array} from {@code source} in order, telling {@code filled} (when not null) how many pixels are in
	 * after each chunk.
	 */
	private void fill(ByteSource source, Object array, ByteOrder order, java.util.function.IntConsumer filled) throws IOException {
		int n = java.lang.reflect.Array.getLength(array);
		// bytes need no conversion: inflated straight into the array, in one go unless the filling is watched; other
		// types through a direct chunk: inflate writes into it natively and the (byte-swapping) bulk copies below are
		// intrinsics even before the JIT warms up
		byte[] byteArray = array instanceof byte[] a ? a : null;
		ByteBuffer chunk = byteArray != null ? null : ByteBuffer.allocateDirect(1 << 20).order(order);
		int perChunk = byteArray == null ? chunk.capacity() / bytes : filled == null ? n : 1 << 20;
		for (int done = 0; done < n;) {
			int len = Math.min(perChunk, n - done);
			if (byteArray != null) source.fill(ByteBuffer.wrap(byteArray, done, len));
			else {
				chunk.clear().limit(len * bytes);
				source.fill(chunk);
				chunk.flip();
				switch (this) {
				case INT16: case UINT16: chunk.asShortBuffer().get((short[]) array, done, len); break;
				case INT32: case UINT32: chunk.asIntBuffer().get((int[]) array, done, len); break;
				case INT64: case UINT64: chunk.asLongBuffer().get((long[]) array, done, len); break;
				case FLOAT32: chunk.asFloatBuffer().get((float[]) array, done, len); break;
				default: chunk.asDoubleBuffer().get((double[]) array, done, len); break;
				}
			}
			done += len;
			if (filled != null) filled.accept(done);
		}
	}

	/** {@code array} wrapped as an image of this type. */
	private Img<? extends RealType<?>> image(Object array, long[] dims) {
		switch (this) {
		case INT8: return ArrayImgs.bytes((byte[]) array, dims);
		case UINT8: return ArrayImgs.unsignedBytes((byte[]) array, dims);
		case INT16: return ArrayImgs.shorts((short[]) array, dims);
		case UINT16: return ArrayImgs.unsignedShorts((short[]) array, dims);
		case INT32: return ArrayImgs.ints((int[]) array, dims);
		case UINT32: return ArrayImgs.unsignedInts((int[]) array, dims);
		case INT64: return ArrayImgs.longs((long[]) array, dims);
		case UINT64: return ArrayImgs.unsignedLongs((long[]) array, dims);
		case FLOAT32: return ArrayImgs.floats((float[]) array, dims);
		default: return ArrayImgs.doubles((double[]) array, dims);
		}
	}

	/**
	 * Checks a header's announced volume before anything is allocated: at most 2 GB, no more than the free heap (the
	 * message says what to change), and no more than {@code available} stored bytes can hold (deflate cannot expand
	 * data more than ~1032 times, so a larger announcement is a truncated file or a wrong header).
	 */
	void checkAnnounced(Path file, long[] dims, long available, boolean gzip, long skip) throws VolumeFormatException {
		double voxels = (double) dims[0] * dims[1] * dims[2];
		if (voxels * bytes > Integer.MAX_VALUE - 16)
			throw new VolumeFormatException(file, String.format(java.util.Locale.ROOT,
					"the header announces %d x %d x %d voxels (%.1f GB); volumes of up to 2 GB are supported", dims[0], dims[1], dims[2],
					voxels * bytes / 1e9));
		long expected = dims[0] * dims[1] * dims[2] * bytes;
		if (gzip && (double) available * 1100 + 4096 < expected + skip)
			throw new VolumeFormatException(file, "truncated gzip data: " + available + " compressed bytes cannot hold the " + expected
					+ " bytes of pixels the header announces");
		checkHeap(file, expected);
	}

	/** Refuses, naming the file and the fix, a volume that cannot fit into the Java heap (instead of an OutOfMemoryError). */
	static void checkHeap(Path file, long bytes) throws VolumeFormatException {
		Runtime rt = Runtime.getRuntime();
		long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (bytes > free)
			throw new VolumeFormatException(file, String.format(java.util.Locale.ROOT,
					"its pixels need %.1f GB but only %.1f GB of the Java heap are free; give Java more memory (e.g. java -Xmx16g ...)", bytes / 1e9,
					free / 1e9));
	}

	/**
	 * Reads {@code dims} pixels from {@code file} starting at byte {@code offset} (then skipping {@code skip} bytes of
	 * the decoded stream): memory-mapped, inflated chunk by chunk when gzip-compressed.
	 */
	public Img<? extends RealType<?>> read(Path file, long offset, long skip, boolean gzip, ByteOrder order, long[] dims) throws IOException {
		return decode(file, offset, skip, gzip, order, dims, false).image();
	}

	/** An image and which of its slices are in ({@link SliceGate#COMPLETE} once read whole). */
	record Decoding(Img<? extends RealType<?>> image, SliceGate gate) {}

	/**
	 * As {@link #read}; with {@code inBackground}, gzip data is inflated on a thread of its own and the image returned
	 * at once, its slices announced through the gate as they are filled (and a decoding error through it too). The
	 * file's size and the announced volume are checked before either returns.
	 */
	Decoding decode(Path file, long offset, long skip, boolean gzip, ByteOrder order, long[] dims, boolean inBackground) throws IOException {
		long expected = dims[0] * dims[1] * dims[2] * bytes;
		ByteBuffer mapped;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			long available = ch.size() - offset;
			if (available < 0) throw new VolumeFormatException(file, "file ends before its pixel data");
			if (available > Integer.MAX_VALUE) throw new VolumeFormatException(file, "file too large");
			checkAnnounced(file, dims, available, gzip, skip);
			mapped = ch.map(FileChannel.MapMode.READ_ONLY, offset, available); // stays valid once the channel is closed
			if (!gzip) {
				if (available < expected + skip)
					throw new VolumeFormatException(file, "truncated data: expected " + expected + " bytes of pixels, found " + Math.max(0, available - skip));
				mapped.position((int) skip).limit((int) (skip + expected));
				return new Decoding(wrap(mapped, order, dims), SliceGate.COMPLETE);
			}
		}
		Object array = allocate(dims);
		Img<? extends RealType<?>> image = image(array, dims);
		if (!inBackground) {
			inflate(file, mapped, skip, array, order, null);
			return new Decoding(image, SliceGate.COMPLETE);
		}
		SliceGate gate = new SliceGate(dims[2]);
		long plane = dims[0] * dims[1];
		Thread decoder = new Thread(() -> {
			try {
				inflate(file, mapped, skip, array, order, done -> gate.advance(done / plane));
				gate.finish();
			} catch (IOException e) {
				gate.fail(e);
			} catch (OutOfMemoryError e) {
				gate.fail(new VolumeFormatException(file, "not enough memory to decode its pixels; give Java more memory (java -Xmx16g ...)"));
			} catch (RuntimeException e) {
				gate.fail(new VolumeFormatException(file, "unreadable pixel data (" + e + ")", e));
			}
		}, "inflate " + file.getFileName());
		decoder.setDaemon(true); // a run that stops on another error does not wait for it
		decoder.start();
		return new Decoding(image, gate);
	}

	private void inflate(Path file, ByteBuffer mapped, long skip, Object array, ByteOrder order, java.util.function.IntConsumer filled) throws IOException {
		Gzip gz = new Gzip(file, mapped);
		try {
			if (skip > 0) gz.inflateFully(ByteBuffer.allocate((int) skip));
			fill(gz::inflateFully, array, order, filled);
		} finally {
			gz.close();
		}
	}
}
