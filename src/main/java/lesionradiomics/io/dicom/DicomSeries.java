package lesionradiomics.io.dicom;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lesionradiomics.io.ImageData;
import lesionradiomics.volume.Geometry;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * Assembles the files of one image series into a volume as ITK's GDCM series reader does (and so SimpleITK, MIRP and
 * pyradiomics' converters): slices sorted along the normal of ImageOrientationPatient (row × column cosines), origin =
 * ImagePositionPatient of the first slice, direction columns = row cosines, column cosines, normal; in-plane spacing
 * from PixelSpacing (row spacing is the y step), slice spacing from the positions (first to last over n − 1, never
 * SliceThickness). Rescale slope/intercept apply per slice; when they are not whole numbers the volume is stored as
 * float32, as SimpleITK reads such series. Enhanced multi-frame images take positions, orientation, spacing and
 * rescale from their shared and per-frame functional groups.
 */
public final class DicomSeries {

	/** Relative tolerance on slice gaps (1 %, and at least 0.01 mm): scanners round positions to micrometres. */
	static final double GAP_TOLERANCE = 0.01, GAP_TOLERANCE_MM = 0.01;
	/** Tolerance on direction cosines and in-plane spacing that must agree across slices. */
	static final double COSINE_TOLERANCE = 1e-4;

	private DicomSeries() {}

	/** One frame of the series, where it lies and how its values rescale. */
	record Frame(DicomObject file, int index, double[] position, double[] orientation, double[] pixelSpacing, double slope, double intercept,
			String instanceUid) {}

	/** Assembles the given datasets (all of one series) into a volume; {@code where} names the folder in messages. */
	public static DicomImage assemble(List<DicomObject> files, Path where) throws DicomFormatException {
		if (files.isEmpty()) throw new DicomFormatException(where, "no image files");
		List<Frame> frames = new ArrayList<>();
		for (DicomObject f : files) frames.addAll(frames(f));
		DicomObject first = files.get(0);
		int rows = first.requireUint16(Tags.ROWS, "Rows"), cols = first.requireUint16(Tags.COLUMNS, "Columns");
		int bits = first.requireUint16(Tags.BITS_ALLOCATED, "BitsAllocated");
		for (DicomObject f : files) {
			if (f.uint16(Tags.ROWS, -1) != rows || f.uint16(Tags.COLUMNS, -1) != cols)
				throw new DicomFormatException(f.file(), "image size " + f.uint16(Tags.COLUMNS, -1) + " x " + f.uint16(Tags.ROWS, -1) + " differs from the series' "
						+ cols + " x " + rows + " (" + first.file().getFileName() + "): mixed sizes within one series");
			if (f.uint16(Tags.BITS_ALLOCATED, -1) != bits)
				throw new DicomFormatException(f.file(), "BitsAllocated " + f.uint16(Tags.BITS_ALLOCATED, -1) + " differs from the series' " + bits);
			int spp = f.uint16(Tags.SAMPLES_PER_PIXEL, 1);
			if (spp != 1) throw new DicomFormatException(f.file(), "SamplesPerPixel " + spp + ": colour images are not radiological volumes");
			double tilt = f.decimal(Tags.GANTRY_TILT, 0);
			if (Math.abs(tilt) > 1e-3)
				throw new DicomFormatException(f.file(), "gantry tilt of " + tilt + " degrees: the slices are sheared; resample the series to an orthogonal grid first");
		}
		double[] iop = frames.get(0).orientation();
		double[] row = { iop[0], iop[1], iop[2] }, col = { iop[3], iop[4], iop[5] };
		double[] normal = normalised(cross(row, col));
		if (Math.abs(dot(row, col)) > 1e-3 || Math.abs(norm(row) - 1) > 1e-3 || Math.abs(norm(col) - 1) > 1e-3)
			throw new DicomFormatException(frames.get(0).file().file(), "ImageOrientationPatient " + java.util.Arrays.toString(iop) + " is not two orthonormal vectors");
		double[] ps = frames.get(0).pixelSpacing();
		for (Frame f : frames) {
			for (int i = 0; i < 6; i++)
				if (Math.abs(f.orientation()[i] - iop[i]) > COSINE_TOLERANCE)
					throw new DicomFormatException(f.file().file(), "ImageOrientationPatient " + java.util.Arrays.toString(f.orientation()) + " differs from "
							+ java.util.Arrays.toString(iop) + " of " + frames.get(0).file().file().getFileName() + ": mixed orientations within one series");
			for (int i = 0; i < 2; i++)
				if (Math.abs(f.pixelSpacing()[i] - ps[i]) > COSINE_TOLERANCE * ps[i])
					throw new DicomFormatException(f.file().file(), "PixelSpacing " + java.util.Arrays.toString(f.pixelSpacing()) + " differs from the series' "
							+ java.util.Arrays.toString(ps) + ": mixed sizes within one series");
		}
		frames.sort(Comparator.comparingDouble(f -> dot(f.position(), normal)));
		int n = frames.size();
		double spacingZ;
		if (n == 1) spacingZ = first.decimal(Tags.SLICE_THICKNESS, 1);
		else {
			Frame a = frames.get(0), z = frames.get(n - 1);
			spacingZ = (dot(z.position(), normal) - dot(a.position(), normal)) / (n - 1);
			checkSpacing(frames, normal, spacingZ, where);
		}
		if (!(spacingZ > 0)) spacingZ = 1;
		double[] origin = frames.get(0).position().clone();
		double[] direction = { row[0], col[0], normal[0], row[1], col[1], normal[1], row[2], col[2], normal[2] };
		long[] dims = { cols, rows, n };
		Geometry geometry = new Geometry(dims, new double[] { ps[1], ps[0], spacingZ }, origin, direction);
		ImageData data = pixels(frames, dims, bits, geometry, where);
		List<String> uids = new ArrayList<>();
		for (Frame f : frames) uids.add(f.instanceUid());
		String fileName = where.getFileName() == null ? where.toString() : where.getFileName().toString();
		data = data.withAttribute("dicom.SeriesInstanceUID", first.string(Tags.SERIES_INSTANCE_UID, ""))
				.withAttribute("dicom.Modality", first.string(Tags.MODALITY, ""));
		return new DicomImage(data, first.string(Tags.SERIES_INSTANCE_UID, ""), first.string(Tags.STUDY_INSTANCE_UID, ""),
				first.string(Tags.FRAME_OF_REFERENCE_UID, ""), first.string(Tags.MODALITY, ""), first.string(Tags.SERIES_DESCRIPTION, fileName), uids, first);
	}

