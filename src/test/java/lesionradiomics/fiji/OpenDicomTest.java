package lesionradiomics.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.measure.Calibration;
import lesionradiomics.demo.DicomExport;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.ImagePlusAdapter;
import lesionradiomics.volume.Geometry;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * File › Import › DICOM series with RTSTRUCT/SEG, run headless as a macro would (its keys through the adapter): a small
 * CT series + RTSTRUCT written by {@link DicomExport} opens as a 16-bit image calibrated in HU on the series' grid and
 * a label map with the label colours and the ROI names, and both read back (as every command reads its images) as the
 * values, labels and geometry written.
 */
class OpenDicomTest {

	@TempDir
	Path dir;

	static final int NX = 7, NY = 5, NZ = 4;
	static final Geometry GRID = new Geometry(new long[] { NX, NY, NZ }, new double[] { 0.7, 0.8, 2.5 }, new double[] { -12.5, 30.25, -100 }, Geometry.identity());

	short[] hu = new short[NX * NY * NZ];
	int[] labels = new int[NX * NY * NZ];

	Path write() throws IOException {
		for (int i = 0; i < hu.length; i++) {
			hu[i] = (short) (-1000 + 37 * i % 1500);
			int x = i % NX, y = i / NX % NY, z = i / (NX * NY);
			labels[i] = z >= 1 && z <= 2 && y >= 1 && y <= 3 ? x >= 1 && x <= 2 ? 1 : x >= 4 && x <= 5 ? 2 : 0 : 0;
		}
		DicomExport.Uids uids = DicomExport.Uids.of("1.2.826.0.1.3680043.10.1.61");
		DicomExport.writeSeries(dir.resolve("CT"), "P9", hu, GRID, uids);
		DicomExport.writeStructureSet(dir.resolve("RTSTRUCT/rs.dcm"), "P9", labels, Map.of(1, "GTV_liver_1", 2, "GTV_lung_2"), GRID, uids);
		return dir;
	}

	static OpenDicom run(Map<String, String> macro) throws IOException {
		CommandPlugin.Form form = CommandPlugin.form(OpenDicom.class);
		Map<String, String> values = CommandPlugin.defaults(form);
		values.putAll(macro);
		OpenDicom c = (OpenDicom) CommandPlugin.apply(form, values);
		c.execute();
		return c;
	}

	@Test
	void opensTheCalibratedImageAndTheNamedLabelMap() throws IOException {
		Path folder = write();
		assertEquals(java.util.List.of("folder", "delineation", "series", "roi", "suv"), CommandPlugin.keys(OpenDicom.class));
		OpenDicom c = run(Map.of("folder", folder.toString()));
		ImagePlus image = c.image(), lab = c.labels();
		assertEquals("P9_CT", image.getTitle());
		assertEquals("P9_CT_labels", lab.getTitle());
		assertEquals(16, image.getBitDepth());
		Calibration cal = image.getCalibration();
		assertEquals(Calibration.STRAIGHT_LINE, cal.getFunction());
		assertEquals("HU", cal.getValueUnit());
		assertEquals("mm", cal.getUnit());
		assertEquals(0.7, cal.pixelWidth, 1e-12);
		assertEquals(0.8, cal.pixelHeight, 1e-12);
		assertEquals(2.5, cal.pixelDepth, 1e-12);
		for (int i = 0; i < hu.length; i++) {
			int x = i % NX, y = i / NX % NY, z = i / (NX * NY);
			assertEquals(hu[i], cal.getCValue(image.getStack().getProcessor(z + 1).get(x, y)), 1e-9, "HU at " + i);
			assertEquals(labels[i], lab.getStack().getProcessor(z + 1).get(x, y), "label at " + i);
		}
		assertEquals("1=GTV_liver_1;2=GTV_lung_2", lab.getProperty(ImagePlusAdapter.SEGMENTS));
		assertArrayEquals(lut(Images.LABEL_COLOURS), lut(lab.getProcessor().getLut()));
		assertTrue(Images.fits("labels", lab));
		assertFalse(Images.isLabelMap(image));
		Images.check(image, lab);

		// what every command reads from the two windows: the values, labels, names and grid written
		ImageData im = ImagePlusAdapter.wrap(image), la = ImagePlusAdapter.wrap(lab);
		assertArrayEquals(GRID.origin(), im.geometry().origin(), 1e-9);
		assertArrayEquals(GRID.spacing(), im.geometry().spacing(), 1e-12);
		assertTrue(im.geometry().sameGrid(la.geometry()));
		int i = 0;
		for (RealType<?> t : Views.flatIterable(im.asVolume().image())) assertEquals(hu[i++], t.getRealDouble(), 1e-9);
		assertEquals(Map.of(1L, "GTV_liver_1", 2L, "GTV_lung_2"), la.segmentNames());
		assertEquals(2, la.asLabelMap().lesions().size());
	}

