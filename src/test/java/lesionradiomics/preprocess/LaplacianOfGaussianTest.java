package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import lesionradiomics.io.NrrdReader;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.Volume;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The LoG filter against ITK's own LaplacianRecursiveGaussianImageFilter output (ITK 5.2.1, the filter pyradiomics
 * calls through SimpleITK), voxel by voxel on the whole public_m1 volume: ../shared/reference/filters/.
 */
class LaplacianOfGaussianTest {

	static double[] values(Volume v) {
		long[] dims = v.geometry().size();
		double[] out = new double[(int) (dims[0] * dims[1] * dims[2])];
		Cursor<? extends RealType<?>> c = Views.flatIterable(v.image()).cursor();
		for (int i = 0; i < out.length; i++) out[i] = c.next().getRealDouble();
		return out;
	}

	static int[] size(Volume v) {
		long[] d = v.geometry().size();
		return new int[] { (int) d[0], (int) d[1], (int) d[2] };
	}

	@ParameterizedTest
	@CsvSource({ "1.0, public_m1_log-sigma-1-0-mm-3D.nrrd", "3.0, public_m1_log-sigma-3-0-mm-3D.nrrd" })
	void equalsItkVoxelByVoxel(double sigma, String reference) throws Exception {
		Path image = SharedReference.require("multilesion/public_m1_image.nrrd");
		Volume in = NrrdReader.read(image).asVolume();
		double[] expected = values(NrrdReader.read(SharedReference.require("filters/" + reference)).asVolume());
		float[] got = LaplacianOfGaussian.apply(values(in), size(in), in.geometry().spacing(), sigma);
		assertEquals(expected.length, got.length);
		int identical = 0;
		double worst = 0;
		for (int i = 0; i < got.length; i++) {
			if (got[i] == (float) expected[i]) identical++;
			worst = Math.max(worst, Math.abs(got[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
		}
		System.out.printf("LoG sigma %s: %d of %d voxels bit-identical to ITK, worst relative difference %.3g%n", sigma, identical, got.length, worst);
		assertTrue(worst < 1e-6, "worst relative difference " + worst);
	}

	/**
	 * Lines filtered side by side in blocks of any width (split into runs, as the parallel passes split them) give the
	 * values of ITK's line-by-line recursion ({@code Recursive.filter} on one line), bit for bit, along every axis, also
	 * when the pass writes the image it reads.
	 */
	@Test
	void blocksOfLinesEqualSingleLines() {
		int[] size = { 37, 11, 9 };
		java.util.SplittableRandom r = new java.util.SplittableRandom(3);
		float[] in = new float[size[0] * size[1] * size[2]];
		for (int i = 0; i < in.length; i++) in[i] = (float) (r.nextDouble() * 2000 - 1000);
		for (int axis = 0; axis < 3; axis++) {
			LaplacianOfGaussian.Recursive c = LaplacianOfGaussian.Recursive.of(1.7, 0.8, axis == 1 ? 2 : 0);
			float[] single = lineByLine(in, size, axis, c);
			for (int width : new int[] { 1, 5, 16, LaplacianOfGaussian.width(axis) }) {
				int blocks = LineBlocks.count(size, axis, width);
				float[] blocked = new float[in.length];
				LaplacianOfGaussian.Target to = new LaplacianOfGaussian.Target(blocked, null, 0);
				LaplacianOfGaussian.blocks(null, in, to, size, axis, c, 0, blocks / 3, width);
				LaplacianOfGaussian.blocks(null, in, to, size, axis, c, blocks / 3, blocks, width);
				assertArrayEquals(single, blocked, "axis " + axis + ", blocks of " + width);
				float[] inPlace = in.clone(); // as apply's work image: a pass writing the image it reads
				LaplacianOfGaussian.blocks(null, inPlace, new LaplacianOfGaussian.Target(inPlace, null, 0), size, axis, c, 0, blocks, width);
				assertArrayEquals(single, inPlace, "axis " + axis + ", in place, blocks of " + width);
			}
		}
	}

	/**
	 * The recursion's steps in one loop each, two steps at a time with a single one left over (the client compiler's
	 * code), and in two loops each (C2's, which the other tests run) give ITK's one-line recursion bit for bit, for the
	 * smoothing and the second derivative, lines of 4 voxels and more (odd and even numbers of steps).
	 */
	@Test
	void fusedStepsEqualSingleLines() {
		java.util.SplittableRandom r = new java.util.SplittableRandom(9);
		for (int order : new int[] { 0, 2 })
			for (int ln : new int[] { 4, 5, 9, 40 }) {
				LaplacianOfGaussian.Recursive c = LaplacianOfGaussian.Recursive.of(2.3, 0.7, order);
				int k = 13;
				double[][] data = new double[ln][k], out = new double[ln][k], scratch = new double[5][k];
				for (int i = 0; i < ln; i++) for (int j = 0; j < k; j++) data[i][j] = r.nextDouble() * 3000 - 1000;
				for (boolean fused : new boolean[] { true, false }) {
					c.filter(data, out, scratch, ln, k, fused);
					double[] line = new double[ln], single = new double[ln], anti = new double[ln];
					for (int j = 0; j < k; j++) {
						for (int i = 0; i < ln; i++) line[i] = data[i][j];
						c.filter(line, single, anti, ln);
						for (int i = 0; i < ln; i++) assertEquals(single[i], out[i][j], 0, "order " + order + ", length " + ln + ", fused " + fused);
					}
				}
			}
	}

	/** The passes shared out over threads (images of 2^20 voxels and more) give the one-thread result bit for bit. */
	@Test
	void threadsDoNotChangeTheResult() throws Exception {
		int[] size = { 128, 96, 90 };
		java.util.SplittableRandom r = new java.util.SplittableRandom(5);
		double[] in = new double[size[0] * size[1] * size[2]];
		for (int i = 0; i < in.length; i++) in[i] = r.nextInt(-1000, 2000);
		double[] spacing = { 0.78, 0.78, 2.5 };
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			assertArrayEquals(LaplacianOfGaussian.apply(in, size, spacing, 3), LaplacianOfGaussian.apply(in, size, spacing, 3, pool));
		} finally {
			pool.shutdown();
		}
	}

	/**
	 * The filter streamed plane by plane into some boxes: inside them ITK's values (as the whole filter, worst relative
	 * difference below 1e-6, and the same voxels bit-identical to ITK), and the whole filter's values bit for bit — on
	 * one thread and on three (public_m1 has more than 2^20 voxels, so its last passes are shared out too).
	 */
	@ParameterizedTest
	@CsvSource({ "1.0, public_m1_log-sigma-1-0-mm-3D.nrrd", "3.0, public_m1_log-sigma-3-0-mm-3D.nrrd" })
	void boxesGetTheWholeFiltersValues(double sigma, String reference) throws Exception {
		Volume in = NrrdReader.read(SharedReference.require("multilesion/public_m1_image.nrrd")).asVolume();
		double[] expected = values(NrrdReader.read(SharedReference.require("filters/" + reference)).asVolume());
		int[] size = size(in);
		double[] values = values(in);
		// a box at a corner, one through the middle, a single voxel and one across the whole z extent
		java.util.List<int[][]> boxes = java.util.List.of(new int[][] { { 0, 0, 0 }, { 9, 14, 3 } },
				new int[][] { { size[0] / 3, size[1] / 2, size[2] / 2 - 2 }, { size[0] / 3 + 20, size[1] / 2 + 11, size[2] / 2 + 3 } },
				new int[][] { { size[0] - 1, 5, 7 }, { size[0] - 1, 5, 7 } }, new int[][] { { 40, size[1] - 8, 0 }, { 47, size[1] - 1, size[2] - 1 } });
		float[] whole = LaplacianOfGaussian.apply(values, size, in.geometry().spacing(), sigma);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			for (java.util.concurrent.Executor executor : new java.util.concurrent.Executor[] { null, pool }) {
				java.util.List<float[]> got = LaplacianOfGaussian.inBoxes(() -> (y, z, out, offset) -> System.arraycopy(values, size[0] * (y + size[1] * z), out,
						offset, size[0]), size, in.geometry().spacing(), sigma, executor, boxes);
				int inside = 0, identical = 0, identicalWhole = 0;
				double worst = 0;
				for (int k = 0; k < boxes.size(); k++) {
					int[][] b = boxes.get(k);
					float[] box = got.get(k);
					int j = 0;
					for (int z = b[0][2]; z <= b[1][2]; z++)
						for (int y = b[0][1]; y <= b[1][1]; y++)
							for (int x = b[0][0]; x <= b[1][0]; x++) {
								int i = x + size[0] * (y + size[1] * z);
								float g = box[j++];
								inside++;
								if (g == (float) expected[i]) identical++;
								if (whole[i] == (float) expected[i]) identicalWhole++;
								worst = Math.max(worst, Math.abs(g - expected[i]) / Math.max(1, Math.abs(expected[i])));
								assertEquals(whole[i], g, 0, "voxel " + x + ", " + y + ", " + z);
							}
				}
				assertTrue(worst < 1e-6, "worst relative difference " + worst);
				assertEquals(identicalWhole, identical);
				assertTrue(inside > 2000, "voxels compared: " + inside);
			}
		} finally {
			pool.shutdown();
		}
	}

	/** Each line along {@code axis} through the one-line recursion, as ITK's filter walks them. */
	private static float[] lineByLine(float[] in, int[] size, int axis, LaplacianOfGaussian.Recursive c) {
		int ln = size[axis];
		int stride = axis == 0 ? 1 : axis == 1 ? size[0] : size[0] * size[1];
		float[] out = new float[in.length];
		double[] line = new double[ln], causal = new double[ln], anticausal = new double[ln];
		for (int start = 0; start < in.length; start++) {
			if ((start / stride) % ln != 0) continue; // not the first voxel of a line along axis
			for (int i = 0; i < ln; i++) line[i] = in[start + i * stride];
			c.filter(line, causal, anticausal, ln);
			for (int i = 0; i < ln; i++) out[start + i * stride] = (float) causal[i];
		}
		return out;
	}
}
