package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import lesionradiomics.fiji.AsImagePlus;
import lesionradiomics.fiji.FilterResponse;
import lesionradiomics.io.ImageData;
import lesionradiomics.io.NrrdReader;
import lesionradiomics.preprocess.filter.FilterSpec;
import lesionradiomics.volume.Volume;

/** The {@code filter} command and the "IBSI Filter Response" SciJava command: response maps as the filter computes them. */
@org.junit.jupiter.api.extension.ExtendWith(lesionradiomics.testing.QuietConsole.class)
class FilterCommandTest {

	static final Path IMAGE = Path.of("test-data/P04_image.nrrd");

	static double[] voxels(Volume v) {
		return lesionradiomics.workflow.FilterWorkflow.voxels(v);
	}

	static int[] size(Volume v) {
		return new int[] { (int) v.geometry().size(0), (int) v.geometry().size(1), (int) v.geometry().size(2) };
	}

	@Test
	void writesOneNrrdPerFilterOnTheImageGrid(@TempDir Path out) throws Exception {
		String specs = "Mean:support=3,boundary=nearest;Laws:kernel=L5E5,rotation=invariant,energy=2";
		assertEquals(0, Cli.run("filter", "--image", IMAGE.toString(), "--filters", specs, "--out", out.toString()));
		Volume image = NrrdReader.read(IMAGE).asVolume();
		for (String spec : specs.split(";")) {
			var f = FilterSpec.parse(spec);
			ImageData map = NrrdReader.read(out.resolve(FilterSpec.imageName(f) + ".nrrd"));
			assertTrue(map.geometry().sameGrid(image.geometry()), map.geometry().describeDifference(image.geometry()));
			double[] expected = f.apply(voxels(image), size(image), image.geometry().spacing());
			double[] actual = voxels(map.asVolume());
			for (int i = 0; i < expected.length; i++) assertEquals((float) expected[i], actual[i], 0.0, spec + " voxel " + i);
		}
	}

	@Test
	void anInvalidSpecIsOneLineNamingIt(@TempDir Path out) {
		BadInputTest.Outcome o = BadInputTest.run("filter", "--image", IMAGE.toString(), "--filters", "LoG:sigma=1;Laws:kernel=L5Q5", "--out", out.toString());
		BadInputTest.assertRefused(o, "invalid filter spec 'Laws:kernel=L5Q5'", "Q5");
		assertTrue(!Files.exists(out.resolve("log-sigma-1-boundary-mirror.nrrd")), "nothing is written when a spec is bad");
	}

	@Test
	void sciJavaCommandReturnsTheResponseAsA32BitImage() throws Exception {
		ImageData d = NrrdReader.read(IMAGE);
		ImagePlus image = AsImagePlus.of(d);
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class)) {
			CommandModule m = context.service(CommandService.class).run(FilterResponse.class, true, Map.of("image", image, "filters", "LoG:sigma=2,boundary=zero"))
					.get();
			ImagePlus r = (ImagePlus) m.getOutput("response");
			assertEquals(ImagePlus.GRAY32, r.getType());
			assertArrayEquals(new int[] { image.getWidth(), image.getHeight(), 1, image.getStackSize(), 1 }, r.getDimensions());
			assertEquals(image.getCalibration().pixelDepth, r.getCalibration().pixelDepth);
			Volume v = d.asVolume();
			double[] expected = FilterSpec.parse("LoG:sigma=2,boundary=zero").apply(voxels(v), size(v), v.geometry().spacing());
			int nx = image.getWidth(), ny = image.getHeight();
			for (int z = 0; z < image.getStackSize(); z += 7)
				for (int y = 0; y < ny; y += 5)
					for (int x = 0; x < nx; x += 3)
						assertEquals((float) expected[x + nx * (y + ny * z)], r.getStack().getProcessor(z + 1).getf(x, y), 0.0);
		}
	}
}
