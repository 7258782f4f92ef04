package lesionradiomics.features;

/**
 * A lesion that stops the whole extraction rather than being skipped: its data or the settings are wrong in a way the
 * user must fix (NaN or infinite voxels under the default policy, a bin width or resampling that would not fit in
 * memory). The front ends report it as one line naming the patient and label.
 */
public final class ExtractionAborted extends RuntimeException {

	private static final long serialVersionUID = 1L;
	private final long label;

	public ExtractionAborted(long label, String problem) {
		super(problem);
		this.label = label;
	}

	public long label() { return label; }
}
