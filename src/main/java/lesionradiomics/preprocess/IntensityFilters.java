package lesionradiomics.preprocess;

/**
 * pyradiomics' voxel-wise image types, each rescaled by the largest absolute intensity m of the image they are applied
 * to (the whole image, or the resampled box when resampling): square (x/√m)², square root sign(x)·√(|x|·m),
 * logarithm sign(x)·log(|x| + 1)·m/log(m + 1), exponential exp(x·log(m)/m) (imageoperations.get*Image).
 */
public final class IntensityFilters {

	private IntensityFilters() {}

	/** The names pyradiomics gives these image types, in the order it lists them. */
	public static final java.util.List<String> NAMES = java.util.List.of("square", "squareroot", "logarithm", "exponential");

	/** The image type named {@code name} of {@code values}, with m the largest absolute intensity of the whole image. */
	public static double[] apply(String name, double[] values, double maxAbs) {
		if (!(maxAbs > 0) || Double.isInfinite(maxAbs))
			throw new IllegalArgumentException("the " + name + " image type needs an image with a finite non-zero intensity, largest |x| is " + maxAbs);
		double[] out = new double[values.length];
		switch (name) {
		case "square": {
			double c = 1 / Math.sqrt(maxAbs);
			for (int i = 0; i < out.length; i++) {
				double t = c * values[i];
				out[i] = t * t;
			}
			return out;
		}
		case "squareroot":
			for (int i = 0; i < out.length; i++) {
				double x = values[i];
				out[i] = x > 0 ? Math.sqrt(x * maxAbs) : x < 0 ? -Math.sqrt(-x * maxAbs) : x;
			}
			return out;
		case "logarithm": {
			double c = maxAbs / Math.log(maxAbs + 1); // pyradiomics divides by the largest |log| of the image: log(m + 1)
			for (int i = 0; i < out.length; i++) {
				double x = values[i];
				out[i] = (x > 0 ? Math.log(x + 1) : x < 0 ? -Math.log(-(x - 1)) : x) * c;
			}
			return out;
		}
		case "exponential": {
			double c = Math.log(maxAbs) / maxAbs;
			for (int i = 0; i < out.length; i++) out[i] = Math.exp(c * values[i]);
			return out;
		}
		default: throw new IllegalArgumentException("unknown image type '" + name + "'; known: " + NAMES);
		}
	}
}
