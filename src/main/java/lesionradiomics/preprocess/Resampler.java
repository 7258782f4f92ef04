package lesionradiomics.preprocess;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.BoxReader;
import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;

/**
 * Resampling of one lesion to a new voxel spacing on pyradiomics' grid ({@code imageoperations.resampleImage}): the
 * new grid covers the lesion's bounding box plus {@code padDistance} voxels, its first voxel centre sits half a new
 * voxel inside the old box corner, axes where the lesion is one voxel thick keep their spacing, and nothing is done
 * when the spacing already matches. Intensities are interpolated as SimpleITK's ResampleImageFilter does (cubic
 * B-spline on ITK's mirror-boundary coefficients by default, or linear / nearest neighbour), cast back to the stored
 * integer type (clamped, truncated toward zero) for integer images; the mask by nearest neighbour.
 */
public final class Resampler {

	/** Extra input voxels around the interpolation support when computing B-spline coefficients: the recursive
	 * filter's influence decays as |z|^n (|z| ≈ 0.268), below 1e-9 after this many voxels. */
	private static final int COEFFICIENT_MARGIN = 16;
	private static final double POLE = Math.sqrt(3) - 2;
	/** The recursive filter's gain, as ITK computes it: (1 - z)(1 - 1/z). */
	private static final double LAMBDA = (1 - POLE) * (1 - 1 / POLE);

	public enum Interpolator { BSPLINE, LINEAR, NEAREST;
		/** pyradiomics / SimpleITK names: sitkBSpline, sitkLinear, sitkNearestNeighbor (case and prefix optional). */
		public static Interpolator parse(String name) {
			String n = name.toLowerCase(Locale.ROOT).replace("sitk", "");
			if (n.startsWith("bspline")) return BSPLINE;
			if (n.equals("linear")) return LINEAR;
			if (n.startsWith("nearest")) return NEAREST;
			throw new IllegalArgumentException("unknown interpolator '" + name + "' (use sitkBSpline, sitkLinear or sitkNearestNeighbor)");
		}
	}

	private Resampler() {}

