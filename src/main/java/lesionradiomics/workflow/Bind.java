package lesionradiomics.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lesionradiomics.analysis.Aggregation;
import lesionradiomics.analysis.Correlation;
import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.Phenotypes;
import lesionradiomics.features.FeatureSettings;
import lesionradiomics.features.ImageType;
import lesionradiomics.io.CohortTable;
import lesionradiomics.io.ParameterFile;
import lesionradiomics.io.VolumeFormatException;

/**
 * How every front end (command-line options, SciJava parameters and the ImageJ 1.x dialogs built from them) turns its
 * plain values into the workflows' options records, so a value means the same everywhere. Blank text and 0 for the convenience fields mean
 * "not set"; checks live in the records.
 */
public final class Bind {

	private Bind() {}

	/**
	 * Extraction options from the fields the front ends show; {@code binWidth}, {@code binCount}, {@code binRange},
	 * {@code resample} and {@code interpolator} are shortcuts for the pyradiomics settings of those names.
	 *
	 * @param binWidth bin width, or null when not given (0, negative or NaN given: the record's check names the range)
	 * @param binCount bin count, or null when not given
	 * @param settings further pyradiomics settings by name
	 * @param params   a pyradiomics parameter file (YAML) applied first, or null; the other fields override it
	 * @param notes    gets the file's keys that are not applied, each with its reason (never ignored silently)
	 */
	public static ExtractionOptions extraction(Path params, String preset, Double binWidth, Integer binCount, String binRange, String resample,
			String interpolator, String imageTypes, List<String> classes, List<String> features, Map<String, String> settings, int splitComponents,
			double minLesionMm3, String nanPolicy, List<String> voi, double ringMm, java.util.function.Consumer<String> notes) throws java.io.IOException {
		ParameterFile file = params == null ? ParameterFile.NONE : ParameterFile.read(params);
		try { // the file's own errors name the file
			ImageType.parseList(file.imageTypes());
			FeatureSettings.fromMap(file.settings());
		} catch (IllegalArgumentException e) {
			throw new VolumeFormatException(params, e.getMessage());
		}
		Map<String, String> s = new LinkedHashMap<>(file.settings());
		List<String> binning = List.of("binWidth", "binCount", "binRange");
		if (binWidth != null || binCount != null || (binRange != null && !binRange.isBlank()) || settings.keySet().stream().anyMatch(binning::contains))
			s.keySet().removeAll(binning); // a binning given here replaces the file's
		s.putAll(settings);
		if (binWidth != null) s.put("binWidth", Double.toString(binWidth));
		if (binCount != null) s.put("binCount", Integer.toString(binCount));
		putIfSet(s, "binRange", binRange);
		putIfSet(s, "resampledPixelSpacing", resample);
		putIfSet(s, "interpolator", interpolator);
		List<String> vois = new ArrayList<>(trimmed(voi));
		vois.remove(PRESET_VOI);
		String types = imageTypes != null && !imageTypes.isBlank() ? imageTypes : file.imageTypes();
		List<String> cls = trimmed(classes), feats = trimmed(features);
		if (cls.isEmpty() && feats.isEmpty()) {
			cls = file.classes();
			feats = file.features();
		}
		ExtractionOptions o = new ExtractionOptions(preset, s, types, cls, feats, splitComponents, minLesionMm3, nanPolicy, vois, ringMm);
		file.notes().forEach(notes);
		return o;
	}

	/** The dialogs' volume-of-interest choice meaning "the preset's" (core; sun2022: core and ring). */
	public static final String PRESET_VOI = "preset";

	private static void putIfSet(Map<String, String> s, String name, String value) {
		if (value != null && !value.isBlank()) s.put(name, value.trim());
	}

	/** @param clusters number of clusters, or null / 0 for the dialogs' "cut at |r|" (the CLI refuses a given 0) */
	public static SelectionOptions selection(double radius, double ccc, String correlation, double cut, Integer clusters, List<String> prefer) {
		return new SelectionOptions(radius, ccc, Correlation.Method.parse(correlation), cut, clusters == null ? 0 : clusters,
				prefer == null || trimmed(prefer).isEmpty() ? SelectionOptions.DEFAULTS.prefer() : trimmed(prefer));
	}

