package lesionradiomics.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The figures' PNG files, written directly (PNG specification, 2nd edition, W3C 2003): 8-bit RGB, every scanline with
 * the Sub filter (each byte minus the same colour of the pixel to its left), one zlib stream in one IDAT chunk, and a
 * pHYs chunk with the resolution. ImageIO's writer tries all five filters on every row and reads the pixels through
 * the raster's sample model, which in a short run under the quick compiler was 40 % of the demo cohort's CPU time;
 * charts are mostly flat runs, where Sub leaves zeros that deflate well.
 */
final class Png {

	private static final byte[] SIGNATURE = { (byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n' };
	private static final int SUB = 1, RGB = 2, BYTES_PER_PIXEL = 3;

	private Png() {}

	/** Writes {@code img} as PNG whose pHYs chunk records {@code dpi} (in pixels per metre, as PNG counts). */
	static void write(BufferedImage img, int dpi, OutputStream out) throws IOException {
		int w = img.getWidth(), h = img.getHeight();
		DataOutputStream data = new DataOutputStream(out);
		data.write(SIGNATURE);
		ByteArrayOutputStream header = new ByteArrayOutputStream(13);
		DataOutputStream ihdr = new DataOutputStream(header);
		ihdr.writeInt(w);
		ihdr.writeInt(h);
		ihdr.write(new byte[] { 8, RGB, 0, 0, 0 }); // bit depth, colour type, deflate, adaptive filtering, no interlace
		chunk(data, "IHDR", header.toByteArray());
		int perMetre = (int) Math.round(dpi / 0.0254);
		ByteArrayOutputStream phys = new ByteArrayOutputStream(9);
		DataOutputStream p = new DataOutputStream(phys);
		p.writeInt(perMetre);
		p.writeInt(perMetre);
		p.write(1); // unit: metre
		chunk(data, "pHYs", phys.toByteArray());
		ByteArrayOutputStream compressed = new ByteArrayOutputStream(w * h / 4 + 64);
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
		try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
			int[] pixels = packedRgb(img), row = pixels == null ? new int[w] : null;
			byte[] line = new byte[1 + BYTES_PER_PIXEL * w];
			line[0] = SUB;
			for (int y = 0; y < h; y++) {
				int[] source = pixels;
				int at = y * w;
				if (source == null) {
					img.getRGB(0, y, w, 1, row, 0, w);
					source = row;
					at = 0;
				}
				int left = 0; // the pixel left of the first is 0 for the Sub filter
				for (int x = 0, i = 1; x < w; x++, i += BYTES_PER_PIXEL) {
					int c = source[at + x];
					line[i] = (byte) ((c >> 16) - (left >> 16));
					line[i + 1] = (byte) ((c >> 8) - (left >> 8));
					line[i + 2] = (byte) (c - left);
					left = c;
				}
				z.write(line);
			}
		} finally {
			deflater.end();
		}
		chunk(data, "IDAT", compressed.toByteArray());
		chunk(data, "IEND", new byte[0]);
		data.flush();
	}

	/** The pixels of an image stored as one int per pixel 0xRRGGBB, row after row; null for any other layout. */
	private static int[] packedRgb(BufferedImage img) {
		if (img.getType() != BufferedImage.TYPE_INT_RGB || !(img.getRaster().getDataBuffer() instanceof DataBufferInt buffer)) return null;
		if (!(img.getSampleModel() instanceof SinglePixelPackedSampleModel model) || model.getScanlineStride() != img.getWidth()) return null;
		if (img.getRaster().getSampleModelTranslateX() != 0 || img.getRaster().getSampleModelTranslateY() != 0 || buffer.getOffset() != 0) return null;
		return buffer.getData();
	}

	/** Length, type, data and the CRC-32 of type and data. */
	private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(body);
		out.writeInt(body.length);
		out.write(name);
		out.write(body);
		out.writeInt((int) crc.getValue());
	}
}
