package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.features.FeatureRegistry;
import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.workflow.ExtractionOptions;

/** A pyradiomics parameter file read as pyradiomics reads it, options given beside it winning, and bad files named. */
class ParameterFileTest {

	@TempDir
	Path dir;

	static final String FILE = "imageType:\n  Original: {}\n  LoG:\n    sigma: [1.0, 3]\n  Wavelet:\n    wavelet: haar\n"
			+ "featureClass:\n  shape:\n  firstorder: []\n  glcm: ['Contrast', 'Idmn']\n"
			+ "setting:\n  binWidth: 10\n  resampledPixelSpacing: [1, 1, 1]\n  interpolator: sitkBSpline\n  additionalInfo: true\n";

	ExtractionOptions bind(String yaml, String imageTypes, Double binWidth, Integer binCount) throws Exception {
		Path p = dir.resolve("params.yaml");
		Files.writeString(p, yaml);
		return Bind.extraction(p, "pyradiomics", binWidth, binCount, "", "", "", imageTypes, List.of(), List.of(), Map.of(), 0, 0, "error", List.of(), 2, n -> {});
	}

	@Test
	void everySectionIsApplied() throws Exception {
		ExtractionOptions o = bind(FILE, "", null, null);
		assertEquals("Original;LoG:sigma=1.0,3;Wavelet:wavelet=haar:start_level=0:level=1", o.imageTypes());
		assertEquals(10.0, o.featureSettings().binWidth());
		assertEquals("[1.0, 1.0, 1.0]", java.util.Arrays.toString(o.featureSettings().resampledPixelSpacing()));
		List<String> columns = FeatureRegistry.columns(o.featureSettings());
		assertTrue(columns.contains("log-sigma-1-0-mm-3D_glcm_Idmn") && columns.contains("log-sigma-3-mm-3D_firstorder_Mean"),
				"names as pyradiomics writes them: 1.0 gives 1-0, 3 gives 3");
		assertTrue(columns.contains("wavelet-HHH_glcm_Contrast") && !columns.contains("original_glcm_Id"), "only the listed glcm features");
		assertEquals(14 + 11 * (18 + 2), columns.size(), "shape, then firstorder and 2 glcm features of 11 images: original, 2 LoG, 8 wavelet");
	}

	@Test
	void optionsGivenBesideTheFileWin() throws Exception {
		ExtractionOptions o = bind(FILE, "Original", null, 32);
		assertEquals("Original", o.imageTypes());
		assertEquals(32, o.featureSettings().binCount(), "a bin count given replaces the file's bin width instead of clashing with it");
	}

	@Test
	void badFilesAreNamedWithTheKey() {
		VolumeFormatException e = assertThrows(VolumeFormatException.class, () -> bind("voxelSetings:\n  kernelRadius: 2\n", "", null, null));
		assertTrue(e.getMessage().contains("params.yaml") && e.getMessage().contains("unknown section 'voxelSetings'")
				&& e.getMessage().contains("did you mean voxelSetting?"), e.getMessage());
		e = assertThrows(VolumeFormatException.class, () -> bind("imageType:\n  LoG:\n    sigma: [1]\n    binWidth: 5\n", "", null, null));
		assertTrue(e.getMessage().contains("params.yaml") && e.getMessage().contains("LoG has no setting 'binWidth'"), e.getMessage());
		e = assertThrows(VolumeFormatException.class, () -> bind("setting:\n  binWidht: 5\n", "", null, null));
		assertTrue(e.getMessage().contains("unknown setting 'binWidht'"), e.getMessage());
		e = assertThrows(VolumeFormatException.class, () -> bind("imageType: [Original\n", "", null, null));
		assertTrue(e.getMessage().contains("not a readable YAML"), e.getMessage());
		IllegalArgumentException i = assertThrows(IllegalArgumentException.class, () -> bind("", "Original;Gradient", null, null));
		assertTrue(i.getMessage().contains("unknown image type 'Gradient'"), i.getMessage());
	}

	/**
	 * A parameter file as projects have them (issue 29: refused before for label, correctMask, geometryTolerance and
	 * voxelSetting): every pyradiomics key is applied or read with a note saying why it is not.
	 */
	@Test
	void aProjectsParameterFileIsReadWithANotePerKeyNotApplied() throws Exception {
		String yaml = FILE + "  label: 2\n  correctMask: True\n  geometryTolerance: 0.001\n  preCrop: true\nvoxelSetting:\n  kernelRadius: 2\n  maskedKernel: true\n";
		ExtractionOptions o = bind(yaml, "", null, null);
		assertEquals(10.0, o.featureSettings().binWidth(), "the applied settings still are");
		Path p = dir.resolve("params.yaml");
		lesionradiomics.io.ParameterFile f = lesionradiomics.io.ParameterFile.read(p);
		assertEquals(Map.of("kernelRadius", "2", "maskedKernel", "true"), f.voxel());
		String notes = String.join("\n", f.notes());
		for (String key : List.of("setting label: 2", "setting correctMask", "setting geometryTolerance", "setting preCrop", "setting additionalInfo", "voxelSetting"))
			assertTrue(notes.contains(key), key + " in\n" + notes);
		assertTrue(notes.contains("maps command"), notes);
		assertEquals(6, f.notes().size(), notes);
		assertTrue(!f.settings().containsKey("label") && !f.settings().containsKey("geometryTolerance"), "not passed on as settings");
	}
}
