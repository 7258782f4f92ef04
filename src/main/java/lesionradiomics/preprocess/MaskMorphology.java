package lesionradiomics.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * Erosion, dilation and peritumoral rings of a lesion mask by a physical radius: the structuring element is the ball
 * of radius r mm on the image grid, so anisotropic voxels get fewer steps along their long axis (1 mm on
 * 0.78×0.78×2.5 mm voxels moves in-plane only). Dilation never enters voxels of other lesions.
 */
public final class MaskMorphology {

	private MaskMorphology() {}

	/** Offsets (dx, dy, dz) of the ball of radius {@code radiusMm} on a grid of the given spacing, centre excluded. */
	static int[][] ball(double[] spacing, double radiusMm) {
		int[] reach = new int[3];
		for (int d = 0; d < 3; d++) reach[d] = (int) Math.floor(radiusMm / spacing[d] + 1e-9);
		List<int[]> out = new ArrayList<>();
		double r2 = radiusMm * radiusMm * (1 + 1e-9);
		for (int dz = -reach[2]; dz <= reach[2]; dz++)
			for (int dy = -reach[1]; dy <= reach[1]; dy++)
				for (int dx = -reach[0]; dx <= reach[0]; dx++) {
					if (dx == 0 && dy == 0 && dz == 0) continue;
					double x = dx * spacing[0], y = dy * spacing[1], z = dz * spacing[2];
					if (x * x + y * y + z * z <= r2) out.add(new int[] { dx, dy, dz });
				}
		return out.toArray(new int[0][]);
	}

	/** Voxels of the grid around the ball's reach, needed as margin around a mask that will be dilated. */
	public static int margin(double[] spacing, double radiusMm) {
		int m = 0;
		for (double s : spacing) m = Math.max(m, (int) Math.floor(radiusMm / s + 1e-9));
		return m;
	}

	/** Voxels of {@code mask} whose whole ball lies inside the mask (outside the box counts as outside). */
	public static boolean[] erode(boolean[] mask, int[] size, double[] spacing, double radiusMm) {
		int[][] ball = ball(spacing, radiusMm);
		boolean[] out = new boolean[mask.length];
		for (int z = 0, i = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++, i++) {
					if (!mask[i]) continue;
					boolean keep = true;
					for (int[] o : ball) {
						int xx = x + o[0], yy = y + o[1], zz = z + o[2];
						if (xx < 0 || yy < 0 || zz < 0 || xx >= size[0] || yy >= size[1] || zz >= size[2]
								|| !mask[xx + size[0] * (yy + size[1] * zz)]) {
							keep = false;
							break;
						}
					}
					out[i] = keep;
				}
		return out;
	}

	/** Voxels within {@code radiusMm} of the mask, except those in {@code blocked} (other lesions; may be null). */
	public static boolean[] dilate(boolean[] mask, int[] size, double[] spacing, double radiusMm, boolean[] blocked) {
		int[][] ball = ball(spacing, radiusMm);
		boolean[] out = mask.clone();
		for (int z = 0, i = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++, i++) {
					if (!mask[i]) continue;
					for (int[] o : ball) {
						int xx = x + o[0], yy = y + o[1], zz = z + o[2];
						if (xx < 0 || yy < 0 || zz < 0 || xx >= size[0] || yy >= size[1] || zz >= size[2]) continue;
						int j = xx + size[0] * (yy + size[1] * zz);
						if (blocked == null || !blocked[j]) out[j] = true;
					}
				}
		return out;
	}

	/** The peritumoral ring: dilated by {@code radiusMm} minus the mask itself. */
	public static boolean[] ring(boolean[] mask, int[] size, double[] spacing, double radiusMm, boolean[] blocked) {
		// Sun et al. 2022: the peritumoral ring spans both sides of the boundary, dilated minus eroded mask
		boolean[] d = dilate(mask, size, spacing, radiusMm, blocked);
		boolean[] e = erode(mask, size, spacing, radiusMm);
		for (int i = 0; i < d.length; i++) if (e[i]) d[i] = false;
		return d;
	}
}
