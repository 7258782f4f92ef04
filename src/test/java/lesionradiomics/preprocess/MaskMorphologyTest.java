package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Erosion and dilation of digital spheres by a physical radius, on isotropic and anisotropic grids. */
class MaskMorphologyTest {

	static boolean[] sphere(int[] size, double[] sp, double radiusMm) {
		boolean[] m = new boolean[size[0] * size[1] * size[2]];
		for (int z = 0, i = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++, i++) {
					double dx = (x - (size[0] - 1) / 2.0) * sp[0], dy = (y - (size[1] - 1) / 2.0) * sp[1], dz = (z - (size[2] - 1) / 2.0) * sp[2];
					m[i] = dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm;
				}
		return m;
	}

	static double volume(boolean[] m, double[] sp) {
		int n = 0;
		for (boolean b : m) if (b) n++;
		return n * sp[0] * sp[1] * sp[2];
	}

	static double sphereVolume(double r) {
		return 4.0 / 3 * Math.PI * r * r * r;
	}

	/** A sphere of R mm eroded/dilated by 1 mm has the volume of a sphere of R ∓ 1 mm, within the grid's discretisation. */
	@ParameterizedTest(name = "spacing {0},{1},{2}")
	@CsvSource({ "0.4, 0.4, 0.4", "0.4, 0.4, 0.8", "0.5, 0.5, 1.0" })
	void sphereShrinksAndGrowsByOneMillimetre(double sx, double sy, double sz) {
		double[] sp = { sx, sy, sz };
		double r = 8;
		int[] size = { (int) Math.ceil(2 * (r + 3) / sx), (int) Math.ceil(2 * (r + 3) / sy), (int) Math.ceil(2 * (r + 3) / sz) };
		boolean[] m = sphere(size, sp, r);
		// discretisation error of a digital sphere: about one layer of voxels, i.e. surface × half the mean spacing
		double tolerance = 4 * Math.PI * r * r * (sx + sy + sz) / 3 / 2;
		assertEquals(sphereVolume(r - 1), volume(MaskMorphology.erode(m, size, sp, 1), sp), tolerance);
		assertEquals(sphereVolume(r + 1), volume(MaskMorphology.dilate(m, size, sp, 1, null), sp), tolerance);
		assertEquals(volume(sphere(size, sp, r - 1), sp), volume(MaskMorphology.erode(m, size, sp, 1), sp), tolerance);
	}

	@Test
	void dilationStopsAtOtherLesionsAndTheRingSpansBothSidesOfTheBoundary() {
		int[] size = { 10, 3, 3 };
		double[] sp = { 1, 1, 1 };
		boolean[] a = new boolean[90], b = new boolean[90];
		for (int x = 2; x <= 4; x++) a[x + 10 * (1 + 3)] = true;
		for (int x = 5; x <= 7; x++) b[x + 10 * (1 + 3)] = true; // touching a on the right
		boolean[] d = MaskMorphology.dilate(a, size, sp, 1, b);
		for (int i = 0; i < 90; i++) if (b[i]) assertFalse(d[i], "dilation entered the other lesion");
		assertEquals(true, d[1 + 10 * (1 + 3)]);
		boolean[] ring = MaskMorphology.ring(a, size, sp, 1, b);
		boolean[] core = MaskMorphology.erode(a, size, sp, 1);
		for (int i = 0; i < 90; i++) if (a[i]) assertEquals(!core[i], ring[i], "inside the lesion the ring is what erosion removes");
	}

	@Test
	void ballRespectsAnisotropy() {
		assertEquals(4, MaskMorphology.ball(new double[] { 0.78, 0.78, 2.5 }, 1).length, "1 mm on 0.78x0.78x2.5 mm: in-plane 4-neighbourhood");
		assertEquals(6, MaskMorphology.ball(new double[] { 1, 1, 1 }, 1).length);
		assertEquals(0, MaskMorphology.ball(new double[] { 1.4, 1.4, 2.5 }, 1).length);
	}
}
