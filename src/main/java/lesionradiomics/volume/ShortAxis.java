package lesionradiomics.volume;

import java.util.ArrayList;
import java.util.List;

/**
 * RECIST's in-plane axes of a lesion from its voxels: in each axial slice the long axis is the longest distance
 * between the corners of the lesion's pixels, and the short axis the lesion's width perpendicular to it (a caliper
 * across the pixels' corners); the slice with the longest long axis gives both. For lymph nodes RECIST measures the
 * short axis.
 *
 * @param longAxis  mm
 * @param shortAxis mm
 * @param slice     the axial slice (voxel index) measured
 */
public record ShortAxis(double longAxis, double shortAxis, long slice) {

	/** The axes of the voxels labelled {@code label} inside {@code box} of {@code labels}. */
	public static ShortAxis of(LabelMap labels, long label, BoundingBox box) {
		double[] sp = labels.geometry().spacing();
		net.imglib2.RandomAccess<? extends net.imglib2.type.numeric.IntegerType<?>> ra = labels.labels().randomAccess();
		ShortAxis best = new ShortAxis(0, 0, -1);
		for (long z = box.min(2); z <= box.max(2); z++) {
			List<double[]> corners = new ArrayList<>();
			for (long y = box.min(1); y <= box.max(1); y++)
				for (long x = box.min(0); x <= box.max(0); x++) {
					ra.setPosition(new long[] { x, y, z });
					if (ra.get().getIntegerLong() != label) continue;
					for (int cx = 0; cx < 2; cx++)
						for (int cy = 0; cy < 2; cy++) corners.add(new double[] { (x - 0.5 + cx) * sp[0], (y - 0.5 + cy) * sp[1] });
				}
			if (corners.isEmpty()) continue;
			corners = hull(corners); // the extreme distances lie on the convex hull
			double longest = 0;
			double[] dir = { 1, 0 };
			for (int i = 0; i < corners.size(); i++)
				for (int j = i + 1; j < corners.size(); j++) {
					double dx = corners.get(j)[0] - corners.get(i)[0], dy = corners.get(j)[1] - corners.get(i)[1], d = Math.hypot(dx, dy);
					if (d > longest) {
						longest = d;
						dir = new double[] { dx / d, dy / d };
					}
				}
			if (longest <= best.longAxis()) continue;
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (double[] c : corners) {
				double p = -c[0] * dir[1] + c[1] * dir[0];
				lo = Math.min(lo, p);
				hi = Math.max(hi, p);
			}
			best = new ShortAxis(longest, hi - lo, z);
		}
		return best;
	}

	/** Convex hull of points (Andrew's monotone chain). */
	static List<double[]> hull(List<double[]> points) {
		List<double[]> p = new ArrayList<>(points);
		p.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
		List<double[]> h = new ArrayList<>();
		for (int pass = 0; pass < 2; pass++) {
			int start = h.size();
			for (int k = 0; k < p.size(); k++) {
				double[] q = p.get(pass == 0 ? k : p.size() - 1 - k);
				while (h.size() >= start + 2 && cross(h.get(h.size() - 2), h.get(h.size() - 1), q) <= 0) h.remove(h.size() - 1);
				h.add(q);
			}
			h.remove(h.size() - 1);
		}
		return h.isEmpty() ? p : h;
	}

	private static double cross(double[] o, double[] a, double[] b) {
		return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
	}
}
