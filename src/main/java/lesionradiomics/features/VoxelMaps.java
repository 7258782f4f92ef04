package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;

/**
 * Voxel-wise feature maps with pyradiomics' semantics (voxelBased, maskedKernel, one voxel per batch): for every voxel
 * of a lesion, the first-order and texture features of the cube of side 2r + 1 around it, clipped to the image and
 * restricted to the lesion; neighbours, runs and zones stay inside that cube; grey levels are binned once over the
 * whole lesion and Ng is the lesion's highest bin.
 * <p>
 * Two computations give the same numbers: the straightforward one builds every kernel as a small lesion and runs the
 * feature families on it (the reference); the fast one slides the first-order state along each row of the lesion
 * ({@link SlidingFirstOrder}), computes glcm with reusable arrays ({@link KernelGlcm}) and spreads rows over threads.
 * Kernels the fast classes do not cover (non-integer intensities, weighted glcm, kernels without voxel pairs) fall back
 * to the families.
 */
public final class VoxelMaps {

	/**
	 * @param voxels   image indexes (x, y, z) of the lesion's voxels, in linear-index order
	 * @param features the feature names ({@code original_<class>_<Feature>})
	 * @param values   per voxel, per feature
	 * @param box      where pyradiomics puts the maps: the lesion's bounding box padded by the kernel radius, clipped to
	 *                 the image (image voxels)
	 */
	public record Maps(int[][] voxels, List<String> features, double[][] values, BoundingBox box) {

		/** One feature's map on {@link #box} (x fastest), pyradiomics' initValue 0 outside the lesion. */
		public double[] image(int feature) {
			return onBox(v -> values[v][feature]);
		}

		/**
		 * Every feature's values over the lesion voxels, feature by feature ([feature][voxel]): one pass over the voxels'
		 * rows, where reading a feature's map voxel by voxel would touch every row once per feature.
		 */
		public double[][] columns() {
			int n = voxels.length, m = features.size();
			double[][] out = new double[m][n];
			for (int v = 0; v < n; v++) {
				double[] row = values[v];
				for (int f = 0; f < m; f++) out[f][v] = row[f];
			}
			return out;
		}

		/** {@link #index} of every lesion voxel. */
		public int[] boxIndexes() {
			int[] out = new int[voxels.length];
			for (int v = 0; v < out.length; v++) out[v] = index(v);
			return out;
		}

		/**
		 * A feature's map ({@code column} of {@link #columns}, at {@link #boxIndexes}) on {@link #box} as 32-bit floats
		 * (the NRRD files': half the memory and bytes of doubles, the values to 6e-8 relative, far below what a map is
		 * read for; the CSV keeps the doubles).
		 */
		public float[] floatImage(double[] column, int[] boxIndexes) {
			float[] out = new float[(int) (box.size(0) * box.size(1) * box.size(2))];
			for (int v = 0; v < column.length; v++) out[boxIndexes[v]] = (float) column[v];
			return out;
		}

		/** A value per lesion voxel placed on {@link #box} (x fastest), 0 outside the lesion. */
		public double[] onBox(java.util.function.IntToDoubleFunction valueOfVoxel) {
			double[] out = new double[(int) (box.size(0) * box.size(1) * box.size(2))];
			for (int v = 0; v < voxels.length; v++) out[index(v)] = valueOfVoxel.applyAsDouble(v);
			return out;
		}

		/** Index in {@link #box} of lesion voxel {@code v}. */
		public int index(int v) {
			int[] p = voxels[v];
			return (int) ((p[0] - box.min(0)) + box.size(0) * ((p[1] - box.min(1)) + box.size(1) * (p[2] - box.min(2))));
		}
	}

	private VoxelMaps() {}

	/** The maps on the calling thread. */
	public static Maps compute(Volume image, LabelMap labels, long label, FeatureSettings settings, int radius) {
		return compute(image, labels, label, settings, radius, null, 1);
	}

