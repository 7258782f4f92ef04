package lesionradiomics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.demo.SyntheticCase;
import lesionradiomics.features.FeatureTable;
import lesionradiomics.preprocess.MaskPerturbation;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.SliceGate;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.ExtractionWorkflow;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;

/**
 * {@link ExtractionWorkflow#read} hands the image over while it still inflates, and lesions are extracted as their
 * slices come in: the features must be those of the image read whole, bit for bit, on one thread and on two, with the
 * robustness masks (whose boxes reach past the lesion's) too; a damaged image fails the run, naming the file.
 */
class StreamingExtractionTest {

	@TempDir
	Path dir;

	private static final List<MaskPerturbation> ROBUSTNESS = List.of(new MaskPerturbation(MaskPerturbation.Kind.ERODE, 1),
			new MaskPerturbation(MaskPerturbation.Kind.DILATE, 1));

	private Path[] synthetic() throws IOException {
		new SyntheticCase(new int[] { 160, 150, 60 }, new double[] { 0.8, 0.8, 2.0 }, 14, 30, 3000, 5, 11).write(dir, "s");
		return new Path[] { dir.resolve("s_image.nrrd"), dir.resolve("s_labels.nrrd") };
	}

	private static void assertSameFeatures(FeatureTable expected, FeatureTable actual, String what) {
		assertEquals(expected.columns(), actual.columns(), what);
		assertEquals(expected.rows().size(), actual.rows().size(), what);
		for (int r = 0; r < expected.rows().size(); r++) {
			Map<String, Double> e = expected.rows().get(r).features().values(), a = actual.rows().get(r).features().values();
			assertEquals(e.keySet(), a.keySet(), what);
			for (String k : e.keySet())
				assertEquals(Double.doubleToLongBits(e.get(k)), Double.doubleToLongBits(a.get(k)), what + ", label " + expected.rows().get(r).label() + ", " + k);
		}
	}

	@Test
	void featuresOfAStreamedImageAreThoseOfTheImageReadWhole() throws IOException {
		Path[] files = synthetic();
		ExtractionOptions o = ExtractionOptions.DEFAULTS;
		ExtractionWorkflow.Input whole = new ExtractionWorkflow.Input(NrrdReader.read(files[0]), NrrdReader.read(files[1]), null, "s");
		for (int threads : new int[] { 1, 2 })
			try (Execution execution = Execution.of(threads, Progress.NONE)) {
				ExtractionWorkflow.Result expected = ExtractionWorkflow.run(whole, o, ROBUSTNESS, execution);
				assertTrue(expected.table().rows().size() >= 10, "lesions: " + expected.table().rows().size());
				ExtractionWorkflow.Result streamed = ExtractionWorkflow.run(ExtractionWorkflow.read(files[0], files[1], null, "s", o), o, ROBUSTNESS, execution);
				assertEquals(expected.tables().keySet(), streamed.tables().keySet());
				for (String variant : expected.tables().keySet())
					assertSameFeatures(expected.tables().get(variant), streamed.tables().get(variant), threads + " thread(s), " + variant);
			}
	}

	/**
	 * The gate itself: an image whose slices arrive slowly (one per 3 ms, zeros until then), so that extraction starts
	 * long before the last slice is in. A lesion read before its slices would see zeros and different features.
	 */
	@Test
	void lesionsWaitForTheirSlices() throws Exception {
		Path[] files = synthetic();
		ImageData whole = NrrdReader.read(files[0]), labels = NrrdReader.read(files[1]);
		ExtractionWorkflow.Input wholeInput = new ExtractionWorkflow.Input(whole, labels, null, "s");
		short[] source = ((ShortArray) ((ArrayImg<?, ?>) whole.stored()).update(null)).getCurrentStorageArray();
		long[] dims = whole.geometry().size();
		int plane = (int) (dims[0] * dims[1]);
		ExtractionOptions d = ExtractionOptions.DEFAULTS;
		// with a LoG the image is filtered once over the lesions' hull (LesionExtractor.shareFilters), row by row
		ExtractionOptions withLog = new ExtractionOptions(d.preset(), d.settings(), "Original;LoG:sigma=3", d.classes(), d.features(), d.splitComponents(),
				d.minLesionMm3(), d.nanPolicy(), d.voi(), d.ringMm());
		// the study preset resamples each lesion's box (plus its B-spline block) to 1 mm: that block's slices
		ExtractionOptions study = new ExtractionOptions("study", d.settings(), d.imageTypes(), d.classes(), d.features(), d.splitComponents(),
				d.minLesionMm3(), d.nanPolicy(), d.voi(), d.ringMm());
		for (ExtractionOptions o : List.of(d, withLog, study))
		for (int threads : new int[] { 1, 2 })
			try (Execution execution = Execution.of(threads, Progress.NONE)) {
				ExtractionWorkflow.Result expected = ExtractionWorkflow.run(wholeInput, o, ROBUSTNESS, execution);
				short[] arriving = new short[source.length];
				SliceGate gate = new SliceGate(dims[2]);
				Thread decoder = new Thread(() -> {
					for (int z = 0; z < dims[2]; z++) {
						System.arraycopy(source, z * plane, arriving, z * plane, plane);
						gate.advance(z + 1);
						try {
							Thread.sleep(3);
						} catch (InterruptedException e) {
							return;
						}
					}
					gate.finish();
				});
				ImageData slow = new ImageData(files[0], ArrayImgs.shorts(arriving, dims), true, whole.geometry(), Map.of(), gate);
				decoder.start();
				ExtractionWorkflow.Result streamed = ExtractionWorkflow.run(new ExtractionWorkflow.Input(slow, labels, null, "s"), o, ROBUSTNESS, execution);
				decoder.join();
				for (String variant : expected.tables().keySet())
					assertSameFeatures(expected.tables().get(variant), streamed.tables().get(variant), "slow slices, " + o.preset() + " " + o.imageTypes() + ", " + threads
							+ " thread(s), " + variant);
			}
	}

	@Test
	void aTruncatedImageFailsTheRunNamingTheFile() throws IOException {
		Path[] files = synthetic();
		byte[] bytes = Files.readAllBytes(files[0]);
		Path truncated = dir.resolve("truncated_image.nrrd");
		Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 3 / 4));
		ExtractionOptions o = ExtractionOptions.DEFAULTS;
		for (int threads : new int[] { 1, 2 })
			try (Execution execution = Execution.of(threads, Progress.NONE)) {
				ExtractionWorkflow.Input in = ExtractionWorkflow.read(truncated, files[1], null, "s", o); // the header is fine
				VolumeFormatException e = assertThrows(VolumeFormatException.class, () -> ExtractionWorkflow.run(in, o, execution));
				assertTrue(e.getMessage().contains("truncated_image.nrrd") && e.getMessage().contains("truncated gzip"), e.getMessage());
			}
	}
}
