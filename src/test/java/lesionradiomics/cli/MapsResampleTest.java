package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.Csv;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.io.NrrdWriter;
import lesionradiomics.volume.Geometry;

/**
 * {@code maps --resample} / {@code --params}: the lesion is resampled first, as pyradiomics' voxel-based extraction
 * does. Hand-derived identity: nearest-neighbour resampling of a 2 mm image to 1 mm (grid corners aligned, as ITK and
 * pyradiomics place it) puts input voxel floor(i/2) at output voxel i, so it equals the image with every voxel
 * replicated 2×2×2 and the origin moved by −0.5 mm; the maps of the two must be the same numbers, and the maps' NRRD
 * sits on the resampled grid.
 */
@org.junit.jupiter.api.extension.ExtendWith(lesionradiomics.testing.QuietConsole.class)
class MapsResampleTest {

	static final int NX = 10, NY = 9, NZ = 7;

	@Test
	void resampledMapsEqualTheMapsOfTheReplicatedImage(@TempDir Path dir) throws Exception {
		SplittableRandom r = new SplittableRandom(11);
		short[] image = new short[NX * NY * NZ];
		int[] labels = new int[image.length];
		for (int z = 0, i = 0; z < NZ; z++)
			for (int y = 0; y < NY; y++)
				for (int x = 0; x < NX; x++, i++) {
					image[i] = (short) (r.nextInt(400) - 100);
					double dx = x - 4.5, dy = y - 4, dz = z - 3;
					labels[i] = dx * dx / 9 + dy * dy / 6 + dz * dz / 4 <= 1 ? 3 : 0;
				}
		double[] origin = { -20, 15, 7.5 }, identity = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
		Geometry coarse = new Geometry(new long[] { NX, NY, NZ }, new double[] { 2, 2, 2 }, origin, identity);
		Geometry fine = new Geometry(new long[] { 2 * NX, 2 * NY, 2 * NZ }, new double[] { 1, 1, 1 }, new double[] { origin[0] - 0.5, origin[1] - 0.5, origin[2] - 0.5 },
				identity);
		short[] image2 = new short[8 * image.length];
		int[] labels2 = new int[8 * image.length];
		for (int z = 0, i = 0; z < 2 * NZ; z++)
			for (int y = 0; y < 2 * NY; y++)
				for (int x = 0; x < 2 * NX; x++, i++) {
					int j = x / 2 + NX * (y / 2 + NY * (z / 2));
					image2[i] = image[j];
					labels2[i] = labels[j];
				}
		NrrdWriter.writeShorts(dir.resolve("coarse.nrrd"), image, coarse, false);
		NrrdWriter.writeLabels(dir.resolve("coarse_labels.nrrd"), labels, coarse, false, java.util.Map.of());
		NrrdWriter.writeShorts(dir.resolve("fine.nrrd"), image2, fine, false);
		NrrdWriter.writeLabels(dir.resolve("fine_labels.nrrd"), labels2, fine, false, java.util.Map.of());
		// the resampling comes from a pyradiomics parameter file, as a project has it (voxelSetting included)
		Path params = Files.writeString(dir.resolve("params.yaml"), "setting:\n  binWidth: 25\n  resampledPixelSpacing: [1, 1, 1]\n  interpolator: sitkNearestNeighbor\n"
				+ "voxelSetting:\n  kernelRadius: 1\n  maskedKernel: true\n  voxelBatch: 1000\n");
		String[] common = { "--patient", "P", "--habitat-features", "none", "--classes", "firstorder,glcm,glrlm" };
		Path resampled = dir.resolve("resampled"), direct = dir.resolve("direct");
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(0, Cli.run(concat(new String[] { "maps", "--image", dir.resolve("coarse.nrrd").toString(), "--labels",
				dir.resolve("coarse_labels.nrrd").toString(), "--params", params.toString(), "--out", resampled.toString() }, common))));
		assertTrue(err.contains("voxelSetting voxelBatch is not applied"), err);
		assertEquals(0, Cli.run(concat(new String[] { "maps", "--image", dir.resolve("fine.nrrd").toString(), "--labels", dir.resolve("fine_labels.nrrd").toString(),
				"--out", direct.toString() }, common)));
		List<List<String>> a = Csv.read(resampled.resolve("map_summary.csv")), b = Csv.read(direct.resolve("map_summary.csv"));
		assertEquals(b, a, "every map's summary over the lesion");
		assertTrue(a.size() > 1 && a.get(0).size() > 10, a.toString());
		// the map sits on the resampled grid: 1 mm, its first voxel on the fine image's grid
		Path map = Files.list(resampled.resolve("P_label3_maps")).filter(p -> p.toString().endsWith(".nrrd")).findFirst().orElseThrow();
		Geometry g = NrrdReader.read(map).geometry();
		assertArrayEquals(new double[] { 1, 1, 1 }, g.spacing(), 1e-12);
		for (int d = 0; d < 3; d++) {
			double index = (g.origin()[d] - fine.origin()[d]) / 1.0;
			assertEquals(Math.rint(index), index, 1e-9, "origin on the fine grid, axis " + d);
		}
		// the same through --resample and --param
		Path viaOptions = dir.resolve("options");
		assertEquals(0, Cli.run(concat(new String[] { "maps", "--image", dir.resolve("coarse.nrrd").toString(), "--labels", dir.resolve("coarse_labels.nrrd").toString(),
				"--resample", "1,1,1", "--param", "interpolator=sitkNearestNeighbor", "--out", viaOptions.toString() }, common)));
		assertEquals(a, Csv.read(viaOptions.resolve("map_summary.csv")));
	}

	private static String[] concat(String[] a, String[] b) {
		String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
