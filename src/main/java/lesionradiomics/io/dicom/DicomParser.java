package lesionradiomics.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Our DICOM dataset parser (PS3.5 chapter 7 and PS3.10 chapter 7): Part 10 files (preamble, "DICM", explicit-VR
 * little-endian meta group) and bare datasets; explicit and implicit VR little endian, explicit VR big endian and
 * deflated explicit little endian; sequences and items of defined and undefined length (an undefined-length UN
 * element is parsed as implicit little endian, PS3.5 6.2.2). Private elements (odd groups) are skipped. Pixel data is
 * kept as raw bytes; encapsulated (compressed) transfer syntaxes are refused with their name and how to decompress.
 * Every inconsistency — truncation, a length past the end, a bad VR, nesting deeper than {@value #MAX_DEPTH} — is a
 * {@link DicomFormatException} naming the file and the byte offset.
 */
public final class DicomParser {

	static final int ITEM = 0xFFFEE000, ITEM_DELIMITATION = 0xFFFEE00D, SEQUENCE_DELIMITATION = 0xFFFEE0DD;
	static final int UNDEFINED = 0xFFFFFFFF;
	static final int MAX_DEPTH = 32;

	public static final String IMPLICIT_LE = "1.2.840.10008.1.2", EXPLICIT_LE = "1.2.840.10008.1.2.1", DEFLATED_LE = "1.2.840.10008.1.2.1.99",
			EXPLICIT_BE = "1.2.840.10008.1.2.2";

	private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "OB", "OD", "OF", "OL",
			"OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");
	/** VRs with a 2-byte reserved field and a 4-byte length in explicit syntaxes (PS3.5 table 7.1-1). */
	private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV");

	private DicomParser() {}

	/** Whether the file starts like DICOM (Part 10 preamble or a plausible bare dataset), read from its first bytes only. */
	public static boolean looksLikeDicom(Path file) {
		try (var in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(132);
			if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') return true;
			return head.length >= 8 && bareStart(head);
		} catch (IOException e) {
			return false;
		}
	}

	private static boolean bareStart(byte[] head) {
		int group = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
		return group == 0x0002 || group == 0x0008 || group == 0x0000 || group == 0x0004;
	}

	/**
	 * Parses a file that starts like DICOM (as {@link #looksLikeDicom}), or null when it does not: one open and one
	 * read into an array of the file's size (a folder scan would otherwise open every file twice).
	 */
	static DicomObject readIfDicom(Path file) throws IOException {
		byte[] data;
		try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
			long size = ch.size();
			ByteBuffer head = ByteBuffer.allocate((int) Math.min(132, size));
			while (head.hasRemaining() && ch.read(head) >= 0) {}
			byte[] h = head.array();
			boolean dicom = h.length >= 132 && h[128] == 'D' && h[129] == 'I' && h[130] == 'C' && h[131] == 'M' || h.length >= 8 && bareStart(h);
			if (!dicom) return null;
			if (size > PREFIX) { // the header, up to the pixel data (left in the file when the header ends before PREFIX)
				byte[] prefix = new byte[PREFIX];
				System.arraycopy(h, 0, prefix, 0, h.length);
				ByteBuffer rest = ByteBuffer.wrap(prefix, h.length, PREFIX - h.length);
				while (rest.hasRemaining() && ch.read(rest) >= 0) {}
				if (!rest.hasRemaining()) {
					DicomObject d = parsePrefix(file, prefix, size);
					if (d != null) return d;
				}
				ch.position(h.length);
			}
			if (size > Integer.MAX_VALUE - 16) throw new DicomFormatException(file, "file too large to read");
			try {
				data = new byte[(int) size];
			} catch (OutOfMemoryError e) {
				throw new DicomFormatException(file, "file too large to read");
			}
			System.arraycopy(h, 0, data, 0, h.length);
			ByteBuffer rest = ByteBuffer.wrap(data, h.length, data.length - h.length);
			while (rest.hasRemaining() && ch.read(rest) >= 0) {}
			if (rest.hasRemaining()) data = java.util.Arrays.copyOf(data, rest.position()); // shrank while read
		}
		return parse(file, data);
	}

	/** How much of a file is read first: headers are a few KB; RTSTRUCTs, SEGs and odd files are read whole. */
	static final int PREFIX = 1 << 16;

	/**
	 * The dataset from a file's first bytes when its top-level pixel data starts in them and runs on in the file (left
	 * there, read when asked for); null when anything else happens (the whole file is then parsed as usual, with its
	 * messages). Elements after the pixel data (trailing padding, signatures) are not read.
	 */
	private static DicomObject parsePrefix(Path file, byte[] prefix, long fileSize) {
		DicomObject.Source[] seen = new DicomObject.Source[1];
		try {
			DicomObject d = parseChecked(file, prefix, fileSize, seen);
			return seen[0] != null && seen[0].deferred ? d : null;
		} catch (DicomFormatException | RuntimeException e) {
			return null;
		}
	}

	/** Parses a whole file. */
	public static DicomObject read(Path file) throws IOException {
		byte[] data;
		try {
			data = Files.readAllBytes(file);
		} catch (OutOfMemoryError e) {
			throw new DicomFormatException(file, "file too large to read");
		}
		return parse(file, data);
	}

	/** Parses bytes that came from {@code file}. */
	public static DicomObject parse(Path file, byte[] data) throws DicomFormatException {
		try {
			return parseChecked(file, data);
		} catch (DicomFormatException e) {
			throw e;
		} catch (RuntimeException e) {
			// any case the checks below did not foresee is still a format problem of this file, never a crash
			throw new DicomFormatException(file, "unreadable DICOM data (" + e + ")");
		}
	}

	private static DicomObject parseChecked(Path file, byte[] data) throws DicomFormatException {
		return parseChecked(file, data, -1, new DicomObject.Source[1]);
	}

	/** {@code fileSize} ≥ 0: {@code data} is the file's first bytes (see {@link #parsePrefix}); the dataset's source goes to {@code source[0]}. */
	private static DicomObject parseChecked(Path file, byte[] data, long fileSize, DicomObject.Source[] source) throws DicomFormatException {
		int pos = 0;
		boolean part10 = data.length >= 132 && data[128] == 'D' && data[129] == 'I' && data[130] == 'C' && data[131] == 'M';
		if (part10) pos = 132;
		else if (data.length < 8 || !bareStart(data))
			throw new DicomFormatException(file, "not a DICOM file (no 'DICM' marker at byte 128 and no dataset at its start)");
		Map<Integer, DicomObject.Element> elements = new HashMap<>();
		// the meta group (0002,xxxx) is always explicit VR little endian
		DicomObject.Source meta = new DicomObject.Source(file, data, ByteOrder.LITTLE_ENDIAN);
		boolean metaExplicit = true;
		if (!part10) metaExplicit = looksExplicit(data, pos);
		int[] cursor = { pos };
		parseDataset(meta, metaExplicit, cursor, data.length, 0, elements, false, 0x0002);
		pos = cursor[0];
		DicomObject metaObject = new DicomObject(meta, metaExplicit, elements, 0);
		String syntax = metaObject.string(0x00020010);
		if (syntax == null || syntax.isEmpty()) syntax = part10 || elements.isEmpty() ? (looksExplicit(data, pos) ? EXPLICIT_LE : IMPLICIT_LE) : (metaExplicit ? EXPLICIT_LE : IMPLICIT_LE);
		ByteOrder order = ByteOrder.LITTLE_ENDIAN;
		boolean explicit;
		byte[] body = data;
		switch (syntax) {
		case IMPLICIT_LE: explicit = false; break;
		case EXPLICIT_LE: explicit = true; break;
		case EXPLICIT_BE: explicit = true; order = ByteOrder.BIG_ENDIAN; break;
		case DEFLATED_LE:
			explicit = true;
			body = inflate(file, data, pos);
			pos = 0;
			break;
		default:
			throw new DicomFormatException(file, "transfer syntax " + syntax + " (" + TransferSyntaxes.name(syntax)
					+ ") is compressed or not supported; decompress first, e.g. with dcmtk's 'dcmdjpeg in.dcm out.dcm' (JPEG), 'dcmdrle' (RLE) or 'gdcmconv --raw in.dcm out.dcm' (any, incl. JPEG-LS and JPEG 2000)");
		}
		DicomObject.Source src = body == data && order == ByteOrder.LITTLE_ENDIAN ? meta : new DicomObject.Source(file, body, order);
		src.transferSyntax = syntax;
		if (body == data) src.fileSize = fileSize; // never for inflated bytes
		source[0] = src;
		cursor[0] = pos;
		Map<Integer, DicomObject.Element> rest = elements;
		if (src != meta) {
			// meta elements live in the little-endian bytes of another source: asked for through it
			src.meta = metaObject;
			rest = new HashMap<>();
		}
		parseDataset(src, explicit, cursor, body.length, 0, rest, false, -1);
		DicomObject top = new DicomObject(src, explicit, rest, 0);
		setCharset(top);
		return top;
	}

	/** Explicit-VR datasets have two upper-case letters of a known VR after the first tag. */
	private static boolean looksExplicit(byte[] data, int pos) {
		if (data.length < pos + 6) return false;
		String vr = new String(data, pos + 4, 2, StandardCharsets.ISO_8859_1);
		return VRS.contains(vr);
	}

	private static void setCharset(DicomObject top) {
		String cs = top.string(0x00080005);
		if (cs != null && cs.contains("ISO_IR 192")) top.source().charset = StandardCharsets.UTF_8;
	}

	private static byte[] inflate(Path file, byte[] data, int pos) throws DicomFormatException {
		Inflater inf = new Inflater(true);
		try {
			inf.setInput(data, pos, data.length - pos);
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(64, (data.length - pos) * 3));
			byte[] buf = new byte[1 << 16];
			while (!inf.finished()) {
				int n = inf.inflate(buf);
				if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
				out.write(buf, 0, n);
				if (out.size() > 1 << 30) throw new DicomFormatException(file, "deflated dataset expands beyond 1 GB");
			}
			return out.toByteArray();
		} catch (DataFormatException e) {
			throw new DicomFormatException(file, "corrupt deflated dataset (" + e.getMessage() + ")");
		} finally {
			inf.end();
		}
	}

	/**
	 * Reads elements from {@code cursor[0]} up to {@code end} (or an item delimiter when {@code inItem}) into
	 * {@code out}. With {@code onlyGroup} ≥ 0, stops before the first element of another group (the meta group).
	 */
	private static void parseDataset(DicomObject.Source src, boolean explicit, int[] cursor, int end, int depth, Map<Integer, DicomObject.Element> out,
			boolean untilDelimiter, int onlyGroup) throws DicomFormatException {
		if (depth > MAX_DEPTH) throw new DicomFormatException(src.file, "sequences nested deeper than " + MAX_DEPTH + " levels (corrupt file?)");
		byte[] d = src.data;
		ByteBuffer b = ByteBuffer.wrap(d).order(src.order);
		int pos = cursor[0];
		while (pos < end) {
			if (end - pos < 8) throw truncated(src, pos, "an element header", end);
			int group = b.getShort(pos) & 0xFFFF;
			if (onlyGroup >= 0 && group != onlyGroup) break;
			int tag = group << 16 | (b.getShort(pos + 2) & 0xFFFF);
			if (tag == ITEM_DELIMITATION) {
				if (!untilDelimiter) throw new DicomFormatException(src.file, "unexpected item delimiter at byte " + pos);
				cursor[0] = pos + 8;
				return;
			}
			if (tag == ITEM || tag == SEQUENCE_DELIMITATION)
				throw new DicomFormatException(src.file, "unexpected " + (tag == ITEM ? "item" : "sequence delimiter") + " tag at byte " + pos + " outside a sequence");
			String vr = null;
			long length;
			int header;
			boolean elementExplicit = explicit;
			if (explicit) {
				vr = new String(d, pos + 4, 2, StandardCharsets.ISO_8859_1);
				if (!VRS.contains(vr)) {
					throw new DicomFormatException(src.file, "invalid VR '" + printable(vr) + "' of element " + DicomObject.tagName(tag) + " at byte " + pos
							+ " (not explicit VR as the transfer syntax says, or corrupt)");
				}
				if (LONG_VRS.contains(vr)) {
					if (end - pos < 12) throw truncated(src, pos, "an element header", end);
					length = b.getInt(pos + 8) & 0xFFFFFFFFL;
					header = 12;
				} else {
					length = b.getShort(pos + 6) & 0xFFFF;
					header = 8;
				}
			} else {
				length = b.getInt(pos + 4) & 0xFFFFFFFFL;
				header = 8;
			}
			int value = pos + header;
			DicomObject.Element element;
			if (length == 0xFFFFFFFFL) {
				if (tag == 0x7FE00010)
					throw new DicomFormatException(src.file, "encapsulated (compressed) pixel data under an uncompressed transfer syntax at byte " + pos);
				if (vr != null && !vr.equals("SQ") && !vr.equals("UN"))
					throw new DicomFormatException(src.file, "element " + DicomObject.tagName(tag) + " (" + vr + ") at byte " + pos + " has undefined length");
				boolean itemsExplicit = elementExplicit && !"UN".equals(vr);
				int[] c = { value };
				List<DicomObject> items = undefinedSequence(src, itemsExplicit, c, end, depth + 1);
				element = new DicomObject.Element(vr, value, c[0] - value, List.copyOf(items));
				pos = c[0];
			} else {
				if (length > end - value && depth == 0 && tag == 0x7FE00010 && src.fileSize >= 0 && end == d.length && value + length <= src.fileSize) {
					out.put(tag, new DicomObject.Element(vr, value, (int) length, null)); // left in the file: see parsePrefix
					src.deferred = true;
					cursor[0] = end;
					return;
				}
				if (length > end - value) {
					throw new DicomFormatException(src.file, "element " + DicomObject.tagName(tag) + " at byte " + pos + " announces " + length + " bytes but only "
							+ Math.max(0, end - value) + " remain (truncated or corrupt file)");
				}
				element = new DicomObject.Element(vr, value, (int) length, null);
				pos = value + (int) length;
			}
			if ((group & 1) == 0 || group == 0x0002) out.put(tag, element); // private elements (odd groups) are skipped
		}
		if (untilDelimiter && onlyGroup < 0) throw truncated(src, pos, "an item delimiter", end);
		cursor[0] = pos;
	}

	private static String printable(String s) {
		StringBuilder sb = new StringBuilder();
		for (char c : s.toCharArray()) sb.append(c >= 32 && c < 127 ? c : '?');
		return sb.toString();
	}

	private static DicomFormatException truncated(DicomObject.Source src, int pos, String what, int end) {
		return new DicomFormatException(src.file, "file ends inside " + what + " at byte " + pos + " (" + Math.max(0, end - pos) + " bytes left; truncated?)");
	}

	/** Items of an undefined-length sequence starting at {@code cursor[0]}, up to and past its sequence delimiter. */
	private static List<DicomObject> undefinedSequence(DicomObject.Source src, boolean explicit, int[] cursor, int end, int depth) throws DicomFormatException {
		if (depth > MAX_DEPTH) throw new DicomFormatException(src.file, "sequences nested deeper than " + MAX_DEPTH + " levels (corrupt file?)");
		ByteBuffer b = ByteBuffer.wrap(src.data).order(src.order);
		List<DicomObject> items = new ArrayList<>();
		int pos = cursor[0];
		while (true) {
			if (end - pos < 8) throw truncated(src, pos, "a sequence", end);
			int tag = (b.getShort(pos) & 0xFFFF) << 16 | (b.getShort(pos + 2) & 0xFFFF);
			long length = b.getInt(pos + 4) & 0xFFFFFFFFL;
			if (tag == SEQUENCE_DELIMITATION) {
				cursor[0] = pos + 8;
				return items;
			}
			if (tag != ITEM) throw new DicomFormatException(src.file, "expected a sequence item at byte " + pos + ", found " + DicomObject.tagName(tag));
			items.add(item(src, explicit, pos, length, end, depth, cursor));
			pos = cursor[0];
		}
	}

	/** One item whose header starts at {@code pos}; leaves {@code cursor[0]} after it. */
	private static DicomObject item(DicomObject.Source src, boolean explicit, int pos, long length, int end, int depth, int[] cursor) throws DicomFormatException {
		Map<Integer, DicomObject.Element> elements = new HashMap<>();
		int[] c = { pos + 8 };
		if (length == 0xFFFFFFFFL) {
			parseDataset(src, explicit, c, end, depth, elements, true, -1);
		} else {
			if (length > end - (pos + 8))
				throw new DicomFormatException(src.file, "sequence item at byte " + pos + " announces " + length + " bytes but only " + Math.max(0, end - pos - 8) + " remain");
			int itemEnd = pos + 8 + (int) length;
			parseDataset(src, explicit, c, itemEnd, depth, elements, false, -1);
			c[0] = itemEnd;
		}
		cursor[0] = c[0];
		return new DicomObject(src, explicit, elements, depth);
	}

	/** Items of a defined-length sequence value (parsed on first use). */
	static List<DicomObject> parseItems(DicomObject parent, int offset, int length, int depth, boolean explicit) throws DicomFormatException {
		DicomObject.Source src = parent.source();
		if (depth > MAX_DEPTH) throw new DicomFormatException(src.file, "sequences nested deeper than " + MAX_DEPTH + " levels (corrupt file?)");
		ByteBuffer b = ByteBuffer.wrap(src.data).order(src.order);
		List<DicomObject> items = new ArrayList<>();
		int pos = offset, end = offset + length;
		int[] cursor = new int[1];
		try {
			while (pos < end) {
				if (end - pos < 8) throw truncated(src, pos, "a sequence", end);
				int tag = (b.getShort(pos) & 0xFFFF) << 16 | (b.getShort(pos + 2) & 0xFFFF);
				long len = b.getInt(pos + 4) & 0xFFFFFFFFL;
				if (tag == SEQUENCE_DELIMITATION) break;
				if (tag != ITEM) throw new DicomFormatException(src.file, "expected a sequence item at byte " + pos + ", found " + DicomObject.tagName(tag));
				items.add(item(src, explicit, pos, len, end, depth, cursor));
				pos = cursor[0];
			}
		} catch (RuntimeException e) {
			throw new DicomFormatException(src.file, "unreadable sequence at byte " + offset + " (" + e + ")");
		}
		return items;
	}
}
