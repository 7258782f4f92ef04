package lesionradiomics.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset parser on files written from the standard by {@link TestDicom}, in every uncompressed syntax. */
class DicomParserTest {

	@TempDir
	Path dir;

	static TestDicom.Ds sample() {
		TestDicom.Ds inner = new TestDicom.Ds().str(0x00080100, "SH", "113100").str(0x00080104, "LO", "Basic Profile");
		TestDicom.Ds nested = new TestDicom.Ds().str(0x00200052, "UI", "1.2.3.99").seq(0x30060012, new TestDicom.Ds().seq(0x30060014,
				new TestDicom.Ds().str(0x0020000E, "UI", "1.2.3.77")));
		return new TestDicom.Ds().str(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.2").str(0x00080060, "CS", "CT").str(0x00100010, "PN", "Doe^J")
				.seq(0x00120064, inner, inner).put(0x00091010, "LO", "PRIVATE VALUE ".getBytes()).seq(0x30060010, nested)
				.ds(0x00200032, -129.882874, -3.906376, -816.62).us(0x00280010, 3).pixels16(new short[] { 1, -2, 300 });
	}

	static void check(DicomObject d) throws DicomFormatException {
		assertEquals("CT", d.string(Tags.MODALITY));
		assertEquals("Doe^J", d.string(0x00100010));
		assertEquals(2, d.sequence(0x00120064).size());
		assertEquals("Basic Profile", d.sequence(0x00120064).get(1).string(0x00080104));
		assertFalse(d.contains(0x00091010), "private element skipped");
		assertEquals(List.of("1.2.3.77"), DicomFolder.referencedSeries(d));
		assertArrayEquals(new double[] { -129.882874, -3.906376, -816.62 }, d.decimals(Tags.IMAGE_POSITION), 0);
		assertEquals(3, d.uint16(Tags.ROWS, -1));
		var px = d.bytes(Tags.PIXEL_DATA);
		assertEquals(-2, px.getShort(2));
		assertEquals(300, px.getShort(4));
	}

	@Test
	void everyUncompressedSyntaxWithDefinedAndUndefinedLengths() throws IOException {
		for (TestDicom.Syntax s : List.of(TestDicom.IMPLICIT, TestDicom.EXPLICIT, TestDicom.BIG, TestDicom.DEFLATED))
			for (boolean undefined : new boolean[] { false, true }) {
				Path f = dir.resolve("f.dcm");
				Files.write(f, TestDicom.part10(sample(), s, undefined));
				DicomObject d = DicomParser.read(f);
				assertEquals(s.uid(), d.transferSyntax());
				check(d);
			}
	}

	@Test
	void bareDatasetsWithoutPreamble() throws IOException {
		for (TestDicom.Syntax s : List.of(TestDicom.IMPLICIT, TestDicom.EXPLICIT)) {
			Path f = dir.resolve("bare");
			Files.write(f, TestDicom.encode(sample(), s, true));
			assertTrue(DicomParser.looksLikeDicom(f));
			check(DicomParser.read(f));
		}
	}

	@Test
	void compressedSyntaxIsRefusedWithItsNameAndHowToDecompress() throws IOException {
		Path f = dir.resolve("jpeg.dcm");
		Files.write(f, TestDicom.part10(sample(), new TestDicom.Syntax("1.2.840.10008.1.2.4.50", true, java.nio.ByteOrder.LITTLE_ENDIAN, false), false));
		DicomFormatException e = assertThrows(DicomFormatException.class, () -> DicomParser.read(f));
		assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.50 (JPEG Baseline)") && e.getMessage().contains("dcmdjpeg") && e.getMessage().contains("gdcmconv"),
				e.getMessage());
		assertEquals(1, e.getMessage().lines().count(), "one line");
	}

	@Test
	void notDicomAndTruncatedFilesAreFormatErrorsNamingTheFile() throws IOException {
		Path text = Files.writeString(dir.resolve("notes.txt"), "patient list\n");
		assertFalse(DicomParser.looksLikeDicom(text));
		assertTrue(assertThrows(DicomFormatException.class, () -> DicomParser.read(text)).getMessage().contains("not a DICOM file"));
		byte[] whole = TestDicom.part10(sample(), TestDicom.EXPLICIT, false);
		Path cut = dir.resolve("cut.dcm");
		Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 3));
		String m = assertThrows(DicomFormatException.class, () -> DicomParser.read(cut)).getMessage();
		assertTrue(m.startsWith(cut.toString()) && m.contains("announces 6 bytes but only 3 remain"), m);
	}

	@Test
	void deepNestingIsRefused() throws IOException {
		TestDicom.Ds d = new TestDicom.Ds().str(0x00080060, "CS", "OT");
		for (int i = 0; i < 40; i++) d = new TestDicom.Ds().seq(0x00400275, d);
		Path f = dir.resolve("deep.dcm");
		Files.write(f, TestDicom.part10(d, TestDicom.EXPLICIT, true));
		String m = assertThrows(DicomFormatException.class, () -> DicomParser.read(f)).getMessage();
		assertTrue(m.contains("nested deeper than 32"), m);
		assertNull(null);
	}
}
