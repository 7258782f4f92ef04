package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonObject;

import lesionradiomics.io.VolumeReaders;
import lesionradiomics.io.dicom.DicomImage;
import lesionradiomics.io.dicom.DicomReader;
import lesionradiomics.preprocess.IbsiDiscretisation;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;

/**
 * IBSI 1 CT phantom, configurations A–E as {@code ibsi1_reference_values.json → configs} describes them, read from
 * the phantom's DICOM series and RTSTRUCT ({@code io.dicom}): every feature with a reference value within IBSI's
 * tolerance; the count per configuration is printed. The NIfTI copies are read once as a cross-check that the two
 * sources give the same mask voxel count ({@code SharedDicomTest} compares them voxel for voxel).
 */
class IbsiCtPhantomTest {

	static Path phantom(String part) {
		Path p = SharedReference.root().resolveSibling("dicom/ibsi_1_ct_radiomics_phantom").resolve(part);
		assumeTrue(Files.exists(p), "skipped: IBSI CT phantom " + p + " not found (../shared is absent; see README)");
		return p;
	}

	private static Volume image;
	private static LabelMap mask;

	/** The DICOM image and the RTSTRUCT's ROI GTV-1 as label 1, read once for the five configurations. */
	static synchronized void readDicom() throws Exception {
		if (image != null) return;
		DicomImage dicom = DicomReader.readImage(phantom("dicom/image"), null);
		LabelMap labels = DicomReader.readLabels(phantom("dicom/mask"), dicom, "GTV-1").asLabelMap();
		LabelMap nifti = VolumeReaders.read(phantom("nifti/mask/mask.nii.gz")).asLabelMap();
		assertEquals(nifti.lesions().get(1L).voxelCount(), labels.lesions().get(1L).voxelCount(), "RTSTRUCT against the NIfTI mask");
		image = dicom.data().asVolume();
		mask = labels;
	}

	/**
	 * The extraction settings (names as in a parameter file's {@code setting:} section) of a configuration, read from
	 * the text of the json's {@code configs} entry.
	 */
	static Map<String, String> settings(JsonObject c) {
		Map<String, String> m = new java.util.LinkedHashMap<>();
		m.put("standard", "ibsi");
		m.put("textureDimensions", c.get("dims").getAsString());
		if (!c.get("interpolation").isJsonNull()) {
			String t = c.get("interpolation").getAsString();
			m.put("resampledPixelSpacing", t.contains("in-plane") ? "2,2,0" : "2,2,2");
			m.put("interpolator", t.startsWith("tricubic") ? "sitkBSpline" : "sitkLinear");
			assertTrue(t.contains("round to nearest integer") && t.contains("ROI") && t.contains("partial volume >= 0.5"), t); // the preset's rules
		}
		if (!c.get("resegment").isJsonNull())
			m.put("resegmentRange", c.getAsJsonArray("resegment").get(0).getAsString() + "," + c.getAsJsonArray("resegment").get(1).getAsString());
		if (!c.get("outlier").isJsonNull()) m.put("resegmentSigma", "3");
		IbsiDiscretisation d = discretisation(c.get("discretisation").getAsString());
		if (d.kind() == IbsiDiscretisation.Kind.FIXED_BIN_SIZE) m.put("binWidth", String.valueOf(d.value()));
		else m.put("binCount", String.valueOf((int) d.value()));
		m.put("ivhDiscretisation", discretisation(c.get("ivh").getAsString()).toString());
		return m;
	}

	/** "FBS 25 HU", "FBN 32 bins", "none (discrete HU)". */
	static IbsiDiscretisation discretisation(String text) {
		if (text.startsWith("none")) return IbsiDiscretisation.none();
		String[] p = text.split(" ");
		return IbsiDiscretisation.parse(p[0] + " " + p[1]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A", "B", "C", "D", "E" })
	void everyReferenceValueOfTheConfiguration(String config) throws Exception {
		JsonObject json = IbsiReference.json();
		readDicom();
		Map<String, String> named = settings(json.getAsJsonObject("configs").getAsJsonObject(config));
		IbsiExtraction.Settings s = IbsiExtraction.from(FeatureSettings.fromMap(named));
		IbsiExtraction.Result r = IbsiExtraction.extract(image, mask, 1, mask.lesions().get(1L), s);
		List<IbsiReference.Row> rows = IbsiReference.rows(json, config);
		List<String> misses = IbsiReference.misses(rows, r.features());
		System.out.println("IBSI CT phantom configuration " + config + ": " + (rows.size() - misses.size()) + " of " + rows.size()
				+ " reference values within tolerance; settings " + named + "; " + r.diagnostics());
		misses.forEach(m -> System.out.println("  miss " + m));
		assertTrue(misses.isEmpty(), config + ": " + misses.size() + " misses");
	}
}
