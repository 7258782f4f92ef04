package lesionradiomics.io.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * A small DICOM writer for tests only (PS3.5 encoding written from the standard, independent of the parser's code
 * paths): datasets of typed elements and sequences, written as Part 10 files or bare datasets in any of the
 * uncompressed transfer syntaxes, with defined or undefined sequence lengths.
 */
final class TestDicom {

	/** One dataset: elements sorted by tag. */
	static final class Ds {
		final TreeMap<Long, Object[]> elements = new TreeMap<>(); // unsigned tag → {vr, value (byte[] | List<Ds>)}

		Ds put(int tag, String vr, byte[] value) {
			elements.put(tag & 0xFFFFFFFFL, new Object[] { vr, value });
			return this;
		}

		Ds str(int tag, String vr, String value) {
			byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
			if (b.length % 2 == 1) b = (value + (vr.equals("UI") ? "\0" : " ")).getBytes(StandardCharsets.ISO_8859_1);
			return put(tag, vr, b);
		}

		Ds ds(int tag, double... v) {
			StringBuilder sb = new StringBuilder();
			for (double x : v) sb.append(sb.length() == 0 ? "" : "\\").append(fmt(x));
			return str(tag, tag == 0x00200013 || tag == 0x00280008 ? "IS" : "DS", sb.toString());
		}

		Ds us(int tag, int v) {
			elements.put(tag & 0xFFFFFFFFL, new Object[] { "US", new int[] { v } });
			return this;
		}

		Ds seq(int tag, Ds... items) {
			elements.put(tag & 0xFFFFFFFFL, new Object[] { "SQ", List.of(items) });
			return this;
		}

		/** Pixel data of 16-bit values. */
		Ds pixels16(short[] v) {
			elements.put(0x7FE00010L, new Object[] { "OW", v });
			return this;
		}

		Ds pixels(byte[] v) {
			return put(0x7FE00010, "OB", v);
		}
	}

	static String fmt(double x) {
		if (x == Math.rint(x) && Math.abs(x) < 1e9) return Long.toString((long) x);
		String s = String.format(Locale.ROOT, "%.10g", x);
		return s.length() > 16 ? String.format(Locale.ROOT, "%.8g", x) : s;
	}

	/** How a file is encoded. */
	record Syntax(String uid, boolean explicit, ByteOrder order, boolean deflate) {}

	static final Syntax IMPLICIT = new Syntax(DicomParser.IMPLICIT_LE, false, ByteOrder.LITTLE_ENDIAN, false),
			EXPLICIT = new Syntax(DicomParser.EXPLICIT_LE, true, ByteOrder.LITTLE_ENDIAN, false),
			BIG = new Syntax(DicomParser.EXPLICIT_BE, true, ByteOrder.BIG_ENDIAN, false),
			DEFLATED = new Syntax(DicomParser.DEFLATED_LE, true, ByteOrder.LITTLE_ENDIAN, true);

