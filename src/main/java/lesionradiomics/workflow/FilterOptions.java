package lesionradiomics.workflow;

/**
 * Options of the {@code filter} job: IBSI 2 filters to apply to an image, as a spec list
 * ({@link lesionradiomics.preprocess.filter.FilterSpec}: {@code LoG:sigma=1.5,boundary=mirror;Laws:kernel=L5E5E5}).
 */
public record FilterOptions(String filters) {

	public static final FilterOptions DEFAULTS = new FilterOptions("LoG:sigma=1.5,boundary=mirror");

	public FilterOptions {
		if (filters == null || filters.isBlank()) throw new IllegalArgumentException("no filter given (e.g. LoG:sigma=1.5,boundary=mirror)");
	}
}
