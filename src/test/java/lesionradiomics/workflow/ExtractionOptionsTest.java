package lesionradiomics.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.features.FeatureSettings;

/** The presets as the studies describe them, and settings given on top of them. */
class ExtractionOptionsTest {

	static ExtractionOptions preset(String name, Map<String, String> settings, List<String> voi) {
		return new ExtractionOptions(name, settings, "", List.of(), List.of(), 0, 0, "error", voi, 2);
	}

	/** Sun et al. 2022 (methods): 1×1×1 mm resampling, absolute discretisation into 400 bins from −1000 to 3000 HU, core and peritumoral ring. */
	@Test
	void sun2022IsTheStudysSettings() {
		ExtractionOptions o = preset("sun2022", Map.of(), List.of());
		FeatureSettings s = o.featureSettings();
		assertEquals("[-1000.0, 3000.0, 400.0]", s.asMap().get("binRange"));
		assertArrayEquals(new double[] { 1, 1, 1 }, s.resampledPixelSpacing());
		assertEquals("sitkBSpline", s.interpolator());
		assertEquals(List.of("core", "ring"), o.voi());
		assertEquals(List.of("core"), preset("sun2022", Map.of(), List.of("core")).voi(), "a given VOI wins over the preset's");
		assertEquals(List.of("core"), preset("pyradiomics", Map.of(), List.of()).voi());
	}

	@Test
	void aBinningGivenOnTopReplacesThePresetsOne() {
		FeatureSettings s = preset("sun2022", Map.of("binWidth", "25"), List.of()).featureSettings();
		assertNull(s.asMap().get("binRange"), "bin width 25 must not be silently overridden by the preset's range");
		assertEquals(25.0, s.asMap().get("binWidth"));
		assertEquals(25, s.binWidth());
	}

	@Test
	void anUnknownPresetListsTheKnownOnes() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> preset("sun", Map.of(), List.of()));
		assertEquals("unknown preset 'sun' (use pyradiomics or study or sun2022 or ibsi)", e.getMessage());
	}
}