	static byte[] encode(Ds ds, Syntax s, boolean undefinedLengths) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (var e : ds.elements.entrySet()) element(out, (int) (long) e.getKey(), (String) e.getValue()[0], e.getValue()[1], s, undefinedLengths);
		return out.toByteArray();
	}

	@SuppressWarnings("unchecked")
	private static void element(ByteArrayOutputStream out, int tag, String vr, Object value, Syntax s, boolean undefined) {
		byte[] v;
		if (value instanceof List) {
			ByteArrayOutputStream items = new ByteArrayOutputStream();
			for (Ds item : (List<Ds>) value) {
				byte[] body = encode(item, s, undefined);
				header(items, 0xFFFEE000, null, undefined ? -1 : body.length, s);
				items.writeBytes(body);
				if (undefined) header(items, 0xFFFEE00D, null, 0, s);
			}
			if (undefined) header(items, 0xFFFEE0DD, null, 0, s);
			v = items.toByteArray();
			header(out, tag, vr, undefined ? -1 : v.length, s);
			out.writeBytes(v);
			return;
		}
		if (value instanceof int[] i) {
			ByteBuffer b = ByteBuffer.allocate(2).order(s.order());
			b.putShort((short) i[0]);
			v = b.array();
		} else if (value instanceof short[] sh) {
			ByteBuffer b = ByteBuffer.allocate(2 * sh.length).order(s.order());
			for (short x : sh) b.putShort(x);
			v = b.array();
		} else v = (byte[]) value;
		header(out, tag, vr, v.length, s);
		out.writeBytes(v);
	}

	private static void header(ByteArrayOutputStream out, int tag, String vr, int length, Syntax s) {
		ByteBuffer b = ByteBuffer.allocate(12).order(s.order());
		b.putShort((short) (tag >>> 16)).putShort((short) tag);
		if (s.explicit() && vr != null) {
			b.put(vr.getBytes(StandardCharsets.US_ASCII));
			if (List.of("OB", "OW", "OF", "SQ", "UT", "UN", "OD", "OL", "UC", "UR").contains(vr)) b.putShort((short) 0).putInt(length);
			else b.putShort((short) length);
		} else b.putInt(length);
		out.write(b.array(), 0, b.position());
	}

	/** A Part 10 file: preamble, DICM, explicit little-endian meta group, then the dataset in {@code s}. */
	static byte[] part10(Ds ds, Syntax s, boolean undefinedLengths) {
		String sop = ds.elements.containsKey(0x00080016L) ? new String((byte[]) ds.elements.get(0x00080016L)[1], StandardCharsets.ISO_8859_1).trim() : "1.2.3";
		Ds meta = new Ds().put(0x00020001, "OB", new byte[] { 0, 1 }).str(0x00020002, "UI", sop).str(0x00020003, "UI", "1.2.3.4").str(0x00020010, "UI", s.uid());
		byte[] m = encode(meta, EXPLICIT, false);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[128]);
		out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
		ByteBuffer gl = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
		gl.putShort((short) 2).putShort((short) 0).put("UL".getBytes(StandardCharsets.US_ASCII)).putShort((short) 4).putInt(m.length);
		out.writeBytes(gl.array());
		out.writeBytes(m);
		byte[] body = encode(ds, new Syntax(s.uid(), s.explicit(), s.order(), false), undefinedLengths);
		if (s.deflate()) {
			Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
			d.setInput(body);
			d.finish();
			byte[] buf = new byte[body.length + 1024];
			int n = d.deflate(buf);
			d.end();
			out.write(buf, 0, n);
		} else out.writeBytes(body);
		return out.toByteArray();
	}

	static Path write(Path file, Ds ds, Syntax s) throws IOException {
		Files.write(file, part10(ds, s, false));
		return file;
	}

	/**
	 * A CT slice: {@code cols} × {@code rows} 16-bit signed pixels {@code value(x, y)}, at {@code ipp} with orientation
	 * {@code iop}, pixel spacing {@code ps} (row spacing, column spacing).
	 */
	static Ds ctSlice(String series, int instance, int cols, int rows, double[] ipp, double[] iop, double[] ps, double slope, double intercept,
			java.util.function.IntBinaryOperator value) {
		short[] px = new short[cols * rows];
		for (int y = 0; y < rows; y++) for (int x = 0; x < cols; x++) px[y * cols + x] = (short) value.applyAsInt(x, y);
		return new Ds().str(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.2").str(0x00080018, "UI", series + "." + instance).str(0x00080060, "CS", "CT")
				.str(0x00100020, "LO", "P1").str(0x0020000D, "UI", "1.2.826.0.1.9").str(0x0020000E, "UI", series).ds(0x00200013, instance).ds(0x00200032, ipp)
				.ds(0x00200037, iop).str(0x00200052, "UI", "1.2.826.0.1.7").us(0x00280002, 1).str(0x00280004, "CS", "MONOCHROME2").us(0x00280010, rows)
				.us(0x00280011, cols).ds(0x00280030, ps).us(0x00280100, 16).us(0x00280101, 16).us(0x00280102, 15).us(0x00280103, 1)
				.ds(0x00281052, intercept).ds(0x00281053, slope).pixels16(px);
	}

	static final double[] AXIAL = { 1, 0, 0, 0, 1, 0 };

	/** An axial series of {@code n} slices spaced {@code dz} apart, written in reverse file order (sorting must not rely on names). */
	static List<Path> axialSeries(Path dir, String series, int n, double dz, int cols, int rows) throws IOException {
		Files.createDirectories(dir);
		List<Path> files = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			final int kk = k;
			Ds d = ctSlice(series, k + 1, cols, rows, new double[] { -10, -20, 30 + k * dz }, AXIAL, new double[] { 0.5, 0.7 }, 1, -1024,
					(x, y) -> 1000 + x + 10 * y + 100 * kk);
			files.add(write(dir.resolve(String.format(Locale.ROOT, "z%03d.dcm", n - k)), d, EXPLICIT));
		}
		return files;
	}
}
