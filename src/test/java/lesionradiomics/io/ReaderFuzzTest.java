package lesionradiomics.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.volume.Geometry;

/**
 * Seeded fuzzing of the NRRD and NIfTI readers: thousands of mutated headers, flipped bytes and truncated bodies give
 * either a volume or the reader's {@link VolumeFormatException} naming the file — never another exception, a hang or
 * an OutOfMemoryError.
 */
class ReaderFuzzTest {

	@TempDir
	Path dir;

	static final int CASES = 1500;

	/** Values a mutated header number becomes: the awkward ones first. */
	static final String[] NUMBERS = { "0", "-1", "-40", "1", "2", "3", "4", "65536", "2147483647", "2147483648", "-2147483648", "99999999999999999999",
			"1e308", "-0", "NaN", "inf", "abc", "", "3.5", "0x10", "1 2", "4000000000" };

	static void readExpectingOnlyFormatErrors(Path file, String what) {
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			try {
				ImageData d = VolumeReaders.read(file);
				d.asVolume();
			} catch (VolumeFormatException e) {
				if (!e.getMessage().contains(file.getFileName().toString())) fail(what + ": message does not name the file: " + e.getMessage());
			} catch (Throwable t) {
				fail(what + ": " + t + " instead of a VolumeFormatException", t);
			}
		}, what);
	}

	@Test
	void mutatedNrrdFiles() throws IOException {
		long[] dims = { 6, 5, 4 };
		short[] pixels = new short[120];
		for (int i = 0; i < pixels.length; i++) pixels[i] = (short) (i * 7 - 100);
		Geometry g = Geometry.of(dims, new double[] { 0.8, 0.8, 2 });
		List<byte[]> seeds = new ArrayList<>();
		for (boolean gzip : new boolean[] { true, false }) {
			Path p = dir.resolve("seed" + gzip + ".nrrd");
			NrrdWriter.writeShorts(p, pixels, g, gzip);
			seeds.add(Files.readAllBytes(p));
		}
		SplittableRandom r = new SplittableRandom(20261124L);
		for (int c = 0; c < CASES; c++) {
			byte[] seed = seeds.get(c % 2);
			String text = new String(seed, StandardCharsets.ISO_8859_1);
			int headerEnd = text.indexOf("\n\n") + 2;
			String header = text.substring(0, headerEnd), body = text.substring(headerEnd);
			String[] lines = header.split("\n", -1);
			int mutations = 1 + r.nextInt(3);
			for (int m = 0; m < mutations; m++) {
				int l = 1 + r.nextInt(Math.max(1, lines.length - 2));
				switch (r.nextInt(5)) {
				case 0: // a number of the line becomes an awkward value
					lines[l] = lines[l].replaceFirst("-?[0-9][0-9.e+-]*", NUMBERS[r.nextInt(NUMBERS.length)]);
					break;
				case 1: // the line disappears
					lines[l] = "";
					break;
				case 2: // the value is cut
					lines[l] = lines[l].substring(0, r.nextInt(lines[l].length() + 1));
					break;
				case 3: // another known field with a strange value
					lines[l] = List.of("type: ", "encoding: ", "endian: ", "dimension: ", "byte skip: ", "data file: ", "space: ", "sizes: ")
							.get(r.nextInt(8)) + NUMBERS[r.nextInt(NUMBERS.length)];
					break;
				default: // a header line repeated
					lines[l] = lines[r.nextInt(lines.length)];
				}
			}
			String mutatedHeader = String.join("\n", lines);
			byte[] data = (mutatedHeader + body).getBytes(StandardCharsets.ISO_8859_1);
			if (r.nextInt(3) == 0) data = java.util.Arrays.copyOf(data, r.nextInt(data.length + 1)); // truncated
			if (r.nextInt(3) == 0 && data.length > headerEnd + 1) data[headerEnd + r.nextInt(data.length - headerEnd)] ^= (byte) (1 << r.nextInt(8));
			Path f = dir.resolve("fuzz" + c + ".nrrd");
			Files.write(f, data);
			readExpectingOnlyFormatErrors(f, "NRRD case " + c + " (header: " + mutatedHeader.replace("\n", " | ") + ")");
			Files.delete(f);
		}
	}

	@Test
	void mutatedNiftiFiles() throws IOException {
		SplittableRandom r = new SplittableRandom(348L);
		for (int c = 0; c < CASES; c++) {
			byte[] data = NiftiReaderTest.nifti(c % 3 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, 1, 1, 0, 0);
			int mutations = 1 + r.nextInt(4);
			for (int m = 0; m < mutations; m++) {
				int at = r.nextInt(10) < 7 ? 40 + 2 * r.nextInt(40) : r.nextInt(data.length); // mostly dims, type, pixdim, offsets
				switch (r.nextInt(3)) {
				case 0: data[at] ^= (byte) (1 << r.nextInt(8)); break;
				case 1: data[at] = (byte) r.nextInt(256); break;
				default: data[at] = (byte) (r.nextBoolean() ? 0x7f : 0x80);
				}
			}
			if (r.nextInt(3) == 0) data = java.util.Arrays.copyOf(data, r.nextInt(data.length + 1));
			boolean gz = r.nextBoolean();
			Path f = dir.resolve("fuzz" + c + (gz ? ".nii.gz" : ".nii"));
			Files.write(f, gz ? NrrdReaderTest.gzip(data) : data);
			readExpectingOnlyFormatErrors(f, "NIfTI case " + c);
			Files.delete(f);
		}
	}
}
