package lesionradiomics.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.Volume;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

/** Series assembly: geometry as ITK builds it (hand-computed), rescale, pixel formats, multi-frame, and every refusal. */
class DicomSeriesTest {

	@TempDir
	Path dir;

	static double at(Volume v, int x, int y, int z) {
		RandomAccess<? extends RealType<?>> r = v.image().randomAccess();
		r.setPosition(new int[] { x, y, z });
		return r.get().getRealDouble();
	}

	static String refusal(Path folder) {
		return assertThrows(DicomFormatException.class, () -> DicomReader.readImage(folder, null)).getMessage();
	}

	@Test
	void axialSeriesGeometryAndValues() throws IOException {
		TestDicom.axialSeries(dir.resolve("s"), "1.2.826.0.1.1", 4, 2.5, 5, 3);
		DicomImage img = DicomReader.readImage(dir.resolve("s"), null);
		Geometry g = img.data().geometry();
		assertArrayEquals(new long[] { 5, 3, 4 }, g.size());
		assertArrayEquals(new double[] { 0.7, 0.5, 2.5 }, g.spacing(), 1e-12, "x step = column spacing (PixelSpacing[1]), z from positions");
		assertArrayEquals(new double[] { -10, -20, 30 }, g.origin(), 1e-12, "origin = position of the lowest slice");
		assertArrayEquals(Geometry.identity(), g.direction(), 1e-12);
		Volume v = img.data().asVolume();
		assertEquals(1000 + 4 + 20 + 300 - 1024, at(v, 4, 2, 3), 0, "rescaled HU at x=4, y=2, z=3");
		assertEquals("1.2.826.0.1.1.1", img.instanceUids().get(0), "slices sorted by position, not file name");
	}

	@Test
	void obliqueOrientationGivesItkDirectionAndNormalOrder() throws IOException {
		// a sagittal-oblique stack: rows along (0,1,0), columns along (0,0,-1); normal = row x col = (-1,0,0)
		double[] iop = { 0, 1, 0, 0, 0, -1 };
		Path s = Files.createDirectories(dir.resolve("sag"));
		for (int k = 0; k < 3; k++)
			TestDicom.write(s.resolve("f" + k), TestDicom.ctSlice("9.9", k + 1, 2, 2, new double[] { 5 - 3 * k, 0, 0 }, iop, new double[] { 1, 1 }, 1, 0,
					(x, y) -> 0), TestDicom.EXPLICIT);
		Geometry g = DicomReader.readImage(s, null).data().geometry();
		assertArrayEquals(new double[] { 0, 0, -1, 1, 0, 0, 0, -1, 0 }, g.direction(), 1e-12);
		assertArrayEquals(new double[] { 5, 0, 0 }, g.origin(), 1e-12, "first slice along the normal (-x) is the one at x = 5");
		assertEquals(3, g.spacing(2), 1e-12);
	}

	@Test
	void perSliceRescaleGivesFloatValues() throws IOException {
		Path s = Files.createDirectories(dir.resolve("pet"));
		for (int k = 0; k < 2; k++)
			TestDicom.write(s.resolve("f" + k), TestDicom.ctSlice("7.7", k + 1, 2, 2, new double[] { 0, 0, k }, TestDicom.AXIAL, new double[] { 1, 1 },
					k == 0 ? 0.5 : 0.25, 0, (x, y) -> 100), TestDicom.EXPLICIT);
		Volume v = DicomReader.readImage(s, null).data().asVolume();
		assertEquals(50, at(v, 0, 0, 0), 0);
		assertEquals(25, at(v, 1, 1, 1), 0);
	}

	@Test
	void missingSliceIsRefusedWithTheGap() throws IOException {
		List<Path> f = TestDicom.axialSeries(dir.resolve("gap"), "5.5", 6, 3, 2, 2);
		Files.delete(f.get(3));
		String m = refusal(dir.resolve("gap"));
		assertTrue(m.contains("missing slice(s)") && m.contains("largest gap 6.000 mm"), m);
	}

