package lesionradiomics.volume;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * One lesion cut out of its image: intensities and mask of a small box around it, as flat arrays (x fastest). This is
 * what preprocessing and the feature families work on, so their cost follows the lesion's size, not the image's.
 * Immutable by convention: arrays are handed out for reading only and copied by every transformation.
 */
public final class LesionRegion {

	private final int[] size;
	private final double[] spacing;
	private final double[] values;
	private final boolean[] mask;
	private final boolean[] others;
	private final int voxelCount;
	private final Map<String, double[]> channels;

	public LesionRegion(int[] size, double[] spacing, double[] values, boolean[] mask) {
		this(size, spacing, values, mask, null);
	}

	/** @param others voxels of other lesions in the box (dilation must not enter them); null when unknown */
	public LesionRegion(int[] size, double[] spacing, double[] values, boolean[] mask, boolean[] others) {
		this(size, spacing, values, mask, others, Map.of());
	}

	/** @param channels further images of the same box (filtered image types), by name */
	private LesionRegion(int[] size, double[] spacing, double[] values, boolean[] mask, boolean[] others, Map<String, double[]> channels) {
		if (values.length != (long) size[0] * size[1] * size[2] || mask.length != values.length)
			throw new IllegalArgumentException("region arrays do not match size");
		this.size = size.clone();
		this.spacing = spacing.clone();
		this.values = values;
		this.mask = mask;
		this.others = others;
		this.channels = channels;
		for (double[] c : channels.values()) if (c.length != values.length) throw new IllegalArgumentException("channel arrays do not match size");
		int n = 0;
		for (boolean m : mask) if (m) n++;
		this.voxelCount = n;
	}

	/**
	 * Copies the box {@code box} (already padded as wanted) of the image and marks the voxels whose label equals
	 * {@code label}. Labels of touching lesions are background here, as in pyradiomics' {@code mask == label}.
	 */
	public static LesionRegion crop(Volume volume, LabelMap labelMap, long label, BoundingBox box) { return crop(volume, labelMap, label, box, box); }

	/**
	 * {@link #crop(Volume, LabelMap, long, BoundingBox)} with the labels read only within {@code labelled} (a box inside
	 * {@code box} that holds every voxel of the lesion): beyond it, a margin kept for its intensities, the voxels are
	 * neither the lesion's nor another lesion's.
	 */
	public static LesionRegion crop(Volume volume, LabelMap labelMap, long label, BoundingBox box, BoundingBox labelled) {
		long[] min = box.min(), max = box.max(), lmin = labelled.min(), lmax = labelled.max();
		int[] size = new int[3], off = new int[3], lsize = new int[3];
		for (int d = 0; d < 3; d++) {
			size[d] = Math.toIntExact(max[d] - min[d] + 1);
			off[d] = Math.toIntExact(lmin[d] - min[d]);
			lsize[d] = Math.toIntExact(lmax[d] - lmin[d] + 1);
			if (off[d] < 0 || off[d] + lsize[d] > size[d]) throw new IllegalArgumentException("labelled box " + labelled + " outside " + box);
		}
		int n = size[0] * size[1] * size[2];
		boolean[] mask = new boolean[n];
		boolean[] others = new boolean[n];
		double[] values = BoxReader.values(volume.imageThrough(max[2]), min, max);
		long[] labels = BoxReader.labels(labelMap.labels(), lmin, lmax);
		for (int z = 0, j = 0; z < lsize[2]; z++)
			for (int y = 0; y < lsize[1]; y++)
				for (int x = 0, i = off[0] + size[0] * ((off[1] + y) + size[1] * (off[2] + z)); x < lsize[0]; x++, i++, j++) {
					long l = labels[j];
					mask[i] = l == label;
					others[i] = l != 0 && l != label;
				}
		return new LesionRegion(size, volume.geometry().spacing(), values, mask, others);
	}

