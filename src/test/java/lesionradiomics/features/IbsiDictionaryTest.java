package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The shipped dictionary (column → IBSI name → code → section) is the one the feature classes declare. */
class IbsiDictionaryTest {

	@Test
	void shippedDictionaryMatchesTheFeatureClasses() throws Exception {
		String shipped;
		try (InputStream in = IbsiFamily.class.getResourceAsStream("/lesionradiomics/ibsi_features.tsv")) {
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertEquals(IbsiFamily.dictionaryTsv(), shipped,
				"src/main/resources/lesionradiomics/ibsi_features.tsv is stale: regenerate it from IbsiFamily.dictionaryTsv()");
	}

	@Test
	void everyIbsi1FeatureOnce() {
		int[] expected = { 29, 2, 18, 23, 7, 25, 16, 16, 16, 5, 17 };
		Set<String> columns = new HashSet<>();
		for (IbsiFamily f : IbsiFamily.values()) {
			assertEquals(expected[f.ordinal()], f.featureNames().size(), f + " features");
			for (String[] row : f.dictionary()) assertEquals(true, columns.add(row[0]), "duplicate column " + row[0]);
		}
		assertEquals(4 * Math.PI * 9, Morphology.ellipsoidArea(3, 3, 3), 1e-9, "sphere");
		// IBSI's series is its own approximation, not the exact surface (a prolate spheroid 2, 1, 1 has 21.48 mm²): the
		// digital phantom's area density AEE (1.36) is its check; here the series' value for 2, 1, 1 summed by hand
		double series = 0;
		for (int nu = 0; nu <= 20; nu++) series += Math.pow(0.75, nu) / (1 - 4.0 * nu * nu); // x = 1: P_nu(1) = 1
		assertEquals(4 * Math.PI * 2 * series, Morphology.ellipsoidArea(2, 1, 1), 1e-9);
	}
}