	@Test
	void unevenSpacingTiltMixedOrientationAndSizesAreRefused() throws IOException {
		Path u = Files.createDirectories(dir.resolve("uneven"));
		double[] z = { 0, 3, 6, 8 };
		for (int k = 0; k < 4; k++)
			TestDicom.write(u.resolve("f" + k), TestDicom.ctSlice("1.1", k, 2, 2, new double[] { 0, 0, z[k] }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, 0,
					(x, y) -> 0), TestDicom.EXPLICIT);
		assertTrue(refusal(u).contains("uneven slice spacing: gaps between consecutive slices range from 2.000 to 3.000 mm"), refusal(u));

		Path sheared = Files.createDirectories(dir.resolve("sheared"));
		for (int k = 0; k < 3; k++)
			TestDicom.write(sheared.resolve("f" + k), TestDicom.ctSlice("1.2", k, 2, 2, new double[] { 0, 0.5 * k, 3 * k }, TestDicom.AXIAL, new double[] { 1, 1 },
					1, 0, (x, y) -> 0), TestDicom.EXPLICIT);
		assertTrue(refusal(sheared).contains("0.500 mm sideways per slice (gantry tilt"), refusal(sheared));

		Path tilt = Files.createDirectories(dir.resolve("tilt"));
		TestDicom.write(tilt.resolve("f"), TestDicom.ctSlice("1.3", 1, 2, 2, new double[] { 0, 0, 0 }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, 0, (x, y) -> 0)
				.ds(0x00181120, 15), TestDicom.EXPLICIT);
		assertTrue(refusal(tilt).contains("gantry tilt of 15.0 degrees"), refusal(tilt));

		Path mixed = Files.createDirectories(dir.resolve("mixed"));
		TestDicom.write(mixed.resolve("a"), TestDicom.ctSlice("1.4", 1, 2, 2, new double[] { 0, 0, 0 }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, 0, (x, y) -> 0),
				TestDicom.EXPLICIT);
		TestDicom.write(mixed.resolve("b"), TestDicom.ctSlice("1.4", 2, 2, 2, new double[] { 0, 0, 1 }, new double[] { 1, 0, 0, 0, 0.8, 0.6 }, new double[] { 1, 1 },
				1, 0, (x, y) -> 0), TestDicom.EXPLICIT);
		assertTrue(refusal(mixed).contains("mixed orientations within one series"), refusal(mixed));

		Path sizes = Files.createDirectories(dir.resolve("sizes"));
		TestDicom.write(sizes.resolve("a"), TestDicom.ctSlice("1.5", 1, 2, 2, new double[] { 0, 0, 0 }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, 0, (x, y) -> 0),
				TestDicom.EXPLICIT);
		TestDicom.write(sizes.resolve("b"), TestDicom.ctSlice("1.5", 2, 3, 2, new double[] { 0, 0, 1 }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, 0, (x, y) -> 0),
				TestDicom.EXPLICIT);
		assertTrue(refusal(sizes).contains("mixed sizes within one series"), refusal(sizes));
	}

