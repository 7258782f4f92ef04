package lesionradiomics.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import lesionradiomics.volume.Geometry;

/**
 * Reads 3D scalar NRRD files (NRRD0001–NRRD0005): raw and gzip encodings, every scalar type, both byte orders,
 * attached and detached data ({@code .nhdr} + {@code data file}), {@code space directions}/{@code space origin} (RAS
 * and LPS spaces, converted to LPS) or {@code spacings}, and 3D Slicer {@code .seg.nrrd} segment names and label values.
 */
public final class NrrdReader {

	private NrrdReader() {}

	public static ImageData read(Path file) throws IOException {
		return read(file, false);
	}

	/**
	 * As {@link #read(Path)}, the header and the file's size checked, but gzip pixel data inflated on a thread of its
	 * own: the image is returned at once and its slices are in as its {@link lesionradiomics.volume.Volume} tells
	 * (a lesion near the top can be extracted while the rest inflates); a decoding error is thrown by the first use that
	 * needs the pixels concerned, and by any use of the whole image.
	 */
	public static ImageData readStreaming(Path file) throws IOException {
		return read(file, true);
	}

	private static ImageData read(Path file, boolean streaming) throws IOException {
		long[] consumed = { 0 };
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16) {
			@Override
			public synchronized int read() throws IOException {
				int b = super.read();
				if (b >= 0) consumed[0]++;
				return b;
			}
		}) {
			String magic = readLine(in, file);
			if (magic == null || !magic.startsWith("NRRD000"))
				throw new VolumeFormatException(file, "not a NRRD file (it does not start with 'NRRD000x')");
			Map<String, String> fields = new LinkedHashMap<>();
			Map<String, String> keyValues = new LinkedHashMap<>();
			String line;
			while ((line = readLine(in, file)) != null && !line.isEmpty()) {
				if (line.startsWith("#")) continue;
				int kv = line.indexOf(":=");
				int colon = line.indexOf(": ");
				if (kv >= 0 && (colon < 0 || kv < colon)) keyValues.put(line.substring(0, kv), line.substring(kv + 2));
				else if (colon > 0) fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 2).trim());
				else throw new VolumeFormatException(file, "unreadable header line '" + line + "'");
			}
			Header h = parseHeader(file, fields);
			Path dataPath = file;
			long offset = consumed[0];
			String dataFile = fields.get("data file");
			if (dataFile == null) dataFile = fields.get("datafile");
			if (dataFile != null) {
				dataPath = file.resolveSibling(dataFile.trim());
				offset = 0;
				if (!Files.isRegularFile(dataPath))
					throw new VolumeFormatException(file, "detached data file '" + dataFile + "' not found next to the header");
			}
			PixelType.Decoding pixels = h.type.decode(dataPath, offset, skipBytes(file, fields), h.gzip, h.order, h.sizes, streaming);
			Geometry geometry = new Geometry(h.sizes, h.spacing, h.origin, h.direction);
			ImageData data = new ImageData(file, pixels.image(), h.type.isInteger(), geometry, segmentNames(keyValues), pixels.gate());
			return h.warning == null ? data : data.withWarning(file + ": " + h.warning);
		} catch (VolumeFormatException e) {
			throw e;
		} catch (EOFException e) {
			throw new VolumeFormatException(file, "file ends before its header or data is complete", e);
		} catch (RuntimeException e) {
			// a header no check above foresaw: still a format problem of this file, never another exception
			throw new VolumeFormatException(file, "unreadable NRRD header (" + e + ")", e);
		}
	}

	private static long skipBytes(Path file, Map<String, String> fields) throws VolumeFormatException {
		String s = fields.get("byte skip");
		long skip = s == null ? 0 : number(file, "byte skip", s);
		if (skip < 0) throw new VolumeFormatException(file, "byte skip " + skip + " is not supported (only skips of 0 or more bytes)");
		return skip;
	}

	private static final class Header {
		PixelType type;
		long[] sizes;
		double[] spacing = { 1, 1, 1 };
		double[] origin = new double[3];
		double[] direction = Geometry.identity();
		ByteOrder order = ByteOrder.BIG_ENDIAN;
		boolean gzip;
		String warning;
	}

	private static long number(Path file, String field, String text) throws VolumeFormatException {
		try {
			return Long.parseLong(text.trim());
		} catch (NumberFormatException e) {
			throw new VolumeFormatException(file, field + ": '" + text.trim() + "' is not a whole number");
		}
	}

	private static Header parseHeader(Path file, Map<String, String> f) throws VolumeFormatException {
		Header h = new Header();
		String type = require(file, f, "type");
		h.type = PixelType.fromNrrd(type);
		if (h.type == null) throw new VolumeFormatException(file, "unsupported NRRD type '" + type + "'");
		long dim = number(file, "dimension", require(file, f, "dimension"));
		String[] sizes = require(file, f, "sizes").trim().split("\\s+");
		if (dim != 3 || sizes.length != 3) {
			throw new VolumeFormatException(file, "only 3D scalar volumes are supported, this file has dimension " + dim
					+ (dim == 4 ? " (a multi-layer segmentation or vector image: export it as a single-layer label map)" : ""));
		}
		h.sizes = new long[3];
		for (int d = 0; d < 3; d++) {
			h.sizes[d] = number(file, "sizes", sizes[d]);
			if (h.sizes[d] < 1) throw new VolumeFormatException(file, "sizes must be positive, axis " + d + " has " + h.sizes[d]);
		}
		String encoding = f.getOrDefault("encoding", "raw").toLowerCase(Locale.ROOT);
		if (encoding.equals("gzip") || encoding.equals("gz")) h.gzip = true;
		else if (!encoding.equals("raw")) throw new VolumeFormatException(file, "unsupported NRRD encoding '" + encoding + "' (raw and gzip are supported)");
		String endian = f.get("endian");
		if (endian != null && endian.equalsIgnoreCase("little")) h.order = ByteOrder.LITTLE_ENDIAN;
		else if (endian == null && h.type.bytes() > 1) throw new VolumeFormatException(file, "multi-byte type without an 'endian' field");

		String directions = f.get("space directions");
		if (directions != null) {
			double[][] vectors = parseVectors(file, directions);
			for (int d = 0; d < 3; d++) {
				double norm = Math.sqrt(vectors[d][0] * vectors[d][0] + vectors[d][1] * vectors[d][1] + vectors[d][2] * vectors[d][2]);
				if (!(norm > 0)) throw new VolumeFormatException(file, "space direction of axis " + d + " has zero length");
				h.spacing[d] = norm;
				for (int r = 0; r < 3; r++) h.direction[3 * r + d] = vectors[d][r] / norm;
			}
			double[] u = vectors[0], v = vectors[1], w = vectors[2];
			double det = u[0] * (v[1] * w[2] - v[2] * w[1]) - u[1] * (v[0] * w[2] - v[2] * w[0]) + u[2] * (v[0] * w[1] - v[1] * w[0]);
			if (!(Math.abs(det) > 1e-6 * h.spacing[0] * h.spacing[1] * h.spacing[2])) // axes in one plane: no voxel has a position
				throw new VolumeFormatException(file, "space directions " + directions.trim() + " are linearly dependent (a singular matrix): the axes "
						+ "do not span 3D space");
		} else if (f.containsKey("spacings")) {
			String[] s = f.get("spacings").trim().split("\\s+");
			if (s.length != 3) throw new VolumeFormatException(file, "spacings needs 3 values, has " + s.length);
			for (int d = 0; d < 3; d++) {
				try {
					h.spacing[d] = Double.parseDouble(s[d]);
				} catch (NumberFormatException e) {
					throw new VolumeFormatException(file, "spacings: '" + s[d] + "' is not a number");
				}
				if (!(h.spacing[d] > 0) || Double.isInfinite(h.spacing[d]))
					throw new VolumeFormatException(file, "spacings must be positive, axis " + d + " has " + s[d]);
			}
		} else h.warning = "no 'space directions' or 'spacings' in the header: 1 mm voxels assumed (shape features and resampling use them)";
		String origin = f.get("space origin");
		if (origin != null) h.origin = parseVectors(file, origin)[0];
		String space = f.getOrDefault("space", "left-posterior-superior").toLowerCase(Locale.ROOT);
		if (space.equals("right-anterior-superior") || space.equals("ras")) {
			// Our geometry is LPS (as ITK and pyradiomics): flip the first two world axes.
			for (int c = 0; c < 3; c++) {
				h.direction[c] = -h.direction[c];
				h.direction[3 + c] = -h.direction[3 + c];
			}
			h.origin[0] = -h.origin[0];
			h.origin[1] = -h.origin[1];
		}
		return h;
	}

	private static String require(Path file, Map<String, String> f, String key) throws VolumeFormatException {
		String v = f.get(key);
		if (v == null) throw new VolumeFormatException(file, "NRRD header has no '" + key + "' field");
		return v;
	}

	/** Parses "(a,b,c) (d,e,f) ..." vectors; "none" entries are not allowed for a 3D scalar volume. */
	private static double[][] parseVectors(Path file, String text) throws VolumeFormatException {
		String[] parts = text.trim().split("\\)\\s*");
		double[][] out = new double[parts.length][];
		try {
			for (int i = 0; i < parts.length; i++) {
				String p = parts[i].trim();
				if (!p.startsWith("(")) throw new VolumeFormatException(file, "cannot read vector '" + p + "' in '" + text + "'");
				String[] c = p.substring(1).split(",");
				out[i] = new double[c.length];
				for (int j = 0; j < c.length; j++) out[i][j] = Double.parseDouble(c[j].trim());
				if (c.length != 3) throw new VolumeFormatException(file, "expected 3D vectors in '" + text + "'");
			}
		} catch (NumberFormatException e) {
			throw new VolumeFormatException(file, "cannot read numbers in '" + text + "'");
		}
		return out;
	}

	/** Slicer segmentation: Segment{i}_LabelValue and Segment{i}_Name (label value 1 + i when absent, as Slicer writes). */
	private static Map<Long, String> segmentNames(Map<String, String> keyValues) {
		Map<Integer, String> names = new TreeMap<>();
		Map<Integer, Long> values = new HashMap<>();
		for (Map.Entry<String, String> e : keyValues.entrySet()) {
			String k = e.getKey();
			if (!k.startsWith("Segment")) continue;
			int us = k.indexOf('_');
			if (us < 0) continue;
			int idx;
			try {
				idx = Integer.parseInt(k.substring(7, us));
			} catch (NumberFormatException ex) {
				continue;
			}
			String field = k.substring(us + 1);
			if (field.equals("Name")) names.put(idx, e.getValue().trim());
			else if (field.equals("LabelValue")) values.put(idx, Long.parseLong(e.getValue().trim()));
		}
		Map<Long, String> out = new HashMap<>();
		names.forEach((idx, name) -> out.put(values.getOrDefault(idx, (long) idx + 1), name));
		return out;
	}

	/** Reads one header line (ASCII, '\n' or "\r\n" terminated) without buffering past it. */
	private static String readLine(InputStream in, Path file) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			line.write(b);
			if (line.size() > 1 << 20) throw new VolumeFormatException(file, "header line longer than 1 MB: not a NRRD header");
		}
		if (b < 0 && line.size() == 0) return null;
		String s = line.toString(StandardCharsets.ISO_8859_1);
		return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
	}
}
