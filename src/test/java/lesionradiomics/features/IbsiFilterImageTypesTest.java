package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import lesionradiomics.io.NrrdReader;
import lesionradiomics.io.ParameterFile;
import lesionradiomics.preprocess.filter.FilterSpec;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * IBSI 2 filters as image types of the extraction: recognised beside pyradiomics' types, named after filter and
 * settings, computed on the whole image (so each lesion's first-order mean is the filter response averaged over
 * its mask, computed here independently from the whole-image response).
 */
class IbsiFilterImageTypesTest {

	static final String TYPES = "Original;LoG:sigma=1.0,3.0;LoG:sigma=1.5,boundary=mirror;Mean:support=3,boundary=zero;"
			+ "Laws:kernel=L5E5E5,rotation=invariant,pooling=max,energy=2;Wavelet:family=db2,band=LLH,level=2,rotation=invariant";

	@Test
	void ibsiFiltersAndPyradiomicsTypesLiveSideBySideWithDistinctNames() {
		List<ImageType> t = ImageType.parseList(TYPES);
		assertEquals(List.of(ImageType.Kind.ORIGINAL, ImageType.Kind.LOG, ImageType.Kind.FILTER, ImageType.Kind.FILTER, ImageType.Kind.FILTER,
				ImageType.Kind.FILTER), t.stream().map(ImageType::kind).toList());
		assertEquals(List.of("log-sigma-1-0-mm-3D", "log-sigma-3-0-mm-3D"), t.get(1).names(), "pyradiomics' LoG untouched");
		assertEquals(List.of("log-sigma-1-5-boundary-mirror"), t.get(2).names());
		assertEquals(List.of("laws-kernel-l5e5e5-rotation-invariant-pooling-max-energy-2-boundary-mirror"), t.get(4).names());
		// round trip through the text a run record stores
		assertEquals(t, ImageType.parseList(String.join(";", t.stream().map(ImageType::toString).toList())));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageType.parseList("Original;Laws:kernel=L5E5Z5"));
		assertTrue(e.getMessage().startsWith("invalid filter spec 'Laws:kernel=L5E5Z5'"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ImageType.parseList("Mean:support=3;Mean:support=3,boundary=mirror"), "listed twice");
	}

	@Test
	void yamlCarriesIbsiFiltersAsTypesOrAsAList() throws Exception {
		Path yaml = java.nio.file.Files.createTempFile("ibsi", ".yaml");
		java.nio.file.Files.writeString(yaml, "imageType:\n  Original: {}\n  LoG: {sigma: 1.5, boundary: mirror}\n  IBSI:\n    - Mean:support=5,boundary=zero\n"
				+ "    - Laws:kernel=L5E5E5,rotation=invariant,energy=7\n");
		List<ImageType> t = ImageType.parseList(ParameterFile.read(yaml).imageTypes());
		java.nio.file.Files.delete(yaml);
		assertEquals(List.of("Original", "LoG:sigma=1.5,boundary=mirror", "Mean:support=5,boundary=zero",
				"Laws:kernel=L5E5E5,rotation=invariant,pooling=max,energy=7,boundary=mirror"), t.stream().map(ImageType::toString).toList());
	}

	@Test
	void firstOrderMeanIsTheWholeImageResponseAveragedOverTheLesion() throws Exception {
		Volume image = NrrdReader.read(Path.of("test-data/P04_image.nrrd")).asVolume();
		LabelMap labels = NrrdReader.read(Path.of("test-data/P04_labels.nrrd")).asLabelMap();
		FeatureSettings settings = FeatureSettings.builder().binWidth(25).imageTypes(ImageType.parseList(TYPES)).build();
		List<String> columns = FeatureRegistry.columns(settings);
		for (ImageType t : settings.imageTypes())
			if (t.kind() == ImageType.Kind.FILTER) assertTrue(columns.contains(t.names().get(0) + "_firstorder_Mean"), t.names() + " in " + columns.size());
		List<LesionFeatures> lesions = new LesionExtractor(settings).extractAll(image, labels, null, Progress.NONE);
		assertFalse(lesions.isEmpty());
		int n = (int) image.geometry().voxelCount();
		long[] d = image.geometry().size();
		int[] size = { (int) d[0], (int) d[1], (int) d[2] };
		double[] values = new double[n];
		long[] label = new long[n];
		Cursor<? extends RealType<?>> c = Views.flatIterable(image.image()).cursor();
		Cursor<? extends IntegerType<?>> l = Views.flatIterable(labels.labels()).cursor();
		for (int i = 0; i < n; i++) {
			values[i] = c.next().getRealDouble();
			label[i] = l.next().getIntegerLong();
		}
		int checked = 0, boxed = 0;
		List<int[][]> boxes = new java.util.ArrayList<>();
		for (lesionradiomics.volume.BoundingBox b : labels.lesions().values())
			boxes.add(new int[][] { { (int) b.min(0), (int) b.min(1), (int) b.min(2) }, { (int) b.max(0), (int) b.max(1), (int) b.max(2) } });
		for (ImageType t : settings.imageTypes()) {
			if (t.kind() != ImageType.Kind.FILTER) continue;
			// the extraction filtered the lesions' crops (margin rule) where that is cheaper: compared here with the whole image's response
			if (lesionradiomics.preprocess.filter.BoxFiltering.cheaper(t.filter(), size, image.geometry().spacing(), boxes)) boxed++;
			double[] response = FilterSpec.parse(t.toString()).apply(values, size, image.geometry().spacing());
			for (LesionFeatures f : lesions) {
				double sum = 0;
				int count = 0;
				for (int i = 0; i < n; i++)
					if (label[i] == f.label()) {
						sum += (float) response[i];
						count++;
					}
				assertEquals(sum / count, f.get(t.names().get(0) + "_firstorder_Mean"), 1e-9 * Math.max(1, Math.abs(sum / count)), t + " lesion " + f.label());
				checked++;
			}
		}
		assertTrue(checked >= 4);
		assertTrue(boxed >= 2, "both routes are compared: " + boxed + " of the filters took the lesion crops");
	}
}