	public static lesionradiomics.workflow.SignatureOptions signature(String outcome, List<String> positive, String time, String event, String validation,
			double trainFraction, int folds, long seed, double reproducibility, String agreement, double redundancy, String correlation, int topK, String model,
			double alpha, String lambda, double fixedLambda, int innerFolds, int trees, int threads) {
		boolean survival = time != null && !time.isBlank() || event != null && !event.isBlank();
		return new lesionradiomics.workflow.SignatureOptions(survival ? null : outcome, trimmed(positive), survival ? blankToNull(time) : null,
				survival ? blankToNull(event) : null, lesionradiomics.workflow.SignatureOptions.Validation.parse(validation), trainFraction, folds, seed,
				reproducibility, agreement, redundancy, Correlation.Method.parse(correlation), topK, lesionradiomics.workflow.SignatureOptions.Model.parse(model),
				alpha, lesionradiomics.workflow.SignatureOptions.LambdaRule.parse(lambda), fixedLambda, innerFolds, trees,
				threads == 0 ? Runtime.getRuntime().availableProcessors() : threads); // 0: all cores, as every command
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	public static HeterogeneityOptions heterogeneity(String scaling, String groups, String groupColumn) {
		return new HeterogeneityOptions(Dissimilarity.Scaling.parse(scaling), groups, groupColumn);
	}

	public static SamplingOptions sampling(int simulations, long seed, boolean ratio, String scaling, List<String> excludeSites, int kmax, double target) {
		return new SamplingOptions(simulations, seed, ratio, Dissimilarity.Scaling.parse(scaling), trimmed(excludeSites), kmax, target);
	}

	public static ScoreOptions scores(List<String> variables, List<String> aggregations, int k, int entropyBins, double minVolumeMl, List<String> sites) {
		List<Aggregation> methods = new ArrayList<>();
		for (String a : trimmed(aggregations)) methods.add(Aggregation.parse(a));
		return new ScoreOptions(trimmed(variables), methods, k, entropyBins, minVolumeMl, trimmed(sites));
	}

	public static ResponseOptions response(ExtractionOptions extraction, String variable, String cutoff, List<Double> minVolumeMl, double progression,
			double response, double volumeProgression, double volumeResponse, String deltaSite, String deltaAggregation, int bootstrap, long seed) {
		return new ResponseOptions(extraction, variable, cutoff, minVolumeMl, progression, response, volumeProgression, volumeResponse, deltaSite,
				Aggregation.parse(deltaAggregation == null || deltaAggregation.isBlank() ? "vwmean" : deltaAggregation), bootstrap, seed);
	}

	public static PhenotypeOptions phenotypes(String method, int k, int kmax, long seed) {
		Phenotypes.Method m;
		try {
			m = Phenotypes.Method.valueOf(method.trim().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("method must be average, ward or kmeans, is '" + method + "'");
		}
		return new PhenotypeOptions(m, k, kmax, seed);
	}

	/**
	 * The maps' options. {@code habitatFeatures} "none" (or empty) maps without habitats; thresholds and pyradiomics
	 * settings as name → value text.
	 */
	/**
	 * As {@link #maps(List, int, List, List, Double, Integer, Map, boolean, boolean, Map, List, int, int, long)}, first
	 * from a pyradiomics parameter file ({@code setting:}, {@code featureClass:}, {@code voxelSetting: kernelRadius}) as
	 * pyradiomics' voxel-based extraction reads it, the options given winning; {@code resample} (x,y,z mm) is
	 * resampledPixelSpacing. What the file has that maps do not apply goes to {@code notes}, with the reason.
	 */
	public static MapsOptions maps(Path params, String resample, List<String> labels, Integer kernelRadius, List<String> classes, List<String> features, Double binWidth,
			Integer binCount, Map<String, String> settings, boolean csv, boolean nrrd, Map<String, String> thresholds, List<String> habitatFeatures, int habitats,
			int habitatKmax, long seed, java.util.function.Consumer<String> notes) throws java.io.IOException {
		ParameterFile file = params == null ? ParameterFile.NONE : ParameterFile.read(params);
		file.notes().stream().filter(n -> !n.contains(": voxelSetting {")).forEach(notes); // maps apply voxelSetting: see below
		if (!file.imageTypes().isBlank() && !file.imageTypes().trim().equalsIgnoreCase("Original"))
			notes.accept(params.getFileName() + ": imageType " + file.imageTypes() + ": maps are of the original image only");
		int radius = kernelRadius != null ? kernelRadius : MapsOptions.DEFAULTS.kernelRadius();
		for (Map.Entry<String, String> v : file.voxel().entrySet()) {
			String value = v.getValue() == null ? "" : v.getValue().trim();
			if (v.getKey().equals("kernelRadius") && kernelRadius == null) {
				try {
					radius = Integer.parseInt(value);
				} catch (NumberFormatException e) {
					throw new IllegalArgumentException(params.getFileName() + ": voxelSetting kernelRadius must be an integer, is '" + value + "'");
				}
			} else if (v.getKey().equals("maskedKernel") && !value.equalsIgnoreCase("true"))
				throw new IllegalArgumentException(params.getFileName() + ": voxelSetting maskedKernel " + value + " is not supported: maps use masked kernels (pyradiomics' default)");
			else if (!v.getKey().equals("kernelRadius") && !v.getKey().equals("maskedKernel"))
				notes.accept(params.getFileName() + ": voxelSetting " + v.getKey() + " is not applied (" + (v.getKey().equals("initValue")
						? "voxels outside the lesion are empty in the maps, not a fill value" : "it changes only how pyradiomics batches its work") + ")");
		}
		Map<String, String> s = new LinkedHashMap<>(file.settings());
		s.putAll(settings);
		putIfSet(s, "resampledPixelSpacing", resample);
		return maps(labels, radius, classes.isEmpty() && features.isEmpty() ? file.classes() : classes, classes.isEmpty() && features.isEmpty() ? file.features() : features,
				binWidth, binCount, s, csv, nrrd, thresholds, habitatFeatures, habitats, habitatKmax, seed);
	}

	public static MapsOptions maps(List<String> labels, int kernelRadius, List<String> classes, List<String> features, Double binWidth, Integer binCount, Map<String, String> settings,
			boolean csv, boolean nrrd, Map<String, String> thresholds, List<String> habitatFeatures, int habitats, int habitatKmax, long seed) {
		List<Long> ls = new ArrayList<>();
		for (String l : trimmed(labels)) {
			try {
				ls.add(Long.parseLong(l));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("label '" + l + "' is not an integer");
			}
		}
		Map<String, String> s = new LinkedHashMap<>(settings);
		if (binWidth != null) s.put("binWidth", Double.toString(binWidth));
		if (binCount != null) s.put("binCount", Integer.toString(binCount));
		Map<String, Double> t = new LinkedHashMap<>();
		thresholds.forEach((f, v) -> {
			try {
				t.put(f.trim(), Double.parseDouble(v.trim()));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("threshold of " + f + " is not a number: '" + v + "'");
			}
		});
		List<String> h = trimmed(habitatFeatures);
		if (h.size() == 1 && h.get(0).equalsIgnoreCase("none")) h = List.of();
		return new MapsOptions(ls, kernelRadius, trimmed(classes), trimmed(features), s, csv, nrrd, t, h, habitats, habitatKmax, seed);
	}

	/** Numbers from "0.5, 1" (empty for blank). */
	public static List<Double> numbers(String text) {
		List<Double> out = new ArrayList<>();
		for (String s : list(text)) {
			try {
				out.add(Double.parseDouble(s));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("'" + s + "' is not a number in '" + text + "'");
			}
		}
		return out;
	}

	/** Splits "a, b ,c" into trimmed parts (empty list for blank). */
	public static List<String> list(String text) {
		if (text == null || text.isBlank()) return List.of();
		return List.of(text.trim().split("\\s*,\\s*"));
	}

	/** "name=value; name=value" (the dialogs' further settings) as a map; pairs may also be separated by new lines. */
	public static Map<String, String> pairs(String text) {
		Map<String, String> out = new LinkedHashMap<>();
		if (text == null || text.isBlank()) return out;
		for (String kv : text.trim().split("\\s*[;\\n]\\s*")) {
			if (kv.isBlank()) continue;
			String[] p = kv.split("=", 2);
			if (p.length != 2) throw new IllegalArgumentException("settings are name=value pairs separated by ';', got '" + kv + "'");
			out.put(p[0].trim(), p[1].trim());
		}
		return out;
	}

	/** The perturbed tables of a signature: NAME=TABLE.csv items (the CLI's --perturbed, the dialog's ';'-separated pairs). */
	public static Map<String, Path> perturbed(List<String> items) {
		Map<String, Path> out = new LinkedHashMap<>();
		for (String s : trimmed(items)) {
			int eq = s.indexOf('=');
			if (eq <= 0 || eq == s.length() - 1) throw new IllegalArgumentException("perturbed takes NAME=TABLE.csv (e.g. eroded=eroded.csv), is '" + s + "'");
			out.put(s.substring(0, eq).trim(), Path.of(s.substring(eq + 1).trim()));
		}
		return out;
	}

	/** A value the dialogs show as 0 for "not set" (the preset's). */
	public static Double unlessZero(double v) {
		return v == 0 ? null : v;
	}

	public static Integer unlessZero(int v) {
		return v == 0 ? null : v;
	}

	/** Lower-case name of an enum constant, as the front ends show choices. */
	public static String name(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}

	private static List<String> trimmed(List<String> items) {
		List<String> out = new ArrayList<>();
		if (items != null) for (String i : items) if (i != null && !i.isBlank()) out.add(i.trim());
		return out;
	}

	/** The "one patient or a cohort table" input of the commands that extract several patients. */
	public static CohortTable cohort(Path cohort, Path image, Path labels, Path lesions, String patient) throws java.io.IOException {
		if (cohort != null) {
			if (image != null || labels != null) throw new IllegalArgumentException("give either --cohort or --image/--labels, not both");
			return CohortTable.read(cohort);
		}
		if (image == null || labels == null) throw new IllegalArgumentException("give --image and --labels (one patient) or --cohort COHORT.csv");
		String id = patient != null && !patient.isBlank() ? patient.trim() : ExtractionWorkflow.stem(image);
		return CohortTable.single(id, image, labels, lesions);
	}
}
