package lesionradiomics.volume;

import java.util.Arrays;

/**
 * Physical placement of a voxel grid: spacing (mm), origin (mm) and direction cosines, in LPS as NRRD and ITK use
 * them. Axis 0 is x (fastest in memory), axis 2 is z.
 */
public final class Geometry {

	/** Relative tolerance when two grids are compared; readers round-trip decimal headers. */
	private static final double TOLERANCE = 1e-4;

	private final long[] size;
	private final double[] spacing;
	private final double[] origin;
	/** Row-major 3×3: column {@code j} (elements j, 3+j, 6+j) is the direction of axis j. */
	private final double[] direction;

	public Geometry(long[] size, double[] spacing, double[] origin, double[] direction) {
		if (size.length != 3 || spacing.length != 3 || origin.length != 3 || direction.length != 9)
			throw new IllegalArgumentException("Geometry needs 3 sizes, 3 spacings, 3 origin values and a 3x3 direction");
		for (int d = 0; d < 3; d++) {
			if (size[d] < 1) throw new IllegalArgumentException("size along axis " + d + " must be >= 1, is " + size[d]);
			if (!(spacing[d] > 0) || !Double.isFinite(spacing[d]))
				throw new IllegalArgumentException("spacing along axis " + d + " must be a positive number, is " + spacing[d]);
		}
		this.size = size.clone();
		this.spacing = spacing.clone();
		this.origin = origin.clone();
		this.direction = direction.clone();
	}

	public static Geometry of(long[] size, double[] spacing) {
		return new Geometry(size, spacing, new double[3], identity());
	}

	public static double[] identity() {
		return new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
	}

	public long[] size() { return size.clone(); }
	public long size(int d) { return size[d]; }
	public double[] spacing() { return spacing.clone(); }
	public double spacing(int d) { return spacing[d]; }
	public double[] origin() { return origin.clone(); }
	public double[] direction() { return direction.clone(); }
	public long voxelCount() { return size[0] * size[1] * size[2]; }
	public double voxelVolume() { return spacing[0] * spacing[1] * spacing[2]; }

	/** Physical point (mm) of a continuous index. */
	public double[] toPhysical(double[] index) {
		double[] p = origin.clone();
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				p[r] += direction[3 * r + c] * spacing[c] * index[c];
		return p;
	}

	/** Same grid (size, spacing, origin, direction) within a small tolerance. */
	public boolean sameGrid(Geometry other) {
		return Arrays.equals(size, other.size) && close(spacing, other.spacing, 1) && close(origin, other.origin, maxAbs(spacing))
				&& close(direction, other.direction, 1);
	}

	/** Human-readable difference to another grid, for error messages. */
	public String describeDifference(Geometry other) {
		if (!Arrays.equals(size, other.size)) return "size " + Arrays.toString(size) + " vs " + Arrays.toString(other.size);
		if (!close(spacing, other.spacing, 1)) return "spacing " + Arrays.toString(spacing) + " vs " + Arrays.toString(other.spacing);
		if (!close(origin, other.origin, maxAbs(spacing))) return "origin " + Arrays.toString(origin) + " vs " + Arrays.toString(other.origin);
		if (!close(direction, other.direction, 1)) return "direction " + Arrays.toString(direction) + " vs " + Arrays.toString(other.direction);
		return "none";
	}

	private static boolean close(double[] a, double[] b, double scale) {
		for (int i = 0; i < a.length; i++)
			if (Math.abs(a[i] - b[i]) > TOLERANCE * Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(b[i])))) return false;
		return true;
	}

	private static double maxAbs(double[] v) {
		double m = 0;
		for (double x : v) m = Math.max(m, Math.abs(x));
		return m;
	}

	@Override
	public String toString() {
		return "size " + Arrays.toString(size) + ", spacing " + Arrays.toString(spacing) + " mm";
	}
}