	/** A resampled lesion grid too large to hold in memory; the message says what to change. */
	public static final class GridTooLargeException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		GridTooLargeException(String message) {
			super(message);
		}
	}

	/** Refuses a resampled grid that would not fit (values, coefficients, mask: ~26 bytes a voxel) before allocating it. */
	private static void checkGrid(int[] size, double[] target, long lesionVoxels) {
		double voxels = (double) size[0] * size[1] * size[2];
		Runtime rt = Runtime.getRuntime();
		double free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (voxels > Integer.MAX_VALUE / 8 || voxels * 26 > free)
			throw new GridTooLargeException(String.format(Locale.ROOT,
					"resampling this lesion of %d voxels to %s mm makes a grid of %.3g voxels (%.1f GB, %.1f GB of heap free): use a coarser resampled spacing",
					lesionVoxels, java.util.Arrays.toString(target), voxels, voxels * 26 / 1e9, free / 1e9));
	}

	/**
	 * The lesion {@code label} resampled to {@code targetSpacing} (x, y, z mm; 0 keeps an axis). {@code intensityMap}
	 * (may be null) is applied to intensities before interpolation, as pyradiomics normalises before resampling.
	 */
	public static LesionRegion resampleLesion(Volume image, LabelMap labels, long label, BoundingBox box, double[] targetSpacing,
			String interpolator, int padDistance, DoubleUnaryOperator intensityMap) {
		long[] imageSize = image.geometry().size();
		Grid grid = grid(image.geometry(), box, targetSpacing, padDistance);
		double[] target = grid.spacing;
		if (grid.same) {
			LesionRegion r = LesionRegion.crop(image, labels, label, box);
			return intensityMap == null ? r : r.withValues(map(r.values(), intensityMap));
		}
		int[] size = grid.size;
		double[][] position = grid.position;
		checkGrid(size, target, box.voxelCount());
		Interpolator kind = Interpolator.parse(interpolator);
		RealType<?> type = image.type();
		boolean integer = type instanceof IntegerType && intensityMap == null;
		long[][] block = blockRange(position, size, kind, imageSize);
		// the block is all that is read: of an image still inflating, its slices are enough
		double[] values = interpolate(image.imageThrough(block[1][2]), imageSize, position, size, kind, intensityMap, block);
		if (integer) {
			double min = type.getMinValue(), max = type.getMaxValue();
			for (int i = 0; i < values.length; i++) values[i] = castToInteger(values[i], min, max);
		}
		boolean[] mask = new boolean[values.length], others = new boolean[values.length];
		nearestLabels(labels.labels(), imageSize, position, size, label, mask, others);
		return new LesionRegion(size, target, values, mask, others);
	}

	/**
	 * Taps of a B-spline grid grown past the grid its coefficient block was sized for keep at least this many input
	 * voxels of that block around them (or reach the image's border, where the block's mirror boundary is ITK's own):
	 * the recursive filter's boundary then weighs at most |z|^13 ≈ 4e-8, against |z|^16 for the grid's own points.
	 */
	static final int GROWN_MARGIN = 13;

	/**
	 * {@link #resampleLesion}'s region of the lesion and, around it, the same grid extended by {@code extra} voxels on
	 * every side (as far as the image's grid goes): {@code region} is the grown grid and {@code offset}, {@code size}
	 * place the plain one inside it. The extended grid's inner points are the plain grid's positions (the same doubles),
	 * so nearest-neighbour labels inside it are the plain grid's, voxel for voxel: a dilated mask or ring grown on it
	 * surrounds exactly the lesion the original variant measures (a grid computed afresh for the grown box has
	 * positions differing in the last bits, which rounds ties in z the other way). Where the grown voxels' taps stay
	 * {@link #GROWN_MARGIN} inside the plain grid's B-spline coefficient block, all of it is interpolated from that block
	 * and {@code plainExact}: the plain region cut out of it is the one {@link #resampleLesion} returns, bit for bit.
	 * Otherwise (a wide ring) the grown grid gets its own block, and the plain part's values agree with
	 * {@link #resampleLesion}'s to the block's truncation only. Null when the spacing is kept (pyradiomics resamples
	 * nothing then: crop the grown box).
	 */
	public record Grown(LesionRegion region, int[] offset, int[] size, boolean plainExact) {
		/** The plain grid's region: as {@link #resampleLesion} gives it where {@link #plainExact}. */
		public LesionRegion plain() {
			return region.sub(offset, size);
		}
	}

	public static Grown resampleLesionGrown(Volume image, LabelMap labels, long label, BoundingBox box, double[] targetSpacing, String interpolator,
			int padDistance, DoubleUnaryOperator intensityMap, int extra) {
		long[] imageSize = image.geometry().size();
		Grid grid = grid(image.geometry(), box, targetSpacing, padDistance);
		if (grid.same) return null;
		Interpolator kind = Interpolator.parse(interpolator);
		long[][] block = blockRange(grid.position, grid.size, kind, imageSize);
		boolean plainExact = kind == Interpolator.BSPLINE;
		int[] size = new int[3], offset = new int[3];
		double[][] position = new double[3][];
		for (int d = 0; d < 3; d++) {
			int before = Math.min(extra, grid.lo[d]), after = Math.min(extra, grid.maxHi[d] - (grid.lo[d] + grid.size[d] - 1));
			offset[d] = before;
			size[d] = grid.size[d] + before + after;
			position[d] = new double[size[d]];
			double origin = grid.position[d][0], step = grid.spacing[d] / image.geometry().spacing()[d];
			// the plain grid's own formula (origin + o * step) continued: o = 0 of the plain grid is the same double
			for (int o = 0; o < size[d]; o++) position[d][o] = origin + (o - before) * step;
			System.arraycopy(grid.position[d], 0, position[d], before, grid.size[d]); // the plain grid's points as they are
			long lowest = (long) Math.floor(position[d][0]) - 1, highest = (long) Math.floor(position[d][size[d] - 1]) + 2;
			if (block[0][d] > 0 && lowest - block[0][d] < GROWN_MARGIN || block[1][d] < imageSize[d] - 1 && block[1][d] - highest < GROWN_MARGIN)
				plainExact = false;
		}
		// linear and nearest neighbour read the data themselves (no coefficients): the grown grid's own block, which
		// leaves the plain points' values as they are; B-spline too when the growth comes too near the plain block's edge
		if (!plainExact) block = blockRange(position, size, kind, imageSize);
		plainExact |= kind != Interpolator.BSPLINE;
		checkGrid(size, grid.spacing, box.voxelCount());
		RealType<?> type = image.type();
		boolean integer = type instanceof IntegerType && intensityMap == null;
		double[] values = interpolate(image.imageThrough(block[1][2]), imageSize, position, size, kind, intensityMap, block);
		if (integer) {
			double min = type.getMinValue(), max = type.getMaxValue();
			for (int i = 0; i < values.length; i++) values[i] = castToInteger(values[i], min, max);
		}
		boolean[] mask = new boolean[values.length], others = new boolean[values.length];
		nearestLabels(labels.labels(), imageSize, position, size, label, mask, others);
		return new Grown(new LesionRegion(size, grid.spacing, values, mask, others), offset, grid.size.clone(), plainExact);
	}

	/** The input block {@code {lo, hi}} whose B-spline coefficients serve a grid: its taps plus the coefficient margin, clipped to the image. */
	private static long[][] blockRange(double[][] pos, int[] size, Interpolator kind, long[] imageSize) {
		int support = kind == Interpolator.BSPLINE ? 2 : 1;
		int margin = kind == Interpolator.BSPLINE ? COEFFICIENT_MARGIN : 0;
		long[] lo = new long[3], hi = new long[3];
		for (int d = 0; d < 3; d++) {
			lo[d] = Math.max(0, (long) Math.floor(pos[d][0]) - support - margin);
			hi[d] = Math.min(imageSize[d] - 1, (long) Math.floor(pos[d][size[d] - 1]) + support + margin);
		}
		return new long[][] { lo, hi };
	}

	/**
	 * The output grid of {@link #resampleLesion}: its spacing, size and, per axis, the continuous input index of each
	 * output index (pyradiomics' resampleImage: the lesion box plus padDistance on a grid whose voxel 0 has its corner
	 * at the image's corner); {@code same} when the spacing does not change (the box is then cropped as it is).
	 */
	private record Grid(double[] spacing, boolean same, int[] size, double[][] position, int[] lo, int[] maxHi) {}

	private static Grid grid(Geometry geometry, BoundingBox box, double[] targetSpacing, int padDistance) {
		double[] spacing = geometry.spacing();
		long[] imageSize = geometry.size();
		double[] target = new double[3];
		boolean same = true;
		for (int d = 0; d < 3; d++) {
			target[d] = targetSpacing[d] == 0 || box.size(d) == 1 ? spacing[d] : targetSpacing[d];
			if (Math.abs(spacing[d] - target[d]) > 1e-8 + 1e-5 * Math.abs(target[d])) same = false; // numpy.allclose
		}
		if (same) return new Grid(target, true, null, null, null, null);
		int[] size = new int[3], first = new int[3], last = new int[3];
		double[][] position = new double[3][]; // continuous input index of each output index, per axis
		for (int d = 0; d < 3; d++) {
			double ratio = spacing[d] / target[d];
			double lo = Math.floor((box.min(d) - 0.5) * ratio - padDistance);
			double hi = Math.ceil((box.min(d) + box.size(d) - 0.5) * ratio + padDistance);
			double maxHi = Math.ceil(imageSize[d] * ratio) - 1;
			lo = Math.max(lo, 0);
			hi = Math.min(hi, maxHi);
			if (hi - lo + 1 > 1 << 20) checkGrid(new int[] { Integer.MAX_VALUE, 1, 1 }, target, box.voxelCount());
			size[d] = (int) (hi - lo + 1);
			first[d] = (int) lo;
			last[d] = (int) maxHi;
			double origin = 0.5 * (target[d] - spacing[d]) / spacing[d] + lo / ratio;
			position[d] = new double[size[d]];
			for (int o = 0; o < size[d]; o++) position[d][o] = origin + o * (target[d] / spacing[d]);
		}
		return new Grid(target, false, size, position, first, last);
	}

	/**
	 * True when {@link #resampleLesion} keeps the image's spacing on every axis and so returns the lesion's box as it is
	 * (pyradiomics resamples nothing then, padDistance included).
	 */
	public static boolean keepsSpacing(Geometry geometry, BoundingBox box, double[] targetSpacing) {
		return grid(geometry, box, targetSpacing, 0).same;
	}

	/**
	 * Where the region {@link #resampleLesion} returns lies in physical space: its size, spacing, the position of its
	 * first voxel and the image's direction (what a map of the resampled lesion is written with).
	 */
	public static Geometry regionGeometry(Geometry image, BoundingBox box, double[] targetSpacing, int padDistance) {
		Grid grid = grid(image, box, targetSpacing, padDistance);
		if (grid.same) return new Geometry(box.size(), image.spacing(), image.toPhysical(new double[] { box.min(0), box.min(1), box.min(2) }), image.direction());
		double[] first = { grid.position[0][0], grid.position[1][0], grid.position[2][0] };
		return new Geometry(new long[] { grid.size[0], grid.size[1], grid.size[2] }, grid.spacing, image.toPhysical(first), image.direction());
	}

	private static double[] map(double[] v, DoubleUnaryOperator f) {
		double[] out = new double[v.length];
		for (int i = 0; i < v.length; i++) out[i] = f.applyAsDouble(v[i]);
		return out;
	}

	/** ITK's cast with bounds checking: clamp to the type's range, then C++ static_cast (truncation toward zero). */
	static double castToInteger(double v, double min, double max) {
		if (v < min) return min;
		if (v > max) return max;
		return v < 0 ? Math.ceil(v) : Math.floor(v);
	}

	/** ITK's IsInsideBuffer for a continuous index: [-0.5, n - 0.5). */
	private static boolean inside(double idx, long n) {
		return idx >= -0.5 && idx < n - 0.5;
	}

	/** Nearest-neighbour resampling of the label map: {@code mask} = this label, {@code others} = any other label. */
	private static void nearestLabels(RandomAccessibleInterval<? extends IntegerType<?>> labels, long[] imageSize, double[][] pos,
			int[] size, long label, boolean[] mask, boolean[] others) {
		long[] lo = new long[3], hi = new long[3];
		for (int d = 0; d < 3; d++) {
			lo[d] = Math.max(0, (long) Math.floor(pos[d][0] + 0.5));
			hi[d] = Math.min(imageSize[d] - 1, (long) Math.floor(pos[d][size[d] - 1] + 0.5));
		}
		int[] bs = { (int) (hi[0] - lo[0] + 1), (int) (hi[1] - lo[1] + 1), (int) (hi[2] - lo[2] + 1) };
		long[] block = BoxReader.labels(labels, lo, hi);
		// per axis once: the nearest index (ITK rounds half up) in block coordinates, -1 outside the image
		int[][] near = new int[3][];
		for (int d = 0; d < 3; d++) {
			near[d] = new int[size[d]];
			for (int o = 0; o < size[d]; o++)
				near[d][o] = inside(pos[d][o], imageSize[d]) ? (int) ((long) Math.floor(pos[d][o] + 0.5) - lo[d]) : -1;
		}
		int[] nx = near[0];
		for (int z = 0, i = 0; z < size[2]; z++) {
			int kz = near[2][z];
			for (int y = 0; y < size[1]; y++, i += size[0]) {
				int ky = near[1][y];
				if (kz < 0 || ky < 0) continue;
				int row = bs[0] * (ky + bs[1] * kz);
				for (int x = 0; x < size[0]; x++) {
					if (nx[x] < 0) continue;
					long l = block[row + nx[x]];
					mask[i + x] = l == label;
					others[i + x] = l != 0 && l != label;
				}
			}
		}
	}

	/**
	 * Interpolated intensities on the output grid (x fastest). The grid is axis-aligned, so the 3-D kernel is the
	 * product of per-axis weights, precomputed once per axis, and the sum is taken one axis at a time (x, then y, then
	 * z): 4 + 4 + 4 multiply-adds per output voxel instead of 64 (the order of the additions differs from ITK's in the
	 * last bits only; the resampled reference tests hold at 1e-6). B-spline coefficients are kept only on the box the
	 * taps reach, each 1-D pass being the same computation on the same line as over the whole block.
	 */
	private static double[] interpolate(RandomAccessibleInterval<? extends RealType<?>> image, long[] imageSize, double[][] pos, int[] size,
			Interpolator kind, DoubleUnaryOperator intensityMap, long[][] blockRange) {
		long[] lo = blockRange[0], hi = blockRange[1];
		int[] bs = { (int) (hi[0] - lo[0] + 1), (int) (hi[1] - lo[1] + 1), (int) (hi[2] - lo[2] + 1) };

		// Per axis: the input indices (block coordinates) and weights contributing to each output index.
		int taps = kind == Interpolator.BSPLINE ? 4 : kind == Interpolator.LINEAR ? 2 : 1;
		int[][][] idx = new int[3][][];
		double[][][] w = new double[3][][];
		boolean[][] in = new boolean[3][];
		int[] from = new int[3], to = new int[3]; // block coordinates the taps reach, per axis
		for (int d = 0; d < 3; d++) {
			idx[d] = new int[size[d]][taps];
			w[d] = new double[size[d]][taps];
			in[d] = new boolean[size[d]];
			from[d] = Integer.MAX_VALUE;
			to[d] = Integer.MIN_VALUE;
			for (int o = 0; o < size[d]; o++) {
				double x = pos[d][o];
				in[d][o] = inside(x, imageSize[d]);
				weights(kind, x, imageSize[d], idx[d][o], w[d][o]);
				for (int t = 0; t < taps; t++) {
					int k = idx[d][o][t] -= lo[d];
					from[d] = Math.min(from[d], k);
					to[d] = Math.max(to[d], k);
				}
			}
		}
		int[] reach = { to[0] - from[0] + 1, to[1] - from[1] + 1, to[2] - from[2] + 1 };
		double[] coefficients;
		if (kind == Interpolator.BSPLINE) {
			// the block's rows go straight into the transposed planes of the first pass: no copy of the whole block
			BoxReader.ValueRows rows = BoxReader.valueRows(image);
			double[] row = new double[bs[0]];
			coefficients = coefficients((z, plane, scale) -> {
				for (int y = 0; y < bs[1]; y++) {
					rows.read(lo[0], lo[1] + y, lo[2] + z, row, 0, bs[0]);
					if (intensityMap != null) for (int x = 0; x < row.length; x++) row[x] = intensityMap.applyAsDouble(row[x]);
					for (int x = 0, i = y; x < row.length; x++, i += bs[1]) plane[i] = row[x] * scale;
				}
			}, bs, from, reach);
		} else {
			double[] block = BoxReader.values(image, lo, hi);
			if (intensityMap != null) for (int i = 0; i < block.length; i++) block[i] = intensityMap.applyAsDouble(block[i]);
			coefficients = sub(block, bs, from, reach);
		}
		for (int d = 0; d < 3; d++)
			for (int[] k : idx[d])
				for (int t = 0; t < taps; t++) k[t] -= from[d];

		int nx = size[0], ny = size[1], nz = size[2], ry = reach[1], rz = reach[2], rx = reach[0];
		// x's taps flat (x, tap): the innermost sum reads them in order
		int[] idxX = new int[nx * taps];
		double[] wX = new double[nx * taps];
		for (int x = 0; x < nx; x++)
			for (int t = 0; t < taps; t++) {
				idxX[x * taps + t] = idx[0][x][t];
				wX[x * taps + t] = w[0][x][t];
			}
		// reached z plane by plane: along x ((y) lines of the plane -> output x), then along y (-> output y). Each output
		// row adds its taps' rows one tap after the other, so every voxel gets 0 + w0 c0 + w1 c1 + ... in the order of
		// the one-voxel sum, over contiguous rows
		double[] alongX = new double[nx * ry], alongY = new double[nx * ny * rz];
		for (int z = 0; z < rz; z++) {
			for (int line = 0; line < ry; line++) {
				int src = (z * ry + line) * rx, dst = line * nx;
				for (int x = 0, xt = 0; x < nx; x++) {
					double v = 0;
					for (int t = 0; t < taps; t++, xt++) v += wX[xt] * coefficients[src + idxX[xt]];
					alongX[dst + x] = v;
				}
			}
			for (int y = 0; y < ny; y++) {
				int dst = (z * ny + y) * nx;
				for (int t = 0; t < taps; t++) {
					double weight = w[1][y][t];
					int src = idx[1][y][t] * nx;
					for (int x = 0; x < nx; x++) alongY[dst + x] += weight * alongX[src + x];
				}
			}
		}
		// along z -> output, plane by plane as y
		double[] out = new double[nx * ny * nz];
		int plane = nx * ny;
		for (int z = 0; z < nz; z++) {
			int dst = z * plane;
			if (!in[2][z]) continue; // outside the image: default value 0
			for (int t = 0; t < taps; t++) {
				double weight = w[2][z][t];
				int src = idx[2][z][t] * plane;
				for (int yx = 0; yx < plane; yx++) out[dst + yx] += weight * alongY[src + yx];
			}
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++)
					if (!in[0][x] || !in[1][y]) out[dst + y * nx + x] = 0;
		}
		return out;
	}

	/** The part {@code [from, from + reach)} of a block (x fastest). */
	private static double[] sub(double[] data, int[] size, int[] from, int[] reach) {
		double[] out = new double[reach[0] * reach[1] * reach[2]];
		for (int z = 0, i = 0; z < reach[2]; z++)
			for (int y = 0; y < reach[1]; y++, i += reach[0])
				System.arraycopy(data, ((from[2] + z) * size[1] + from[1] + y) * size[0] + from[0], out, i, reach[0]);
		return out;
	}

	/** Input indices (mirrored into [0, n-1] as ITK) and weights for one continuous index. */
	private static void weights(Interpolator kind, double x, long n, int[] idx, double[] w) {
		if (kind == Interpolator.NEAREST) {
			idx[0] = (int) Math.max(0, Math.min(n - 1, (long) Math.floor(x + 0.5)));
			w[0] = 1;
			return;
		}
		long f = (long) Math.floor(x);
		double t = x - f;
		if (kind == Interpolator.LINEAR) {
			idx[0] = (int) Math.max(0, Math.min(n - 1, f));
			idx[1] = (int) Math.max(0, Math.min(n - 1, f + 1));
			w[0] = 1 - t;
			w[1] = t;
			return;
		}
		// ITK BSplineInterpolateImageFunction, order 3
		w[3] = t * t * t / 6.0;
		w[0] = 1.0 / 6.0 + 0.5 * t * (t - 1.0) - w[3];
		w[2] = t + w[0] - 2.0 * w[3];
		w[1] = 1.0 - w[0] - w[2] - w[3];
		for (int k = 0; k < 4; k++) idx[k] = (int) mirror(f - 1 + k, n);
	}

	/** ITK's ApplyMirrorBoundaryConditions. */
	static long mirror(long k, long n) {
		if (n == 1) return 0;
		long period = 2 * n - 2;
		if (k < 0) k = -k - period * ((-k) / period);
		else k = k - period * (k / period);
		if (k >= n) k = period - k;
		return k;
	}

	/**
	 * The cubic B-spline coefficients of a block (along x, y and z, as ITK's BSplineDecompositionImageFilter) on its
	 * part {@code [from, from + reach)} only: each pass filters whole lines of the block but keeps only the lines the
	 * next passes and the interpolation read, so every kept value is computed exactly as over the whole block. The
	 * lines of a pass are filtered side by side ({@link #coefficientLines}); for x, each z plane is transposed first so
	 * that its lines lie side by side too.
	 */
	static double[] bsplineCoefficients(double[] data, int[] size, int[] from, int[] reach) {
		int bx = size[0], by = size[1];
		return coefficients((z, plane, scale) -> {
			int base = z * bx * by;
			for (int y = 0; y < by; y++)
				for (int x = 0; x < bx; x++) plane[x * by + y] = data[base + y * bx + x] * scale;
		}, size, from, reach);
	}

	/** The block's z planes, transposed ({@code plane[x * by + y]}) and multiplied by {@code scale}. */
	@FunctionalInterface
	interface Planes {
		void read(int z, double[] plane, double scale);
	}

	/**
	 * {@link #bsplineCoefficients} of the block {@code planes} gives. Each line's first operation (ITK multiplies every
	 * sample by the filter's gain λ) is done as the plane is read; each pass's anti-causal sweep stops at the first kept
	 * sample (those below it are discarded).
	 */
	private static double[] coefficients(Planes planes, int[] size, int[] from, int[] reach) {
		int bx = size[0], by = size[1], bz = size[2], rx = reach[0], ry = reach[1], rz = reach[2];
		// plane by plane: along x (z plane of the block -> [y][reached x]), then along y in place (-> [reached y][reached
		// x] of alongY); a plane's y lines need only its own x pass
		double[] alongX = new double[rx * by], plane = new double[bx * by], alongY = new double[rx * ry * bz];
		for (int z = 0; z < bz; z++) {
			planes.read(z, plane, bx > 1 ? LAMBDA : 1);
			if (bx > 1) coefficientLines(plane, 0, bx, by, by, false, from[0]);
			for (int y = 0; y < by; y++)
				for (int x = 0; x < rx; x++) alongX[y * rx + x] = plane[(from[0] + x) * by + y];
			if (by > 1) coefficientLines(alongX, 0, by, rx, rx, true, from[1]);
			System.arraycopy(alongX, from[1] * rx, alongY, z * ry * rx, ry * rx);
		}
		// along z, in place: then the reached z planes
		if (bz > 1) coefficientLines(alongY, 0, bz, rx * ry, rx * ry, true, from[2]);
		return java.util.Arrays.copyOfRange(alongY, from[2] * rx * ry, (from[2] + rz) * rx * ry);
	}

	/**
	 * Unser's recursive filter with ITK's initialisations (BSplineDecompositionImageFilter: tolerance 1e-10, mirror
	 * boundaries) on {@code lanes} lines at once: element k of line i is {@code a[offset + k * stride + i]} (n &gt; 1).
	 * Each line goes through exactly the operations of ITK's one-line loop in the same order (the same numbers, bit for
	 * bit; ResamplerTest keeps that loop as written); side by side the lines' recursions are independent, so the
	 * processor overlaps them instead of waiting on each multiply-add of one line.
	 */
	static void coefficientLines(double[] a, int offset, int n, int stride, int lanes) {
		coefficientLines(a, offset, n, stride, lanes, true, 0);
	}

	/**
	 * {@link #coefficientLines(double[], int, int, int, int)}, the gain λ applied first unless {@code scale} is false
	 * (the caller multiplied), and elements below {@code keep} of each line left unfinished (not read afterwards).
	 */
	private static void coefficientLines(double[] a, int offset, int n, int stride, int lanes, boolean scale, int keep) {
		double z = POLE;
		double lambda = LAMBDA;
		int end = offset + (n - 1) * stride;
		if (scale) for (int k = 0; k < n; k++)
			for (int i = offset + k * stride, e = i + lanes; i < e; i++) a[i] *= lambda;
		// causal initialisation: the same weights on every line
		int horizon = (int) Math.ceil(Math.log(1e-10) / Math.log(Math.abs(z)));
		double[] sum = new double[lanes];
		if (horizon < n) {
			System.arraycopy(a, offset, sum, 0, lanes);
			double zn = z;
			for (int k = 1; k < horizon; k++) {
				for (int i = 0, j = offset + k * stride; i < lanes; i++, j++) sum[i] += zn * a[j];
				zn *= z;
			}
			System.arraycopy(sum, 0, a, offset, lanes);
		} else {
			double zn = z, iz = 1 / z, z2n = Math.pow(z, n - 1);
			for (int i = 0; i < lanes; i++) sum[i] = a[offset + i] + z2n * a[end + i];
			z2n *= z2n * iz;
			for (int k = 1; k <= n - 2; k++) {
				double f = zn + z2n;
				for (int i = 0, j = offset + k * stride; i < lanes; i++, j++) sum[i] += f * a[j];
				zn *= z;
				z2n *= iz;
			}
			double denominator = 1 - zn * zn;
			for (int i = 0; i < lanes; i++) a[offset + i] = sum[i] / denominator;
		}
		for (int k = 1; k < n; k++)
			for (int i = offset + k * stride, e = i + lanes; i < e; i++) a[i] += z * a[i - stride];
		// anti-causal initialisation
		double c = z / (z * z - 1);
		for (int i = end, e = end + lanes; i < e; i++) a[i] = c * (z * a[i - stride] + a[i]);
		for (int k = n - 2; k >= keep; k--)
			for (int i = offset + k * stride, e = i + lanes; i < e; i++) a[i] = z * (a[i + stride] - a[i]);
	}
}