	/** Refuses missing slices, duplicates, uneven gaps and sheared (tilted) stacks, saying how large the fault is. */
	private static void checkSpacing(List<Frame> frames, double[] normal, double spacing, Path where) throws DicomFormatException {
		double tol = Math.max(GAP_TOLERANCE_MM, GAP_TOLERANCE * Math.abs(spacing));
		double smallest = Double.POSITIVE_INFINITY, largest = 0;
		for (int i = 1; i < frames.size(); i++) {
			double[] a = frames.get(i - 1).position(), b = frames.get(i).position();
			double[] d = { b[0] - a[0], b[1] - a[1], b[2] - a[2] };
			double along = dot(d, normal);
			smallest = Math.min(smallest, along);
			largest = Math.max(largest, along);
			if (along < tol)
				throw new DicomFormatException(frames.get(i).file().file(), String.format(Locale.ROOT,
						"two images at the same slice position (%.3f mm apart along the normal; also %s): several acquisitions or time points in one series? choose one",
						along, frames.get(i - 1).file().file().getFileName()));
			double sideways = Math.sqrt(Math.max(0, dot(d, d) - along * along));
			if (sideways > tol)
				throw new DicomFormatException(frames.get(i).file().file(), String.format(Locale.ROOT,
						"slice positions move %.3f mm sideways per slice (gantry tilt or a sheared stack); resample to an orthogonal grid first", sideways));
		}
		if (largest - smallest > tol) {
			double usual = smallest;
			String kind = largest > 1.5 * usual ? "missing slice(s)" : "uneven slice spacing";
			throw new DicomFormatException(where, String.format(Locale.ROOT,
					"%s: gaps between consecutive slices range from %.3f to %.3f mm (largest gap %.3f mm, about %.1f slices); the volume would be distorted",
					kind, smallest, largest, largest, largest / usual));
		}
	}

