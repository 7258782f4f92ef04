package lesionradiomics.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.integer.IntType;

/** RECIST axes of a digital ellipse (semi-axes 10 and 5 mm, rotated 30 degrees, 0.5 mm pixels): 20 and 10 mm within a pixel. */
class ShortAxisTest {

	@Test
	void axesOfAnEllipseAreItsDiametersWithinAPixel() {
		int n = 60;
		ArrayImg<IntType, IntArray> img = ArrayImgs.ints(n, n, 3);
		net.imglib2.RandomAccess<IntType> ra = img.randomAccess();
		double c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				double dx = (x - n / 2.0) * 0.5, dy = (y - n / 2.0) * 0.5, u = c * dx + s * dy, v = -s * dx + c * dy;
				if (u * u / 100 + v * v / 25 <= 1) {
					ra.setPosition(new long[] { x, y, 1 });
					ra.get().set(1);
				}
			}
		Geometry g = new Geometry(new long[] { n, n, 3 }, new double[] { 0.5, 0.5, 2 }, new double[3], Geometry.identity());
		LabelMap labels = new LabelMap(img, g);
		ShortAxis a = ShortAxis.of(labels, 1, labels.lesions().get(1L));
		assertEquals(20, a.longAxis(), 0.75, "long axis");
		assertEquals(10, a.shortAxis(), 0.75, "short axis");
		assertEquals(1, a.slice());
	}
}
