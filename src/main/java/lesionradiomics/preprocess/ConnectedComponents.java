package lesionradiomics.preprocess;

import lesionradiomics.volume.Geometry;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.view.Views;

/**
 * Splits a binary (or any non-zero) mask into lesions: connected components with 6- or 26-connectivity, numbered 1..
 * in scan order (z, then y, then x of their first voxel); components smaller than a physical volume are dropped.
 */
public final class ConnectedComponents {

	private ConnectedComponents() {}

	/** Labels of the components; {@code minSizeMm3} 0 keeps every component. */
	public static ArrayImg<IntType, IntArray> label(RandomAccessibleInterval<? extends IntegerType<?>> mask, Geometry g, int connectivity, double minSizeMm3) {
		if (connectivity != 6 && connectivity != 26) throw new IllegalArgumentException("connectivity must be 6 or 26, is " + connectivity);
		int nx = (int) g.size(0), ny = (int) g.size(1), nz = (int) g.size(2);
		int n = nx * ny * nz;
		boolean[] in = new boolean[n];
		Cursor<? extends IntegerType<?>> c = Views.flatIterable(mask).cursor();
		for (int i = 0; i < n; i++) in[i] = c.next().getIntegerLong() != 0;
		int[] labels = new int[n];
		int[] stack = new int[n];
		int[] members = new int[n];
		int next = 0;
		double voxel = g.voxelVolume();
		for (int start = 0; start < n; start++) {
			if (!in[start] || labels[start] != 0) continue;
			int id = next + 1, top = 0, count = 0;
			stack[top++] = start;
			labels[start] = id;
			while (top > 0) {
				int v = stack[--top];
				members[count++] = v;
				int x = v % nx, y = (v / nx) % ny, z = v / (nx * ny);
				for (int dz = -1; dz <= 1; dz++)
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++) {
							int steps = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
							if (steps == 0 || connectivity == 6 && steps > 1) continue;
							int xx = x + dx, yy = y + dy, zz = z + dz;
							if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) continue;
							int w = xx + nx * (yy + ny * zz);
							if (in[w] && labels[w] == 0) {
								labels[w] = id;
								stack[top++] = w;
							}
						}
			}
			if (count * voxel < minSizeMm3) for (int k = 0; k < count; k++) labels[members[k]] = -1; // too small: not a lesion
			else next++;
		}
		for (int i = 0; i < n; i++) if (labels[i] < 0) labels[i] = 0;
		return ArrayImgs.ints(labels, nx, ny, nz);
	}
}
