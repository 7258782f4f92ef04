package lesionradiomics.workflow;

import java.util.List;

import lesionradiomics.analysis.Aggregation;

/**
 * Two time points: lesion and patient response (RECIST 1.1), delta-radiomics and the association of a lesion variable
 * with progression.
 *
 * @param extraction         the features at both time points
 * @param variable           lesion variable tested against progression: a feature at baseline
 *                           ({@code original_glcm_Idmn}) or its relative change ({@code delta_original_glcm_Idmn});
 *                           blank: no association analysis
 * @param cutoff             the variable's cut-off for the odds ratio: a number, or "youden" (the ROC's best)
 * @param minVolumeMl        baseline volume thresholds of the subgroup analyses (mL), e.g. 0.5 and 1
 * @param progression        relative diameter increase that is progression (RECIST 0.20)
 * @param response           relative diameter decrease that is response (RECIST 0.30)
 * @param volumeProgression  relative volume increase of the volumetric reading (0.73)
 * @param volumeResponse     relative volume decrease of the volumetric reading (0.65)
 * @param deltaSite          patient-level delta over the lesions of this site only (blank: all; Dercle et al.: liver)
 * @param deltaAggregation   how lesion deltas become the patient's (Dercle et al.: volume-weighted mean)
 * @param bootstrap          patient-level bootstrap resamples of the AUC's interval (0: none)
 * @param seed               the bootstrap's seed
 */
public record ResponseOptions(ExtractionOptions extraction, String variable, String cutoff, List<Double> minVolumeMl, double progression, double response,
		double volumeProgression, double volumeResponse, String deltaSite, Aggregation deltaAggregation, int bootstrap, long seed) {

	public static final ResponseOptions DEFAULTS = new ResponseOptions(ExtractionOptions.DEFAULTS, "", "youden", List.of(), 0.20, 0.30, 0.73, 0.65, "",
			Aggregation.VOLUME_WEIGHTED_MEAN, 1000, 20220101);

	/** Prefix of a variable that is a feature's relative change. */
	public static final String DELTA = "delta_";

	/**
	 * The variable written as a column name: a feature in any spelling (FeatureNames), with its delta_ prefix kept; a name
	 * that is no feature stays as given (the check before extraction names it and the nearest column).
	 */
	private static String canonical(String variable) {
		if (variable.isEmpty()) return variable;
		boolean delta = variable.startsWith(DELTA);
		try {
			return (delta ? DELTA : "") + FeatureNames.column(delta ? variable.substring(DELTA.length()) : variable, "--variable");
		} catch (IllegalArgumentException e) {
			return variable;
		}
	}

	public ResponseOptions {
		variable = variable == null ? "" : canonical(variable.trim());
		cutoff = cutoff == null || cutoff.isBlank() ? "youden" : cutoff.trim().toLowerCase(java.util.Locale.ROOT);
		if (!cutoff.equals("youden")) {
			try {
				if (!Double.isFinite(Double.parseDouble(cutoff))) throw new NumberFormatException();
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("cutoff must be a number or youden, is '" + cutoff + "'");
			}
		}
		minVolumeMl = minVolumeMl == null ? List.of() : List.copyOf(minVolumeMl);
		for (double v : minVolumeMl) if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("min-volume-ml values must be >= 0 mL, got " + v);
		String[] names = { "progression", "response", "volume-progression", "volume-response" };
		double[] values = { progression, response, volumeProgression, volumeResponse };
		for (int i = 0; i < names.length; i++)
			if (!(values[i] > 0) || Double.isInfinite(values[i]))
				throw new IllegalArgumentException(names[i] + " must be a positive fraction (0.2 = 20 %), is " + values[i]);
		if (response >= 1) throw new IllegalArgumentException("response (a decrease) must be below 1 (100 %), is " + response);
		if (volumeResponse >= 1) throw new IllegalArgumentException("volume-response (a decrease) must be below 1 (100 %), is " + volumeResponse);
		deltaSite = deltaSite == null ? "" : deltaSite.trim();
		if (deltaAggregation == null) deltaAggregation = Aggregation.VOLUME_WEIGHTED_MEAN;
		if (bootstrap < 0 || bootstrap > 100000) throw new IllegalArgumentException("bootstrap must be between 0 and 100000, is " + bootstrap);
	}
}
