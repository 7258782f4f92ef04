package lesionradiomics.workflow;

/**
 * The whole study on a cohort: extraction on the delineated, eroded and dilated masks, selection, heterogeneity and
 * sampling recovery, then lesion scores and patient values. Sampling uses the heterogeneity analysis' scaling, so
 * both analyse the same distances.
 *
 * @param resume    reuse the per-patient results of an earlier run made with the same extraction settings
 * @param overwrite replace the results of an earlier run in the output folder (without it, a folder that is not
 *                  empty is refused unless resuming)
 */
public record CohortOptions(ExtractionOptions extraction, SelectionOptions selection, HeterogeneityOptions heterogeneity, SamplingOptions sampling,
		ScoreOptions scores, boolean resume, boolean overwrite) {

	public static final CohortOptions DEFAULTS = new CohortOptions(ExtractionOptions.DEFAULTS, SelectionOptions.DEFAULTS,
			HeterogeneityOptions.DEFAULTS, SamplingOptions.DEFAULTS, ScoreOptions.DEFAULTS, false, false);

	public CohortOptions {
		sampling = sampling.withScaling(heterogeneity.scaling());
	}
}
