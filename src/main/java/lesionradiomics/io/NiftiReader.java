package lesionradiomics.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import lesionradiomics.volume.Geometry;

/**
 * Reads single-file NIfTI-1 volumes ({@code .nii}, {@code .nii.gz}). Geometry comes from the sform when its code is
 * set, else the qform, else pixdim alone; NIfTI's RAS world is converted to LPS. {@code scl_slope}/{@code scl_inter}
 * become a rescale view (applied on read, never on disk).
 */
public final class NiftiReader {

	private static final int HEADER_SIZE = 348;

	private NiftiReader() {}

	public static ImageData read(Path file) throws IOException {
		boolean gz = file.getFileName().toString().toLowerCase().endsWith(".gz");
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
			Gzip gzip = gz ? new Gzip(file, mapped) : null;
			try {
				ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE);
				if (gz) gzip.inflateFully(h);
				else {
					if (mapped.remaining() < HEADER_SIZE) throw new VolumeFormatException(file, "file is shorter than a NIfTI-1 header");
					h.put(mapped.duplicate().limit(HEADER_SIZE));
				}
				h.flip();
				h.order(ByteOrder.LITTLE_ENDIAN);
				if (h.getInt(0) != HEADER_SIZE) {
					h.order(ByteOrder.BIG_ENDIAN);
					if (h.getInt(0) != HEADER_SIZE) throw new VolumeFormatException(file, "not a NIfTI-1 file (sizeof_hdr is not 348)");
				}
				byte[] header = h.array();
				String magic = new String(header, 344, 3, java.nio.charset.StandardCharsets.US_ASCII);
				if (!magic.equals("n+1"))
					throw new VolumeFormatException(file, "only single-file NIfTI-1 ('n+1') is supported, magic is '" + magic.trim() + "'");
				int ndim = h.getShort(40);
				if (ndim < 3 || ndim > 7) throw new VolumeFormatException(file, "NIfTI dim[0] = " + ndim + ", expected a 3D volume");
				long[] dims = { h.getShort(42), h.getShort(44), h.getShort(46) };
				for (int d = 3; d < ndim; d++)
					if (h.getShort(42 + 2 * d) > 1) throw new VolumeFormatException(file, "4D or vector NIfTI images are not supported (dim[" + (d + 1) + "] > 1)");
				for (long d : dims) if (d < 1) throw new VolumeFormatException(file, "NIfTI dimension " + d + " is not positive");
				PixelType type = type(file, h.getShort(70));
				float[] pixdim = new float[8];
				for (int i = 0; i < 8; i++) pixdim[i] = h.getFloat(76 + 4 * i);
				long voxOffset = Math.max(HEADER_SIZE, (long) h.getFloat(108));
				double slope = h.getFloat(112), inter = h.getFloat(116);
				if (slope == 0 || !Double.isFinite(slope)) { slope = 1; inter = 0; }
				if (!Double.isFinite(inter)) inter = 0;
				Geometry geometry = geometry(file, h, dims, pixdim);
				net.imglib2.img.Img<? extends net.imglib2.type.numeric.RealType<?>> pixels;
				if (voxOffset > ch.size() * (gz ? 1100L : 1L)) throw new VolumeFormatException(file, "vox_offset " + voxOffset + " lies beyond the file's data");
				type.checkAnnounced(file, dims, ch.size() - (gz ? 0 : voxOffset), gz, gz ? voxOffset - HEADER_SIZE : 0);
				if (gz) {
					gzip.inflateFully(ByteBuffer.allocate((int) (voxOffset - HEADER_SIZE)));
					pixels = type.read(gzip::inflateFully, h.order(), dims);
				} else pixels = type.read(file, voxOffset, 0, false, h.order(), dims);
				return new ImageData(file, pixels, type.isInteger(), geometry, slope, inter, Map.of());
			} finally {
				if (gzip != null) gzip.close();
			}
		} catch (RuntimeException e) {
			// a header no check above foresaw: still a format problem of this file, never another exception
			throw new VolumeFormatException(file, "unreadable NIfTI header (" + e + ")", e);
		}
	}

	private static PixelType type(Path file, int code) throws VolumeFormatException {
		switch (code) {
		case 2: return PixelType.UINT8;
		case 4: return PixelType.INT16;
		case 8: return PixelType.INT32;
		case 16: return PixelType.FLOAT32;
		case 64: return PixelType.FLOAT64;
		case 256: return PixelType.INT8;
		case 512: return PixelType.UINT16;
		case 768: return PixelType.UINT32;
		case 1024: return PixelType.INT64;
		case 1280: return PixelType.UINT64;
		default: throw new VolumeFormatException(file, "unsupported NIfTI datatype " + code);
		}
	}

	/** RAS affine (sform, qform or pixdim) to LPS spacing/origin/direction. */
	private static Geometry geometry(Path file, ByteBuffer h, long[] dims, float[] pixdim) throws VolumeFormatException {
		int qformCode = h.getShort(252), sformCode = h.getShort(254);
		double[][] m = new double[3][4];
		if (sformCode > 0) {
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 4; c++) m[r][c] = h.getFloat(280 + 16 * r + 4 * c);
		} else if (qformCode > 0) {
			double b = h.getFloat(256), c = h.getFloat(260), d = h.getFloat(264);
			double a = 1 - (b * b + c * c + d * d);
			a = a < 1e-7 ? 0 : Math.sqrt(a);
			double qfac = pixdim[0] < 0 ? -1 : 1;
			double[][] rot = {
					{ a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
					{ 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
					{ 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b } };
			double[] sp = { pixdim[1], pixdim[2], pixdim[3] * qfac };
			for (int r = 0; r < 3; r++) {
				for (int col = 0; col < 3; col++) m[r][col] = rot[r][col] * sp[col];
				m[r][3] = h.getFloat(268 + 4 * r);
			}
		} else {
			for (int r = 0; r < 3; r++) m[r][r] = pixdim[r + 1];
		}
		double[] spacing = new double[3], direction = new double[9], origin = new double[3];
		for (int col = 0; col < 3; col++) {
			double norm = Math.sqrt(m[0][col] * m[0][col] + m[1][col] * m[1][col] + m[2][col] * m[2][col]);
			if (!(norm > 0)) throw new VolumeFormatException(file, "NIfTI affine has a zero-length axis " + col);
			spacing[col] = norm;
			for (int r = 0; r < 3; r++) direction[3 * r + col] = (r < 2 ? -1 : 1) * m[r][col] / norm;
		}
		for (int r = 0; r < 3; r++) origin[r] = (r < 2 ? -1 : 1) * m[r][3];
		return new Geometry(dims, spacing, origin, direction);
	}
}
