package lesionradiomics.workflow;

/** A deliberate violation for {@code ArchitectureTest}: a workflow that reaches for ImageJ's UI. Never used. */
final class UiLeakFixture {
	static void show(String message) {
		ij.IJ.showMessage(message);
	}
}
