package lesionradiomics.cli;

import lesionradiomics.fiji.AsImagePlus;
import lesionradiomics.fiji.FeatureMaps;
import lesionradiomics.workflow.Bind;
import lesionradiomics.workflow.MapsOptions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.io.Csv;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.testing.SharedReference;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;

/** The {@code maps} command end to end: pyradiomics' CSV layout and values, NRRD maps in physical space, habitats, failures. */
@org.junit.jupiter.api.extension.ExtendWith(lesionradiomics.testing.QuietConsole.class)
class MapsCommandTest {

	@Test
	void csvHasPyradiomicsLayoutAndValues(@TempDir Path out) throws Exception {
		Path image = SharedReference.require("multilesion/public_m1_image.nrrd"), labels = SharedReference.require("multilesion/public_m1_label.nrrd");
		assertEquals(0, Cli.run("maps", "--image", image.toString(), "--labels", labels.toString(), "--patient", "public_m1", "--label", "8", "--csv",
				"--no-nrrd", "--habitat-features", "none", "--threads", "2", "--out", out.toString()));
		List<String[]> ref = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(SharedReference.require(
				"voxelmaps/public_m1_label8_k1.csv.gz")))))) {
			for (String line; (line = r.readLine()) != null;) ref.add(line.split(","));
		}
		List<List<String>> ours = Csv.read(out.resolve("public_m1_label8_maps.csv"));
		assertEquals(List.of(ref.get(0)), ours.get(0), "header: x,y,z then pyradiomics' names in its order");
		assertEquals(ref.size(), ours.size());
		int glcm = ours.get(0).indexOf("original_glcm_JointAverage"), mcc = ours.get(0).indexOf("original_glcm_MCC");
		for (int i = 1; i < ref.size(); i++) {
			assertEquals(List.of(ref.get(i)).subList(0, 3), ours.get(i).subList(0, 3), "row " + i + ": voxel order");
			for (int c = 3; c < ref.get(i).length; c++) {
				if (c == glcm || c == mcc) continue; // pyradiomics' batch artefacts (VoxelMapsTest checks these against voxelBatch=1)
				double e = Double.parseDouble(ref.get(i)[c]), a = Double.parseDouble(ours.get(i).get(c));
				assertEquals(e, a, 1e-6 * Math.abs(e) + 1e-9, "row " + i + " " + ours.get(0).get(c));
			}
		}
		assertTrue(Files.exists(out.resolve("map_summary.csv")));
		assertTrue(!Files.exists(out.resolve("public_m1_label8_maps")), "--no-nrrd writes no NRRD");
	}

	@Test
	void nrrdMapsSitOnTheLesionBoxInPhysicalSpace(@TempDir Path out) throws Exception {
		assertEquals(0, Cli.run("maps", "--image", "test-data/P04_image.nrrd", "--labels", "test-data/P04_labels.nrrd", "--lesions", "test-data/lesions.csv",
				"--patient", "P04", "--label", "1", "--classes", "firstorder,glcm", "--threshold", "firstorder_Mean=40", "--habitats", "--out", out.toString()));
		ImageData image = NrrdReader.read(Path.of("test-data/P04_image.nrrd")), labels = NrrdReader.read(Path.of("test-data/P04_labels.nrrd"));
		ImageData map = NrrdReader.read(out.resolve("P04_label1_maps/original_firstorder_Mean.nrrd"));
		assertArrayEquals(image.geometry().spacing(), map.geometry().spacing(), 1e-12);
		// the map's first voxel is the image voxel at its offset: find the offset from the origin
		long[] offset = new long[3];
		for (int d = 0; d < 3; d++) offset[d] = Math.round((map.geometry().origin()[d] - image.geometry().origin()[d]) / image.geometry().spacing(d));
		assertArrayEquals(image.geometry().toPhysical(new double[] { offset[0], offset[1], offset[2] }), map.geometry().origin(), 1e-9);
		// every lesion voxel of the map holds the mean of the lesion's voxels in the 3x3x3 cube around it (computed here)
		RandomAccess<? extends RealType<?>> img = image.asVolume().image().randomAccess(), m = map.asVolume().image().randomAccess();
		RandomAccess<? extends IntegerType<?>> lab = labels.asLabelMap().labels().randomAccess();
		long[] size = image.geometry().size(), mapSize = map.geometry().size();
		int checked = 0;
		for (long z = 0; z < mapSize[2]; z++)
			for (long y = 0; y < mapSize[1]; y++)
				for (long x = 0; x < mapSize[0]; x++) {
					long[] p = { x + offset[0], y + offset[1], z + offset[2] };
					lab.setPosition(p);
					m.setPosition(new long[] { x, y, z });
					double value = m.get().getRealDouble();
					if (lab.get().getIntegerLong() != 1) {
						assertEquals(0, value, "outside the lesion: pyradiomics' initValue 0");
						continue;
					}
					double sum = 0;
					int n = 0;
					for (long dz = -1; dz <= 1; dz++)
						for (long dy = -1; dy <= 1; dy++)
							for (long dx = -1; dx <= 1; dx++) {
								long[] q = { p[0] + dx, p[1] + dy, p[2] + dz };
								if (q[0] < 0 || q[1] < 0 || q[2] < 0 || q[0] >= size[0] || q[1] >= size[1] || q[2] >= size[2]) continue;
								lab.setPosition(q);
								if (lab.get().getIntegerLong() != 1) continue;
								img.setPosition(q);
								sum += img.get().getRealDouble();
								n++;
							}
					// the NRRD maps are float32: the mean rounded to the nearest float (within one float ulp of it)
					assertEquals(sum / n, value, Math.ulp((float) (sum / n)), "voxel " + java.util.Arrays.toString(p));
					checked++;
				}
		assertTrue(checked > 50, "lesion voxels checked: " + checked);
		// float32 NRRD (type: float, gzip): what Fiji opens as a 32-bit stack with the same values
		String header = new String(Files.readAllBytes(out.resolve("P04_label1_maps/original_firstorder_Mean.nrrd")), java.nio.charset.StandardCharsets.ISO_8859_1);
		header = header.substring(0, header.indexOf("\n\n"));
		assertTrue(header.contains("\ntype: float\n") && header.contains("\nencoding: gzip\n"), header);
		ij.ImagePlus fiji = lesionradiomics.io.ImagePlusAdapter.toImagePlus(map, "mean");
		assertEquals(32, fiji.getBitDepth());
		assertEquals(mapSize[2], fiji.getStackSize());
		m.setPosition(new long[] { mapSize[0] / 2, mapSize[1] / 2, mapSize[2] / 2 });
		assertEquals(m.get().getRealDouble(), fiji.getStack().getProcessor((int) (mapSize[2] / 2) + 1).getf((int) (mapSize[0] / 2), (int) (mapSize[1] / 2)), 0);
		List<List<String>> summary = Csv.read(out.resolve("map_summary.csv"));
		List<String> mean = summary.stream().filter(r -> r.get(3).equals("original_firstorder_Mean")).findFirst().orElseThrow();
		assertEquals("liver", mean.get(2), "site from the lesion table");
		assertEquals("40.0", mean.get(11));
		double fraction = Double.parseDouble(mean.get(12));
		assertTrue(fraction >= 0 && fraction <= 1);
		List<List<String>> habitats = Csv.read(out.resolve("lesion_habitats.csv"));
		assertEquals(List.of("P04", "1", "liver"), habitats.get(1).subList(0, 3));
		ImageData h = NrrdReader.read(out.resolve("P04_label1_habitats.nrrd"));
		assertArrayEquals(map.geometry().origin(), h.geometry().origin(), 1e-12);
	}

	@Test
	void classesAndSingleFeaturesChooseTheMaps(@TempDir Path out) throws Exception {
		assertEquals(0, Cli.run("maps", "--image", "test-data/P04_image.nrrd", "--labels", "test-data/P04_labels.nrrd", "--label", "2", "--classes",
				"ngtdm", "--features", "glcm:Contrast,firstorder:Mean", "--no-nrrd", "--out", out.toString()));
		List<String> maps = Csv.read(out.resolve("map_summary.csv")).stream().skip(1).map(r -> r.get(3)).toList();
		assertEquals(List.of("original_firstorder_Mean", "original_glcm_Contrast", "original_ngtdm_Busyness", "original_ngtdm_Coarseness",
				"original_ngtdm_Complexity", "original_ngtdm_Contrast", "original_ngtdm_Strength"), maps);
		// habitats are opt-in (--habitats): by default none, and the default habitat features (glcm_JointEntropy is not
		// computed here) are not even looked at
		assertTrue(!Files.exists(out.resolve("lesion_habitats.csv")), "no habitats asked for");
		assertTrue(!Files.exists(out.resolve("P04_labels_label2_habitats.nrrd")) && !Files.exists(out.resolve("P04_image_label2_habitats.nrrd")));
	}

	@Test
	void sciJavaFeatureMapsRunsHeadless(@TempDir Path out) throws Exception {
		ij.ImagePlus image = AsImagePlus.of(NrrdReader.read(Path.of("test-data/P04_image.nrrd")));
		ij.ImagePlus labels = AsImagePlus.of(NrrdReader.read(Path.of("test-data/P04_labels.nrrd")));
		try (org.scijava.Context context = new org.scijava.Context(org.scijava.command.CommandService.class, org.scijava.app.StatusService.class)) {
			org.scijava.command.CommandModule m = context.service(org.scijava.command.CommandService.class).run(FeatureMaps.class, true,
					java.util.Map.of("image", image, "labels", labels, "lesionLabels", "2", "classes", "firstorder", "habitatFeatures", "firstorder_Mean",
							"habitats", MapsOptions.BY_SILHOUETTE, "output", out.toFile())).get();
			ij.measure.ResultsTable summary = (ij.measure.ResultsTable) m.getOutput("summary");
			assertEquals(18, summary.size(), "one row per first-order map of lesion 2");
			assertEquals(1, ((ij.measure.ResultsTable) m.getOutput("lesionHabitats")).size());
			assertTrue(Files.exists(out.resolve("P04_image_label2_maps/original_firstorder_Mean.nrrd")));
		}
	}

	/** Habitats asked for in Fiji with no map to cluster them on are refused with the reason, not silently skipped. */
	@Test
	void sciJavaFeatureMapsRefusesHabitatsWithoutHabitatFeatures(@TempDir Path out) throws Exception {
		ij.ImagePlus image = AsImagePlus.of(NrrdReader.read(Path.of("test-data/P04_image.nrrd")));
		ij.ImagePlus labels = AsImagePlus.of(NrrdReader.read(Path.of("test-data/P04_labels.nrrd")));
		try (org.scijava.Context context = new org.scijava.Context(org.scijava.command.CommandService.class, org.scijava.app.StatusService.class)) {
			for (int habitats : new int[] { 3, MapsOptions.BY_SILHOUETTE }) {
				Path dir = out.resolve("k" + habitats);
				Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context.service(org.scijava.command.CommandService.class)
						.run(FeatureMaps.class, true, java.util.Map.of("image", image, "labels", labels, "lesionLabels", "2", "classes", "firstorder",
								"habitatFeatures", " ", "habitats", habitats, "output", dir.toFile())).get());
				Throwable cause = e;
				while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) cause = cause.getCause();
				assertTrue(cause instanceof IllegalArgumentException && cause.getMessage().contains("Feature Maps")
						&& cause.getMessage().contains("no habitat features"), String.valueOf(cause));
				assertTrue(!Files.exists(dir.resolve("P04_image_label2_maps")), "refused before any lesion is mapped");
			}
			// with no habitats (the default) the blank habitat features are fine
			org.scijava.command.CommandModule m = context.service(org.scijava.command.CommandService.class).run(FeatureMaps.class, true,
					java.util.Map.of("image", image, "labels", labels, "lesionLabels", "2", "classes", "firstorder", "habitatFeatures", "", "output",
							out.resolve("none").toFile())).get();
			assertEquals(0, ((ij.measure.ResultsTable) m.getOutput("lesionHabitats")).size());
			assertTrue(!Files.exists(out.resolve("none/lesion_habitats.csv")));
		}
	}

	@Test
	void settingsThatWouldChangeTheImageAreRefusedNotIgnored() { // resampledPixelSpacing is applied (MapsResampleTest)
		for (String setting : List.of("normalize=true", "resegmentRange=-100,400")) {
			String[] kv = setting.split("=", 2);
			IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
					() -> Bind.maps(List.of(), 1, List.of(), List.of(), null, null, java.util.Map.of(kv[0], kv[1]), false, true, java.util.Map.of(), List.of("none"),
							0, 4, 1));
			assertTrue(e.getMessage().contains(kv[0]) && e.getMessage().contains("not supported for maps"), e.getMessage());
		}
	}

	@Test
	void aBadLesionIsRecordedAndTheOthersAreMapped(@TempDir Path out) throws Exception {
		// a float image with a NaN voxel inside lesion 2 of a two-lesion label map
		Path dir = Files.createDirectories(out.resolve("in"));
		int n = 12;
		float[] img = new float[n * n * n];
		int[] lab = new int[n * n * n];
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					int i = x + n * (y + n * z);
					img[i] = (x * 7 + y * 3 + z * 5) % 11;
					if (x >= 1 && x < 5 && y >= 1 && y < 5 && z >= 1 && z < 5) lab[i] = 1;
					if (x >= 7 && x < 11 && y >= 7 && y < 11 && z >= 7 && z < 11) lab[i] = 2;
				}
		img[8 + n * (8 + n * 8)] = Float.NaN;
		lesionradiomics.volume.Geometry g = lesionradiomics.volume.Geometry.of(new long[] { n, n, n }, new double[] { 1, 1, 1 });
		lesionradiomics.io.NrrdWriter.writeFloats(dir.resolve("img.nrrd"), img, g, false);
		lesionradiomics.io.NrrdWriter.writeLabels(dir.resolve("lab.nrrd"), lab, g, false, java.util.Map.of());
		Path results = out.resolve("maps");
		// the run completes but says it lost a lesion: exit 3 (EndingCliArgs.INCOMPLETE), not 0
		assertEquals(EndingCliArgs.INCOMPLETE, Cli.run("maps", "--image", dir.resolve("img.nrrd").toString(), "--labels", dir.resolve("lab.nrrd").toString(),
				"--out", results.toString()));
		List<List<String>> failed = Csv.read(results.resolve("failed_lesions.csv"));
		assertEquals(2, failed.size());
		assertTrue(failed.get(1).get(1).contains("label 2") && failed.get(1).get(1).contains("NaN"), failed.toString());
		assertTrue(Files.exists(results.resolve("img_label1_maps/original_firstorder_Mean.nrrd")), "lesion 1 is mapped");
	}
}
