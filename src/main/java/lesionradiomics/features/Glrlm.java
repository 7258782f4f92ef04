package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Grey Level Run Length Matrix features of pyradiomics 3.0 ({@code radiomics/glrlm.py}, {@code calculate_glrlm}): one
 * matrix per direction, runs of equal grey level along lines through the lesion's bounding box (voxels outside the
 * mask end a run). A direction along which no line holds two mask voxels (e.g. across a one-slice lesion) is dropped,
 * as are empty directions; features are averaged over directions, or computed on the weighted sum with
 * {@code weightingNorm}.
 */
public final class Glrlm {

	private final List<SizeMatrix> matrices = new ArrayList<>();
	private final int voxelCount;
	private final double runPercentageScale;

	public Glrlm(LesionData lesion) {
		TextureGrid grid = lesion.textureGrid();
		voxelCount = grid.voxelCount;
		int maxRun = Math.max(grid.nx, Math.max(grid.ny, grid.nz));
		int rows = grid.presentLevels.length;
		double[] levels = grid.levelValues();
		double[][][] perAngle = new double[grid.angles.length][][];
		TextureGrid.Padded padded = grid.padded();
		int[] run = new int[padded.levels().length], elements = new int[run.length];
		for (int a = 0; a < grid.angles.length; a++) perAngle[a] = runs(grid, padded, padded.offsets()[2 * a], rows, maxRun, run, elements);
		String norm = lesion.settings().weightingNorm();
		if (norm != null) {
			double[] w = new double[grid.angles.length];
			double wSum = 0;
			for (int a = 0; a < w.length; a++) {
				w[a] = grid.weight(grid.angles[a], norm);
				wSum += w[a];
			}
			matrices.add(new SizeMatrix(levels, SizeMatrix.weightedSum(perAngle, w)));
			runPercentageScale = wSum;
		} else {
			for (double[][] counts : perAngle) {
				SizeMatrix m = new SizeMatrix(levels, counts);
				if (m.total > 0) matrices.add(m);
			}
			if (matrices.isEmpty()) matrices.add(new SizeMatrix(levels, perAngle[0]));
			runPercentageScale = 1;
		}
	}

	/** The features of per-direction run matrices found elsewhere (voxel-map kernels; no weighting). */
	Glrlm(List<SizeMatrix> directions, int voxelCount) {
		matrices.addAll(directions);
		this.voxelCount = voxelCount;
		runPercentageScale = 1;
	}

	/**
	 * Run counts [grey level row][length - 1] along the direction whose offset on the padded grid is {@code step}
	 * (positive: the first non-zero component of pyradiomics' angle is); all zero when no line has two mask voxels.
	 * The box is swept in memory order instead of line by line (a line along z or a diagonal jumps a slice per voxel):
	 * each voxel's run length follows from its predecessor's one step back, which comes earlier in memory (the zero
	 * margin starts every line), and a run is counted at its last voxel, where the next voxel on the line differs.
	 * These are the runs a walk along each line finds, counted in another order: the same integer counts.
	 * Only when every run has length one are the mask voxels of each line counted ({@link #multiElement}).
	 *
	 * @param run      scratch of the padded grid's size, zero on the margin (only box voxels are written)
	 * @param elements scratch of the same size and margin, for {@link #multiElement}
	 */
	private static double[][] runs(TextureGrid g, TextureGrid.Padded padded, int step, int rows, int maxRun, int[] run, int[] elements) {
		double[][] counts = new double[rows][maxRun];
		int[] levels = padded.levels(), levelRow = g.levelRow;
		int longest = 0;
		for (int z = 0; z < g.nz; z++)
			for (int y = 0; y < g.ny; y++)
				for (int x = 0, v = padded.index(0, y, z); x < g.nx; x++, v++) {
					if (levels[v] == 0) continue; // (its run length is never read: only a voxel of the same level reads it)
					longest = Math.max(longest, sweep(levels, run, v, step, counts, levelRow));
				}
		// a run of two is a line with two mask voxels; without one, count the mask voxels along each line
		return longest > 1 || multiElement(g, padded, step, elements) ? counts : new double[rows][maxRun];
	}

