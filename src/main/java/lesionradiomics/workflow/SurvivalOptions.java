package lesionradiomics.workflow;

import java.util.List;
import java.util.Locale;

/**
 * Survival of a patient-level variable.
 *
 * @param variable        the patient table's column to analyse (e.g. score_min)
 * @param endpoint        blank: the clinical columns time and event; e.g. "os": os_time and os_event
 * @param cutoff          blank: the variable as continuous only; a number; "median"; or "optimal" (survminer's
 *                        surv_cutpoint on the training patients, or on all without a split)
 * @param minprop         the optimal cut-off leaves at least this share of patients on each side (0.1)
 * @param covariates      clinical columns added to the multivariate Cox model
 * @param strata          a clinical column to stratify the log-rank test by (blank: none)
 * @param trainFraction   0: no split; else the share of patients in the training set (e.g. 0.667)
 * @param seed            the split's random seed
 * @param stratifyByEvent split events and censored patients separately, so both sets have the same event rate
 */
public record SurvivalOptions(String variable, String endpoint, String cutoff, double minprop, List<String> covariates, String strata,
		double trainFraction, long seed, boolean stratifyByEvent) {

	public static final SurvivalOptions DEFAULTS = new SurvivalOptions("", "", "", 0.1, List.of(), "", 0, 20220101, true);

	public SurvivalOptions {
		variable = variable == null ? "" : variable.trim();
		endpoint = endpoint == null ? "" : endpoint.trim();
		cutoff = cutoff == null ? "" : cutoff.trim().toLowerCase(Locale.ROOT);
		if (!cutoff.isEmpty() && !cutoff.equals("median") && !cutoff.equals("optimal")) {
			try {
				if (!Double.isFinite(Double.parseDouble(cutoff))) throw new NumberFormatException();
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("cutoff must be a number, median or optimal, is '" + cutoff + "'");
			}
		}
		if (!(minprop > 0 && minprop < 0.5)) throw new IllegalArgumentException("minprop must be between 0 and 0.5 (exclusive), is " + minprop);
		strata = strata == null ? "" : strata.trim();
		covariates = covariates == null ? List.of() : covariates.stream().map(String::trim).filter(c -> !c.isEmpty()).distinct().toList();
		if (!(trainFraction == 0 || trainFraction > 0 && trainFraction < 1))
			throw new IllegalArgumentException("train-fraction must be 0 (no split) or between 0 and 1, is " + trainFraction);
	}

	/** The clinical columns of time and event. */
	public String timeColumn() {
		return endpoint.isEmpty() ? "time" : endpoint + "_time";
	}

	public String eventColumn() {
		return endpoint.isEmpty() ? "event" : endpoint + "_event";
	}
}
