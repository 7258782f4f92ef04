package lesionradiomics.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.LesionExtractor;
import lesionradiomics.features.LesionFeatures;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.NiftiReader;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The acceptance core of DICOM input, on the real series of {@code ../shared/dicom} (IBSI 1 CT phantom, five IBSI
 * soft-tissue sarcoma patients × CT, MR T1, PET): the series equals MIRP's NIfTI image (values; origin, spacing and
 * direction within 1e-4 mm), the RTSTRUCT rasterised on it equals MIRP's NIfTI mask voxel for voxel (an independent
 * rasterisation; plastimatch agrees with it on STS_002's CT), and all 107 default features from DICOM equal those
 * from the NIfTI pair within 1e-6 relative. Skipped with a message when ../shared is absent.
 */
class SharedDicomTest {

	static Path shared() {
		String env = System.getenv("LESION_RADIOMICS_SHARED");
		return (env != null ? Paths.get(env) : Paths.get(System.getProperty("user.dir")).resolve("../shared").normalize()).resolve("dicom");
	}

	/** case name, DICOM image folder, RTSTRUCT folder, NIfTI image, NIfTI mask. */
	static Stream<String> cases() {
		List<String> c = new ArrayList<>();
		c.add("phantom");
		for (String p : new String[] { "STS_002", "STS_003", "STS_012", "STS_024", "STS_041" })
			for (String m : new String[] { "CT", "MR_T1", "PET" }) c.add(p + "/" + m);
		return c.stream();
	}

	static Path[] paths(String c) {
		Path root = shared();
		assumeTrue(Files.isDirectory(root), "skipped: " + root + " not found (../shared is absent; see README)");
		if (c.equals("phantom")) {
			Path p = root.resolve("ibsi_1_ct_radiomics_phantom");
			return new Path[] { p.resolve("dicom/image"), p.resolve("dicom/mask"), p.resolve("nifti/image/phantom.nii.gz"), p.resolve("nifti/mask/mask.nii.gz") };
		}
		String[] pm = c.split("/");
		Path v = root.resolve("ibsi_validation");
		return new Path[] { v.resolve("dicom/" + c + "/image"), v.resolve("dicom/" + c + "/mask"), v.resolve("nifti/" + pm[0] + "/" + pm[1] + "_image.nii.gz"),
				v.resolve("nifti/" + pm[0] + "/" + pm[1] + "_mask.nii.gz") };
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void dicomEqualsMirpNifti(String c) throws IOException {
		Path[] p = paths(c);
		DicomImage dicom = DicomReader.readImage(p[0], null);
		ImageData labels = DicomReader.readLabels(p[1], dicom, null);
		ImageData niftiImage = NiftiReader.read(p[2]), niftiMask = NiftiReader.read(p[3]);

		Geometry g = dicom.data().geometry(), n = niftiImage.geometry();
		assertTrue(java.util.Arrays.equals(g.size(), n.size()), c + ": size " + java.util.Arrays.toString(g.size()) + " vs " + java.util.Arrays.toString(n.size()));
		for (int i = 0; i < 3; i++) {
			assertEquals(n.origin()[i], g.origin()[i], 1e-4, c + ": origin " + i);
			assertEquals(n.spacing()[i], g.spacing()[i], 1e-4, c + ": spacing " + i);
		}
		for (int i = 0; i < 9; i++) assertEquals(n.direction()[i], g.direction()[i], 1e-6, c + ": direction " + i);

		Volume a = dicom.data().asVolume(), b = niftiImage.asVolume();
		RandomAccess<? extends RealType<?>> rb = b.image().randomAccess();
		// PET's per-slice rescale: MIRP multiplies in float32 (NumPy keeps float32 * Python float in float32), we in
		// double rounded once to float32; the two differ by at most a few units in the last place of float32
		int valueDiffs = 0, lastPlace = 0;
		double worst = 0;
		for (Cursor<? extends RealType<?>> ca = Views.flatIterable(a.image()).localizingCursor(); ca.hasNext();) {
			double va = ca.next().getRealDouble();
			rb.setPosition(ca);
			double vb = rb.get().getRealDouble();
			if ((float) va != (float) vb) {
				if (Math.abs(va - vb) <= 4 * Math.ulp((float) vb)) {
					lastPlace++;
					continue;
				}
				valueDiffs++;
				worst = Math.max(worst, Math.abs(va - vb));
			}
		}
		assertEquals(0, valueDiffs, c + ": voxel values differ from the NIfTI image (worst " + worst + ")");
		if (!c.endsWith("PET")) assertEquals(0, lastPlace, c + ": integer-rescaled values must be identical");
		System.out.println(c + ": " + lastPlace + " voxels differ from MIRP's float32 arithmetic in the last place");

		LabelMap mine = labels.asLabelMap(), ref = niftiMask.asLabelMap();
		RandomAccess<? extends net.imglib2.type.numeric.IntegerType<?>> rr = ref.labels().randomAccess();
		int onlyMine = 0, onlyRef = 0, both = 0;
		for (Cursor<? extends net.imglib2.type.numeric.IntegerType<?>> cm = Views.flatIterable(mine.labels()).localizingCursor(); cm.hasNext();) {
			boolean m = cm.next().getIntegerLong() != 0;
			rr.setPosition(cm);
			boolean r = rr.get().getIntegerLong() != 0;
			if (m && r) both++;
			else if (m) onlyMine++;
			else if (r) onlyRef++;
		}
		assertTrue(both > 0, c + ": empty mask");
		assertEquals(0, onlyMine + onlyRef, c + ": mask differs from MIRP's: " + onlyMine + " voxels only ours, " + onlyRef + " only MIRP's (of " + both + ")");

		FeatureSettings settings = FeatureSettings.defaults();
		LesionFeatures fd = new LesionExtractor(settings).extractAll(a, binary(mine), null, Progress.NONE).get(0);
		LesionFeatures fn = new LesionExtractor(settings).extractAll(b, ref, null, Progress.NONE).get(0);
		assertTrue(fd.ok() && fn.ok(), c + ": " + fd.error().orElse("") + fn.error().orElse(""));
		assertEquals(107, fn.values().size(), c + ": feature count");
		List<String> bad = new ArrayList<>();
		for (Map.Entry<String, Double> e : fn.values().entrySet()) {
			double x = fd.values().get(e.getKey()), y = e.getValue();
			if (!(Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(y), 1e-12)) && !(Double.isNaN(x) && Double.isNaN(y))) bad.add(e.getKey() + ": DICOM " + x + ", NIfTI " + y);
		}
		assertTrue(bad.isEmpty(), c + ": " + bad.size() + " features differ:\n" + String.join("\n", bad));
	}

	/** The DICOM label map with its one ROI as label 1, as the NIfTI mask has it. */
	static LabelMap binary(LabelMap m) {
		return m;
	}
}
