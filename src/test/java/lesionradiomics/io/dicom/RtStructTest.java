package lesionradiomics.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.ImageData;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.view.Views;

/**
 * RTSTRUCT rasterisation on a 12 × 12 × 3 grid of 1 mm voxels at the origin, so millimetres are voxel indices and
 * every count is hand-computed from the convention: centre strictly inside along the ray (a column), columns taken
 * half-open [min x, max x) as MIRP does, even–odd across a ROI's contours.
 */
class RtStructTest {

	@TempDir
	Path dir;

	DicomImage image;

	@BeforeEach
	void series() throws IOException {
		Path s = Files.createDirectories(dir.resolve("ct"));
		for (int k = 0; k < 3; k++)
			TestDicom.write(s.resolve("ct" + k), TestDicom.ctSlice("2.25.1", k + 1, 12, 12, new double[] { 0, 0, k }, TestDicom.AXIAL, new double[] { 1, 1 }, 1, 0,
					(x, y) -> 0), TestDicom.EXPLICIT);
		image = DicomReader.readImage(s, null);
	}

	static double[] square(double a, double b, double z) {
		return new double[] { a, a, z, b, a, z, b, b, z, a, b, z };
	}

	static TestDicom.Ds contour(String type, double[] pts) {
		return new TestDicom.Ds().str(0x30060042, "CS", type).ds(0x30060046, pts.length / 3).ds(0x30060050, pts);
	}