	/**
	 * The sub-box starting at {@code offset} (voxels) with {@code subSize} voxels per axis, as a copy: the same region as
	 * a crop of the image to that box would give, so features computed on it are the same to the last bit.
	 */
	public LesionRegion sub(int[] offset, int[] subSize) {
		if (java.util.Arrays.equals(subSize, size)) return this;
		int n = subSize[0] * subSize[1] * subSize[2];
		double[] v = new double[n];
		boolean[] m = new boolean[n];
		boolean[] o = others == null ? null : new boolean[n];
		Map<String, double[]> c = new LinkedHashMap<>();
		channels.forEach((name, x) -> c.put(name, new double[n]));
		for (int z = 0, i = 0; z < subSize[2]; z++)
			for (int y = 0; y < subSize[1]; y++, i += subSize[0]) {
				int src = index(offset[0], offset[1] + y, offset[2] + z);
				System.arraycopy(values, src, v, i, subSize[0]);
				System.arraycopy(mask, src, m, i, subSize[0]);
				if (o != null) System.arraycopy(others, src, o, i, subSize[0]);
				for (Map.Entry<String, double[]> e : channels.entrySet()) System.arraycopy(e.getValue(), src, c.get(e.getKey()), i, subSize[0]);
			}
		return new LesionRegion(subSize, spacing, v, m, o, Collections.unmodifiableMap(c));
	}

	public int[] size() { return size.clone(); }
	public int size(int d) { return size[d]; }
	public double[] spacing() { return spacing.clone(); }
	public double spacing(int d) { return spacing[d]; }
	/** Intensities of the whole box (read only). */
	public double[] values() { return values; }
	/** Mask of the whole box (read only). */
	public boolean[] mask() { return mask; }
	/** Voxels of other lesions in the box (read only), or null when not known. */
	public boolean[] others() { return others; }

	/** Number of voxels inside the mask. */
	public int voxelCount() { return voxelCount; }
	public int index(int x, int y, int z) { return x + size[0] * (y + size[1] * z); }

	/** The intensities of the voxels inside the mask, in memory order. */
	public double[] maskedValues() {
		double[] out = new double[voxelCount];
		int k = 0;
		for (int i = 0; i < mask.length; i++) if (mask[i]) out[k++] = values[i];
		return out;
	}

	public LesionRegion withMask(boolean[] newMask) {
		return new LesionRegion(size, spacing, values, newMask, others, channels);
	}

	/** The same box with other intensities (its derived channels no longer apply and are dropped). */
	public LesionRegion withValues(double[] newValues) {
		return new LesionRegion(size, spacing, newValues, mask, others);
	}

	/** The same box with these derived images (filtered image types), by name. */
	public LesionRegion withChannels(Map<String, double[]> newChannels) {
		return new LesionRegion(size, spacing, values, mask, others, Collections.unmodifiableMap(new LinkedHashMap<>(newChannels)));
	}

	/** Derived images of the box by name (read only; empty when none). */
	public Map<String, double[]> channels() { return channels; }

	/** Bounds of the mask: {min x, min y, min z, max x, max y, max z} in region voxels (min > max when empty). */
	public int[] maskBounds() {
		return maskBounds(mask, size);
	}

	/**
	 * Bounds of a mask on a grid of this size, in {@link #maskBounds()}'s layout (max x = -1 when empty): each row
	 * scanned from its two ends only.
	 */
	public static int[] maskBounds(boolean[] mask, int[] size) {
		int[] b = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1 };
		for (int z = 0, row = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++, row += size[0]) {
				int first = row, last = row + size[0] - 1;
				while (first <= last && !mask[first]) first++;
				if (first > last) continue;
				while (!mask[last]) last--;
				b[0] = Math.min(b[0], first - row); b[3] = Math.max(b[3], last - row);
				b[1] = Math.min(b[1], y); b[4] = Math.max(b[4], y);
				b[2] = Math.min(b[2], z); b[5] = Math.max(b[5], z);
			}
		return b;
	}

	/** The mask with every voxel outside the given bounds ({@link #maskBounds()} layout) cleared. */
	public boolean[] maskWithin(int[] bounds) {
		boolean[] out = new boolean[mask.length];
		for (int z = bounds[2]; z <= bounds[5]; z++)
			for (int y = bounds[1]; y <= bounds[4]; y++)
				for (int x = bounds[0]; x <= bounds[3]; x++) {
					int i = index(x, y, z);
					out[i] = mask[i];
				}
		return out;
	}

	/** Number of axes along which the mask spans more than one voxel (pyradiomics' ROI dimensionality). */
	public int maskDimensionality() {
		int[] b = maskBounds();
		int dims = 0;
		for (int d = 0; d < 3; d++) if (b[d + 3] > b[d]) dims++;
		return dims;
	}
}