	/** The frames a file holds: one for a classic image, one per frame for an enhanced multi-frame image. */
	static List<Frame> frames(DicomObject f) throws DicomFormatException {
		int count = (int) f.decimal(Tags.NUMBER_OF_FRAMES, 1);
		String uid = f.string(Tags.SOP_INSTANCE_UID, "");
		DicomObject shared = f.first(Tags.SHARED_FUNCTIONAL_GROUPS);
		List<DicomObject> perFrame = f.sequence(Tags.PER_FRAME_FUNCTIONAL_GROUPS);
		if (count <= 1 && perFrame.isEmpty()) {
			double[] ipp = f.requireDecimals(Tags.IMAGE_POSITION, 3, "ImagePositionPatient (not a cross-sectional image?)");
			double[] iop = f.requireDecimals(Tags.IMAGE_ORIENTATION, 6, "ImageOrientationPatient");
			double[] ps = f.requireDecimals(Tags.PIXEL_SPACING, 2, "PixelSpacing");
			return List.of(new Frame(f, 0, ipp, iop, ps, f.decimal(Tags.RESCALE_SLOPE, 1), f.decimal(Tags.RESCALE_INTERCEPT, 0), uid));
		}
		if (perFrame.size() != count)
			throw new DicomFormatException(f.file(), "multi-frame image with " + count + " frames but " + perFrame.size()
					+ " per-frame functional groups (legacy multi-frame images without plane positions are not supported)");
		List<Frame> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			DicomObject g = perFrame.get(i);
			double[] ipp = groupValue(g, shared, Tags.PLANE_POSITION_SEQUENCE, Tags.IMAGE_POSITION, 3);
			double[] iop = groupValue(g, shared, Tags.PLANE_ORIENTATION_SEQUENCE, Tags.IMAGE_ORIENTATION, 6);
			double[] ps = groupValue(g, shared, Tags.PIXEL_MEASURES_SEQUENCE, Tags.PIXEL_SPACING, 2);
			if (iop == null) iop = f.decimals(Tags.IMAGE_ORIENTATION);
			if (ps == null) ps = f.decimals(Tags.PIXEL_SPACING);
			if (ipp == null || iop == null || ps == null)
				throw new DicomFormatException(f.file(), "frame " + (i + 1) + " has no " + (ipp == null ? "plane position" : iop == null ? "plane orientation" : "pixel spacing")
						+ " in its functional groups");
			double[] slope = groupValue(g, shared, Tags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, Tags.RESCALE_SLOPE, 1);
			double[] intercept = groupValue(g, shared, Tags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, Tags.RESCALE_INTERCEPT, 1);
			out.add(new Frame(f, i, ipp, iop, ps, slope != null ? slope[0] : f.decimal(Tags.RESCALE_SLOPE, 1),
					intercept != null ? intercept[0] : f.decimal(Tags.RESCALE_INTERCEPT, 0), uid));
		}
		return out;
	}

	/** A value from a functional group macro: the frame's own group first, else the shared one. */
	static double[] groupValue(DicomObject perFrame, DicomObject shared, int macro, int tag, int n) throws DicomFormatException {
		for (DicomObject g : new DicomObject[] { perFrame, shared }) {
			if (g == null) continue;
			DicomObject item = g.first(macro);
			if (item != null && item.contains(tag)) return item.requireDecimals(tag, n, DicomObject.tagName(tag));
		}
		return null;
	}

	private static ImageData pixels(List<Frame> frames, long[] dims, int bits, Geometry geometry, Path where) throws DicomFormatException {
		int plane = (int) (dims[0] * dims[1]), n = frames.size();
		if ((long) plane * n * Math.max(bits / 8, 4) > Integer.MAX_VALUE - 16)
			throw new DicomFormatException(where, "series of " + dims[0] + " x " + dims[1] + " x " + n + " voxels is larger than 2 GB");
		double slope = frames.get(0).slope(), intercept = frames.get(0).intercept();
		boolean uniform = true;
		for (Frame f : frames) uniform &= f.slope() == slope && f.intercept() == intercept;
		boolean wholeRescale = uniform && slope == Math.rint(slope) && intercept == Math.rint(intercept);
		if (bits != 8 && bits != 16 && bits != 32)
			throw new DicomFormatException(frames.get(0).file().file(), "BitsAllocated " + bits + " is not supported (8, 16 or 32)");
		int bytes = bits / 8;
		int[] scratch = new int[plane];
		ByteBuffer buffer = ByteBuffer.allocateDirect(plane * bytes); // one frame, reused: slices are read from their files into it
		float[] floats = wholeRescale ? null : new float[plane * n];
		byte[] b8 = wholeRescale && bits == 8 ? new byte[plane * n] : null;
		short[] b16 = wholeRescale && bits == 16 ? new short[plane * n] : null;
		int[] b32 = wholeRescale && bits == 32 ? new int[plane * n] : null;
		boolean signed = frames.get(0).file().uint16(Tags.PIXEL_REPRESENTATION, 0) == 1;
		int stored = frames.get(0).file().uint16(Tags.BITS_STORED, bits);
		for (int z = 0; z < n; z++) {
			Frame f = frames.get(z);
			DicomObject d = f.file();
			if ((d.uint16(Tags.PIXEL_REPRESENTATION, 0) == 1) != signed)
				throw new DicomFormatException(d.file(), "PixelRepresentation differs from the series' (signed and unsigned slices mixed)");
			int have = d.length(Tags.PIXEL_DATA);
			if (have < 0) throw new DicomFormatException(d.file(), "no pixel data (7FE0,0010)");
			long need = (long) plane * bytes * (f.index() + 1);
			if (have < need)
				throw new DicomFormatException(d.file(), "pixel data holds " + have + " bytes, frame " + (f.index() + 1) + " needs " + need + " (truncated file?)");
			ByteBuffer px = d.bytes(Tags.PIXEL_DATA, (long) plane * bytes * f.index(), buffer); // this frame only
			int off = z * plane;
			if (b16 != null && stored == 16) { // the common case: one bulk copy (byte-swapping if big endian)
				px.asShortBuffer().get(b16, off, plane);
				continue;
			}
			decode(px, bits, stored, signed, plane, scratch);
			if (floats != null) {
				double s = f.slope(), c = f.intercept();
				for (int i = 0; i < plane; i++) floats[off + i] = (float) (scratch[i] * s + c);
			} else if (b8 != null) for (int i = 0; i < plane; i++) b8[off + i] = (byte) scratch[i];
			else if (b16 != null) for (int i = 0; i < plane; i++) b16[off + i] = (short) scratch[i];
			else System.arraycopy(scratch, 0, b32, off, plane);
		}
		RandomAccessibleInterval<? extends RealType<?>> img;
		if (floats != null) return new ImageData(where, ArrayImgs.floats(floats, dims), false, geometry, 1, 0, Map.of());
		if (b8 != null) img = signed ? ArrayImgs.bytes(b8, dims) : ArrayImgs.unsignedBytes(b8, dims);
		else if (b16 != null) img = signed ? ArrayImgs.shorts(b16, dims) : ArrayImgs.unsignedShorts(b16, dims);
		else img = signed ? ArrayImgs.ints(b32, dims) : ArrayImgs.unsignedInts(b32, dims);
		return new ImageData(where, img, true, geometry, slope, intercept, Map.of());
	}

	/** Stored values of one frame as ints: masked to BitsStored, sign-extended from it when signed. */
	private static void decode(ByteBuffer px, int bits, int stored, boolean signed, int plane, int[] out) {
		int shift = 32 - Math.min(stored, bits);
		if (bits == 8) {
			for (int i = 0; i < plane; i++) out[i] = px.get() & 0xFF;
		} else if (bits == 16) {
			java.nio.ShortBuffer s = px.asShortBuffer();
			for (int i = 0; i < plane; i++) out[i] = s.get(i) & 0xFFFF;
		} else {
			px.asIntBuffer().get(out, 0, plane);
		}
		if (bits == 32 && stored >= 32) return; // int as stored; unsigned values above 2^31 keep their bits
		for (int i = 0; i < plane; i++) out[i] = signed ? (out[i] << shift) >> shift : (out[i] << shift) >>> shift;
	}

	static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
	static double norm(double[] a) { return Math.sqrt(dot(a, a)); }
	static double[] cross(double[] a, double[] b) {
		return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
	}
	static double[] normalised(double[] a) {
		double n = norm(a);
		return new double[] { a[0] / n, a[1] / n, a[2] / n };
	}
}
