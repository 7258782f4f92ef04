package lesionradiomics.preprocess;

/**
 * Laplacian of Gaussian as pyradiomics computes it: SimpleITK's {@code LaplacianRecursiveGaussianImageFilter} with
 * {@code NormalizeAcrossScale} on. That filter (ITK 5, itkLaplacianRecursiveGaussianImageFilter.hxx) sums, over the
 * three axes, the recursive (Deriche) second derivative along the axis smoothed by the recursive Gaussian along the
 * two other axes (in increasing axis order), divided by the squared spacing of the axis. Each one-dimensional pass
 * computes in double and stores a float image, as ITK's float internal images do, so the numbers are ITK's and not a
 * textbook convolution's. Lines are extended with their end values beyond the borders (ITK's boundary coefficients).
 */
public final class LaplacianOfGaussian {

	private LaplacianOfGaussian() {}

	/**
	 * The filtered box.
	 *
	 * @param values  intensities, x fastest
	 * @param size    voxels per axis (each at least 4, as ITK requires)
	 * @param spacing mm per axis
	 * @param sigma   Gaussian sigma in mm
	 */
	public static float[] apply(double[] values, int[] size, double[] spacing, double sigma) {
		return apply(values, size, spacing, sigma, null);
	}

	/**
	 * The same, with the lines of each pass shared out over {@code executor} (null: this thread); the result does not
	 * depend on it.
	 */
	public static float[] apply(double[] values, int[] size, double[] spacing, double sigma, java.util.concurrent.Executor executor) {
		check(size, sigma);
		int n = values.length;
		// one work image: a pass may write the image it reads, since each block of lines is read whole before it is
		// written and blocks never share a line
		float[] sum = new float[n], work = new float[n];
		for (int dim = 0; dim < 3; dim++) {
			pass(values, null, new Target(work, null, 0), size, dim, Recursive.of(sigma, spacing[dim], 2), executor);
			for (int other = 0, left = 2; other < 3; other++) {
				if (other == dim) continue;
				// the last pass adds its float image / spacing² straight into the sum (ITK's cumulative image)
				Target to = --left > 0 ? new Target(work, null, 0) : new Target(null, sum, 1.0 / (spacing[dim] * spacing[dim]));
				pass(null, work, to, size, other, Recursive.of(sigma, spacing[other], 0), executor);
			}
		}
		return sum;
	}

	private static void check(int[] size, double sigma) {
		if (!(sigma > 0)) throw new IllegalArgumentException("LoG sigma must be greater than 0, is " + sigma);
		for (int d = 0; d < 3; d++)
			if (size[d] < 4) throw new IllegalArgumentException("LoG needs at least 4 voxels along each axis, axis " + d + " has " + size[d]);
	}

	/** Reads the row (y, z) of an image along x, all {@code size[0]} intensities, into {@code out[offset …]}; one per thread. */
	@FunctionalInterface
	public interface Rows {
		void read(int y, int z, double[] out, int offset);
	}

	/**
	 * The filtered image inside each of {@code boxes} ({@code {min, max}}, inclusive voxel coordinates of this grid;
	 * each result x fastest): exactly {@link #apply(double[], int[], double[], double)}'s values there, bit for bit,
	 * without holding the image or its filtered copies. Each axis's first two passes (along the axis and along the
	 * lower other axis a₁) run within the planes across the third axis a₂, one plane at a time; only the lines along
	 * a₂ through the boxes' footprints are kept from them for the last pass, which adds them into the boxes. Every line
	 * gets the same arithmetic as in the whole filter, so the values are its own; what is left undone is the second
	 * pass's lines outside the boxes' ranges on the axis and the last pass's lines outside their footprints, and the
	 * memory is the planes, those lines and the boxes (a whole image's double and float copies page-faulted in cost
	 * more system time than the filtering on the bench case).
	 *
	 * @param rows one reader of the image's rows per thread that asks
	 */
	public static java.util.List<float[]> inBoxes(java.util.function.Supplier<Rows> rows, int[] size, double[] spacing, double sigma,
			java.util.concurrent.Executor executor, java.util.List<int[][]> boxes) {
		check(size, sigma);
		java.util.List<float[]> out = new java.util.ArrayList<>();
		if (boxes.isEmpty()) return out;
		for (int[][] b : boxes) out.add(new float[(b[1][0] - b[0][0] + 1) * (b[1][1] - b[0][1] + 1) * (b[1][2] - b[0][2] + 1)]);
		for (int dim = 0; dim < 3; dim++) {
			Planes planes = new Planes(size, dim, boxes);
			float[] kept = planes.filter(rows, Recursive.of(sigma, spacing[dim], 2), Recursive.of(sigma, spacing[planes.a1], 0), executor);
			int[] lines = { planes.footprint.length, size[planes.a2], 1 };
			pass(null, kept, new Target(kept, null, 0), lines, 1, Recursive.of(sigma, spacing[planes.a2], 0), executor);
			planes.addInto(kept, 1.0 / (spacing[dim] * spacing[dim]), boxes, out);
		}
		return out;
	}

