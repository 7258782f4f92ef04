package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.progress.Progress;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import picocli.CommandLine.Option;

/** The CLI's extraction options (a picocli mixin) bound to {@link ExtractionOptions}; pyradiomics' names through {@code --param}. */
final class ExtractionCliArgs {

	@Option(names = "--preset", paramLabel = "NAME", description = "Settings preset: 'pyradiomics' (defaults: bin width 25, no resampling), 'study' (1x1x1 mm B-spline resampling, bin width 10, as the reference study) 'sun2022' (1x1x1 mm B-spline, 400 bins from -1000 to 3000 HU, core and ring, as Sun et al. 2022) or 'ibsi' (every IBSI 1 feature with IBSI's processing rules; see README, Standards).")
	String preset = ExtractionOptions.DEFAULTS.preset();

	@Option(names = "--params", paramLabel = "FILE.yaml", description = "A pyradiomics parameter file (imageType, featureClass, setting), applied first; the other options override it.")
	java.nio.file.Path parameterFile;

	@Option(names = "--image-types", paramLabel = "TYPES", description = "pyradiomics image types, ';'-separated, settings after ':' (default Original), e.g. \"Original;LoG:sigma=1,3;Wavelet\"; also Square, SquareRoot, Logarithm, Exponential, Wavelet:wavelet=haar:level=2; and IBSI 2 filters as specs (see filter --help), e.g. \"LoG:sigma=1.5,boundary=mirror;Laws:kernel=L5E5E5,energy=7\".")
	String imageTypes;

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
	List<String> classes = List.of();

	@Option(names = "--features", split = ",", paramLabel = "CLASS:NAME", description = "Single features, e.g. glcm:Contrast,firstorder:Mean (also glcm_Contrast or original_glcm_Contrast; combines with --classes).")
	List<String> features = List.of();

	@Option(names = "--param", paramLabel = "NAME=VALUE", description = "Any pyradiomics setting by its name, e.g. --param normalize=true --param resegmentRange=-100,400 --param force2D=true. Repeatable.")
	Map<String, String> params = new LinkedHashMap<>();

	@Option(names = "--split-components", paramLabel = "6|26", description = "Treat the label map as binary and number its connected components (6- or 26-connectivity) as lesions.")
	int splitComponents = ExtractionOptions.DEFAULTS.splitComponents();

	@Option(names = "--min-lesion-mm3", paramLabel = "V", description = "With --split-components: drop components smaller than V mm3 (default 0).")
	double minLesionMm3 = ExtractionOptions.DEFAULTS.minLesionMm3();

	@Option(names = "--nan-policy", paramLabel = "error|exclude", description = "NaN or infinite voxels inside a lesion: 'error' (default) stops, naming patient and label; 'exclude' leaves them out of intensity and texture features and lists them in the errors file.")
	String nanPolicy = ExtractionOptions.DEFAULTS.nanPolicy();

	@Option(names = "--voi", split = ",", paramLabel = "core|ring", description = "Volumes of interest: core (the delineation) and/or ring (peritumoral ring on both sides of the boundary, columns prefixed ring_); default: the preset's (core; sun2022: core,ring).")
	List<String> voi = new java.util.ArrayList<>(); // empty: the preset's

	@Option(names = "--ring-mm", paramLabel = "MM", description = "Half-width of the peritumoral ring: dilated minus eroded mask by this radius (default 2).")
	double ringMm = ExtractionOptions.DEFAULTS.ringMm();

	@Option(names = "--threads", paramLabel = "N", description = "Parallel threads (default 0: all cores). Results do not depend on it.")
	int threads;

	ExtractionOptions options() throws java.io.IOException {
		return Bind.extraction(parameterFile, preset, binWidth, binCount, binRange, resample, interpolator, imageTypes, classes, features, params,
				splitComponents, minLesionMm3, nanPolicy, voi, ringMm, n -> System.err.println("note: " + n));
	}

	Execution execution(Progress progress) {
		return Execution.of(threads, progress);
	}
}
