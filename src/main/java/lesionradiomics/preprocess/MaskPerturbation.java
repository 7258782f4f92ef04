package lesionradiomics.preprocess;

import lesionradiomics.volume.LesionRegion;

/**
 * A change of a lesion's delineation used to test feature robustness: erosion or dilation by a physical radius (the
 * reference study: 1 mm), or the peritumoral ring. Applied to each lesion's region just before feature computation.
 */
public final class MaskPerturbation {

	public enum Kind { ERODE, DILATE, RING }

	private final Kind kind;
	private final double radiusMm;

	public MaskPerturbation(Kind kind, double radiusMm) {
		if (!(radiusMm > 0)) throw new IllegalArgumentException("perturbation radius must be positive (mm), is " + radiusMm);
		this.kind = kind;
		this.radiusMm = radiusMm;
	}

	public Kind kind() { return kind; }
	public double radiusMm() { return radiusMm; }

	/** Name used in tables: "eroded", "dilated" or "ring". */
	public String name() {
		return kind == Kind.ERODE ? "eroded" : kind == Kind.DILATE ? "dilated" : "ring";
	}

	/** Margin in voxels the region needs around the lesion for this perturbation. */
	public int margin(double[] spacing) {
		return kind == Kind.ERODE ? 0 : MaskMorphology.margin(spacing, radiusMm) + 1;
	}

	/** True when the ball of this radius holds no neighbour on a grid of this spacing: the perturbation is a no-op. */
	public boolean changesNothing(double[] spacing) {
		return MaskMorphology.ball(spacing, radiusMm).length == 0;
	}

	public LesionRegion apply(LesionRegion r) {
		int[] size = r.size();
		double[] sp = r.spacing();
		switch (kind) {
		case ERODE: return r.withMask(MaskMorphology.erode(r.mask(), size, sp, radiusMm));
		case DILATE: return r.withMask(MaskMorphology.dilate(r.mask(), size, sp, radiusMm, r.others()));
		default: return r.withMask(MaskMorphology.ring(r.mask(), size, sp, radiusMm, r.others()));
		}
	}

	@Override
	public String toString() {
		return name() + " " + radiusMm + " mm";
	}
}
