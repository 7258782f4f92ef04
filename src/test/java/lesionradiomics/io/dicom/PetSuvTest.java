package lesionradiomics.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SUV by hand: 70 kg, 370 MBq of F-18 (half-life 6586.2 s) injected at 10:00:00, series at 11:00:00. Expected factors
 * computed by hand (python3 -c): START 70000 / (370e6 · 2^(−3600/6586.2)) = 2.7633668171764324e-4; ADMIN 70000 /
 * 370e6 = 1.891891891891892e-4; SUL (male, 80 kg, 1.80 m: LBM 1.10·80 − 128·(80/180)² = 62.71604938 kg)
 * 62716.05 / (370e6 · 2^(−3600/6586.2)) = 2.475820710979943e-4.
 */
class PetSuvTest {

	@TempDir
	Path dir;

	static TestDicom.Ds pet(String units, String decay, String seriesTime, String acquisitionTime, String injection, boolean dateTime) {
		TestDicom.Ds rp = new TestDicom.Ds().ds(0x00181074, 370e6).ds(0x00181075, 6586.2);
		if (dateTime) rp.str(0x00181078, "DT", injection);
		else rp.str(0x00181072, "TM", injection);
		return TestDicom.ctSlice("6.1", 1, 2, 2, new double[] { 0, 0, 0 }, TestDicom.AXIAL, new double[] { 4, 4 }, 1, 0, (x, y) -> 1000)
				.str(0x00080060, "CS", "PT").str(0x00080021, "DA", "20240102").str(0x00080031, "TM", seriesTime).str(0x00080022, "DA", "20240102")
				.str(0x00080032, "TM", acquisitionTime).ds(0x00101030, 70).str(0x00541001, "CS", units).str(0x00541102, "CS", decay).seq(0x00540016, rp);
	}

	double factor(TestDicom.Ds d, PetSuv.Kind kind) throws IOException {
		Path f = TestDicom.write(dir.resolve("pet.dcm"), d, TestDicom.EXPLICIT);
		return PetSuv.conversion(List.of(DicomParser.read(f)), kind).factor();
	}

	@Test
	void bodyWeightSuvForEachDecayRule() throws IOException {
		assertEquals(2.7633668171764324e-4, factor(pet("BQML", "START", "110000", "110000", "100000", false), PetSuv.Kind.BW), 1e-15);
		assertEquals(1.891891891891892e-4, factor(pet("BQML", "ADMIN", "110000", "110000", "100000", false), PetSuv.Kind.BW), 1e-15);
		// series time reset by post-processing (12:00, after the acquisition at 11:00): QIBA takes the acquisition
		assertEquals(2.7633668171764324e-4, factor(pet("BQML", "START", "120000", "110000", "100000", false), PetSuv.Kind.BW), 1e-15);
		// injection as date-time the evening before: 23:00 to 00:00 is the same hour
		TestDicom.Ds night = pet("BQML", "START", "000000", "000000", "20240101230000.00", true);
		assertEquals(2.7633668171764324e-4, factor(night, PetSuv.Kind.BW), 1e-15);
	}

	@Test
	void leanBodyMass() throws IOException {
		TestDicom.Ds d = pet("BQML", "START", "110000", "110000", "100000", false).ds(0x00101030, 80).ds(0x00101020, 1.80).str(0x00100040, "CS", "M");
		assertEquals(2.475820710979943e-4, factor(d, PetSuv.Kind.SUL), 1e-15);
		assertEquals(62.71604938271605, PetSuv.leanBodyMassJames(80, 180, true), 1e-12);
	}

	@Test
	void alreadySuvCountsAndMissingTagsAreReportedPlainly() throws IOException {
		Path f = TestDicom.write(dir.resolve("gml.dcm"), pet("GML", "ADMIN", "110000", "110000", "100000", false), TestDicom.EXPLICIT);
		PetSuv.Conversion c = PetSuv.conversion(List.of(DicomParser.read(f)), PetSuv.Kind.BW);
		assertEquals(1, c.factor());
		assertTrue(c.note().contains("already in SUV (Units GML"), c.note());
		String cnts = assertThrows(DicomFormatException.class, () -> factor(pet("CNTS", "START", "110000", "110000", "100000", false), PetSuv.Kind.BW)).getMessage();
		assertTrue(cnts.contains("Units (0054,1001) is 'CNTS'") && cnts.contains("--suv none"), cnts);
		TestDicom.Ds noWeight = pet("BQML", "START", "110000", "110000", "100000", false);
		noWeight.elements.remove(0x00101030L);
		assertTrue(assertThrows(DicomFormatException.class, () -> factor(noWeight, PetSuv.Kind.BW)).getMessage().contains("no PatientWeight (0010,1030)"));
		String none = assertThrows(DicomFormatException.class, () -> factor(pet("BQML", "NONE", "110000", "110000", "100000", false), PetSuv.Kind.BW)).getMessage();
		assertTrue(none.contains("DecayCorrection (0054,1102) is 'NONE'"), none);
	}

	@Test
	void petSeriesComeInSuvThroughTheReader() throws IOException {
		Path s = Files.createDirectories(dir.resolve("series"));
		TestDicom.write(s.resolve("p"), pet("BQML", "ADMIN", "110000", "110000", "100000", false), TestDicom.EXPLICIT);
		DicomImage img = DicomReader.readImage(s, null);
		assertEquals(1000 * 1.891891891891892e-4, DicomSeriesTest.at(img.data().asVolume(), 1, 1, 0), 1e-12);
		assertTrue(img.data().warnings().get(0).contains("converted from Bq/ml to SUVbw"), img.data().warnings().toString());
	}
}
