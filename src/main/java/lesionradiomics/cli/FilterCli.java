package lesionradiomics.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import lesionradiomics.io.AtomicFiles;
import lesionradiomics.io.NrrdWriter;
import lesionradiomics.io.VolumeReaders;
import lesionradiomics.workflow.FilterOptions;
import lesionradiomics.workflow.FilterWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code filter}: IBSI 2 response maps of an image, one NRRD per filter. */
@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Response maps of IBSI 2 filters, one float NRRD per filter.",
				"%nIBSI 2 convolutional filters (mean, LoG, Laws, Gabor, wavelets, Simoncelli, Riesz);",
				"each map is named after its filter and settings.",
				"%nFilter specs, ';'-separated, settings key=value ','-separated:",
				"  Mean:support=5[,dims=2][,boundary=zero|nearest|periodic|mirror]",
				"  LoG:sigma=1.5[,truncate=4][,dims=2][,boundary=...]       (sigma in mm)",
				"  Laws:kernel=L5E5E5[,rotation=invariant][,pooling=max|average][,energy=7]",
				"  Gabor:sigma=10,lambda=4[,gamma=0.5][,theta=pi/3][,step=pi/4][,planes=3]",
				"  Wavelet:family=db3,band=LLH[,level=2][,rotation=invariant][,pooling=average]",
				"  Simoncelli:level=1[,riesz=020]      RieszLoG:sigma=3,riesz=100",
				"  Riesz steered to the structure tensor: [,align=tensor,tensorsigma=2] (mm)",
				"Boundary default: mirror. Angles in degrees or with pi." },
		footer = { "", "Example:", "  java -jar target/lesion-radiomics-cli.jar filter --image ct.nrrd \\",
				"      --filter \"LoG:sigma=1.5;Laws:kernel=L5E5E5,rotation=invariant,energy=7\" --out maps/" })
final class FilterCli implements Callable<Integer> {

	@Option(names = "--image", required = true, paramLabel = "IMG", description = "Image volume: .nrrd, .nhdr, .nii, .nii.gz, a DICOM folder or any file ImageJ opens.")
	Path image;

	@Option(names = "--filters", required = true, paramLabel = "SPECS", description = "Filter specs, ';'-separated (see above).")
	String filters;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: <filter name>.nrrd per filter.")
	Path out;

	@Override
	public Integer call() throws Exception {
		FilterOptions o = new FilterOptions(filters);
		AtomicFiles.checkWritable(out);
		try (lesionradiomics.io.FolderLock lock = lesionradiomics.report.ResultsFolder.lock(out, "filter", n -> System.err.println("note: " + n))) {
			long t0 = System.nanoTime();
			List<FilterWorkflow.Response> r = FilterWorkflow.run(VolumeReaders.read(image).asVolume(), o, new CliProgress(System.err));
			Files.createDirectories(out);
			for (FilterWorkflow.Response m : r) {
				float[] f = new float[m.values().length];
				for (int i = 0; i < f.length; i++) f[i] = (float) m.values()[i];
				Path file = out.resolve(m.name() + ".nrrd");
				NrrdWriter.writeFloats(file, f, m.geometry(), true);
				System.err.println(m.spec() + " -> " + file);
			}
			System.err.printf("%d response maps written to %s in %.2f s%n", r.size(), out, (System.nanoTime() - t0) / 1e9);
			return 0;
		}
	}
}