	@Test
	void severalSeriesNeedAChoiceAndJunkIsSetAsideWithANote() throws IOException {
		Path f = dir.resolve("study");
		TestDicom.axialSeries(f.resolve("a"), "3.1", 2, 1, 2, 2);
		TestDicom.axialSeries(f.resolve("b"), "3.2", 3, 1, 2, 2);
		Files.writeString(f.resolve("README.txt"), "not dicom");
		TestDicom.write(f.resolve("DICOMDIR"), new TestDicom.Ds().str(0x00041130, "CS", "ID").seq(0x00041220, new TestDicom.Ds().str(0x00041430, "CS", "PATIENT")),
				TestDicom.EXPLICIT);
		TestDicom.write(f.resolve("sr.dcm"), new TestDicom.Ds().str(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.88.22").str(0x00080060, "CS", "SR"), TestDicom.EXPLICIT);
		TestDicom.write(f.resolve("sc.dcm"), new TestDicom.Ds().str(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.7").str(0x00080060, "CS", "OT")
				.us(0x00280010, 1).us(0x00280011, 1).pixels(new byte[] { 0, 0 }), TestDicom.EXPLICIT);
		String m = refusal(f);
		assertTrue(m.contains("2 image series in this folder") && m.contains("--series") && m.contains("3.1 (CT") && m.contains("3.2 (CT"), m);
		DicomFolder scanned = DicomFolder.scan(f);
		assertEquals(4, scanned.notes().size(), scanned.notes().toString());
		String notes = String.join("\n", scanned.notes());
		assertTrue(notes.contains("not a DICOM file") && notes.contains("DICOMDIR") && notes.contains("structured report") && notes.contains("secondary capture"), notes);
		assertEquals(3, DicomReader.readImage(f, "3.2").data().geometry().size(2));
	}

	@Test
	void enhancedMultiFrameUsesPerFrameFunctionalGroups() throws IOException {
		int cols = 3, rows = 2, frames = 3;
		short[] px = new short[cols * rows * frames];
		for (int i = 0; i < px.length; i++) px[i] = (short) i;
		TestDicom.Ds[] perFrame = new TestDicom.Ds[frames];
		for (int f = 0; f < frames; f++) // frames stored in reverse z order: the reader sorts them
			perFrame[f] = new TestDicom.Ds().seq(0x00209113, new TestDicom.Ds().ds(0x00200032, 1, 2, 10 - 2 * f))
					.seq(0x00289145, new TestDicom.Ds().ds(0x00281052, -f).ds(0x00281053, 1));
		TestDicom.Ds shared = new TestDicom.Ds().seq(0x00209116, new TestDicom.Ds().ds(0x00200037, TestDicom.AXIAL))
				.seq(0x00289110, new TestDicom.Ds().ds(0x00280030, 0.8, 0.9));
		TestDicom.Ds d = new TestDicom.Ds().str(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.4.1").str(0x00080060, "CS", "MR").str(0x0020000E, "UI", "4.4")
				.str(0x00200052, "UI", "4.5").ds(0x00280008, frames).us(0x00280010, rows).us(0x00280011, cols).us(0x00280100, 16).us(0x00280101, 16)
				.us(0x00280103, 0).seq(0x52009229, shared).seq(0x52009230, perFrame).pixels16(px);
		Path file = TestDicom.write(Files.createDirectories(dir.resolve("mf")).resolve("mf.dcm"), d, TestDicom.EXPLICIT);
		DicomImage img = DicomReader.readImage(file, null);
		Geometry g = img.data().geometry();
		assertArrayEquals(new long[] { 3, 2, 3 }, g.size());
		assertArrayEquals(new double[] { 0.9, 0.8, 2 }, g.spacing(), 1e-12);
		assertArrayEquals(new double[] { 1, 2, 6 }, g.origin(), 1e-12);
		Volume v = img.data().asVolume();
		assertEquals(2 * 6 + 0 - 2, at(v, 0, 0, 0), 0, "lowest slice is frame 3 (intercept -2)");
		assertEquals(5 + 0, at(v, 2, 1, 2), 0, "top slice is frame 1 (intercept 0)");
	}

	@Test
	void signedTwelveBitAndEightBitPixels() throws IOException {
		Path s = Files.createDirectories(dir.resolve("12bit"));
		// 12 bits stored in 16, signed: 0x0FFF is -1; high bits (overlay garbage) are ignored
		TestDicom.write(s.resolve("a"), TestDicom.ctSlice("8.8", 1, 2, 1, new double[] { 0, 0, 0 }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, 0,
				(x, y) -> x == 0 ? 0xF0FFF : 0x07FF).us(0x00280101, 12), TestDicom.EXPLICIT);
		Volume v = DicomReader.readImage(s, null).data().asVolume();
		assertEquals(-1, at(v, 0, 0, 0), 0);
		assertEquals(2047, at(v, 1, 0, 0), 0);
		Path e = Files.createDirectories(dir.resolve("8bit"));
		TestDicom.write(e.resolve("a"), TestDicom.ctSlice("8.9", 1, 2, 1, new double[] { 0, 0, 0 }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, 0, (x, y) -> 0)
				.us(0x00280100, 8).us(0x00280101, 8).us(0x00280103, 0).pixels(new byte[] { (byte) 200, 7 }), TestDicom.EXPLICIT);
		Volume w = DicomReader.readImage(e, null).data().asVolume();
		assertEquals(200, at(w, 0, 0, 0), 0);
		assertEquals(7, at(w, 1, 0, 0), 0);
	}
}