	/**
	 * The planes across axis a₂ (the higher axis other than {@code dim}) in which {@link #inBoxes} runs an axis's first
	 * two passes: each plane x fastest, then its other axis ({@code y} for dims x and y, {@code z} for dim z).
	 */
	private static final class Planes {
		final int dim, a1, a2, other, nx, rows, count;
		/** Whether each line along a₁ (by its coordinate on {@code dim}) crosses a box's range on {@code dim}. */
		final boolean[] inRange;
		/** Plane positions of the lines along a₂ that some box holds, and each plane position's index among them or −1. */
		final int[] footprint, index;

		Planes(int[] size, int dim, java.util.List<int[][]> boxes) {
			this.dim = dim;
			int[] o = across(dim);
			a1 = o[0];
			a2 = o[1];
			other = a2 == 2 ? 1 : 2;
			nx = size[0];
			rows = size[other];
			count = size[a2];
			inRange = new boolean[size[dim]];
			index = new int[nx * rows];
			java.util.Arrays.fill(index, -1);
			int lines = 0;
			for (int[][] b : boxes) {
				for (int c = b[0][dim]; c <= b[1][dim]; c++) inRange[c] = true;
				for (int r = b[0][other]; r <= b[1][other]; r++)
					for (int x = b[0][0]; x <= b[1][0]; x++)
						if (index[x + nx * r] < 0) index[x + nx * r] = lines++;
			}
			footprint = new int[lines];
			for (int p = 0; p < index.length; p++) if (index[p] >= 0) footprint[index[p]] = p;
		}

		/**
		 * The first two passes over every plane, shared out over {@code executor} in runs of planes: the footprint's
		 * lines along a₂ side by side ({@code kept[f + footprint.length * c]} for line f at a₂ = c), as floats (ITK's
		 * float image between passes).
		 */
		float[] filter(java.util.function.Supplier<Rows> source, Recursive along, Recursive across, java.util.concurrent.Executor executor) {
			float[] kept = new float[footprint.length * count];
			shareOut(count, executor, () -> worker(source.get(), along, across, kept));
			return kept;
		}

		/** A worker with its own reader and buffers: planes [from, until) read, filtered along {@code dim} and along a₁ where needed, footprint kept. */
		private Run worker(Rows source, Recursive along, Recursive across, float[] kept) {
			int[] plane = { nx, rows, 1 };
			int first = dim == 0 ? 0 : 1, second = 1 - first;
			double[] values = new double[nx * rows];
			float[] work = new float[nx * rows];
			Target to = new Target(work, null, 0);
			Buffers forFirst = Buffers.of(plane[first], width(first)), forSecond = Buffers.of(plane[second], width(second));
			int blocksFirst = LineBlocks.count(plane, first, width(first)), blocksSecond = LineBlocks.count(plane, second, width(second));
			return (from, until) -> {
				for (int c = from; c < until; c++) {
					for (int r = 0; r < rows; r++) source.read(a2 == 2 ? r : c, a2 == 2 ? c : r, values, r * nx);
					blocks(values, null, to, plane, first, along, 0, blocksFirst, width(first), null, forFirst);
					blocks(null, work, to, plane, second, across, 0, blocksSecond, width(second), inRange, forSecond);
					for (int f = 0, base = footprint.length * c; f < footprint.length; f++) kept[base + f] = work[footprint[f]];
				}
			};
		}

		/** The last pass's float values {@code kept} over spacing² ({@code scale}) added into each box (ITK's cumulative image). */
		void addInto(float[] kept, double scale, java.util.List<int[][]> boxes, java.util.List<float[]> out) {
			for (int k = 0; k < boxes.size(); k++) {
				int[][] b = boxes.get(k);
				float[] sum = out.get(k);
				int[] c = new int[3];
				int i = 0;
				for (c[2] = b[0][2]; c[2] <= b[1][2]; c[2]++)
					for (c[1] = b[0][1]; c[1] <= b[1][1]; c[1]++)
						for (c[0] = b[0][0]; c[0] <= b[1][0]; c[0]++, i++) {
							float v = kept[index[c[0] + nx * c[other]] + footprint.length * c[a2]];
							sum[i] = (float) (sum[i] + v * scale);
						}
			}
		}
	}

	/** The rows a block of lines is filtered in: {@code ln × width} values in and out, and 5 scratch rows. */
	record Buffers(double[][] in, double[][] out, double[][] scratch) {
		static Buffers of(int ln, int width) {
			return new Buffers(new double[ln][width], new double[ln][width], new double[5][width]);
		}
	}