	/** The README's macro: the two images, by their titles, into Extract Lesion Features (no lesion table: sites are the ROI names). */
	@Test
	void extractLesionFeaturesTakesTheTwoImages() throws IOException {
		Path folder = write();
		OpenDicom c = run(Map.of("folder", folder.resolve("CT").toString(), "delineation", folder.resolve("RTSTRUCT").toString(), "roi", "GTV.*"));
		boolean batch = ij.macro.Interpreter.batchMode;
		ij.macro.Interpreter.batchMode = true; // images "open" without windows, as in a batch-mode macro
		try {
			ij.macro.Interpreter.addBatchModeImage(c.image());
			ij.macro.Interpreter.addBatchModeImage(c.labels());
			CommandPlugin.Form form = CommandPlugin.form(ExtractLesionFeatures.class);
			Map<String, String> values = CommandPlugin.defaults(form);
			Path out = dir.resolve("features.csv");
			values.putAll(Map.of("image", "P9_CT", "labels", "P9_CT_labels", "output", out.toString()));
			TaskCommand extract = CommandPlugin.apply(form, values);
			try (org.scijava.Context context = new org.scijava.Context(org.scijava.app.StatusService.class)) {
				context.inject(extract); // the status service SciJava gives a command (headless: no ImageJ windows)
				extract.execute();
			}
			java.util.List<java.util.List<String>> rows = lesionradiomics.io.Csv.read(out);
			assertEquals(3, rows.size(), rows.toString());
			assertEquals(java.util.List.of("1 GTV_liver_1", "2 GTV_lung_2"), rows.subList(1, 3).stream().map(r -> r.get(1) + " " + r.get(2)).toList());
		} finally {
			ij.macro.Interpreter.removeBatchModeImage(c.image());
			ij.macro.Interpreter.removeBatchModeImage(c.labels());
			ij.macro.Interpreter.batchMode = batch;
		}
	}

	@Test
	void roiRegexKeepsTheNamedLesionAndBadInputIsOneLine() throws IOException {
		Path folder = write();
		OpenDicom c = run(Map.of("folder", folder.toString(), "roi", "GTV_lung.*", "delineation", folder.resolve("RTSTRUCT/rs.dcm").toString()));
		assertEquals(Map.of(2L, "GTV_lung_2"), ImagePlusAdapter.wrap(c.labels()).segmentNames()); // its ROINumber
		IOException e = assertThrows(IOException.class, () -> run(Map.of("folder", dir.resolve("CT").toString(), "delineation", dir.resolve("nowhere").toString())));
		assertTrue(e.getMessage().contains("nowhere") && !e.getMessage().contains("\n"), e.getMessage());
		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> run(Map.of("folder", folder.toString(), "roi", "GTV_(")));
		assertTrue(bad.getMessage().startsWith("roi 'GTV_(' is not a regular expression"), bad.getMessage());
	}

	private static byte[] lut(ij.process.LUT l) {
		byte[] r = new byte[256 * 3];
		byte[] a = new byte[256], b = new byte[256], g = new byte[256];
		l.getReds(a);
		l.getGreens(g);
		l.getBlues(b);
		System.arraycopy(a, 0, r, 0, 256);
		System.arraycopy(g, 0, r, 256, 256);
		System.arraycopy(b, 0, r, 512, 256);
		return r;
	}
}
