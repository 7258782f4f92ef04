package lesionradiomics.workflow;

/**
 * The whole study on a cohort: extraction on the delineated, eroded and dilated masks, selection, heterogeneity and
 * sampling recovery. Sampling uses the heterogeneity analysis' scaling, so both analyse the same distances.
 *
 * @param resume reuse the per-patient results of an earlier run made with the same extraction settings
 */
public record CohortOptions(ExtractionOptions extraction, SelectionOptions selection, HeterogeneityOptions heterogeneity, SamplingOptions sampling,
		boolean resume) {

	public static final CohortOptions DEFAULTS = new CohortOptions(ExtractionOptions.DEFAULTS, SelectionOptions.DEFAULTS,
			HeterogeneityOptions.DEFAULTS, SamplingOptions.DEFAULTS, false);

	public CohortOptions {
		sampling = sampling.withScaling(heterogeneity.scaling());
	}
}
