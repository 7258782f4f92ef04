package lesionradiomics.workflow;

import java.util.List;

import lesionradiomics.analysis.Correlation;
import lesionradiomics.analysis.FeatureSelection;

/**
 * Robust and uncorrelated feature selection, as the reference study: erosion/dilation by {@code radius} mm, Lin's CCC
 * ≥ {@code ccc} for both, average-linkage clustering on 1 − |r| cut at {@code cut} (or into {@code clusters}), one
 * representative per cluster chosen from {@code prefer}.
 *
 * @param radius      erosion/dilation radius in mm
 * @param ccc         concordance threshold for a robust feature, in [0, 1]
 * @param correlation Pearson or Spearman
 * @param cut         join features while their average |r| ≥ cut, in [0, 1]
 * @param clusters    cut into exactly this many clusters instead (0: use {@code cut})
 * @param prefer      preference list of representatives (short names such as VoxelVolume, or full names)
 */
public record SelectionOptions(double radius, double ccc, Correlation.Method correlation, double cut, int clusters, List<String> prefer) {

	public static final SelectionOptions DEFAULTS = new SelectionOptions(1, 0.8, Correlation.Method.PEARSON, 0.8, 0,
			FeatureSelection.DEFAULT_PREFERENCES);

	public SelectionOptions {
		if (!(radius > 0) || Double.isInfinite(radius)) throw new IllegalArgumentException("radius must be a positive number of mm, is " + radius);
		if (!(ccc >= 0 && ccc <= 1)) throw new IllegalArgumentException("ccc threshold must be between 0 and 1, is " + ccc);
		if (!(cut >= 0 && cut <= 1)) throw new IllegalArgumentException("correlation cut must be between 0 and 1, is " + cut);
		if (clusters < 0) throw new IllegalArgumentException("clusters must be 0 (cut at |r|) or a positive count, is " + clusters);
		if (correlation == null) throw new IllegalArgumentException("correlation must be pearson or spearman");
		prefer = List.copyOf(prefer);
	}
}