	/**
	 * The index of the line along {@code axis} that starts at voxel {@code p} (coordinate 0 on that axis) among the
	 * lines along it: (y, z) → y + ny z along x, (x, z) → x + nx z along y, (x, y) → x + nx y along z.
	 */
	private static int lineIndex(int[] size, int axis, int p) {
		return switch (axis) {
		case 0 -> p / size[0];
		case 1 -> p % size[0] + size[0] * (p / (size[0] * size[1]));
		default -> p;
		};
	}

	/** The two axes other than {@code axis}, in increasing order (the coordinates of {@link #lineIndex}). */
	private static int[] across(int axis) {
		return axis == 0 ? new int[] { 1, 2 } : axis == 1 ? new int[] { 0, 2 } : new int[] { 0, 1 };
	}

	/**
	 * Where a pass puts its float values f: {@code image[p] = f}, or {@code sum[p] = (float) (sum[p] + f * scale)}.
	 */
	record Target(float[] image, float[] sum, double scale) {}

	/**
	 * One recursive pass along {@code axis} from {@code fromDouble} (or {@code fromFloat}) into {@code to}, its blocks of
	 * lines shared out over {@code executor} (images of 2^20 voxels and more); every line gets the same arithmetic
	 * whichever run or block it falls in, so the result does not depend on the executor.
	 */
	private static void pass(double[] fromDouble, float[] fromFloat, Target to, int[] size, int axis, Recursive c, java.util.concurrent.Executor executor) {
		int width = width(axis), blocks = LineBlocks.count(size, axis, width);
		long voxels = (long) size[0] * size[1] * size[2];
		shareOut(blocks, voxels < (1 << 20) ? null : executor, () -> {
			Buffers buffers = Buffers.of(size[axis], width);
			return (from, until) -> blocks(fromDouble, fromFloat, to, size, axis, c, from, until, width, null, buffers);
		});
	}

	/** Work on the items {@code [from, until)} of a run, with the state (buffers) of the worker that claimed it. */
	@FunctionalInterface
	interface Run {
		void items(int from, int until);
	}

	/**
	 * Items {@code [0, count)} in runs of about 1/64 of them, shared out over {@code executor} (null: this thread): up to
	 * 64 tasks claim runs until none is left, each making its worker (its buffers) at its first claim, so a pool of
	 * few threads allocates a few workers, not one per run.
	 */
	private static void shareOut(int count, java.util.concurrent.Executor executor, java.util.function.Supplier<Run> worker) {
		int tasks = executor == null ? 1 : Math.min(64, count), run = Math.max(1, (count + 63) / 64);
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		Runnable task = () -> {
			Run w = null;
			for (int from; (from = next.getAndAdd(run)) < count;) {
				if (w == null) w = worker.get();
				w.items(from, Math.min(count, from + run));
			}
		};
		if (tasks <= 1) {
			task.run();
			return;
		}
		java.util.List<java.util.concurrent.CompletableFuture<Void>> parts = new java.util.ArrayList<>();
		for (int k = 0; k < tasks; k++) parts.add(java.util.concurrent.CompletableFuture.runAsync(task, executor));
		for (java.util.concurrent.CompletableFuture<Void> p : parts) p.join();
	}

	/**
	 * Lines filtered side by side along {@code axis}: a block of this many neighbouring lines advances one step at a
	 * time, so each step is a short loop over the lines that the JIT compiles to vector instructions (Java's floating
	 * point has no fused or reordered operations, so the vector code gives the scalar code's values bit for bit). Along
	 * x the lines are transposed in and out one by one, and fewer of them are faster; measured on the bench's
	 * 512 × 512 × 120 (one thread, per pass: 100 ms along x, 55 ms along y or z, against 150 ms each line by line).
	 */
	static int width(int axis) {
		return axis == 0 ? 32 : 128;
	}

	/**
	 * Blocks {@code [from, until)} of {@link LineBlocks} (blocks of at most {@code width} lines) along {@code axis}, each
	 * line with exactly the arithmetic of ITK's one-line recursion ({@link Recursive#filter(double[], double[], double[],
	 * int)}). Every loop is a small method of its own: C2 compiles each once,
	 * quickly, where one large method was recompiled as each new branch was taken (seconds of compiling per run).
	 */
	static void blocks(double[] fromDouble, float[] fromFloat, Target to, int[] size, int axis, Recursive c, int from, int until, int width) {
		blocks(fromDouble, fromFloat, to, size, axis, c, from, until, width, null, Buffers.of(size[axis], width));
	}

