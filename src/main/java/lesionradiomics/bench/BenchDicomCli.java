package lesionradiomics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import lesionradiomics.demo.DicomExport;
import lesionradiomics.demo.SyntheticCase;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.NrrdWriter;
import lesionradiomics.io.VolumeReaders;
import lesionradiomics.io.dicom.DicomOptions;
import lesionradiomics.io.dicom.DicomReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-dicom}: reading DICOM against reading the same data as uncompressed NRRD. Generates a synthetic CT of
 * 512×512×300 voxels with 30 lesions, writes it as a DICOM series (one file per slice) with an RTSTRUCT of 30 ROIs and
 * as raw NRRD image + label map, then times (best of the repeats, after a warm-up) reading series + structure set
 * (parsed, assembled, rasterised) against reading both NRRD files; each read ends with the lesion scan.
 */
@Command(name = "bench-dicom", mixinStandardHelpOptions = true,
		description = { "DICOM reading benchmark against uncompressed NRRD.",
				"%nA 512x512x300 CT series + RTSTRUCT of 30 ROIs against the same image and",
				"label map as uncompressed NRRD (target: at most 1.5x)." })
public final class BenchDicomCli implements Callable<Integer> {

	@Option(names = "--dir", paramLabel = "DIR", description = "Where to write the benchmark case (default: a temporary folder).")
	Path dir;

	@Option(names = "--repeat", description = "Timed repetitions after one warm-up (default 3).")
	int repeat = 3;

	@Option(names = "--slices", description = "Number of slices (default 300).")
	int slices = 300;

	@Override
	public Integer call() throws Exception {
		if (repeat < 1) throw new IllegalArgumentException("--repeat (" + repeat + ") must be at least 1");
		Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("lesion-radiomics-bench-dicom");
		Path series = d.resolve("dicom/CT"), rtstruct = d.resolve("dicom/RTSTRUCT/rs.dcm"), image = d.resolve("raw_image.nrrd"), labels = d.resolve("raw_labels.nrrd");
		if (!Files.exists(rtstruct)) {
			long t = System.nanoTime();
			SyntheticCase c = new SyntheticCase(new int[] { 512, 512, slices }, new double[] { 0.78, 0.78, 1.25 }, 30, 50, 20000, 7, 23);
			Map<Integer, String> names = new TreeMap<>();
			Map<Long, String> sites = new TreeMap<>();
			for (SyntheticCase.Lesion l : c.lesions) {
				names.put(l.label, "GTV_" + l.site.replace(' ', '_') + "_" + l.label);
				sites.put((long) l.label, l.site);
			}
			DicomExport.Uids uids = DicomExport.Uids.of("1.2.826.0.1.3680043.10.1.99");
			DicomExport.writeSeries(series, "BENCH", c.image, c.geometry, uids);
			DicomExport.writeStructureSet(rtstruct, "BENCH", c.labels, names, c.geometry, uids);
			NrrdWriter.writeShorts(image, c.image, c.geometry, false);
			NrrdWriter.writeLabels(labels, c.labels, c.geometry, false, sites);
			System.out.printf("generated %s (%d lesions; %d contours) in %.1f s%n", d, c.lesions.size(), countContours(rtstruct), (System.nanoTime() - t) / 1e9);
		}
		double nrrd = Double.MAX_VALUE, dicom = Double.MAX_VALUE;
		int lesionsNrrd = 0, lesionsDicom = 0;
		for (int k = 0; k <= repeat; k++) {
			long t0 = System.nanoTime();
			ImageData a = VolumeReaders.read(image), b = VolumeReaders.read(labels);
			lesionsNrrd = b.asLabelMap().lesions().size();
			double tn = (System.nanoTime() - t0) / 1e9;
			a = b = null;
			long t1 = System.nanoTime();
			DicomReader.Pair p = VolumeReaders.readPair(series, rtstruct, DicomOptions.DEFAULTS);
			lesionsDicom = p.labels().asLabelMap().lesions().size();
			double td = (System.nanoTime() - t1) / 1e9;
			p = null;
			if (k > 0) { // the first round warms up the JIT and the page cache
				nrrd = Math.min(nrrd, tn);
				dicom = Math.min(dicom, td);
			}
		}
		System.out.printf("uncompressed NRRD image + label map: %.3f s (%d lesions)%n", nrrd, lesionsNrrd);
		System.out.printf("DICOM series (%d files) + RTSTRUCT: %.3f s (%d ROIs)%n", slices, dicom, lesionsDicom);
		System.out.printf("ratio DICOM / NRRD: %.2f (target <= 1.5)%n", dicom / nrrd);
		return 0;
	}

	private static long countContours(Path rtstruct) throws java.io.IOException {
		byte[] b = Files.readAllBytes(rtstruct);
		long n = 0;
		for (int i = 0; i + 3 < b.length; i++) if (b[i] == 0x06 && b[i + 1] == 0x30 && b[i + 2] == 0x42 && b[i + 3] == 0x00) n++;
		return n;
	}
}
