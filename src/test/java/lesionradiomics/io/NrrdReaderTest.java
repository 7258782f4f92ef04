package lesionradiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

/** Hand-made NRRD files: every encoding, byte order and type the reader claims, and each error path. */
class NrrdReaderTest {

	@TempDir
	Path dir;

	/** 3×2×2 volume, values 0..11 (x fastest) shifted by {@code offset}. */
	static double[] values(double offset) {
		double[] v = new double[12];
		for (int i = 0; i < 12; i++) v[i] = i + offset;
		return v;
	}

	static byte[] encode(String type, double[] v, ByteOrder order) {
		int bytes = type.equals("double") || type.equals("int64") ? 8 : type.equals("float") || type.equals("int") || type.equals("uint") ? 4
				: type.equals("short") || type.equals("ushort") ? 2 : 1;
		ByteBuffer b = ByteBuffer.allocate(v.length * bytes).order(order);
		for (double d : v) {
			switch (type) {
			case "double": b.putDouble(d); break;
			case "float": b.putFloat((float) d); break;
			case "int64": b.putLong((long) d); break;
			case "int": case "uint": b.putInt((int) d); break;
			case "short": case "ushort": b.putShort((short) d); break;
			default: b.put((byte) d);
			}
		}
		return b.array();
	}

	static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(data);
		}
		return out.toByteArray();
	}

	Path file(String name, String header, byte[] data) throws IOException {
		Path p = dir.resolve(name);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(header.getBytes(StandardCharsets.US_ASCII));
		out.write(data);
		Files.write(p, out.toByteArray());
		return p;
	}

	static String header(String type, String endian, String encoding, String extra) {
		return "NRRD0004\n# comment\ntype: " + type + "\ndimension: 3\nspace: left-posterior-superior\nsizes: 3 2 2\n"
				+ "space directions: (0.5,0,0) (0,-0.75,0) (0,0,2.5)\nkinds: domain domain domain\n"
				+ (endian == null ? "" : "endian: " + endian + "\n") + "encoding: " + encoding + "\n"
				+ "space origin: (-10,20.5,-30)\n" + extra + "\n";
	}

	static double[] read(ImageData d) {
		double[] out = new double[12];
		RandomAccess<? extends RealType<?>> ra = d.asVolume().image().randomAccess();
		for (int z = 0, i = 0; z < 2; z++)
			for (int y = 0; y < 2; y++)
				for (int x = 0; x < 3; x++, i++) out[i] = ra.setPositionAndGet(x, y, z).getRealDouble();
		return out;
	}

	@Test
	void readsEveryTypeInBothByteOrdersRawAndGzip() throws IOException {
		for (String type : new String[] { "uchar", "signed char", "short", "ushort", "int", "uint", "int64", "float", "double" })
			for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN })
				for (boolean gz : new boolean[] { false, true }) {
					double offset = type.equals("float") || type.equals("double") ? -3.25 : type.startsWith("u") ? 7 : -5;
					double[] v = values(offset);
					byte[] data = encode(type, v, order);
					String endian = order == ByteOrder.LITTLE_ENDIAN ? "little" : "big";
					Path p = file("t.nrrd", header(type, endian, gz ? "gzip" : "raw", ""), gz ? gzip(data) : data);
					assertArrayEquals(v, read(NrrdReader.read(p)), 0, type + " " + endian + (gz ? " gzip" : " raw"));
				}
	}

	@Test
	void geometryFromSpaceDirectionsAndOrigin() throws IOException {
		Path p = file("g.nrrd", header("short", "little", "raw", ""), encode("short", values(0), ByteOrder.LITTLE_ENDIAN));
		Geometry g = NrrdReader.read(p).geometry();
		assertArrayEquals(new double[] { 0.5, 0.75, 2.5 }, g.spacing(), 1e-12);
		assertArrayEquals(new double[] { -10, 20.5, -30 }, g.origin(), 1e-12);
		assertArrayEquals(new double[] { 1, 0, 0, 0, -1, 0, 0, 0, 1 }, g.direction(), 1e-12);
		// voxel (1,1,1) lies at origin + (0.5, -0.75, 2.5)
		assertArrayEquals(new double[] { -9.5, 19.75, -27.5 }, g.toPhysical(new double[] { 1, 1, 1 }), 1e-12);
	}

	@Test
	void rasSpaceIsConvertedToLps() throws IOException {
		String h = header("short", "little", "raw", "").replace("left-posterior-superior", "right-anterior-superior");
		Geometry g = NrrdReader.read(file("r.nrrd", h, encode("short", values(0), ByteOrder.LITTLE_ENDIAN))).geometry();
		assertArrayEquals(new double[] { 10, -20.5, -30 }, g.origin(), 1e-12);
		assertArrayEquals(new double[] { -1, 0, 0, 0, 1, 0, 0, 0, 1 }, g.direction(), 1e-12);
	}

	@Test
	void obliqueDirectionsGiveUnitCosinesAndSpacing() throws IOException {
		double c = Math.sqrt(0.5);
		String h = header("short", "little", "raw", "").replace("(0.5,0,0) (0,-0.75,0) (0,0,2.5)",
				"(" + c + "," + c + ",0) (" + (-2 * c) + "," + (2 * c) + ",0) (0,0,3)");
		Geometry g = NrrdReader.read(file("o.nrrd", h, encode("short", values(0), ByteOrder.LITTLE_ENDIAN))).geometry();
		assertArrayEquals(new double[] { 1, 2, 3 }, g.spacing(), 1e-12);
		assertArrayEquals(new double[] { c, -c, 0, c, c, 0, 0, 0, 1 }, g.direction(), 1e-12);
	}

	@Test
	void detachedHeaderReadsItsDataFile() throws IOException {
		Files.write(dir.resolve("d.raw"), encode("float", values(1.5), ByteOrder.BIG_ENDIAN));
		Path p = file("d.nhdr", header("float", "big", "raw", "data file: d.raw\n"), new byte[0]);
		assertArrayEquals(values(1.5), read(NrrdReader.read(p)), 0);
	}

	@Test
	void slicerSegmentationGivesLabelValuesAndNames() throws IOException {
		String kv = "Segment0_ID:=Segment_1\nSegment0_LabelValue:=3\nSegment0_Name:=liver met\nSegment1_LabelValue:=7\nSegment1_Name:=lung\n";
		Path p = file("s.seg.nrrd", header("uchar", null, "gzip", kv), gzip(encode("uchar", values(0), ByteOrder.LITTLE_ENDIAN)));
		LabelMap m = NrrdReader.read(p).asLabelMap();
		assertEquals("liver met", m.segmentNames().get(3L));
		assertEquals("lung", m.segmentNames().get(7L));
		assertEquals(11, m.lesions().size());
		assertEquals(1, m.lesions().get(5L).voxelCount());
	}

	static String message(Path p) {
		return assertThrows(VolumeFormatException.class, () -> NrrdReader.read(p)).getMessage();
	}

	@Test
	void errorsNameTheFileAndTheProblem() throws IOException {
		byte[] data = encode("short", values(0), ByteOrder.LITTLE_ENDIAN);
		byte[] gz = gzip(data);
		Path notNrrd = file("a.nrrd", "P5\n3 2\n", data);
		assertTrue(message(notNrrd).contains("a.nrrd") && message(notNrrd).contains("not a NRRD"), message(notNrrd));
		Path truncatedGzip = file("b.nrrd", header("short", "little", "gzip", ""), Arrays.copyOf(gz, gz.length / 2));
		assertTrue(message(truncatedGzip).contains("truncated gzip"), message(truncatedGzip));
		byte[] corrupt = gz.clone();
		for (int i = 12; i < corrupt.length - 8; i++) corrupt[i] ^= 0x5a;
		Path corrupted = file("c.nrrd", header("short", "little", "gzip", ""), corrupt);
		assertTrue(message(corrupted).contains("gzip"), message(corrupted));
		Path truncatedRaw = file("d.nrrd", header("short", "little", "raw", ""), Arrays.copyOf(data, 10));
		assertTrue(message(truncatedRaw).contains("truncated data"), message(truncatedRaw));
		Path noType = file("e.nrrd", header("short", "little", "raw", "").replace("type: short\n", ""), data);
		assertTrue(message(noType).contains("'type'"), message(noType));
		Path fourD = file("f.nrrd", header("short", "little", "raw", "").replace("dimension: 3", "dimension: 4").replace("sizes: 3 2 2", "sizes: 1 3 2 2"), data);
		assertTrue(message(fourD).contains("dimension 4"), message(fourD));
		Path badType = file("g.nrrd", header("block", "little", "raw", ""), data);
		assertTrue(message(badType).contains("unsupported NRRD type"), message(badType));
		Path noData = file("h.nhdr", header("short", "little", "raw", "data file: missing.raw\n"), new byte[0]);
		assertTrue(message(noData).contains("missing.raw"), message(noData));
	}
}
