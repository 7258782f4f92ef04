package lesionradiomics.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Linear lesion scores against hand-computed values. */
class ScoreModelTest {

	static List<List<String>> rows(String... lines) {
		return Arrays.stream(lines).map(l -> Arrays.asList(l.split(",", -1))).toList();
	}

	static final List<List<String>> MODEL = rows(
			"# illustrative",
			"term,kind,column,level,min,max,coefficient,clip",
			"intercept,intercept,,,,,0.5,",
			"a,feature,original_firstorder_Mean,,10,50,2,",
			"b,feature,ring_original_glcm_Idmn,,0,10,-1,",
			"liver,category,site,liver,,,0.3,",
			"kvp,covariate,kvp,,,,0.01,",
			"cutoff,cutoff,,,,,3,");

	static ScoreModel.Inputs lesion(Map<String, Double> features, Map<String, String> text) {
		return new ScoreModel.Inputs() {
			@Override
			public double feature(String column) { return features.getOrDefault(column, Double.NaN); }

			@Override
			public String text(String column) { return text.get(column); }
		};
	}

	static final Map<String, Double> FEATURES = Map.of("original_firstorder_Mean", 30.0, "ring_original_glcm_Idmn", -5.0);

	/**
	 * By hand: 0.5 + 2 × (30 − 10)/(50 − 10) − 1 × (−5 − 0)/(10 − 0) + 0.3 × [site = liver] + 0.01 × 120
	 * = 0.5 + 1.0 + 0.5 + 0.3 + 1.2 = 3.5 (b's −0.5 is outside [0, 1] and stays there: no clip).
	 */
	@Test
	void scoreEqualsHandComputedValue() {
		ScoreModel m = ScoreModel.parse(MODEL);
		assertEquals(4, m.terms().size());
		assertEquals(3, m.cutoff());
		assertEquals(3.5, m.score(lesion(FEATURES, Map.of("site", "liver", "kvp", "120"))).value(), 1e-12);
		assertEquals(3.2, m.score(lesion(FEATURES, Map.of("site", "Lung", "kvp", "120"))).value(), 1e-12, "another site: indicator 0");
	}

	@Test
	void clipClampsTheNormalisedValueOnlyWhenAsked() {
		List<List<String>> clipped = new java.util.ArrayList<>(MODEL);
		clipped.set(4, Arrays.asList("b,feature,ring_original_glcm_Idmn,,0,10,-1,clip".split(",", -1)));
		// b's normalised value -0.5 becomes 0: 0.5 + 1.0 + 0 + 0.3 + 1.2
		assertEquals(3.0, ScoreModel.parse(clipped).score(lesion(FEATURES, Map.of("site", "liver", "kvp", "120"))).value(), 1e-12);
	}

	@Test
	void aMissingInputGivesAMissingScoreWithTheReasonNeverZero() {
		ScoreModel m = ScoreModel.parse(MODEL);
		ScoreModel.Score noKvp = m.score(lesion(FEATURES, Map.of("site", "liver")));
		assertTrue(noKvp.missing());
		assertTrue(noKvp.reason().contains("covariate kvp is missing"), noKvp.reason());
		ScoreModel.Score badKvp = m.score(lesion(FEATURES, Map.of("site", "liver", "kvp", "high")));
		assertTrue(badKvp.missing() && badKvp.reason().contains("'high' is not a number"), badKvp.reason());
		ScoreModel.Score noFeature = m.score(lesion(Map.of("original_firstorder_Mean", 30.0), Map.of("site", "liver", "kvp", "120")));
		assertTrue(noFeature.missing() && noFeature.reason().contains("ring_original_glcm_Idmn"), noFeature.reason());
		ScoreModel.Score noSite = m.score(lesion(FEATURES, Map.of("site", "", "kvp", "120")));
		assertTrue(noSite.missing() && noSite.reason().contains("site is missing"), noSite.reason());
	}

	@Test
	void badModelFilesAreRefusedNamingTheLine() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ScoreModel.parse(rows("kind,column,min,max,coefficient", "feature,original_firstorder_Mean,5,5,1")));
		assertTrue(e.getMessage().startsWith("line 2: max must be greater than min"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ScoreModel.parse(rows("kind,column,coefficient", "slope,x,1")));
		assertTrue(e.getMessage().contains("kind 'slope'"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ScoreModel.parse(rows("kind,column,level,coefficient", "category,site,,1")));
		assertTrue(e.getMessage().contains("needs a level"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ScoreModel.parse(rows("kind,column,coefficient", "covariate,kvp,abc")));
		assertTrue(e.getMessage().contains("coefficient must be a finite number"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ScoreModel.parse(rows("term,coefficient", "a,1")));
		assertTrue(e.getMessage().contains("needs the columns"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ScoreModel.parse(rows("kind,column,coefficient", "intercept,,1")));
		assertTrue(e.getMessage().contains("no feature, category or covariate term"), e.getMessage());
	}
}
