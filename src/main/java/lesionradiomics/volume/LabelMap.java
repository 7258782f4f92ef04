package lesionradiomics.volume;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * An integer label image (one label per lesion, 0 = background) with its geometry and, where the file carried them,
 * segment names (3D Slicer {@code .seg.nrrd}).
 */
public final class LabelMap {

	private final RandomAccessibleInterval<? extends IntegerType<?>> labels;
	private final Geometry geometry;
	private final Map<Long, String> segmentNames;

	public LabelMap(RandomAccessibleInterval<? extends IntegerType<?>> labels, Geometry geometry) {
		this(labels, geometry, Map.of());
	}

	public LabelMap(RandomAccessibleInterval<? extends IntegerType<?>> labels, Geometry geometry, Map<Long, String> segmentNames) {
		long[] dims = Intervals.dimensionsAsLongArray(labels);
		if (dims.length != 3) throw new IllegalArgumentException("a label map is 3D, got " + dims.length + "D");
		for (int d = 0; d < 3; d++)
			if (dims[d] != geometry.size(d)) throw new IllegalArgumentException("label image size does not match its geometry: " + geometry);
		this.labels = labels;
		this.geometry = geometry;
		this.segmentNames = Collections.unmodifiableMap(new HashMap<>(segmentNames));
	}

	public RandomAccessibleInterval<? extends IntegerType<?>> labels() { return labels; }
	public Geometry geometry() { return geometry; }
	/** Segment names by label value; empty when the file had none. */
	public Map<Long, String> segmentNames() { return segmentNames; }

	/**
	 * Bounding boxes and voxel counts of every non-zero label, found in a single pass over the image, so the cost is
	 * one read of the label map however many lesions it holds.
	 */
	public SortedMap<Long, BoundingBox> lesions() {
		long sx = geometry.size(0), sy = geometry.size(1);
		Map<Long, long[]> acc = new HashMap<>();
		Cursor<? extends IntegerType<?>> c = Views.flatIterable(labels).cursor();
		long x = 0, y = 0, z = 0;
		long lastLabel = 0;
		long[] last = null;
		while (c.hasNext()) {
			long v = c.next().getIntegerLong();
			if (v != 0) {
				if (v != lastLabel || last == null) {
					last = acc.computeIfAbsent(v, k -> new long[] { Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, -1, -1, -1, 0 });
					lastLabel = v;
				}
				if (x < last[0]) last[0] = x;
				if (y < last[1]) last[1] = y;
				if (z < last[2]) last[2] = z;
				if (x > last[3]) last[3] = x;
				if (y > last[4]) last[4] = y;
				if (z > last[5]) last[5] = z;
				last[6]++;
			}
			if (++x == sx) {
				x = 0;
				if (++y == sy) {
					y = 0;
					z++;
				}
			}
		}
		SortedMap<Long, BoundingBox> boxes = new TreeMap<>();
		acc.forEach((label, a) -> boxes.put(label,
				new BoundingBox(new long[] { a[0], a[1], a[2] }, new long[] { a[3], a[4], a[5] }, a[6])));
		return boxes;
	}
}
