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
 * as raw NRRD image + label map, then times (paired rounds after a warm-up: medians of wall and process CPU time) reading series + structure set
 * (parsed, assembled, rasterised) against reading both NRRD files; each read ends with the lesion scan.
 */
@Command(name = "bench-dicom", mixinStandardHelpOptions = true,
		description = { "DICOM reading benchmark against uncompressed NRRD.",
				"%nA 512x512x300 CT series + RTSTRUCT of 30 ROIs against the same image and",
				"label map as uncompressed NRRD (target: at most 1.5x)." })
public final class BenchDicomCli implements Callable<Integer> {

	@Option(names = "--dir", paramLabel = "DIR", description = "Where to write the benchmark case (default: a temporary folder).")
	Path dir;

	@Option(names = "--repeat", description = "Timed paired rounds after one warm-up (default 5).")
	int repeat = 5;

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
		// paired rounds (NRRD then DICOM in each), the first a warm-up (JIT, page cache); wall time and the process's CPU
		// time (all threads: the DICOM files are parsed in parallel), medians over the timed rounds
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		double[] nrrdWall = new double[repeat], dicomWall = new double[repeat], nrrdCpu = new double[repeat], dicomCpu = new double[repeat];
		int lesionsNrrd = 0, lesionsDicom = 0;
		for (int k = 0; k <= repeat; k++) {
			System.gc();
			long t0 = System.nanoTime(), c0 = cpu(os);
			ImageData a = VolumeReaders.read(image), b = VolumeReaders.read(labels);
			lesionsNrrd = b.asLabelMap().lesions().size();
			long t1 = System.nanoTime(), c1 = cpu(os);
			a = b = null;
			System.gc();
			long t2 = System.nanoTime(), c2 = cpu(os);
			DicomReader.Pair p = VolumeReaders.readPair(series, rtstruct, DicomOptions.DEFAULTS);
			lesionsDicom = p.labels().asLabelMap().lesions().size();
			long t3 = System.nanoTime(), c3 = cpu(os);
			p = null;
			if (k > 0) {
				nrrdWall[k - 1] = (t1 - t0) / 1e9;
				nrrdCpu[k - 1] = (c1 - c0) / 1e9;
				dicomWall[k - 1] = (t3 - t2) / 1e9;
				dicomCpu[k - 1] = (c3 - c2) / 1e9;
			}
		}
		System.out.printf("uncompressed NRRD image + label map (%d lesions): median wall %.3f s, CPU %.3f s%n", lesionsNrrd, median(nrrdWall), median(nrrdCpu));
		System.out.printf("DICOM series (%d files) + RTSTRUCT (%d ROIs): median wall %.3f s, CPU %.3f s%n", slices, lesionsDicom, median(dicomWall), median(dicomCpu));
		System.out.printf("ratio DICOM / NRRD over %d paired rounds: wall %.2f, CPU %.2f (target <= 1.5); load average %.2f%n", repeat, median(dicomWall) / median(nrrdWall),
				median(dicomCpu) / median(nrrdCpu), os.getSystemLoadAverage());
		return 0;
	}

	/**
	 * The process's CPU time in ns: on Linux the sum over its threads' run times (/proc/self/task/N/schedstat, ns, GC
	 * and JIT threads included), else the JVM's figure (in clock ticks of 10 ms on Linux: too coarse for 0.2 s reads).
	 */
	static long cpu(com.sun.management.OperatingSystemMXBean os) {
		Path tasks = Path.of("/proc/self/task");
		if (Files.isDirectory(tasks)) {
			long sum = 0;
			try (java.util.stream.Stream<Path> s = Files.list(tasks)) {
				for (Path t : (Iterable<Path>) s::iterator) {
					try {
						sum += Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[0]);
					} catch (java.io.IOException | RuntimeException e) {
						// a thread that ended meanwhile
					}
				}
				return sum;
			} catch (java.io.IOException e) {
				// fall through
			}
		}
		return os.getProcessCpuTime();
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		java.util.Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	private static long countContours(Path rtstruct) throws java.io.IOException {
		byte[] b = Files.readAllBytes(rtstruct);
		long n = 0;
		for (int i = 0; i + 3 < b.length; i++) if (b[i] == 0x06 && b[i + 1] == 0x30 && b[i + 2] == 0x42 && b[i + 3] == 0x00) n++;
		return n;
	}
}
