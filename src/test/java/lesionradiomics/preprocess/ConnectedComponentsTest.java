package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import lesionradiomics.volume.Geometry;
import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.IntType;

class ConnectedComponentsTest {

	@Test
	void diagonalNeighboursJoinOnlyWith26ConnectivityAndSmallOnesAreDropped() {
		// 6x4x1: voxels (0,0) and (1,1) touch diagonally; a block of 4 at x = 3..4, y = 0..1; a single voxel at (5,3)
		byte[] m = new byte[24];
		m[0] = 1;
		m[1 + 6] = 1;
		for (int y = 0; y < 2; y++) for (int x = 3; x < 5; x++) m[x + 6 * y] = 1;
		m[5 + 6 * 3] = 1;
		Geometry g = Geometry.of(new long[] { 6, 4, 1 }, new double[] { 1, 1, 2 });
		int max26 = max(ConnectedComponents.label(ArrayImgs.unsignedBytes(m, 6, 4, 1), g, 26, 0));
		int max6 = max(ConnectedComponents.label(ArrayImgs.unsignedBytes(m, 6, 4, 1), g, 6, 0));
		assertEquals(3, max26);
		assertEquals(4, max6);
		// voxels are 2 mm³: components below 3 mm³ (the single voxels) go
		RandomAccess<IntType> ra = ConnectedComponents.label(ArrayImgs.unsignedBytes(m, 6, 4, 1), g, 6, 3).randomAccess();
		assertEquals(0, ra.setPositionAndGet(0, 0, 0).get());
		assertEquals(1, ra.setPositionAndGet(3, 0, 0).get());
		assertEquals(0, ra.setPositionAndGet(5, 3, 0).get());
	}

	static int max(net.imglib2.img.Img<IntType> img) {
		int m = 0;
		for (IntType t : img) m = Math.max(m, t.get());
		return m;
	}
}
