package lesionradiomics.features;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import lesionradiomics.volume.LesionRegion;

/**
 * 3D shape features of pyradiomics 3.0 ({@code radiomics/shape.py}): mesh volume and surface by pyradiomics'
 * marching cubes, diameters between mesh vertices, and axis lengths from the eigenvalues of the population covariance
 * of the voxel centres (4·√λ). Computed on the delineated mask (not the resegmented one), as pyradiomics does.
 */
public final class Shape {

	private final int voxelCount;
	private final double voxelVolume;
	private final double meshVolume;
	private final double surfaceArea;
	/** [slice, column, row, 3D] */
	private final double[] diameters;
	/** ascending */
	private final double[] eigenvalues;

	public Shape(LesionData lesion) {
		LesionRegion r = lesion.region();
		boolean[] mask = r.mask();
		int nx = r.size(0), ny = r.size(1), nz = r.size(2);
		int[] lo = { nx, ny, nz }, hi = { -1, -1, -1 };
		int n = 0;
		double[] s = r.spacing();
		double sumX = 0, sumY = 0, sumZ = 0;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (mask[i]) {
						n++;
						lo[0] = Math.min(lo[0], x); hi[0] = Math.max(hi[0], x);
						lo[1] = Math.min(lo[1], y); hi[1] = Math.max(hi[1], y);
						lo[2] = Math.min(lo[2], z); hi[2] = Math.max(hi[2], z);
						sumX += x * s[0]; sumY += y * s[1]; sumZ += z * s[2];
					}
		if (n == 0) throw new IllegalArgumentException("empty mask");
		voxelCount = n;
		voxelVolume = n * s[0] * s[1] * s[2];

		// Tight box plus one voxel of zeros on every side, as pyradiomics pads the cropped mask.
		int px = hi[0] - lo[0] + 3, py = hi[1] - lo[1] + 3, pz = hi[2] - lo[2] + 3;
		boolean[] padded = new boolean[px * py * pz];
		double mx = sumX / n, my = sumY / n, mz = sumZ / n;
		double[][] cov = new double[3][3];
		for (int z = lo[2]; z <= hi[2]; z++)
			for (int y = lo[1]; y <= hi[1]; y++)
				for (int x = lo[0]; x <= hi[0]; x++)
					if (mask[r.index(x, y, z)]) {
						padded[(x - lo[0] + 1) + px * ((y - lo[1] + 1) + py * (z - lo[2] + 1))] = true;
						double[] d = { x * s[0] - mx, y * s[1] - my, z * s[2] - mz };
						for (int a = 0; a < 3; a++)
							for (int b = a; b < 3; b++) cov[a][b] += d[a] * d[b];
					}
		for (int a = 0; a < 3; a++)
			for (int b = a; b < 3; b++) {
				cov[a][b] /= n;
				cov[b][a] = cov[a][b];
			}
		MarchingCubes.Mesh mesh = MarchingCubes.march(padded, px, py, pz, s);
		meshVolume = mesh.volume;
		surfaceArea = mesh.surfaceArea;
		diameters = MarchingCubes.diameters(mesh.vertices, new double[] { s[2], s[1], s[0] });
		double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(cov)).getRealEigenvalues();
		java.util.Arrays.sort(ev);
		// pyradiomics: tiny negative eigenvalues of flat (2D) masks are machine error, set to 0
		for (int i = 0; i < 3; i++) if (ev[i] < 0 && ev[i] > -1e-10) ev[i] = 0;
		eigenvalues = ev;
	}

	@Feature
	double meshVolume() { return meshVolume; }

	@Feature
	double voxelVolume() { return voxelVolume; }

	@Feature
	double surfaceArea() { return surfaceArea; }

	@Feature
	double surfaceVolumeRatio() { return surfaceArea / meshVolume; }

	@Feature
	double sphericity() { return Math.cbrt(36 * Math.PI * meshVolume * meshVolume) / surfaceArea; }

	@Feature
	double maximum3DDiameter() { return diameters[3]; }

	@Feature
	double maximum2DDiameterSlice() { return diameters[0]; }

	@Feature
	double maximum2DDiameterColumn() { return diameters[1]; }

	@Feature
	double maximum2DDiameterRow() { return diameters[2]; }

	private static double axis(double eigenvalue) {
		return eigenvalue < 0 ? Double.NaN : Math.sqrt(eigenvalue) * 4;
	}

	@Feature
	double majorAxisLength() { return axis(eigenvalues[2]); }

	@Feature
	double minorAxisLength() { return axis(eigenvalues[1]); }

	@Feature
	double leastAxisLength() { return axis(eigenvalues[0]); }

	@Feature
	double elongation() {
		return eigenvalues[1] < 0 || eigenvalues[2] < 0 ? Double.NaN : Math.sqrt(eigenvalues[1] / eigenvalues[2]);
	}

	@Feature
	double flatness() {
		return eigenvalues[0] < 0 || eigenvalues[2] < 0 ? Double.NaN : Math.sqrt(eigenvalues[0] / eigenvalues[2]);
	}

	int voxelCount() { return voxelCount; }
}
