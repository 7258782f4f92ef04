package lesionradiomics.io.dicom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the DICOM reader: valid seeds (an image slice in four syntaxes with defined and undefined lengths,
 * a structure set) are mutated — bytes flipped, lengths set past the end or to undefined, files truncated, sequences
 * nested deeply — and read as a series and as a structure set. Each case gives a result or a
 * {@link DicomFormatException} naming the file; never another exception, a hang or an OutOfMemoryError.
 */
class DicomFuzzTest {

	@TempDir
	Path dir;

	static final int CASES = 1200;

	static List<byte[]> seeds() {
		List<byte[]> seeds = new ArrayList<>();
		TestDicom.Ds slice = TestDicom.ctSlice("1.2.9", 1, 4, 3, new double[] { 0, 0, 0 }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, -1024, (x, y) -> x * y)
				.seq(0x00120064, new TestDicom.Ds().str(0x00080100, "SH", "113100"));
		for (TestDicom.Syntax s : List.of(TestDicom.IMPLICIT, TestDicom.EXPLICIT, TestDicom.BIG, TestDicom.DEFLATED))
			for (boolean u : new boolean[] { false, true }) seeds.add(TestDicom.part10(slice, s, u));
		seeds.add(TestDicom.encode(slice, TestDicom.IMPLICIT, true));
		TestDicom.Ds rs = new TestDicom.Ds().str(0x00080016, "UI", Tags.RTSTRUCT_CLASS).str(0x00080060, "CS", "RTSTRUCT")
				.seq(0x30060020, new TestDicom.Ds().ds(0x30060022, 1).str(0x30060026, "LO", "GTV"))
				.seq(0x30060039, new TestDicom.Ds().ds(0x30060084, 1).seq(0x30060040, new TestDicom.Ds().str(0x30060042, "CS", "CLOSED_PLANAR")
						.ds(0x30060050, 0.5, 0.5, 0, 2.5, 0.5, 0, 2.5, 1.5, 0)));
		seeds.add(TestDicom.part10(rs, TestDicom.IMPLICIT, true));
		seeds.add(TestDicom.part10(rs, TestDicom.EXPLICIT, false));
		return seeds;
	}

	static byte[] mutate(byte[] seed, SplittableRandom r) {
		byte[] b = seed.clone();
		switch (r.nextInt(5)) {
		case 0: // flip some bytes
			for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
			return b;
		case 1: // truncate
			return java.util.Arrays.copyOf(b, r.nextInt(b.length));
		case 2: { // a 4-byte length (anywhere) set past the end, to undefined or to a huge value
			int at = 132 + r.nextInt(Math.max(1, b.length - 136));
			int v = switch (r.nextInt(3)) { case 0 -> -1; case 1 -> b.length + r.nextInt(1000); default -> Integer.MAX_VALUE - r.nextInt(10); };
			ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(Math.min(at, b.length - 4), v);
			return b;
		}
		case 3: { // a 2-byte length
			int at = 132 + r.nextInt(Math.max(1, b.length - 134));
			ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(Math.min(at, b.length - 2), (short) r.nextInt(65536));
			return b;
		}
		default: { // deep nesting: append undefined-length sequences and items, never closed
			ByteBuffer x = ByteBuffer.allocate(b.length + 16 * 200).order(ByteOrder.LITTLE_ENDIAN);
			x.put(b);
			for (int i = 0; i < 200; i++) x.putShort((short) 0x0040).putShort((short) 0x0275).putInt(-1).putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(-1);
			return x.array();
		}
		}
	}

	@Test
	void mutatedFilesGiveOnlyFormatErrorsNamingTheFile() throws IOException {
		List<byte[]> seeds = seeds();
		SplittableRandom random = new SplittableRandom(20260202);
		Path folder = Files.createDirectories(dir.resolve("case"));
		int errors = 0;
		for (int c = 0; c < CASES; c++) {
			byte[] data = mutate(seeds.get(random.nextInt(seeds.size())), random);
			Path f = folder.resolve("f" + c + ".dcm");
			Files.write(f, data);
			String what = "case " + c;
			int[] e = new int[1];
			assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
				try {
					DicomObject d = DicomParser.read(f);
					DicomImage img = DicomSeries.assemble(List.of(d), folder);
					img.data().asVolume();
					RtStruct.rasterise(d, img, null);
				} catch (DicomFormatException x) {
					e[0]++;
					if (!x.getMessage().contains(f.getFileName().toString()) && !x.getMessage().contains(folder.toString())) fail(what + ": message does not name the file: " + x.getMessage());
					if (x.getMessage().lines().count() != 1) fail(what + ": not one line: " + x.getMessage());
				} catch (Throwable t) {
					fail(what + ": " + t + " instead of a DicomFormatException", t);
				}
			}, what);
			errors += e[0];
			Files.delete(f);
		}
		assertTrue(errors > CASES / 2, "most mutations are errors: " + errors);
	}
}
