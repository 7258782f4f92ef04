package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.preprocess.IbsiDiscretisation;
import lesionradiomics.testing.SharedReference;

/**
 * IBSI 1 digital phantom (5×4×4, 2 mm, grey levels 1–6 as given, no discretisation): every reference value of every
 * family and aggregation method within IBSI's tolerance.
 */
class IbsiDigitalPhantomTest {

	static IbsiRegion phantom() throws Exception {
		IbsiReference.Image image = IbsiReference.read(SharedReference.require("ibsi/digital_phantom/phantom.nii.gz"));
		IbsiReference.Image mask = IbsiReference.read(SharedReference.require("ibsi/digital_phantom/mask.nii.gz"));
		boolean[] m = new boolean[mask.values().length];
		for (int i = 0; i < m.length; i++) m[i] = mask.values()[i] >= 0.5;
		return new IbsiRegion(image.size(), image.spacing(), image.values(), m, m.clone());
	}

	@Test
	void everyReferenceValueOfTheDigitalPhantom() throws Exception {
		IbsiRegion r = phantom();
		Map<String, Double> values = new java.util.LinkedHashMap<>();
		for (boolean threeD : new boolean[] { false, true })
			values.putAll(IbsiFeatures.compute(r, new IbsiFeatures.Config(threeD, IbsiDiscretisation.none(), IbsiDiscretisation.none(), Double.NaN, Double.NaN)));
		List<IbsiReference.Row> rows = IbsiReference.rows(IbsiReference.json(), "dig");
		List<String> misses = IbsiReference.misses(rows, values);
		System.out.println("IBSI digital phantom: " + (rows.size() - misses.size()) + " of " + rows.size() + " reference values within tolerance");
		misses.forEach(s -> System.out.println("  miss " + s));
		assertEquals(482, rows.size(), "reference rows of the digital phantom");
		assertTrue(misses.isEmpty(), misses.size() + " misses");
	}
}
