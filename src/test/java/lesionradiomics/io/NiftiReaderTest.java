package lesionradiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.volume.Geometry;

/** Hand-made NIfTI-1 files: sform, qform, pixdim only, rescale, both byte orders, gzip, and errors. */
class NiftiReaderTest {

	@TempDir
	Path dir;

	/** A 3×2×2 int16 NIfTI with values 0..11 − 5. */
	static byte[] nifti(ByteOrder order, int sform, int qform, float slope, float inter) {
		ByteBuffer b = ByteBuffer.allocate(352 + 24).order(order);
		b.putInt(0, 348);
		b.putShort(40, (short) 3);
		b.putShort(42, (short) 3);
		b.putShort(44, (short) 2);
		b.putShort(46, (short) 2);
		b.putShort(48, (short) 1);
		b.putShort(70, (short) 4); // int16
		b.putShort(72, (short) 16);
		float[] pixdim = { 1, 0.5f, 0.75f, 2.5f, 1, 1, 1, 1 };
		for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, pixdim[i]);
		b.putFloat(108, 352);
		b.putFloat(112, slope);
		b.putFloat(116, inter);
		b.putShort(252, (short) qform);
		b.putShort(254, (short) sform);
		// qform: 180° about z (b=c=0, d=1): x and y flipped in RAS, so identity in LPS
		b.putFloat(256, 0);
		b.putFloat(260, 0);
		b.putFloat(264, 1);
		b.putFloat(268, 10);
		b.putFloat(272, -20);
		b.putFloat(276, 30);
		// sform (RAS): x → -x, y → -y as LPS identity with spacing 0.5, 0.75, 2.5 and origin LPS (1, 2, 3)
		float[][] srow = { { -0.5f, 0, 0, -1 }, { 0, -0.75f, 0, -2 }, { 0, 0, 2.5f, 3 } };
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) b.putFloat(280 + 16 * r + 4 * c, srow[r][c]);
		b.put(344, (byte) 'n');
		b.put(345, (byte) '+');
		b.put(346, (byte) '1');
		for (int i = 0; i < 12; i++) b.putShort(352 + 2 * i, (short) (i - 5));
		return b.array();
	}

	Path write(String name, byte[] data) throws IOException {
		Path p = dir.resolve(name);
		Files.write(p, name.endsWith(".gz") ? NrrdReaderTest.gzip(data) : data);
		return p;
	}

	@Test
	void sformGivesLpsGeometryAndValues() throws IOException {
		for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN })
			for (String name : new String[] { "a.nii", "a.nii.gz" }) {
				ImageData d = NiftiReader.read(write(name, nifti(order, 1, 0, 0, 0)));
				Geometry g = d.geometry();
				assertArrayEquals(new double[] { 0.5, 0.75, 2.5 }, g.spacing(), 1e-6);
				assertArrayEquals(new double[] { 1, 2, 3 }, g.origin(), 1e-6);
				assertArrayEquals(Geometry.identity(), g.direction(), 1e-6);
				assertArrayEquals(NrrdReaderTest.values(-5), NrrdReaderTest.read(d), 0);
			}
	}

	@Test
	void qformQuaternionAndPixdim() throws IOException {
		Geometry g = NiftiReader.read(write("q.nii", nifti(ByteOrder.LITTLE_ENDIAN, 0, 1, 0, 0))).geometry();
		assertArrayEquals(new double[] { 0.5, 0.75, 2.5 }, g.spacing(), 1e-6);
		assertArrayEquals(new double[] { -10, 20, 30 }, g.origin(), 1e-6);
		assertArrayEquals(Geometry.identity(), g.direction(), 1e-6); // 180° about z in RAS = identity in LPS
		Geometry plain = NiftiReader.read(write("p.nii", nifti(ByteOrder.LITTLE_ENDIAN, 0, 0, 0, 0))).geometry();
		assertArrayEquals(new double[] { 0.5, 0.75, 2.5 }, plain.spacing(), 1e-6);
	}

	@Test
	void rescaleSlopeAndInterceptGivePhysicalValues() throws IOException {
		double[] v = NrrdReaderTest.read(NiftiReader.read(write("s.nii", nifti(ByteOrder.LITTLE_ENDIAN, 1, 0, 2, -1000))));
		double[] expected = NrrdReaderTest.values(-5);
		for (int i = 0; i < expected.length; i++) expected[i] = expected[i] * 2 - 1000;
		assertArrayEquals(expected, v, 0);
	}

	@Test
	void errorsNameTheFile() throws IOException {
		byte[] good = nifti(ByteOrder.LITTLE_ENDIAN, 1, 0, 0, 0);
		Path truncated = write("t.nii", Arrays.copyOf(good, 360));
		String m = assertThrows(VolumeFormatException.class, () -> NiftiReader.read(truncated)).getMessage();
		assertTrue(m.contains("t.nii") && m.contains("truncated"), m);
		byte[] bad = good.clone();
		bad[0] = 1;
		bad[3] = 1;
		Path notNifti = write("n.nii", bad);
		m = assertThrows(VolumeFormatException.class, () -> NiftiReader.read(notNifti)).getMessage();
		assertTrue(m.contains("not a NIfTI-1"), m);
		byte[] gz = NrrdReaderTest.gzip(good);
		Path cut = dir.resolve("c.nii.gz");
		Files.write(cut, Arrays.copyOf(gz, gz.length - 20));
		m = assertThrows(VolumeFormatException.class, () -> NiftiReader.read(cut)).getMessage();
		assertTrue(m.contains("gzip") || m.contains("truncated"), m);
	}
}
