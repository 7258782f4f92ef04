package lesionradiomics.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed dataset (a file's top level or a sequence item): its elements by tag, each a slice of the file's bytes.
 * Values are decoded when asked for, in the type the caller expects (so implicit-VR files need no data dictionary); a
 * sequence of defined length in an implicit-VR file is parsed when it is first asked for as a sequence.
 */
public final class DicomObject {

	/** One element: the VR ({@code null} when the file's syntax is implicit), where its value lies, and its items if parsed. */
	record Element(String vr, int offset, int length, List<DicomObject> items) {}

	/** What all datasets of one file share: its bytes, byte order and character set (known once the top level is read). */
	static final class Source {
		final Path file;
		final byte[] data;
		final ByteOrder order;
		Charset charset = StandardCharsets.ISO_8859_1;
		String transferSyntax = DicomParser.IMPLICIT_LE;
		/** The meta group when it lives in other bytes than the dataset (big endian, deflated). */
		DicomObject meta;
		/**
		 * The file's size when {@link #data} holds only its first bytes (up to the pixel data, read from the file when
		 * asked for: a folder scan then keeps headers, not every slice's pixels, in memory); -1 when data is all of it.
		 */
		long fileSize = -1;
		/** Set by the parser when it left the top-level pixel data in the file. */
		boolean deferred;

		Source(Path file, byte[] data, ByteOrder order) {
			this.file = file;
			this.data = data;
			this.order = order;
		}
	}

	private final Source source;
	private final Path file;
	private final byte[] data;
	private final ByteOrder order;
	private final boolean explicit;
	private final Map<Integer, Element> elements;
	private final int depth;

	DicomObject(Source source, boolean explicit, Map<Integer, Element> elements, int depth) {
		this.source = source;
		this.file = source.file;
		this.data = source.data;
		this.order = source.order;
		this.explicit = explicit;
		this.elements = elements;
		this.depth = depth;
	}

	Source source() { return source; }

	/** The transfer syntax UID the dataset was read with. */
	public String transferSyntax() { return source.transferSyntax; }

	public Path file() { return file; }
	public boolean contains(int tag) { return elements.containsKey(tag); }
	ByteOrder order() { return order; }
	byte[] data() { return data; }
	Element element(int tag) { return elements.get(tag); }

	/** Text value with DICOM's padding (trailing spaces, NULs) removed; null when absent. */
	public String string(int tag) {
		Element e = elements.get(tag);
		if (e == null) return tag >>> 16 == 2 && source.meta != null && source.meta != this ? source.meta.string(tag) : null;
		String s = new String(data, e.offset(), e.length(), isAscii(e.vr()) ? StandardCharsets.ISO_8859_1 : source.charset);
		int end = s.length();
		while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) end--;
		int start = 0;
		while (start < end && s.charAt(start) == ' ') start++;
		return s.substring(start, end);
	}

	private static boolean isAscii(String vr) {
		return vr != null && (vr.equals("UI") || vr.equals("CS") || vr.equals("DS") || vr.equals("IS") || vr.equals("DA") || vr.equals("TM")
				|| vr.equals("DT") || vr.equals("AS"));
	}

	/** Text value, or {@code fallback} when absent or empty. */
	public String string(int tag, String fallback) {
		String s = string(tag);
		return s == null || s.isEmpty() ? fallback : s;
	}

	/** Values of a decimal/integer string (DS, IS), split at backslashes; null when absent or empty. */
	public double[] decimals(int tag) throws DicomFormatException {
		String s = string(tag);
		if (s == null || s.isEmpty()) return null;
		int count = 1;
		for (int i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', i + 1)) count++;
		double[] v = new double[count];
		for (int i = 0, start = 0; i < count; i++) {
			int end = s.indexOf('\\', start);
			if (end < 0) end = s.length();
			try {
				v[i] = decimal(s, start, end);
				start = end + 1;
			} catch (NumberFormatException ex) {
				throw new DicomFormatException(file, "element " + tagName(tag) + " holds '" + abbreviate(s) + "', not numbers");
			}
			if (!Double.isFinite(v[i])) throw new DicomFormatException(file, "element " + tagName(tag) + " holds a non-finite number '" + abbreviate(s) + "'");
		}
		return v;
	}

	private static final double[] POWERS = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	/**
	 * One DS value of {@code s[start, end)} (spaces around allowed), exactly as {@link Double#parseDouble}: plain decimals
	 * of at most 15 digits (ContourData's usual form) as digits / 10^k, both exact in a double, so the one correctly
	 * rounded division gives parseDouble's result (Clinger's fast path); anything else through parseDouble.
	 */
	static double decimal(String s, int start, int end) {
		while (start < end && s.charAt(start) == ' ') start++;
		while (end > start && s.charAt(end - 1) == ' ') end--;
		int i = start;
		boolean negative = i < end && s.charAt(i) == '-';
		if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
		long digits = 0;
		int count = 0, fraction = -1;
		for (; i < end; i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				digits = digits * 10 + (c - '0');
				if (++count > 15) break;
				if (fraction >= 0) fraction++;
			} else if (c == '.' && fraction < 0) fraction = 0;
			else break;
		}
		if (i < end || count == 0 || count > 15) return Double.parseDouble(s.substring(start, end).trim());
		double v = fraction > 0 ? digits / POWERS[fraction] : digits;
		return negative ? -v : v;
	}

	/** The single decimal of a DS/IS element, or {@code fallback} when absent. */
	public double decimal(int tag, double fallback) throws DicomFormatException {
		double[] v = decimals(tag);
		return v == null ? fallback : v[0];
	}

	/** Exactly {@code n} decimals, or a message naming the element when absent or of another multiplicity. */
	public double[] requireDecimals(int tag, int n, String what) throws DicomFormatException {
		double[] v = decimals(tag);
		if (v == null) throw new DicomFormatException(file, "no " + what + " " + tagName(tag));
		if (v.length != n) throw new DicomFormatException(file, what + " " + tagName(tag) + " has " + v.length + " values, expected " + n);
		return v;
	}

	/** An unsigned 16-bit value (US), or {@code fallback} when absent. */
	public int uint16(int tag, int fallback) throws DicomFormatException {
		Element e = elements.get(tag);
		if (e == null || e.length() == 0) return fallback;
		if (e.length() < 2) throw new DicomFormatException(file, "element " + tagName(tag) + " is too short for a 16-bit value");
		return ByteBuffer.wrap(data, e.offset(), 2).order(order).getShort() & 0xFFFF;
	}

	/** An unsigned 16-bit value that must be present. */
	public int requireUint16(int tag, String what) throws DicomFormatException {
		int v = uint16(tag, -1);
		if (v < 0) throw new DicomFormatException(file, "no " + what + " " + tagName(tag));
		return v;
	}

	/** Binary 32/64-bit floats (FL, FD, OF, OD): {@code bytes} 4 or 8. Null when absent. */
	public double[] floats(int tag, int bytes) throws DicomFormatException {
		Element e = elements.get(tag);
		if (e == null) return null;
		if (e.length() % bytes != 0) throw new DicomFormatException(file, "element " + tagName(tag) + " length " + e.length() + " is not a multiple of " + bytes);
		ByteBuffer b = ByteBuffer.wrap(data, e.offset(), e.length()).order(order);
		double[] v = new double[e.length() / bytes];
		for (int i = 0; i < v.length; i++) v[i] = bytes == 4 ? b.getFloat() : b.getDouble();
		return v;
	}

	/** The value bytes (a view, no copy); null when absent. */
	public ByteBuffer bytes(int tag) throws DicomFormatException {
		Element e = elements.get(tag);
		if (e == null) return null;
		return bytes(tag, 0, e.length());
	}

	/** The value's bytes {@code [from, from + length)} (within it), from the file when the parser left them there. */
	public ByteBuffer bytes(int tag, long from, int length) throws DicomFormatException {
		Element e = elements.get(tag);
		if (e == null) return null;
		if (from < 0 || length < 0 || from + length > e.length()) throw new DicomFormatException(file, "element " + tagName(tag) + " holds " + e.length() + " bytes, not "
				+ (from + length));
		if (e.offset() + (long) e.length() <= data.length) return ByteBuffer.wrap(data, (int) (e.offset() + from), length).slice().order(order);
		return read(tag, e, from, ByteBuffer.allocate(length));
	}

	/**
	 * The same bytes as {@link #bytes(int, long, int)} ({@code into.capacity()} of them), into a buffer the caller
	 * reuses (the series assembly: one buffer for all slices instead of a fresh array per slice); returned flipped.
	 */
	public ByteBuffer bytes(int tag, long from, ByteBuffer into) throws DicomFormatException {
		Element e = elements.get(tag);
		int length = into.capacity();
		if (e == null) return null;
		if (from < 0 || from + length > e.length()) throw new DicomFormatException(file, "element " + tagName(tag) + " holds " + e.length() + " bytes, not " + (from + length));
		into.clear();
		if (e.offset() + (long) e.length() <= data.length) return into.put(data, (int) (e.offset() + from), length).flip().order(order);
		return read(tag, e, from, into);
	}

	private ByteBuffer read(int tag, Element e, long from, ByteBuffer out) throws DicomFormatException {
		out.order(order);
		try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
			long at = e.offset() + from;
			while (out.hasRemaining()) {
				int n = ch.read(out, at + out.position());
				if (n < 0) throw new DicomFormatException(file, "element " + tagName(tag) + " ends past the end of the file (changed since it was read?)");
			}
		} catch (DicomFormatException x) {
			throw x;
		} catch (java.io.IOException x) {
			throw new DicomFormatException(file, "cannot read element " + tagName(tag) + " (" + x.getMessage() + ")");
		}
		return out.flip();
	}

	/** The value length of an element, or -1 when absent. */
	public int length(int tag) {
		Element e = elements.get(tag);
		return e == null ? -1 : e.length();
	}

	/** The items of a sequence; an empty list when absent. */
	public List<DicomObject> sequence(int tag) throws DicomFormatException {
		Element e = elements.get(tag);
		if (e == null) return List.of();
		if (e.items() != null) return e.items();
		if (explicit && e.vr() != null && !e.vr().equals("SQ") && !e.vr().equals("UN"))
			throw new DicomFormatException(file, "element " + tagName(tag) + " is " + e.vr() + ", not a sequence");
		List<DicomObject> items = DicomParser.parseItems(this, e.offset(), e.length(), depth + 1,
				explicit && !"UN".equals(e.vr()));
		Element parsed = new Element(e.vr(), e.offset(), e.length(), Collections.unmodifiableList(new ArrayList<>(items)));
		elements.put(tag, parsed); // decoded once; datasets are read by one thread
		return parsed.items();
	}

	/** The first item of a sequence, or null. */
	public DicomObject first(int tag) throws DicomFormatException {
		List<DicomObject> s = sequence(tag);
		return s.isEmpty() ? null : s.get(0);
	}

	boolean explicit() { return explicit; }
	int depth() { return depth; }

	public static String tagName(int tag) {
		return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
	}

	private static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
