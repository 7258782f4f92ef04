package lesionradiomics.preprocess;

import java.util.function.DoubleUnaryOperator;

import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;

/** Placeholder, replaced by the B-spline resampler. */
public final class Resampler {
	private Resampler() {}

	public static LesionRegion resampleLesion(Volume image, LabelMap labels, long label, BoundingBox box, double[] spacing,
			String interpolator, int padDistance, DoubleUnaryOperator intensityMap) {
		throw new UnsupportedOperationException("resampling not implemented yet");
	}
}
