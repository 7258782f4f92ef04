package lesionradiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

/**
 * {@link NrrdReader#readStreaming}: the image it returns at once holds, once waited for, exactly what
 * {@link NrrdReader#read} gives; a damaged stream is reported when the pixels are used, naming the file.
 */
class StreamingReadTest {

	@TempDir
	Path dir;

	/** 130 × 97 × 45 voxels: several of the reader's 1 MB chunks for every type, and slices that end inside a chunk. */
	private static final int NX = 130, NY = 97, NZ = 45;

	private static double[] values(double offset) {
		double[] v = new double[NX * NY * NZ];
		for (int i = 0; i < v.length; i++) v[i] = (i * 7919L) % 200 + offset;
		return v;
	}

	private Path file(String name, String type, String encoding, byte[] data) throws IOException {
		String header = "NRRD0004\ntype: " + type + "\ndimension: 3\nsizes: " + NX + " " + NY + " " + NZ + "\nspacings: 0.8 0.8 2.5\nendian: little\nencoding: "
				+ encoding + "\n\n";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(header.getBytes(StandardCharsets.US_ASCII));
		out.write(data);
		Path p = dir.resolve(name);
		Files.write(p, out.toByteArray());
		return p;
	}

	private static double[] pixels(ImageData d) {
		double[] out = new double[NX * NY * NZ];
		RandomAccess<? extends RealType<?>> ra = d.asVolume().image().randomAccess();
		for (int z = 0, i = 0; z < NZ; z++)
			for (int y = 0; y < NY; y++)
				for (int x = 0; x < NX; x++, i++) out[i] = ra.setPositionAndGet(x, y, z).getRealDouble();
		return out;
	}

	@Test
	void streamedPixelsEqualThoseReadWhole() throws IOException {
		for (String type : new String[] { "uchar", "short", "ushort", "int", "float", "double" }) {
			// negative values where the type has them, fractions where it keeps them
			double[] v = values(type.startsWith("u") ? 0 : type.equals("float") || type.equals("double") ? -50.25 : -50);
			byte[] data = NrrdReaderTest.encode(type, v, ByteOrder.LITTLE_ENDIAN);
			for (boolean gz : new boolean[] { true, false }) {
				Path p = file("s.nrrd", type, gz ? "gzip" : "raw", gz ? NrrdReaderTest.gzip(data) : data);
				double[] whole = pixels(NrrdReader.read(p));
				assertArrayEquals(v, whole, 0, type);
				ImageData streamed = NrrdReader.readStreaming(p);
				// a reader that takes slices as they come: each slice's values once that slice is in
				RandomAccess<? extends RealType<?>> ra = streamed.asVolume().imageThrough(0).randomAccess();
				for (int x = 0; x < NX; x++) assertTrue(ra.setPositionAndGet(x, 0, 0).getRealDouble() == v[x], type + " slice 0");
				assertArrayEquals(whole, pixels(streamed), 0, type + (gz ? " gzip" : " raw") + " streamed");
			}
		}
	}

	@Test
	void aDamagedStreamIsReportedWhenThePixelsAreUsed() throws IOException {
		byte[] gz = NrrdReaderTest.gzip(NrrdReaderTest.encode("short", values(0), ByteOrder.LITTLE_ENDIAN));
		Path truncated = file("truncated.nrrd", "short", "gzip", Arrays.copyOf(gz, gz.length * 2 / 3));
		byte[] flipped = gz.clone();
		flipped[flipped.length - 6] ^= 0x5a; // the CRC: every pixel decodes, the check fails at the end
		Path badChecksum = file("checksum.nrrd", "short", "gzip", flipped);
		for (Path p : new Path[] { truncated, badChecksum }) {
			ImageData d = NrrdReader.readStreaming(p); // the header is fine
			Throwable e = assertThrows(UncheckedIOException.class, () -> d.asVolume().image()).getCause();
			assertTrue(e instanceof VolumeFormatException && e.getMessage().contains(p.getFileName().toString()) && e.getMessage().contains("gzip"),
					String.valueOf(e));
			assertThrows(UncheckedIOException.class, d::stored);
		}
	}
}