	/**
	 * The maps, the lesion's rows shared by {@code threads} tasks on {@code executor} (null: the calling thread). The
	 * executor must not be busy waiting for this call (no nested use of a fully occupied pool).
	 */
	public static Maps compute(Volume image, LabelMap labels, long label, FeatureSettings settings, int radius, ExecutorService executor, int threads) {
		return new Lesion(image, labels, label, settings, radius).maps(true, executor, threads);
	}

	/** The reference computation: every kernel through the feature families, one thread. */
	public static Maps straightforward(Volume image, LabelMap labels, long label, FeatureSettings settings, int radius) {
		return new Lesion(image, labels, label, settings, radius).maps(false, null, 1);
	}

	/** The texture and intensity families with a fast kernel path (shape has no maps). */
	private enum Family { FIRSTORDER, GLCM, GLDM, GLRLM, GLSZM, NGTDM }

	/** One lesion prepared for its maps: the padded box, grey levels binned over the whole lesion, the columns. */
	private static final class Lesion {
		final LesionRegion region;
		final BoundingBox padded;
		final FeatureSettings settings;
		final int radius, nx, ny, nz, ng;
		final int[] grey;
		final boolean[] mask;
		final double[] values;
		/** Enabled non-shape classes in output order, the features of each, and where each class starts in a row. */
		final List<FeatureRegistry.FeatureClass> classes = new ArrayList<>();
		final List<Family> families = new ArrayList<>();
		final List<Set<String>> wanted = new ArrayList<>();
		final List<java.lang.invoke.MethodHandle[]> selected = new ArrayList<>();
		final List<String> names = new ArrayList<>();
		final List<int[]> columns = new ArrayList<>();
		final double lesionMin, lesionMax;
		final boolean slidingFirstOrder, unweighted;
		/** Whether glszm's zones, gldm's or ngtdm's neighbourhoods are asked for (one pass over the pairs serves both). */
		final boolean zones, neighbourhoods;

