package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The sixteen features IBSI's run length, size zone, distance zone and dependence matrices share (reference manual
 * 3.7–3.9, 3.11), computed by {@link SizeMatrix} (pyradiomics' formulas) on each matrix of an aggregation method and
 * averaged over them. Each matrix carries its own voxel count for the percentage feature (runs of a merged matrix
 * over several directions: the voxel count times the directions, as IBSI normalises merged run length matrices).
 */
final class IbsiSizeFeatures {

	private final List<SizeMatrix> matrices = new ArrayList<>();
	private final List<Double> voxels = new ArrayList<>();
	private final List<Double> energies = new ArrayList<>();

	/** Adds a count matrix [level − 1][size − 1] over {@code voxelCount} voxels; empty matrices are skipped. */
	void add(double[] rowLevels, double[][] counts, double voxelCount) {
		double total = IbsiGrid.total(counts), energy = 0;
		if (total == 0) return;
		for (double[] row : counts) for (double v : row) energy += (v / total) * (v / total);
		matrices.add(new SizeMatrix(rowLevels, counts));
		voxels.add(voxelCount);
		energies.add(energy);
	}

	/** The mean over the matrices of a quantity of the k-th matrix. */
	private double meanAt(IntToDoubleFunction f) {
		if (matrices.isEmpty()) return Double.NaN;
		double s = 0;
		for (int k = 0; k < matrices.size(); k++) s += f.applyAsDouble(k);
		return s / matrices.size();
	}

	private double mean(ToDoubleFunction<SizeMatrix> f) {
		return meanAt(k -> f.applyAsDouble(matrices.get(k)));
	}

	double smallEmphasis() { return mean(SizeMatrix::smallEmphasis); }
	double largeEmphasis() { return mean(SizeMatrix::largeEmphasis); }
	double lowGreyLevelEmphasis() { return mean(SizeMatrix::lowGrayLevelEmphasis); }
	double highGreyLevelEmphasis() { return mean(SizeMatrix::highGrayLevelEmphasis); }
	double smallLowGreyLevelEmphasis() { return mean(m -> m.jointEmphasis(-2, -2)); }
	double smallHighGreyLevelEmphasis() { return mean(m -> m.jointEmphasis(2, -2)); }
	double largeLowGreyLevelEmphasis() { return mean(m -> m.jointEmphasis(-2, 2)); }
	double largeHighGreyLevelEmphasis() { return mean(m -> m.jointEmphasis(2, 2)); }
	double greyLevelNonUniformity() { return mean(SizeMatrix::grayLevelNonUniformity); }
	double normalisedGreyLevelNonUniformity() { return mean(SizeMatrix::grayLevelNonUniformityNormalized); }
	double sizeNonUniformity() { return mean(SizeMatrix::sizeNonUniformity); }
	double normalisedSizeNonUniformity() { return mean(SizeMatrix::sizeNonUniformityNormalized); }
	double percentage() { return meanAt(k -> matrices.get(k).total / voxels.get(k)); }
	double greyLevelVariance() { return mean(SizeMatrix::grayLevelVariance); }
	double sizeVariance() { return mean(SizeMatrix::sizeVariance); }
	double entropy() { return mean(SizeMatrix::entropy); }
	/** Σ p(i,j)² (IBSI's dependence count energy, 3.11). */
	double energy() { return meanAt(energies::get); }
}
