package lesionradiomics.features;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * IBSI 1 morphological features (reference manual 3.1) of the morphological mask, with the intensity mask's
 * intensities where a feature needs them (centre of mass shift, integrated intensity, Moran's I, Geary's C). The mesh
 * is pyradiomics' marching cubes ({@link MarchingCubes}, as for {@link Shape}); axis lengths come from the sample
 * covariance (N − 1) of the voxel centres, IBSI's; pyradiomics divides by N.
 */
final class Morphology {

	private final double meshVolume, area, voxelVolume, comShift, maxDiameter, integratedIntensity, moran, geary;
	/** Eigenvalues of the voxel-centre covariance, ascending. */
	private final double[] ev;
	private final double[] aabb;
	private final double hullVolume, hullArea;
	/** {volume, area, sides} of the oriented minimum bounding box; semi-axes of the minimum-volume enclosing ellipsoid. */
	private final double[] ombb, mvee;

	/** Masks and values over one box, x fastest. */
	Morphology(int[] size, double[] spacing, boolean[] morphMask, boolean[] intensityMask, double[] values) {
		int nx = size[0], ny = size[1], nz = size[2];
		int px = nx + 2, py = ny + 2, pz = nz + 2;
		boolean[] padded = new boolean[px * py * pz];
		int n = 0;
		double[] sum = new double[3];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (morphMask[i]) {
						padded[(x + 1) + px * ((y + 1) + py * (z + 1))] = true;
						n++;
						sum[0] += x * spacing[0];
						sum[1] += y * spacing[1];
						sum[2] += z * spacing[2];
					}
		if (n == 0) throw new IllegalArgumentException("empty morphological mask");
		voxelVolume = n * spacing[0] * spacing[1] * spacing[2];
		double[] c = { sum[0] / n, sum[1] / n, sum[2] / n };
		double[][] cov = new double[3][3];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (morphMask[i]) {
						double[] d = { x * spacing[0] - c[0], y * spacing[1] - c[1], z * spacing[2] - c[2] };
						for (int a = 0; a < 3; a++)
							for (int b = 0; b < 3; b++) cov[a][b] += d[a] * d[b];
					}
		for (double[] row : cov) for (int b = 0; b < 3; b++) row[b] /= n - 1;
		ev = new EigenDecomposition(new Array2DRowRealMatrix(cov)).getRealEigenvalues();
		Arrays.sort(ev);

		MarchingCubes.Mesh mesh = MarchingCubes.march(padded, px, py, pz, spacing);
		meshVolume = mesh.volume;
		area = mesh.surfaceArea;
		double[] v = mesh.vertices; // (z, y, x) mm
		double[] sZyx = { spacing[2], spacing[1], spacing[0] };
		double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE }, hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		int nv = v.length / 3;
		long[][] lattice = new long[nv][3];
		for (int k = 0; k < nv; k++)
			for (int d = 0; d < 3; d++) {
				lo[d] = Math.min(lo[d], v[3 * k + d]);
				hi[d] = Math.max(hi[d], v[3 * k + d]);
				lattice[k][d] = Math.round(2 * v[3 * k + d] / sZyx[d]);
			}
		aabb = new double[] { hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2] };
		ConvexHull convexHull = new ConvexHull(extremes(lattice));
		double[] half = { sZyx[0] / 2, sZyx[1] / 2, sZyx[2] / 2 };
		double[] hull = convexHull.volumeAndArea(half);
		hullVolume = hull[0];
		hullArea = hull[1];
		ConvexHull.Scaled hullMm = convexHull.scaled(half);
		if (hullMm.faces().length == 0) { // a flat mask: no box or ellipsoid of volume
			maxDiameter = MarchingCubes.diameters(v, sZyx)[3];
			ombb = new double[] { Double.NaN, Double.NaN };
			mvee = new double[] { Double.NaN, Double.NaN, Double.NaN };
		} else {
			// the farthest pair of a point set is a pair of its hull's vertices: far fewer than the mesh's
			double[][] h = hullMm.points();
			double[] flat = new double[3 * h.length];
			int[] all = new int[h.length];
			for (int k = 0; k < h.length; k++) {
				System.arraycopy(h[k], 0, flat, 3 * k, 3);
				all[k] = k;
			}
			maxDiameter = Math.sqrt(MarchingCubes.maxDistanceSquared(flat, all, 0, h.length));
			ombb = EnclosingShapes.ombb(hullMm.points(), hullMm.faces());
			mvee = EnclosingShapes.mveeSemiAxes(hullMm.points());
		}

		// intensity-weighted centre (intensity mask) against the geometric centre (morphological mask)
		double w = 0, count = 0;
		double[] wc = new double[3];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (intensityMask[i]) {
						w += values[i];
						count++;
						wc[0] += values[i] * x * spacing[0];
						wc[1] += values[i] * y * spacing[1];
						wc[2] += values[i] * z * spacing[2];
					}
		comShift = Math.sqrt(sq(wc[0] / w - c[0]) + sq(wc[1] / w - c[1]) + sq(wc[2] / w - c[2]));
		integratedIntensity = w / count * meshVolume;
		SpatialAutocorrelation autocorrelation = new SpatialAutocorrelation(size, spacing, intensityMask, values);
		moran = autocorrelation.moransI;
		geary = autocorrelation.gearysC;
	}

	/**
	 * The lattice points that are the lowest or the highest on each of the three axis-parallel lines through them, each
	 * position once: a vertex of the convex hull is never between two points of the set on a line, so the hull's
	 * vertices are among them (most of a mesh's vertices are not: they are in the middle of a line along some axis).
	 */
	private static long[][] extremes(long[][] pts) {
		int[] ext = new int[3];
		for (long[] q : pts) for (int d = 0; d < 3; d++) ext[d] = Math.max(ext[d], (int) q[d] + 1);
		boolean[] keep = new boolean[pts.length];
		Arrays.fill(keep, true);
		for (int a = 0; a < 3; a++) {
			int b = (a + 1) % 3, c = (a + 2) % 3;
			int[] lo = new int[ext[b] * ext[c]], hi = new int[lo.length]; // index of the first lowest / highest point
			Arrays.fill(lo, -1);
			Arrays.fill(hi, -1);
			for (int i = 0; i < pts.length; i++) {
				long[] q = pts[i];
				int line = (int) q[b] + ext[b] * (int) q[c];
				if (lo[line] < 0 || q[a] < pts[lo[line]][a]) lo[line] = i;
				if (hi[line] < 0 || q[a] > pts[hi[line]][a]) hi[line] = i;
			}
			for (int i = 0; i < pts.length; i++) {
				int line = (int) pts[i][b] + ext[b] * (int) pts[i][c];
				// the last axis keeps only the stored point of a position: duplicates go
				keep[i] &= a < 2 ? pts[i][a] == pts[lo[line]][a] || pts[i][a] == pts[hi[line]][a] : i == lo[line] || i == hi[line];
			}
		}
		java.util.List<long[]> out = new java.util.ArrayList<>();
		for (int i = 0; i < pts.length; i++) if (keep[i]) out.add(pts[i]);
		return out.toArray(new long[0][]);
	}

	private static double sq(double v) { return v * v; }

	private double compactnessBase() { return 36 * Math.PI * meshVolume * meshVolume; }

	@IbsiFeature(name = "Volume (mesh)", code = "RNU0") double volumeMesh() { return meshVolume; }
	@IbsiFeature(name = "Volume (voxel counting)", code = "YEKZ") double volumeVoxelCounting() { return voxelVolume; }
	@IbsiFeature(name = "Surface area (mesh)", code = "C0JK") double surfaceArea() { return area; }
	@IbsiFeature(name = "Surface to volume ratio", code = "2PR5") double surfaceToVolumeRatio() { return area / meshVolume; }
	@IbsiFeature(name = "Compactness 1", code = "SKGS") double compactness1() { return meshVolume / (Math.sqrt(Math.PI) * Math.pow(area, 1.5)); }
	@IbsiFeature(name = "Compactness 2", code = "BQWJ") double compactness2() { return compactnessBase() / (area * area * area); }
	@IbsiFeature(name = "Spherical disproportion", code = "KRCK") double sphericalDisproportion() { return area / Math.cbrt(compactnessBase()); }
	@IbsiFeature(name = "Sphericity", code = "QCFX") double sphericity() { return Math.cbrt(compactnessBase()) / area; }
	@IbsiFeature(name = "Asphericity", code = "25C7") double asphericity() { return Math.cbrt(area * area * area / compactnessBase()) - 1; }
	@IbsiFeature(name = "Centre of mass shift", code = "KLMA") double centreOfMassShift() { return comShift; }
	@IbsiFeature(name = "Maximum 3D diameter", code = "L0JK") double maximum3DDiameter() { return maxDiameter; }
	@IbsiFeature(name = "Major axis length", code = "TDIC") double majorAxisLength() { return 4 * Math.sqrt(ev[2]); }
	@IbsiFeature(name = "Minor axis length", code = "P9VJ") double minorAxisLength() { return 4 * Math.sqrt(ev[1]); }
	@IbsiFeature(name = "Least axis length", code = "7J51") double leastAxisLength() { return 4 * Math.sqrt(ev[0]); }
	@IbsiFeature(name = "Elongation", code = "Q3CK") double elongation() { return Math.sqrt(ev[1] / ev[2]); }
	@IbsiFeature(name = "Flatness", code = "N17B") double flatness() { return Math.sqrt(ev[0] / ev[2]); }
	@IbsiFeature(name = "Volume density (axis-aligned bounding box)", code = "PBX1") double volumeDensityAabb() { return meshVolume / (aabb[0] * aabb[1] * aabb[2]); }
	@IbsiFeature(name = "Area density (axis-aligned bounding box)", code = "R59B")
	double areaDensityAabb() { return area / (2 * (aabb[0] * aabb[1] + aabb[1] * aabb[2] + aabb[0] * aabb[2])); }

	@IbsiFeature(name = "Volume density (oriented minimum bounding box)", code = "ZH1A") double volumeDensityOmbb() { return meshVolume / ombb[0]; }
	@IbsiFeature(name = "Area density (oriented minimum bounding box)", code = "IQYR") double areaDensityOmbb() { return area / ombb[1]; }
	@IbsiFeature(name = "Volume density (minimum volume enclosing ellipsoid)", code = "SWZ1")
	double volumeDensityMvee() { return meshVolume / (4 * Math.PI / 3 * mvee[0] * mvee[1] * mvee[2]); }
	@IbsiFeature(name = "Area density (minimum volume enclosing ellipsoid)", code = "BRI8")
	double areaDensityMvee() { return area / ellipsoidArea(mvee[0], mvee[1], mvee[2]); }

	/** Semi-axes 2√λ of the approximate enclosing ellipsoid, largest first. */
	private double[] ellipsoid() { return new double[] { 2 * Math.sqrt(ev[2]), 2 * Math.sqrt(ev[1]), 2 * Math.sqrt(ev[0]) }; }

	@IbsiFeature(name = "Volume density (approximate enclosing ellipsoid)", code = "6BDE")
	double volumeDensityAee() {
		double[] s = ellipsoid();
		return meshVolume / (4 * Math.PI / 3 * s[0] * s[1] * s[2]);
	}

	@IbsiFeature(name = "Area density (approximate enclosing ellipsoid)", code = "RDD2")
	double areaDensityAee() {
		double[] s = ellipsoid();
		return area / ellipsoidArea(s[0], s[1], s[2]);
	}

	/**
	 * Surface of an ellipsoid with semi-axes a ≥ b ≥ c as IBSI defines it for the area density AEE (reference manual;
	 * IBSI's series, which is not the exact surface of a spheroid, but is what the reference values were made with):
	 * 4πab Σ_{ν=0}^{20} (αβ)^ν / (1 − 4ν²) P_ν((α² + β²) / (2αβ)), α = √(1 − b²/a²), β = √(1 − c²/a²).
	 */
	static double ellipsoidArea(double a, double b, double c) {
		double alpha = Math.sqrt(1 - b * b / (a * a)), beta = Math.sqrt(1 - c * c / (a * a));
		double ab = alpha * beta;
		if (ab == 0) return 4 * Math.PI * a * b; // a sphere or a spheroid degenerate in the series: first term only
		double x = (alpha * alpha + beta * beta) / (2 * ab);
		double sum = 0, pPrev = 1, p = x, power = 1;
		for (int nu = 0; nu <= 20; nu++) {
			double legendre;
			if (nu == 0) legendre = 1;
			else if (nu == 1) legendre = x;
			else {
				legendre = ((2 * nu - 1) * x * p - (nu - 1) * pPrev) / nu;
				pPrev = p;
				p = legendre;
			}
			sum += power / (1 - 4.0 * nu * nu) * legendre;
			power *= ab;
		}
		return 4 * Math.PI * a * b * sum;
	}

	@IbsiFeature(name = "Volume density (convex hull)", code = "R3ER") double volumeDensityConvexHull() { return meshVolume / hullVolume; }
	@IbsiFeature(name = "Area density (convex hull)", code = "7T7F") double areaDensityConvexHull() { return area / hullArea; }
	@IbsiFeature(name = "Integrated intensity", code = "99N0") double integratedIntensity() { return integratedIntensity; }
	@IbsiFeature(name = "Moran’s I index", code = "N365") double moransIIndex() { return moran; }
	@IbsiFeature(name = "Geary’s C measure", code = "NPT7") double gearysCMeasure() { return geary; }
}
