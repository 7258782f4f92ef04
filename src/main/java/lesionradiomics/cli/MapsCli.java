package lesionradiomics.cli;

import lesionradiomics.workflow.Bind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import lesionradiomics.report.MapsReport;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.MapsOptions;
import lesionradiomics.workflow.MapsWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code maps}: voxel-wise feature maps of a patient's lesions, their summaries and intra-lesion habitats. */
@Command(name = "maps", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Voxel-wise feature maps (pyradiomics voxelBased, maskedKernel) of each lesion.",
				"%nEvery first-order and texture feature of the (2r+1)^3 cube around each lesion",
				"voxel, restricted to the lesion. Files per lesion <patient>_label<L>:",
				"  _maps/<feature>.nrrd (the map on the lesion's box, physical space),",
				"  _maps.csv with --csv (x,y,z voxel index, then the features),",
				"  _habitats.nrrd (subregions, with --habitats); and map_summary.csv,",
				"  lesion_habitats.csv (with --habitats)." },
		footer = { "", "Example:", "  java -jar target/lesion-radiomics-cli.jar maps --image ct.nrrd \\",
				"      --labels lesions.nrrd --label 8 --kernel-radius 1 --csv --out maps/" })
final class MapsCli implements Callable<Integer> {

	@Mixin
	ImagesCliArgs input;

	@Option(names = "--label", paramLabel = "L", description = "A lesion to map (repeatable; default all).")
	List<String> label = new ArrayList<>();

	@Option(names = "--kernel-radius", paramLabel = "R", description = "Kernel radius in voxels (default 1: 3x3x3, or the parameter file's voxelSetting kernelRadius).")
	Integer kernelRadius;

	@Option(names = "--params", paramLabel = "PARAMS.yaml", description = "A pyradiomics parameter file, read as its voxel-based extraction reads it (setting:, featureClass:, voxelSetting: kernelRadius); the options here win.")
	Path paramsFile;

	@Option(names = "--resample", paramLabel = "X,Y,Z", description = "Resample each lesion (its box + padDistance) to this spacing in mm first, as extract and pyradiomics do (B-spline; --param interpolator=sitkLinear...).")
	String resample;

	@Option(names = "--classes", split = ",", paramLabel = "CLASS", description = "Feature classes (default all but shape): firstorder, glcm, gldm, glrlm, glszm, ngtdm.")
	List<String> classes = new ArrayList<>();

	@Option(names = "--features", split = ",", paramLabel = "CLASS:NAME", description = "Single features, e.g. glcm:Contrast,firstorder:Mean (also glcm_Contrast or original_glcm_Contrast; combines with --classes).")
	List<String> features = new ArrayList<>();

	@Option(names = "--bin-width", paramLabel = "W", description = "Bin width (default 25), binned once over the whole lesion as pyradiomics.")
	Double binWidth;

	@Option(names = "--bin-count", paramLabel = "N", description = "Fixed bin count instead of a bin width.")
	Integer binCount;

	@Option(names = "--param", paramLabel = "NAME=VALUE", description = "Any other pyradiomics setting. Repeatable.")
	Map<String, String> params = new LinkedHashMap<>();

	@Option(names = "--csv", description = "Also write one CSV per lesion: x,y,z, then the features (pyradiomics' layout).")
	boolean csv;

	@Option(names = "--nrrd", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Write the maps as NRRD (default; --no-nrrd: do not).")
	boolean nrrd = MapsOptions.DEFAULTS.nrrd();

	@Option(names = "--threshold", paramLabel = "FEATURE=V", description = "Summary: fraction of the lesion where the map exceeds V, e.g. firstorder_Mean=100. Repeatable.")
	Map<String, String> thresholds = new LinkedHashMap<>();

	@Option(names = "--habitats", arity = "0..1", fallbackValue = "" + MapsOptions.BY_SILHOUETTE, paramLabel = "K",
			description = "Cluster each lesion into habitats (default: none): K of them, or without K the k in 2..--max-habitats with the best silhouette.")
	int habitats = MapsOptions.DEFAULTS.habitats();

	@Option(names = "--habitat-features", split = ",", paramLabel = "FEATURE", description = "Maps the habitats are clustered on (default firstorder_Mean, firstorder_Entropy, glcm_JointEntropy).")
	List<String> habitatFeatures = new ArrayList<>(MapsOptions.DEFAULTS.habitatFeatures());

	@Option(names = "--max-habitats", paramLabel = "K", description = "Largest number of habitats tried (default 4).")
	int habitatKmax = MapsOptions.DEFAULTS.habitatKmax();

	@Option(names = "--seed", paramLabel = "S", description = "k-means seed (default 20220101).")
	long seed = MapsOptions.DEFAULTS.seed();

	@Option(names = "--threads", paramLabel = "N", description = "Parallel threads (default 0: all cores). Results do not depend on it.")
	int threads;

	@Mixin
	OutFolderCliArgs folder;

	@Mixin
	EndingCliArgs ending;

	@Override
	public Integer call() throws Exception {
		MapsOptions o = Bind.maps(paramsFile, resample, label, kernelRadius, classes, features, binWidth, binCount, params, csv, nrrd, thresholds, habitatFeatures, habitats,
				habitatKmax, seed, n -> System.err.println("note: " + n));
		try (lesionradiomics.io.FolderLock lock = folder.prepare(lesionradiomics.report.ResultsFolder.MAPS)) {
			long t0 = System.nanoTime();
			MapsWorkflow.Result r;
			try (Execution execution = Execution.of(threads, new CliProgress(System.err))) {
				r = MapsWorkflow.run(input.read(ExtractionOptions.DEFAULTS), o, execution,
						lesion -> MapsReport.writeLesion(lesion, o, folder.out, execution.executor()));
			}
			MapsReport.writeSummary(r, folder.out);
			for (String w : r.warnings()) System.err.println("warning: " + w);
			for (String f : r.failures()) System.err.println("not mapped: " + f);
			long voxels = r.lesions().stream().mapToLong(MapsWorkflow.LesionSummary::voxels).sum();
			String done = String.format(java.util.Locale.ROOT, "%d lesions (%d voxels), %d maps each, written to %s in %.2f s", r.lesions().size(), voxels,
					r.features().size(), folder.out, (System.nanoTime() - t0) / 1e9);
			if (r.lesions().isEmpty() && !r.failures().isEmpty()) {
				System.err.println("no lesion could be mapped — see " + folder.out.resolve("failed_lesions.csv"));
				return EndingCliArgs.INCOMPLETE;
			}
			List<String> lost = new ArrayList<>();
			for (String f : r.failures()) lost.add(f.length() <= 40 ? f : f.substring(0, 37) + "…");
			return ending.finish(System.err, done, r.lesions().size() + lost.size(), "lesions", lost, folder.out.resolve("failed_lesions.csv").toString());
		}
	}
}