	/**
	 * The same in {@code buffers} (for lines of {@code size[axis]} values, blocks of {@code width}), skipping the blocks
	 * none of whose lines is {@code needed} (by {@link #lineIndex}; null: all needed).
	 */
	private static void blocks(double[] fromDouble, float[] fromFloat, Target to, int[] size, int axis, Recursive c, int from, int until, int width,
			boolean[] needed, Buffers buffers) {
		int ln = size[axis];
		LineBlocks geometry = new LineBlocks(size, axis, width);
		int step = geometry.step, stride = geometry.stride;
		double[][] in = buffers.in(), out = buffers.out(), scratch = buffers.scratch();
		for (int b = from; b < until; b++) {
			int start = geometry.start(b), k = geometry.lines(b);
			if (needed != null && !anyNeeded(needed, size, axis, start, step, k)) continue;
			if (step == 1) { // lines side by side in memory: each step of the block is a run of voxels
				for (int i = 0; i < ln; i++)
					if (fromDouble != null) read(fromDouble, start + i * stride, in[i], k);
					else read(fromFloat, start + i * stride, in[i], k);
				c.filter(in, out, scratch, ln, k);
				for (int i = 0; i < ln; i++)
					if (to.image() != null) write(out[i], to.image(), start + i * stride, k);
					else add(out[i], to.sum(), to.scale(), start + i * stride, k);
			} else { // lines one after another (along x): each line is a run of voxels
				for (int j = 0; j < k; j++)
					if (fromDouble != null) readLine(fromDouble, start + j * step, in, j, ln);
					else readLine(fromFloat, start + j * step, in, j, ln);
				c.filter(in, out, scratch, ln, k);
				for (int j = 0; j < k; j++)
					if (to.image() != null) writeLine(out, j, to.image(), start + j * step, ln);
					else addLine(out, j, to.sum(), to.scale(), start + j * step, ln);
			}
		}
	}

	private static boolean anyNeeded(boolean[] needed, int[] size, int axis, int start, int step, int k) {
		for (int j = 0; j < k; j++)
			if (needed[lineIndex(size, axis, start + j * step)]) return true;
		return false;
	}

	private static void read(double[] from, int p, double[] row, int k) {
		for (int j = 0; j < k; j++) row[j] = from[p + j];
	}

	private static void read(float[] from, int p, double[] row, int k) {
		for (int j = 0; j < k; j++) row[j] = from[p + j];
	}

	/** The pass's float image (ITK's float output pixel: the double result cast). */
	private static void write(double[] row, float[] image, int p, int k) {
		for (int j = 0; j < k; j++) image[p + j] = (float) row[j];
	}

	/** The float result over spacing² added to ITK's cumulative image, as {@link Target} says. */
	private static void add(double[] row, float[] sum, double scale, int p, int k) {
		for (int j = 0; j < k; j++) sum[p + j] = (float) (sum[p + j] + (float) row[j] * scale);
	}

	private static void readLine(double[] from, int p, double[][] rows, int j, int ln) {
		for (int i = 0; i < ln; i++) rows[i][j] = from[p + i];
	}

	private static void readLine(float[] from, int p, double[][] rows, int j, int ln) {
		for (int i = 0; i < ln; i++) rows[i][j] = from[p + i];
	}

	private static void writeLine(double[][] rows, int j, float[] image, int p, int ln) {
		for (int i = 0; i < ln; i++) image[p + i] = (float) rows[i][j];
	}

	private static void addLine(double[][] rows, int j, float[] sum, double scale, int p, int ln) {
		for (int i = 0; i < ln; i++) sum[p + i] = (float) (sum[p + i] + (float) rows[i][j] * scale);
	}

	/**
	 * Whether the JIT is the quick client compiler alone (C1: {@code -XX:TieredStopAtLevel=1}, as the command line's
	 * short runs start). The optimising compiler (C2) turns the recursion's short loops into vector instructions as
	 * they are; C1 compiles them as written, so there a step's two loops become one, which stores each value once
	 * instead of storing, reloading and storing it ({@link Recursive#step}). Both give the same values bit for bit.
	 */
	static final class Compiler {
		static final boolean CLIENT_ONLY = clientOnly();

		private Compiler() {}

