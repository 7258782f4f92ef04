package lesionradiomics.preprocess;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * pyradiomics' {@code normalize}: z-score over the whole image (ITK's NormalizeImageFilter, so the SD is the sample SD
 * with n − 1), optional clipping at ±{@code removeOutliers} SDs, then multiplication by {@code normalizeScale}.
 * Fitted once per image and applied voxel by voxel, so cropping before applying gives the same numbers.
 */
public final class Normalization {

	private final double mean;
	private final double sd;
	private final double scale;
	private final double outliers;

	private Normalization(double mean, double sd, double scale, double outliers) {
		this.mean = mean;
		this.sd = sd;
		this.scale = scale;
		this.outliers = outliers;
	}

	/** Fits the whole-image mean and SD. {@code removeOutliers} is NaN for none. */
	public static Normalization fit(RandomAccessibleInterval<? extends RealType<?>> image, double scale, double removeOutliers) {
		// Compensated sums as ITK's StatisticsImageFilter.
		double sum = 0, sumC = 0, sq = 0, sqC = 0;
		long n = 0;
		for (RealType<?> t : Views.flatIterable(image)) {
			double v = t.getRealDouble();
			double y = v - sumC, s = sum + y;
			sumC = (s - sum) - y;
			sum = s;
			double y2 = v * v - sqC, s2 = sq + y2;
			sqC = (s2 - sq) - y2;
			sq = s2;
			n++;
		}
		double mean = sum / n;
		double var = (sq - sum * sum / n) / (n - 1);
		double sd = Math.sqrt(var);
		if (!(sd > 0)) throw new IllegalArgumentException("cannot normalise a constant image (SD 0)");
		return new Normalization(mean, sd, scale, removeOutliers);
	}

	public double apply(double v) {
		double z = (v - mean) / sd;
		if (!Double.isNaN(outliers)) z = Math.max(-outliers, Math.min(outliers, z));
		return z * scale;
	}

	public double[] apply(double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) out[i] = apply(values[i]);
		return out;
	}
}