	/**
	 * One lesion voxel {@code v} of the memory-order run sweep ({@link #runs}; the voxel maps' kernels sweep the same
	 * way): its run length is that of the voxel one step back plus one when that has its level, else 1, kept in
	 * {@code run[v]}; where the next voxel differs the run ends and is counted in {@code counts[level row][length − 1]}.
	 * Returns the run length at v.
	 */
	static int sweep(int[] levels, int[] run, int v, int step, double[][] counts, int[] levelRow) {
		int l = levels[v], back = v - step, length = levels[back] == l ? run[back] + 1 : 1;
		run[v] = length;
		if (levels[v + step] != l) counts[levelRow[l]][length - 1]++;
		return length;
	}

	/** Whether some line along {@code step} holds two mask voxels (not necessarily neighbours). */
	private static boolean multiElement(TextureGrid g, TextureGrid.Padded padded, int step, int[] elements) {
		int[] levels = padded.levels();
		boolean multi = false;
		for (int z = 0; z < g.nz; z++)
			for (int y = 0; y < g.ny; y++)
				for (int x = 0, v = padded.index(0, y, z); x < g.nx; x++, v++) {
					int seen = elements[v - step] + (levels[v] != 0 ? 1 : 0);
					elements[v] = seen;
					if (seen > 1) multi = true;
				}
		return multi;
	}

	private interface PerMatrix { double of(SizeMatrix m); }

	/** numpy.nanmean over the directions (as {@link TextureGrid#nanMean}, without an array per feature). */
	private double mean(PerMatrix f) {
		double sum = 0;
		int n = 0;
		for (SizeMatrix m : matrices) {
			double v = f.of(m);
			if (!Double.isNaN(v)) {
				sum += v;
				n++;
			}
		}
		return n == 0 ? Double.NaN : sum / n;
	}

	@Feature double shortRunEmphasis() { return mean(SizeMatrix::smallEmphasis); }
	@Feature double longRunEmphasis() { return mean(SizeMatrix::largeEmphasis); }
	@Feature double grayLevelNonUniformity() { return mean(SizeMatrix::grayLevelNonUniformity); }
	@Feature double grayLevelNonUniformityNormalized() { return mean(SizeMatrix::grayLevelNonUniformityNormalized); }
	@Feature double runLengthNonUniformity() { return mean(SizeMatrix::sizeNonUniformity); }
	@Feature double runLengthNonUniformityNormalized() { return mean(SizeMatrix::sizeNonUniformityNormalized); }
	// pyradiomics sets a direction's run count Nr = 0 to NaN (glrlm.py, _calculateCoefficients): a direction without
	// runs (an isolated voxel's kernel) makes every feature NaN, also these two that would otherwise come out 0
	@Feature double runPercentage() { return mean(m -> m.total == 0 ? Double.NaN : m.total / (voxelCount * runPercentageScale)); }
	@Feature double grayLevelVariance() { return mean(SizeMatrix::grayLevelVariance); }
	@Feature double runVariance() { return mean(m -> m.total == 0 ? Double.NaN : m.sizeVariance()); }
	@Feature double runEntropy() { return mean(SizeMatrix::entropy); }
	@Feature double lowGrayLevelRunEmphasis() { return mean(SizeMatrix::lowGrayLevelEmphasis); }
	@Feature double highGrayLevelRunEmphasis() { return mean(SizeMatrix::highGrayLevelEmphasis); }
	@Feature double shortRunLowGrayLevelEmphasis() { return mean(m -> m.jointEmphasis(-2, -2)); }
	@Feature double shortRunHighGrayLevelEmphasis() { return mean(m -> m.jointEmphasis(2, -2)); }
	@Feature double longRunLowGrayLevelEmphasis() { return mean(m -> m.jointEmphasis(-2, 2)); }
	@Feature double longRunHighGrayLevelEmphasis() { return mean(m -> m.jointEmphasis(2, 2)); }
}