		private static boolean clientOnly() {
			try {
				com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
				return Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue()) && Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) < 4;
			} catch (RuntimeException | LinkageError e) {
				return false; // not HotSpot: the loops C2 vectorises, as before
			}
		}
	}

	/** The coefficients of one recursive Gaussian (ITK's RecursiveGaussianImageFilter::SetUp) and its line filter. */
	static final class Recursive {
		double n0, n1, n2, n3, d1, d2, d3, d4, m1, m2, m3, m4, bn1, bn2, bn3, bn4, bm1, bm2, bm3, bm4;

		// Deriche's fit of the Gaussian and its derivatives by sums of two damped exponentials (ITK's constants)
		private static final double W1 = 0.6681, L1 = -1.3932, W2 = 2.0787, L2 = -1.3732;
		private static final double[] A1 = { 1.3530, -0.6724, -1.3563 }, B1 = { 1.8151, -3.4327, 5.2318 }, A2 = { -0.3531, 0.6724, 0.3446 },
				B2 = { 0.0902, 0.6100, -2.2355 };

		/**
		 * @param order 0 (smoothing) or 2 (second derivative); across-scale normalisation is on (ITK multiplies the
		 *              second derivative by sigma², the zero order by 1)
		 */
		static Recursive of(double sigma, double spacing, int order) {
			Recursive r = new Recursive();
			double sigmad = sigma / spacing;
			double[] sde = r.dCoefficients(sigmad);
			double sd = sde[0], dd = sde[1], ed = sde[2];
			if (order == 0) {
				double[] nk = nCoefficients(sigmad, A1[0], B1[0], A2[0], B2[0]);
				double alpha0 = 2 * nk[4] / sd - nk[0];
				r.n0 = nk[0] * (1.0 / alpha0);
				r.n1 = nk[1] * (1.0 / alpha0);
				r.n2 = nk[2] * (1.0 / alpha0);
				r.n3 = nk[3] * (1.0 / alpha0);
			} else if (order == 2) {
				double normalization = sigma * sigma;
				double[] k0 = nCoefficients(sigmad, A1[0], B1[0], A2[0], B2[0]);
				double[] k2 = nCoefficients(sigmad, A1[2], B1[2], A2[2], B2[2]);
				double beta = -(2 * k2[4] - sd * k2[0]) / (2 * k0[4] - sd * k0[0]);
				double n0 = k2[0] + beta * k0[0], n1 = k2[1] + beta * k0[1], n2 = k2[2] + beta * k0[2], n3 = k2[3] + beta * k0[3];
				double sn = k2[4] + beta * k0[4], dn = k2[5] + beta * k0[5], en = k2[6] + beta * k0[6];
				double alpha2 = en * sd * sd - ed * sn * sd - 2 * dn * dd * sd + 2 * dd * dd * sn;
				alpha2 /= sd * sd * sd;
				r.n0 = n0 * (normalization / alpha2);
				r.n1 = n1 * (normalization / alpha2);
				r.n2 = n2 * (normalization / alpha2);
				r.n3 = n3 * (normalization / alpha2);
			} else throw new IllegalArgumentException("order " + order);
			r.remaining();
			return r;
		}

		/** D coefficients; returns {SD, DD, ED}. */
		private double[] dCoefficients(double sigmad) {
			double cos1 = Math.cos(W1 / sigmad), cos2 = Math.cos(W2 / sigmad), exp1 = Math.exp(L1 / sigmad), exp2 = Math.exp(L2 / sigmad);
			d4 = exp1 * exp1 * exp2 * exp2;
			d3 = -2 * cos1 * exp1 * exp2 * exp2;
			d3 += -2 * cos2 * exp2 * exp1 * exp1;
			d2 = 4 * cos2 * cos1 * exp1 * exp2;
			d2 += exp1 * exp1 + exp2 * exp2;
			d1 = -2 * (exp2 * cos2 + exp1 * cos1);
			return new double[] { 1.0 + d1 + d2 + d3 + d4, d1 + 2 * d2 + 3 * d3 + 4 * d4, d1 + 4 * d2 + 9 * d3 + 16 * d4 };
		}

		/** N coefficients of one order; returns {N0, N1, N2, N3, SN, DN, EN}. */
		private static double[] nCoefficients(double sigmad, double a1, double b1, double a2, double b2) {
			double sin1 = Math.sin(W1 / sigmad), sin2 = Math.sin(W2 / sigmad), cos1 = Math.cos(W1 / sigmad), cos2 = Math.cos(W2 / sigmad);
			double exp1 = Math.exp(L1 / sigmad), exp2 = Math.exp(L2 / sigmad);
			double n0 = a1 + a2;
			double n1 = exp2 * (b2 * sin2 - (a2 + 2 * a1) * cos2);
			n1 += exp1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
			double n2 = (a1 + a2) * cos2 * cos1;
			n2 -= b1 * cos2 * sin1 + b2 * cos1 * sin2;
			n2 *= 2 * exp1 * exp2;
			n2 += a2 * exp1 * exp1 + a1 * exp2 * exp2;
			double n3 = exp2 * exp1 * exp1 * (b2 * sin2 - a2 * cos2);
			n3 += exp1 * exp2 * exp2 * (b1 * sin1 - a1 * cos1);
			return new double[] { n0, n1, n2, n3, n0 + n1 + n2 + n3, n1 + 2 * n2 + 3 * n3, n1 + 4 * n2 + 9 * n3 };
		}

		/** M and boundary coefficients of a symmetric (even order) filter. */
		private void remaining() {
			m1 = n1 - d1 * n0;
			m2 = n2 - d2 * n0;
			m3 = n3 - d3 * n0;
			m4 = -d4 * n0;
			double sn = n0 + n1 + n2 + n3, sm = m1 + m2 + m3 + m4, sd = 1.0 + d1 + d2 + d3 + d4;
			bn1 = d1 * sn / sd;
			bn2 = d2 * sn / sd;
			bn3 = d3 * sn / sd;
			bn4 = d4 * sn / sd;
			bm1 = d1 * sm / sd;
			bm2 = d2 * sm / sd;
			bm3 = d3 * sm / sd;
			bm4 = d4 * sm / sd;
		}

		/**
		 * {@link #filter(double[], double[], double[], int)} on {@code k} lines side by side: value i of line j is
		 * {@code data[i][j]}, its result goes to {@code out[i][j]}; {@code scratch} holds 5 rows for the anti-causal
		 * recursion. Each value is computed with the same operations in the same order, so every line's result is that
		 * method's bit for bit; the loops over j touch only index j of separate rows, which lets the JIT vectorise them.
		 */
		void filter(double[][] data, double[][] out, double[][] scratch, int ln, int k) {
			filter(data, out, scratch, ln, k, Compiler.CLIENT_ONLY);
		}

		/** The same, each step in one loop ({@link #step}, for the client compiler) or two (for C2's vectors). */
		void filter(double[][] data, double[][] out, double[][] scratch, int ln, int k, boolean fused) {
			double n0 = this.n0, n1 = this.n1, n2 = this.n2, n3 = this.n3, d1 = this.d1, d2 = this.d2, d3 = this.d3, d4 = this.d4;
			double m1 = this.m1, m2 = this.m2, m3 = this.m3, m4 = this.m4;
			// causal part, the line extended by its first value (ITK's boundary coefficients bn)
			double[] x0 = data[0], x1 = data[1], x2 = data[2], x3 = data[3], o0 = out[0], o1 = out[1], o2 = out[2], o3 = out[3];
			for (int j = 0; j < k; j++) {
				double v1 = x0[j];
				double a0 = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
				double a1 = x1[j] * n0 + v1 * n1 + v1 * n2 + v1 * n3;
				double a2 = x2[j] * n0 + x1[j] * n1 + v1 * n2 + v1 * n3;
				double a3 = x3[j] * n0 + x2[j] * n1 + x1[j] * n2 + v1 * n3;
				a0 -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
				a1 -= a0 * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
				a2 -= a1 * d1 + a0 * d2 + v1 * bn3 + v1 * bn4;
				a3 -= a2 * d1 + a1 * d2 + a0 * d3 + v1 * bn4;
				o0[j] = a0;
				o1[j] = a1;
				o2[j] = a2;
				o3[j] = a3;
			}
			int i = 4;
			if (fused) for (; i + 1 < ln; i += 2) twoSteps(out[i], out[i + 1], data[i + 1], data[i], data[i - 1], data[i - 2], data[i - 3], out[i - 1], out[i - 2], out[i - 3], out[i - 4], k);
			for (; i < ln; i++) {
				double[] x = data[i], y1 = data[i - 1], y2 = data[i - 2], y3 = data[i - 3];
				double[] o = out[i], p1 = out[i - 1], p2 = out[i - 2], p3 = out[i - 3], p4 = out[i - 4];
				if (fused) step(o, x, n0, y1, n1, y2, n2, y3, n3, p1, d1, p2, d2, p3, d3, p4, d4, k);
				else {
					weigh(o, x, n0, y1, n1, y2, n2, y3, n3, k);
					subtractWeighted(o, p1, d1, p2, d2, p3, d3, p4, d4, k);
				}
			}
			// anti-causal part, the line extended by its last value (bm), added to out as it is made (ITK adds the two
			// parts afterwards: the same sums); s1..s4 hold its values at i .. i + 3 while s0 gets the value at i - 1
			int e = ln - 1;
			double[] s1 = scratch[0], s2 = scratch[1], s3 = scratch[2], s4 = scratch[3];
			double[] z1 = data[e], z2 = data[e - 1], z3 = data[e - 2];
			double[] q1 = out[e], q2 = out[e - 1], q3 = out[e - 2], q4 = out[e - 3];
			for (int j = 0; j < k; j++) {
				double v2 = z1[j];
				double a1 = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
				double a2 = z1[j] * m1 + v2 * m2 + v2 * m3 + v2 * m4;
				double a3 = z2[j] * m1 + z1[j] * m2 + v2 * m3 + v2 * m4;
				double a4 = z3[j] * m1 + z2[j] * m2 + z1[j] * m3 + v2 * m4;
				a1 -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
				a2 -= a1 * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
				a3 -= a2 * d1 + a1 * d2 + v2 * bm3 + v2 * bm4;
				a4 -= a3 * d1 + a2 * d2 + a1 * d3 + v2 * bm4;
				s4[j] = a1;
				s3[j] = a2;
				s2[j] = a3;
				s1[j] = a4;
				q1[j] += a1;
				q2[j] += a2;
				q3[j] += a3;
				q4[j] += a4;
			}
			double[] s0 = scratch[4];
			i = ln - 4;
			if (fused)
				for (; i > 1; i -= 2) {
					twoStepsAdding(out[i - 1], out[i - 2], data[i - 1], data[i], data[i + 1], data[i + 2], data[i + 3], s1, s2, s3, s4, k);
					double[] atI1 = s4, atI2 = s3; // the values at i - 1 and i - 2 went to the rows of those at i + 3 and i + 2
					s4 = s2;
					s3 = s1;
					s2 = atI1;
					s1 = atI2;
				}
			for (; i > 0; i--) {
				double[] r1 = data[i], r2 = data[i + 1], r3 = data[i + 2], r4 = data[i + 3], o = out[i - 1];
				if (fused) stepAdding(s0, o, r1, m1, r2, m2, r3, m3, r4, m4, s1, d1, s2, d2, s3, d3, s4, d4, k);
				else {
					weigh(s0, r1, m1, r2, m2, r3, m3, r4, m4, k);
					subtractWeighted(s0, s1, d1, s2, d2, s3, d3, s4, d4, k);
					for (int j = 0; j < k; j++) o[j] += s0[j];
				}
				double[] t = s4; // the value at i + 3 is no longer needed
				s4 = s3;
				s3 = s2;
				s2 = s1;
				s1 = s0;
				s0 = t;
			}
		}

		/**
		 * {@code o[j] = a[j] * ca + b[j] * cb + c[j] * cc + d[j] * cd}, a step's input terms in ITK's order. A loop of
		 * its own (and {@link #subtractWeighted} another): a body this size is one that C2 still unrolls and vectorises.
		 */
		private static void weigh(double[] o, double[] a, double ca, double[] b, double cb, double[] c, double cc, double[] d, double cd, int k) {
			for (int j = 0; j < k; j++) o[j] = a[j] * ca + b[j] * cb + c[j] * cc + d[j] * cd;
		}

		/**
		 * {@link #weigh} then {@link #subtractWeighted} in one loop, for the client compiler (see {@link Compiler}): o[j]
		 * is stored once, not stored, reloaded and stored again; the same two roundings, so the same values.
		 */
		private static void step(double[] o, double[] a, double ca, double[] b, double cb, double[] c, double cc, double[] d, double cd, double[] e, double ce,
				double[] f, double cf, double[] g, double cg, double[] h, double ch, int k) {
			for (int j = 0; j < k; j++) {
				double in = a[j] * ca + b[j] * cb + c[j] * cc + d[j] * cd;
				o[j] = in - (e[j] * ce + f[j] * cf + g[j] * cg + h[j] * ch);
			}
		}

		/**
		 * Two causal steps of {@link #step} in one loop, for the client compiler: the values at i ({@code o0}) and i + 1
		 * ({@code o1}) from the inputs at i + 1 .. i − 3 ({@code x1 .. xm3}) and the outputs at i − 1 .. i − 4
		 * ({@code p1 .. p4}). Each input and output is loaded once for both (where two single steps load most of them
		 * twice), and the value at i comes from a register; the same operations in the same order, so the same values.
		 */
		private void twoSteps(double[] o0, double[] o1, double[] x1, double[] x0, double[] xm1, double[] xm2, double[] xm3, double[] p1, double[] p2,
				double[] p3, double[] p4, int k) {
			double n0 = this.n0, n1 = this.n1, n2 = this.n2, n3 = this.n3, d1 = this.d1, d2 = this.d2, d3 = this.d3, d4 = this.d4;
			for (int j = 0; j < k; j++) {
				double a0 = x0[j], am1 = xm1[j], am2 = xm2[j], q1 = p1[j], q2 = p2[j], q3 = p3[j];
				double in = a0 * n0 + am1 * n1 + am2 * n2 + xm3[j] * n3;
				double v = in - (q1 * d1 + q2 * d2 + q3 * d3 + p4[j] * d4);
				o0[j] = v;
				double next = x1[j] * n0 + a0 * n1 + am1 * n2 + am2 * n3;
				o1[j] = next - (v * d1 + q1 * d2 + q2 * d3 + q3 * d4);
			}
		}

		/**
		 * Two anti-causal steps of {@link #stepAdding} in one loop (as {@link #twoSteps}): from the inputs at i − 1 ..
		 * i + 3 ({@code r0 .. r4}) and the anti-causal values at i .. i + 3 ({@code s1 .. s4}), the values at i − 1 and
		 * i − 2, added to {@code o0} and {@code o1} and stored over those at i + 3 ({@code s4}) and i + 2 ({@code s3}),
		 * which are read first.
		 */
		private void twoStepsAdding(double[] o0, double[] o1, double[] r0, double[] r1, double[] r2, double[] r3, double[] r4, double[] s1, double[] s2,
				double[] s3, double[] s4, int k) {
			double m1 = this.m1, m2 = this.m2, m3 = this.m3, m4 = this.m4, d1 = this.d1, d2 = this.d2, d3 = this.d3, d4 = this.d4;
			for (int j = 0; j < k; j++) {
				double b1 = r1[j], b2 = r2[j], b3 = r3[j], t1 = s1[j], t2 = s2[j], t3 = s3[j];
				double in = b1 * m1 + b2 * m2 + b3 * m3 + r4[j] * m4;
				double v = in - (t1 * d1 + t2 * d2 + t3 * d3 + s4[j] * d4);
				o0[j] += v;
				double next = r0[j] * m1 + b1 * m2 + b2 * m3 + b3 * m4;
				double w = next - (v * d1 + t1 * d2 + t2 * d3 + t3 * d4);
				o1[j] += w;
				s4[j] = v;
				s3[j] = w;
			}
		}

		/** {@link #step} into {@code s}, whose values are also added to {@code o} (the anti-causal part's step). */
		private static void stepAdding(double[] s, double[] o, double[] a, double ca, double[] b, double cb, double[] c, double cc, double[] d, double cd,
				double[] e, double ce, double[] f, double cf, double[] g, double cg, double[] h, double ch, int k) {
			for (int j = 0; j < k; j++) {
				double in = a[j] * ca + b[j] * cb + c[j] * cc + d[j] * cd;
				double v = in - (e[j] * ce + f[j] * cf + g[j] * cg + h[j] * ch);
				s[j] = v;
				o[j] += v;
			}
		}

		/** {@code o[j] -= a[j] * ca + b[j] * cb + c[j] * cc + d[j] * cd}, a step's feedback terms in ITK's order. */
		private static void subtractWeighted(double[] o, double[] a, double ca, double[] b, double cb, double[] c, double cc, double[] d, double cd, int k) {
			for (int j = 0; j < k; j++) o[j] -= a[j] * ca + b[j] * cb + c[j] * cc + d[j] * cd;
		}

		/**
		 * ITK's RecursiveSeparableImageFilter::FilterDataArray on one line, as ITK writes it: a causal and an
		 * anti-causal fourth-order recursion whose sum is the output (in {@code out}); the values beyond each end are
		 * taken equal to the end value. The plain transcription that the side-by-side version is tested against.
		 */
		void filter(double[] data, double[] out, double[] scratch, int ln) {
			double v1 = data[0];
			out[0] = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
			out[1] = data[1] * n0 + v1 * n1 + v1 * n2 + v1 * n3;
			out[2] = data[2] * n0 + data[1] * n1 + v1 * n2 + v1 * n3;
			out[3] = data[3] * n0 + data[2] * n1 + data[1] * n2 + v1 * n3;
			out[0] -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
			out[1] -= out[0] * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
			out[2] -= out[1] * d1 + out[0] * d2 + v1 * bn3 + v1 * bn4;
			out[3] -= out[2] * d1 + out[1] * d2 + out[0] * d3 + v1 * bn4;
			for (int i = 4; i < ln; i++) {
				out[i] = data[i] * n0 + data[i - 1] * n1 + data[i - 2] * n2 + data[i - 3] * n3;
				out[i] -= out[i - 1] * d1 + out[i - 2] * d2 + out[i - 3] * d3 + out[i - 4] * d4;
			}
			double v2 = data[ln - 1];
			scratch[ln - 1] = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
			scratch[ln - 2] = data[ln - 1] * m1 + v2 * m2 + v2 * m3 + v2 * m4;
			scratch[ln - 3] = data[ln - 2] * m1 + data[ln - 1] * m2 + v2 * m3 + v2 * m4;
			scratch[ln - 4] = data[ln - 3] * m1 + data[ln - 2] * m2 + data[ln - 1] * m3 + v2 * m4;
			scratch[ln - 1] -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
			scratch[ln - 2] -= scratch[ln - 1] * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
			scratch[ln - 3] -= scratch[ln - 2] * d1 + scratch[ln - 1] * d2 + v2 * bm3 + v2 * bm4;
			scratch[ln - 4] -= scratch[ln - 3] * d1 + scratch[ln - 2] * d2 + scratch[ln - 1] * d3 + v2 * bm4;
			for (int i = ln - 4; i > 0; i--) {
				scratch[i - 1] = data[i] * m1 + data[i + 1] * m2 + data[i + 2] * m3 + data[i + 3] * m4;
				scratch[i - 1] -= scratch[i] * d1 + scratch[i + 1] * d2 + scratch[i + 2] * d3 + scratch[i + 3] * d4;
			}
			for (int i = 0; i < ln; i++) out[i] += scratch[i];
		}
	}
}
