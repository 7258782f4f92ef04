package lesionradiomics.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import lesionradiomics.volume.Geometry;

/** Writes 3D NRRD files (gzip or raw, little endian, LPS), atomically; with optional Slicer segment names. */
public final class NrrdWriter {

	private NrrdWriter() {}

	public static void writeShorts(Path file, short[] data, Geometry g, boolean gzip) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(data.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		b.asShortBuffer().put(data);
		write(file, "short", b.array(), g, gzip, Map.of());
	}

	public static void writeFloats(Path file, float[] data, Geometry g, boolean gzip) throws IOException {
		writeFloats(file, data, g, gzip ? Deflater.DEFAULT_COMPRESSION : RAW);
	}

	/** No compression ({@code encoding: raw}), for the {@code gzipLevel} arguments. */
	public static final int RAW = -2;
	/**
	 * The fastest gzip level: on voxel maps (float32, mostly a lesion inside zeros) it takes a fraction of the default
	 * level's time for files a few percent larger.
	 */
	public static final int FAST_GZIP = Deflater.BEST_SPEED;

	/** Floats (NRRD {@code type: float}, 32-bit, as ImageJ's 32-bit images), gzip at {@code gzipLevel} (1..9, -1 the default) or {@link #RAW}. */
	public static void writeFloats(Path file, float[] data, Geometry g, int gzipLevel) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(data);
		write(file, "float", b.array(), g, gzipLevel, Map.of());
	}

	public static void writeDoubles(Path file, double[] data, Geometry g, boolean gzip) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
		b.asDoubleBuffer().put(data);
		write(file, "double", b.array(), g, gzip, Map.of());
	}

	/** Labels as unsigned char (≤ 255) or unsigned short; {@code segmentNames} become Slicer Segment fields. */
	public static void writeLabels(Path file, int[] labels, Geometry g, boolean gzip, Map<Long, String> segmentNames) throws IOException {
		int max = 0;
		for (int v : labels) max = Math.max(max, v);
		if (max <= 255) {
			byte[] b = new byte[labels.length];
			for (int i = 0; i < labels.length; i++) b[i] = (byte) labels[i];
			write(file, "unsigned char", b, g, gzip, segmentNames);
		} else {
			ByteBuffer b = ByteBuffer.allocate(labels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
			for (int v : labels) b.putShort((short) v);
			write(file, "unsigned short", b.array(), g, gzip, segmentNames);
		}
	}

	public static void write(Path file, String type, byte[] data, Geometry g, boolean gzip, Map<Long, String> segmentNames) throws IOException {
		write(file, type, data, g, gzip ? Deflater.DEFAULT_COMPRESSION : RAW, segmentNames);
	}

	/** As {@link #write(Path, String, byte[], Geometry, boolean, Map)}, gzip at {@code gzipLevel} or {@link #RAW}. */
	public static void write(Path file, String type, byte[] data, Geometry g, int gzipLevel, Map<Long, String> segmentNames) throws IOException {
		boolean gzip = gzipLevel != RAW;
		if (gzip && (gzipLevel < -1 || gzipLevel > 9)) throw new IllegalArgumentException("gzip level must be -1 or 0..9, is " + gzipLevel);
		StringBuilder h = new StringBuilder("NRRD0004\n# written by Lesion Radiomics\n");
		h.append("type: ").append(type).append('\n').append("dimension: 3\n").append("space: left-posterior-superior\n");
		h.append(String.format(Locale.ROOT, "sizes: %d %d %d%n", g.size(0), g.size(1), g.size(2)));
		double[] dir = g.direction(), sp = g.spacing(), o = g.origin();
		h.append("space directions:");
		for (int c = 0; c < 3; c++)
			h.append(String.format(Locale.ROOT, " (%s,%s,%s)", num(dir[c] * sp[c]), num(dir[3 + c] * sp[c]), num(dir[6 + c] * sp[c])));
		h.append("\nkinds: domain domain domain\n");
		if (!type.contains("char")) h.append("endian: little\n");
		h.append("encoding: ").append(gzip ? "gzip" : "raw").append('\n');
		h.append(String.format(Locale.ROOT, "space origin: (%s,%s,%s)%n", num(o[0]), num(o[1]), num(o[2])));
		int k = 0;
		for (Map.Entry<Long, String> e : new java.util.TreeMap<>(segmentNames).entrySet()) {
			h.append("Segment").append(k).append("_LabelValue:=").append(e.getKey()).append('\n');
			h.append("Segment").append(k).append("_Name:=").append(e.getValue()).append('\n');
			h.append("Segment").append(k).append("_Layer:=0\n");
			k++;
		}
		h.append('\n');
		AtomicFiles.write(file, raw -> {
			OutputStream out = new BufferedOutputStream(raw, 1 << 16);
			out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
			if (gzip) {
				GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
					{
						def.setLevel(gzipLevel);
					}
				};
				gz.write(data);
				gz.finish();
			} else out.write(data);
			out.flush();
		});
	}

	private static String num(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}
}
