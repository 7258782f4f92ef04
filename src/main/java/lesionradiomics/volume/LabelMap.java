package lesionradiomics.volume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.util.Intervals;

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

	/**
	 * A label map whose lesions are already known (a delineation rasterised here counts them as it draws), so
	 * {@link #lesions()} need not scan the voxels; {@code lesions} must be what the scan would find.
	 */
	public LabelMap(RandomAccessibleInterval<? extends IntegerType<?>> labels, Geometry geometry, Map<Long, String> segmentNames,
			SortedMap<Long, BoundingBox> lesions) {
		this(labels, geometry, segmentNames);
		found = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(lesions));
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
		return lesions(null, 1);
	}

	/**
	 * As {@link #lesions()}, the rows split into {@code parallelism} parts run on {@code executor} (null: this thread).
	 * The result does not depend on either, so it is computed once and kept: the label map is immutable.
	 */
	public SortedMap<Long, BoundingBox> lesions(java.util.concurrent.Executor executor, int parallelism) {
		SortedMap<Long, BoundingBox> done = found;
		if (done != null) return done;
		synchronized (this) {
			if (found == null) found = java.util.Collections.unmodifiableSortedMap(scan(executor, parallelism));
			return found;
		}
	}

	private volatile SortedMap<Long, BoundingBox> found;

	private SortedMap<Long, BoundingBox> scan(java.util.concurrent.Executor executor, int parallelism) {
		long rows = geometry.size(1) * geometry.size(2);
		int workers = (int) Math.max(1, Math.min(executor == null ? 1 : parallelism, rows / 64));
		List<long[]> ranges = new ArrayList<>();
		for (int w = 0; w < workers; w++) ranges.add(new long[] { rows * w / workers, rows * (w + 1) / workers });
		List<Map<Long, long[]>> parts = lesionradiomics.progress.Parallel.map(ranges, r -> scanRows(r[0], r[1]), executor, null,
				lesionradiomics.progress.Progress.NONE, "label map rows");
		Map<Long, long[]> acc = new HashMap<>();
		for (Map<Long, long[]> part : parts)
			part.forEach((label, a) -> acc.merge(label, a, (p, q) -> new long[] { Math.min(p[0], q[0]), Math.min(p[1], q[1]),
					Math.min(p[2], q[2]), Math.max(p[3], q[3]), Math.max(p[4], q[4]), Math.max(p[5], q[5]), p[6] + q[6] }));
		SortedMap<Long, BoundingBox> boxes = new TreeMap<>();
		acc.forEach((label, a) -> boxes.put(label,
				new BoundingBox(new long[] { a[0], a[1], a[2] }, new long[] { a[3], a[4], a[5] }, a[6])));
		return boxes;
	}

	/** Bounds (min x,y,z, max x,y,z, count) per label over image rows [from, to) (a row is one y,z line). */
	private Map<Long, long[]> scanRows(long from, long to) {
		int sx = (int) geometry.size(0);
		long sy = geometry.size(1);
		Map<Long, long[]> acc = new HashMap<>();
		BoxReader.LabelRows rows = BoxReader.labelRows(labels);
		BoxReader.BackgroundRows background = BoxReader.backgroundRows(labels);
		long[] row = new long[sx];
		long lastLabel = 0;
		long[] last = null;
		for (long r = from; r < to; r++) {
			long y = r % sy, z = r / sy;
			if (background.background(y, z)) continue; // most rows, told without copying them out
			rows.read(0, y, z, row, 0, sx);
			// a row is mostly background and runs of one label: the bounds move once per run, not once per voxel
			for (int x = 0; x < sx; x++) {
				long v = row[x];
				if (v == 0) continue;
				int start = x;
				while (x + 1 < sx && row[x + 1] == v) x++;
				if (v != lastLabel || last == null) {
					last = acc.computeIfAbsent(v, k -> new long[] { Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, -1, -1, -1, 0 });
					lastLabel = v;
				}
				if (start < last[0]) last[0] = start;
				if (y < last[1]) last[1] = y;
				if (z < last[2]) last[2] = z;
				if (x > last[3]) last[3] = x;
				if (y > last[4]) last[4] = y;
				if (z > last[5]) last[5] = z;
				last[6] += x - start + 1;
			}
		}
		return acc;
	}
}