		Lesion(Volume image, LabelMap labels, long label, FeatureSettings settings, int radius) {
			BoundingBox box = labels.lesions().get(label);
			if (box == null) throw new IllegalArgumentException("label " + label + " is not in the label map");
			if (radius < 1) throw new IllegalArgumentException("kernel radius must be at least 1, got " + radius);
			this.settings = settings;
			this.radius = radius;
			padded = box.padded(radius, image.geometry().size());
			region = LesionRegion.crop(image, labels, label, padded);
			mask = region.mask();
			values = region.values();
			nx = region.size(0);
			ny = region.size(1);
			nz = region.size(2);
			double[] masked = region.maskedValues();
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			int nonFinite = 0;
			boolean integral = true;
			for (double v : masked) {
				if (!Double.isFinite(v)) nonFinite++;
				integral &= v == Math.rint(v);
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			if (nonFinite > 0) throw new IllegalArgumentException(nonFinite + " voxels of label " + label + " are NaN or infinite; maps need finite intensities");
			lesionMin = lo;
			lesionMax = hi;
			int[] bins = settings.discretizer().discretize(masked);
			grey = new int[mask.length];
			int max = 0;
			for (int i = 0, k = 0; i < mask.length; i++)
				if (mask[i]) {
					grey[i] = bins[k++];
					max = Math.max(max, grey[i]);
				}
			ng = max;
			Map<String, Set<String>> enabled = settings.enabledFeatures();
			for (FeatureRegistry.FeatureClass c : FeatureRegistry.classes()) {
				if (c.name().equals("shape") || !enabled.isEmpty() && !enabled.containsKey(c.name())) continue;
				Set<String> set = enabled.getOrDefault(c.name(), Set.of());
				List<String> fast = c.name().equals("firstorder") ? SlidingFirstOrder.NAMES : c.name().equals("glcm") ? KernelGlcm.NAMES : List.of();
				List<Integer> column = new ArrayList<>();
				for (String f : c.featureNames())
					if (set.isEmpty() || set.contains(f)) {
						names.add("original_" + c.name() + "_" + f);
						column.add(fast.indexOf(f));
					}
				classes.add(c);
				families.add(Family.valueOf(c.name().toUpperCase(java.util.Locale.ROOT)));
				wanted.add(set);
				selected.add(c.select(set));
				columns.add(column.stream().mapToInt(Integer::intValue).toArray());
			}
			int kernelVoxels = (2 * radius + 1) * (2 * radius + 1) * (2 * radius + 1);
			// the sliding state is updated at every step of a row: only worth keeping when first order is asked for
			slidingFirstOrder = families.contains(Family.FIRSTORDER) && SlidingFirstOrder.applicable(lesionMin, lesionMax, integral, settings.voxelArrayShift(), kernelVoxels);
			unweighted = settings.weightingNorm() == null;
			zones = families.contains(Family.GLSZM);
			neighbourhoods = families.contains(Family.GLDM) || families.contains(Family.NGTDM);
		}

		Maps maps(boolean fast, ExecutorService executor, int threads) {
			List<int[]> rows = new ArrayList<>(); // (y, z) of the rows that hold lesion voxels
			int[] outputRow = new int[mask.length];
			int count = 0;
			for (int z = 0; z < nz; z++)
				for (int y = 0; y < ny; y++) {
					boolean any = false;
					for (int x = 0, i = nx * (y + ny * z); x < nx; x++, i++)
						if (mask[i]) {
							outputRow[i] = count++;
							any = true;
						}
					if (any) rows.add(new int[] { y, z });
				}
			if (count == 0) throw new IllegalArgumentException("empty lesion");
			int[][] voxels = new int[count][];
			double[][] out = new double[count][];
			AtomicInteger next = new AtomicInteger();
			Runnable worker = () -> {
				Worker w = new Worker(fast);
				for (int r; (r = next.getAndIncrement()) < rows.size();) w.row(rows.get(r)[0], rows.get(r)[1], outputRow, voxels, out);
			};
			if (executor == null || threads <= 1) worker.run();
			else {
				try {
					List<Future<?>> futures = new ArrayList<>();
					for (int t = 0; t < threads; t++) futures.add(executor.submit(worker));
					for (Future<?> f : futures) f.get();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("voxel maps interrupted", e);
				} catch (ExecutionException e) {
					if (e.getCause() instanceof RuntimeException re) throw re;
					throw new IllegalStateException(e.getCause());
				}
			}
			return new Maps(voxels, List.copyOf(names), out, padded);
		}

		/** The kernel box [lo, lo + size) as a small lesion for the feature families. */
		LesionData kernel(int[] lo, int[] hi) {
			int[] ks = { hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1 };
			LesionRegion kernel = region.sub(lo, ks);
			int[] kg = new int[ks[0] * ks[1] * ks[2]];
			for (int kz = 0, j = 0; kz < ks[2]; kz++)
				for (int ky = 0; ky < ks[1]; ky++)
					for (int kx = 0; kx < ks[0]; kx++, j++) kg[j] = grey[(lo[0] + kx) + nx * ((lo[1] + ky) + ny * (lo[2] + kz))];
			return new LesionData(kernel, kernel.mask(), kg, settings, ng);
		}

		/** One thread's state: the kernel box, the sliding first-order kernel and the fast families' arrays. */
		private final class Worker {
			final KernelBox box;
			final SlidingFirstOrder firstOrder;
			final KernelGlcm glcm;
			final KernelTextures textures;
			final double[] scratch = new double[KernelGlcm.NAMES.size()];

			Worker(boolean fast) {
				double[] sp = region.spacing();
				int[][] angles = TextureGrid.angles(settings.distances(), settings.force2D() ? settings.force2Ddimension() : -1);
				int side = 2 * radius + 1;
				box = fast ? new KernelBox(grey, nx, ny, ng, side, angles) : null;
				firstOrder = fast && slidingFirstOrder ? new SlidingFirstOrder(lesionMin, lesionMax, ng, settings.voxelArrayShift(), sp[0] * sp[1] * sp[2]) : null;
				glcm = fast && unweighted ? new KernelGlcm(box, angles, names.contains("original_glcm_MCC")) : null;
				textures = fast ? new KernelTextures(box, angles, settings.gldmA(), side * side * side) : null;
			}

			void row(int y, int z, int[] outputRow, int[][] voxels, double[][] out) {
				int[] lo = { 0, Math.max(0, y - radius), Math.max(0, z - radius) }, hi = { 0, Math.min(ny - 1, y + radius), Math.min(nz - 1, z + radius) };
				if (firstOrder != null) {
					firstOrder.clear();
					for (int x = 0; x < Math.min(radius, nx); x++) column(x, lo, hi, 1);
				}
				for (int x = 0; x < nx; x++) {
					if (firstOrder != null) { // slide: column x + r enters, column x - r - 1 leaves
						if (x + radius < nx) column(x + radius, lo, hi, 1);
						if (x - radius - 1 >= 0) column(x - radius - 1, lo, hi, -1);
					}
					int i = x + nx * (y + ny * z);
					if (!mask[i]) continue;
					lo[0] = Math.max(0, x - radius);
					hi[0] = Math.min(nx - 1, x + radius);
					int v = outputRow[i];
					voxels[v] = new int[] { (int) padded.min(0) + x, (int) padded.min(1) + y, (int) padded.min(2) + z };
					out[v] = voxel(lo, hi);
				}
			}

			private void column(int x, int[] lo, int[] hi, int sign) {
				for (int z = lo[2]; z <= hi[2]; z++)
					for (int y = lo[1]; y <= hi[1]; y++) {
						int j = x + nx * (y + ny * z);
						if (!mask[j]) continue;
						if (sign > 0) firstOrder.add(values[j], grey[j]);
						else firstOrder.remove(values[j], grey[j]);
					}
			}

			private double[] voxel(int[] lo, int[] hi) {
				double[] row = new double[names.size()];
				if (box != null) {
					box.moveTo(lo, hi);
					if (zones || neighbourhoods) textures.pairs(zones, neighbourhoods);
				}
				double[][] dependences = null;
				double[] differenceCounts = null, differenceSums = null;
				LesionData kernel = null;
				int at = 0;
				for (int k = 0; k < classes.size(); k++) {
					FeatureRegistry.FeatureClass c = classes.get(k);
					int[] column = columns.get(k);
					boolean done = false;
					Object family = null;
					if (box != null) {
						Family kind = families.get(k);
						if ((kind == Family.GLDM || kind == Family.NGTDM) && dependences == null) {
							dependences = textures.dependenceCounts();
							differenceCounts = new double[box.levelCount];
							differenceSums = new double[box.levelCount];
							textures.neighbourhoods(dependences, differenceCounts, differenceSums);
						}
						switch (kind) {
						case FIRSTORDER -> {
							if (firstOrder != null) {
								firstOrder.features(scratch, 0);
								done = true;
							}
						}
						case GLCM -> done = glcm != null && glcm.compute(scratch, 0);
						case GLRLM -> family = unweighted ? textures.glrlm() : null;
						case GLSZM -> family = textures.glszm();
						case GLDM -> family = textures.gldm(dependences);
						case NGTDM -> family = textures.ngtdm(differenceCounts, differenceSums);
						}
					}
					if (done) for (int f = 0; f < column.length; f++) row[at + f] = scratch[column[f]];
					else if (family != null) FeatureRegistry.FeatureClass.values(selected.get(k), family, row, at);
					else {
						if (kernel == null) kernel = kernel(lo, hi);
						int f = 0;
						for (double value : c.compute(kernel, wanted.get(k)).values()) row[at + f++] = value;
					}
					at += column.length;
				}
				return row;
			}
		}
	}
}