	/** A structure set: ROI i named names[i], in frames[i], with the given contours (none: an empty ROI). */
	Path structureSet(String[] names, String[] frames, List<List<TestDicom.Ds>> contours) throws IOException {
		List<TestDicom.Ds> rois = new ArrayList<>(), roiContours = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			rois.add(new TestDicom.Ds().ds(0x30060022, i + 1).str(0x30060026, "LO", names[i]).str(0x30060024, "UI", frames[i]));
			if (!contours.get(i).isEmpty())
				roiContours.add(new TestDicom.Ds().ds(0x30060084, i + 1).seq(0x30060040, contours.get(i).toArray(new TestDicom.Ds[0])));
		}
		TestDicom.Ds rs = new TestDicom.Ds().str(0x00080016, "UI", Tags.RTSTRUCT_CLASS).str(0x00080060, "CS", "RTSTRUCT")
				.seq(0x30060020, rois.toArray(new TestDicom.Ds[0])).seq(0x30060039, roiContours.toArray(new TestDicom.Ds[0]));
		return TestDicom.write(dir.resolve("rs.dcm"), rs, TestDicom.IMPLICIT);
	}

	static long count(ImageData labels, long label) throws IOException {
		long n = 0;
		for (IntegerType<?> t : Views.flatIterable(labels.asLabelMap().labels()))
			if (t.getIntegerLong() == label) n++;
		return n;
	}

	static final String FOR = "1.2.826.0.1.7";

	@Test
	void holesBoundariesOverlapsAndTheMessages() throws IOException {
		Path rs = structureSet(new String[] { "GTV_A", "BODY", "GTV_B", "GTV_open", "GTV_empty", "GTV_edge" }, new String[] { FOR, FOR, FOR, FOR, FOR, FOR }, List.of(
				// A: square 2.5..7.5 (centres 3..7: 25) with a hole 4.5..5.5 (centre 5,5) on slice 1; square through centres 2..8 on slice 2
				List.of(contour("CLOSED_PLANAR", square(2.5, 7.5, 1)), contour("CLOSED_PLANAR", square(4.5, 5.5, 1)), contour("CLOSED_PLANAR", square(2, 8, 2))),
				List.of(contour("CLOSED_PLANAR", square(-0.5, 11.5, 0))),
				// B: 6.5..9.5 on slice 1 (centres 7..9: 9), overlapping A in (7,7)
				List.of(contour("CLOSED_PLANAR", square(6.5, 9.5, 1))),
				List.of(contour("OPEN_PLANAR", square(1, 3, 0))), List.of(),
				// edge: reaches 4.5 mm beyond the grid's first voxel boundary (-0.5)
				List.of(contour("CLOSED_PLANAR", new double[] { -5, 9.5, 0, 1.5, 9.5, 0, 1.5, 10.5, 0, -5, 10.5, 0 }))));
		ImageData all = DicomReader.readLabels(rs, image, "GTV.*");
		assertEquals(Map.of(1L, "GTV_A", 3L, "GTV_B", 6L, "GTV_edge"), all.segmentNames(),
				"BODY left out by --roi; open and empty ROIs left out; each ROI's label is its ROINumber");
		// slice 1: the hole removes one centre (24). Slice 2, a square through centres 2..8: along a column (the ray) centres
		// on the boundary are out (rows 3..7); across columns the x range is half-open, so column 2 is in and 8 out (6 x 5)
		assertEquals(24 + 30, count(all, 1), "hole and boundary rules");
		assertEquals(9 - 1, count(all, 3), "the overlapping voxel stays with the ROI listed first");
		assertEquals(2, count(all, 6), "x centres 0 and 1 at y = 10");
		// the lesions counted while drawing (no scan of the voxels) are what a scan of the label image finds
		lesionradiomics.volume.LabelMap drawn = all.asLabelMap();
		assertEquals(new lesionradiomics.volume.LabelMap(drawn.labels(), drawn.geometry()).lesions().toString(), drawn.lesions().toString());
		String w = String.join("\n", all.warnings());
		assertTrue(w.contains("ROIs 'GTV_A' and 'GTV_B' overlap in 1 voxels; a voxel belongs to one lesion: the ROI listed first"), w);
		assertTrue(w.contains("ROI 'GTV_open' has no closed contours (only 1 open contours or points); left out"), w);
		assertTrue(w.contains("ROI 'GTV_empty' has no closed contours; left out"), w);
		assertTrue(w.contains("ROI 'GTV_edge': 2 contour points lie outside the image (up to 4.5 mm)"), w);
		String none = assertThrows(DicomFormatException.class, () -> DicomReader.readLabels(rs, image, "PTV.*")).getMessage();
		assertTrue(none.contains("no ROI name matches --roi 'PTV.*'; the ROIs are [GTV_A, BODY, GTV_B, GTV_open, GTV_empty, GTV_edge]"), none);
	}

	@Test
	void anotherFrameOfReferenceAndObliqueContoursAreErrorsNamingTheRoi() throws IOException {
		Path rs = structureSet(new String[] { "GTV_1" }, new String[] { "9.9.9" }, List.of(List.of(contour("CLOSED_PLANAR", square(2.5, 7.5, 1)))));
		String m = assertThrows(DicomFormatException.class, () -> DicomReader.readLabels(rs, image, null)).getMessage();
		assertTrue(m.contains("ROI 'GTV_1' is drawn in frame of reference 9.9.9") && m.contains("belongs to another image"), m);
		Path tilted = structureSet(new String[] { "GTV_2" }, new String[] { FOR },
				List.of(List.of(contour("CLOSED_PLANAR", new double[] { 1, 1, 0, 5, 1, 0, 5, 5, 2, 1, 5, 2 }))));
		String t = assertThrows(DicomFormatException.class, () -> DicomReader.readLabels(tilted, image, null)).getMessage();
		assertTrue(t.contains("ROI 'GTV_2': a contour is not in the image's slice plane"), t);
	}

	@Test
	void contoursBetweenSlicesAreReported() throws IOException {
		Path rs = structureSet(new String[] { "GTV_1" }, new String[] { FOR }, List.of(List.of(contour("CLOSED_PLANAR", square(2.5, 7.5, 1.4)))));
		ImageData l = DicomReader.readLabels(rs, image, null);
		assertEquals(25, count(l, 1));
		assertTrue(String.join("\n", l.warnings()).contains("1 contours lie between slices (up to 0.40 slice spacings off)"), l.warnings().toString());
	}
}
