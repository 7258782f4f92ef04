package lesionradiomics.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.features.FeatureSettings;
import picocli.CommandLine.Option;

/** Extraction settings shared by the CLI commands; pyradiomics' names are accepted through {@code --param}. */
public final class ExtractionOptions {

	@Option(names = "--preset", paramLabel = "NAME", description = "Settings preset: 'pyradiomics' (defaults: bin width 25, no resampling) or 'study' (1x1x1 mm B-spline resampling, bin width 10, as the reference study).")
	String preset = "pyradiomics";

	@Option(names = "--bin-width", paramLabel = "W", description = "Fixed bin width (pyradiomics binWidth; default 25).")
	Double binWidth;

	@Option(names = "--bin-count", paramLabel = "N", description = "Fixed bin count instead of a bin width (pyradiomics binCount).")
	Integer binCount;

	@Option(names = "--bin-range", paramLabel = "MIN,MAX,N", description = "Absolute discretisation: N equal bins over [MIN, MAX], e.g. -1000,3000,400.")
	String binRange;

	@Option(names = "--resample", paramLabel = "X,Y,Z", description = "Resample each lesion to this spacing in mm (0 keeps an axis), e.g. 1,1,1.")
	String resample;

	@Option(names = "--interpolator", paramLabel = "NAME", description = "Image interpolator for --resample: sitkBSpline (default), sitkLinear, sitkNearestNeighbor.")
	String interpolator;

	@Option(names = "--classes", split = ",", paramLabel = "CLASS", description = "Feature classes to compute (default all): shape, firstorder, glcm, gldm, glrlm, glszm, ngtdm.")
	List<String> classes;

	@Option(names = "--features", split = ",", paramLabel = "CLASS:NAME", description = "Single features, e.g. glcm:Contrast,firstorder:Mean (combines with --classes).")
	List<String> features;

	@Option(names = "--param", paramLabel = "NAME=VALUE", description = "Any pyradiomics setting by its name, e.g. --param normalize=true --param resegmentRange=-100,400 --param force2D=true. Repeatable.")
	Map<String, String> params = new LinkedHashMap<>();

	@Option(names = "--split-components", paramLabel = "6|26", description = "Treat the label map as binary and number its connected components (6- or 26-connectivity) as lesions.")
	Integer splitComponents;

	@Option(names = "--min-lesion-mm3", paramLabel = "V", description = "With --split-components: drop components smaller than V mm3 (default 0).")
	double minLesionMm3 = 0;

	@Option(names = "--threads", paramLabel = "N", description = "Lesions extracted in parallel (default: all cores). Results do not depend on it.")
	Integer threads;

	FeatureSettings settings() {
		FeatureSettings s = SettingsFactory.build(preset, binWidth, binCount, resample, classes, features, params);
		if (binRange == null && interpolator == null) return s;
		FeatureSettings.Builder b = s.toBuilder();
		if (binRange != null) b.set("binRange", binRange);
		if (interpolator != null) b.interpolator(interpolator);
		return b.build();
	}

	/** The label map as given, or split into connected components when asked. */
	lesionradiomics.io.ImageData labels(lesionradiomics.io.ImageData labels) throws java.io.IOException {
		return splitComponents == null ? labels : ExtractionTask.splitComponents(labels, splitComponents, minLesionMm3);
	}

	int threads() {
		if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
		return SettingsFactory.threads(threads == null ? 0 : threads);
	}
}
