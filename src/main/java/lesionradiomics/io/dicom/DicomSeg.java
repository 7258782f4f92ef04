package lesionradiomics.io.dicom;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import lesionradiomics.io.ImageData;
import lesionradiomics.volume.Geometry;

/**
 * DICOM Segmentation (PS3.3 A.51, C.8.20) to a label map on the referenced image grid. Each frame is placed by its
 * Plane Position (Patient) and assigned to its segment by Segment Identification; BINARY frames are bit-packed (one
 * bit per pixel, frames contiguous, first pixel in the least significant bit, PS3.5 8.1.1); FRACTIONAL frames count as
 * inside where value / MaximumFractionalValue ≥ 0.5. Each segment's label is its SegmentNumber (as an RTSTRUCT ROI's is
 * its ROINumber: --roi renumbers nothing; 1, 2, … in Segment Sequence order only for numbers beyond 1..65535), named by
 * SegmentLabel; overlaps keep the segment listed first and are reported.
 */
public final class DicomSeg {

	private DicomSeg() {}

	public static ImageData rasterise(DicomObject seg, DicomImage image, String pattern) throws DicomFormatException {
		Path file = seg.file();
		Pattern p = pattern == null || pattern.isBlank() ? null : Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
		Map<Integer, String> names = new LinkedHashMap<>();
		for (DicomObject s : seg.sequence(Tags.SEGMENT_SEQUENCE)) {
			int number = s.uint16(Tags.SEGMENT_NUMBER, -1);
			String name = s.string(Tags.SEGMENT_LABEL, s.string(Tags.SEGMENT_DESCRIPTION, "segment " + number));
			names.put(number, name);
		}
		if (names.isEmpty()) throw new DicomFormatException(file, "the segmentation defines no segments (empty Segment Sequence)");
		Map<Integer, Integer> labelOf = new LinkedHashMap<>();
		Map<Long, String> segmentNames = new LinkedHashMap<>();
		List<Integer> chosen = new ArrayList<>();
		for (Map.Entry<Integer, String> e : names.entrySet()) if (p == null || p.matcher(e.getValue()).matches()) chosen.add(e.getKey());
		boolean own = chosen.stream().allMatch(n -> n >= 1 && n <= 65535); // numbers are distinct: the map's keys
		for (int n : chosen) {
			int l = own ? n : labelOf.size() + 1;
			labelOf.put(n, l);
			segmentNames.put((long) l, names.get(n));
		}
		if (labelOf.isEmpty()) throw new DicomFormatException(file, "no segment name matches --roi '" + pattern + "'; the segments are " + names.values());
		String type = seg.string(Tags.SEGMENTATION_TYPE, "BINARY");
		int bits = seg.requireUint16(Tags.BITS_ALLOCATED, "BitsAllocated");
		boolean binary = type.equals("BINARY");
		if (binary && bits != 1) throw new DicomFormatException(file, "BINARY segmentation with BitsAllocated " + bits + " (must be 1)");
		if (!binary && !type.equals("FRACTIONAL")) throw new DicomFormatException(file, "SegmentationType '" + type + "' is neither BINARY nor FRACTIONAL");
		if (!binary && bits != 8) throw new DicomFormatException(file, "FRACTIONAL segmentation with BitsAllocated " + bits + " (must be 8)");
		double maxFraction = binary ? 1 : seg.uint16(Tags.MAXIMUM_FRACTIONAL_VALUE, 255);
		String frameOfReference = seg.string(Tags.FRAME_OF_REFERENCE_UID, "");
		if (!frameOfReference.isEmpty() && !image.frameOfReferenceUid().isEmpty() && !frameOfReference.equals(image.frameOfReferenceUid()))
			throw new DicomFormatException(file, "the segmentation is in frame of reference " + frameOfReference + ", the image series " + image.seriesUid() + " in "
					+ image.frameOfReferenceUid() + ": it belongs to another image");
		int rows = seg.requireUint16(Tags.ROWS, "Rows"), cols = seg.requireUint16(Tags.COLUMNS, "Columns");
		int frames = (int) seg.decimal(Tags.NUMBER_OF_FRAMES, 1);
		DicomObject shared = seg.first(Tags.SHARED_FUNCTIONAL_GROUPS);
		List<DicomObject> perFrame = seg.sequence(Tags.PER_FRAME_FUNCTIONAL_GROUPS);
		if (perFrame.size() != frames)
			throw new DicomFormatException(file, frames + " frames but " + perFrame.size() + " per-frame functional groups");
		ByteBuffer px = seg.bytes(Tags.PIXEL_DATA);
		if (px == null) throw new DicomFormatException(file, "no pixel data");
		long plane = (long) rows * cols;
		long needBits = binary ? plane * frames : plane * frames * 8;
		if ((long) px.remaining() * 8 < needBits)
			throw new DicomFormatException(file, "pixel data holds " + px.remaining() + " bytes, " + frames + " frames of " + cols + " x " + rows + " need " + (needBits + 7) / 8);
		Geometry g = image.data().geometry();
		int nx = (int) g.size(0), ny = (int) g.size(1), nz = (int) g.size(2);
		double[] o = g.origin(), d = g.direction(), sp = g.spacing();
		LabelGrid labels = new LabelGrid(g.size(), java.util.Collections.max(labelOf.values()));
		Map<String, Integer> overlaps = new LinkedHashMap<>();
		int outside = 0;
		List<String> warnings = new ArrayList<>();
		for (int f = 0; f < frames; f++) {
			DicomObject group = perFrame.get(f);
			double[] segNo = null;
			DicomObject ident = group.first(Tags.SEGMENT_IDENTIFICATION_SEQUENCE);
			if (ident == null && shared != null) ident = shared.first(Tags.SEGMENT_IDENTIFICATION_SEQUENCE);
			int number = ident == null ? -1 : ident.uint16(Tags.REFERENCED_SEGMENT_NUMBER, -1);
			if (number < 0) throw new DicomFormatException(file, "frame " + (f + 1) + " has no Referenced Segment Number");
			Integer label = labelOf.get(number);
			if (label == null) {
				if (!names.containsKey(number)) throw new DicomFormatException(file, "frame " + (f + 1) + " refers to segment " + number + ", which the Segment Sequence does not define");
				continue;
			}
			double[] ipp = DicomSeries.groupValue(group, shared, Tags.PLANE_POSITION_SEQUENCE, Tags.IMAGE_POSITION, 3);
			double[] iop = DicomSeries.groupValue(group, shared, Tags.PLANE_ORIENTATION_SEQUENCE, Tags.IMAGE_ORIENTATION, 6);
			double[] ps = DicomSeries.groupValue(group, shared, Tags.PIXEL_MEASURES_SEQUENCE, Tags.PIXEL_SPACING, 2);
			if (ipp == null || iop == null || ps == null)
				throw new DicomFormatException(file, "frame " + (f + 1) + " lacks its plane position, orientation or pixel spacing");
			for (int i = 0; i < 3; i++)
				if (Math.abs(iop[i] - d[3 * i]) > 1e-4 || Math.abs(iop[3 + i] - d[3 * i + 1]) > 1e-4)
					throw new DicomFormatException(file, "frame " + (f + 1) + " orientation " + java.util.Arrays.toString(iop) + " differs from the image's; resampling a SEG is not supported");
			if (Math.abs(ps[1] - sp[0]) > 1e-4 * sp[0] || Math.abs(ps[0] - sp[1]) > 1e-4 * sp[1])
				throw new DicomFormatException(file, "frame " + (f + 1) + " pixel spacing " + java.util.Arrays.toString(ps) + " differs from the image's");
			double px0 = ipp[0] - o[0], py0 = ipp[1] - o[1], pz0 = ipp[2] - o[2];
			double fx = (d[0] * px0 + d[3] * py0 + d[6] * pz0) / sp[0], fy = (d[1] * px0 + d[4] * py0 + d[7] * pz0) / sp[1],
					fz = (d[2] * px0 + d[5] * py0 + d[8] * pz0) / sp[2];
			int ox = (int) Math.round(fx), oy = (int) Math.round(fy), k = (int) Math.round(fz);
			if (Math.abs(fx - ox) > 0.01 || Math.abs(fy - oy) > 0.01 || Math.abs(fz - k) > RtStruct.SLICE_TOLERANCE)
				throw new DicomFormatException(file, String.format(Locale.ROOT, "frame %d lies off the image grid (at voxel %.2f, %.2f, %.2f)", f + 1, fx, fy, fz));
			if (k < 0 || k >= nz) {
				outside++;
				continue;
			}
			for (int r = 0; r < rows; r++) {
				int y = oy + r;
				if (y < 0 || y >= ny) continue;
				for (int c = 0; c < cols; c++) {
					int x = ox + c;
					if (x < 0 || x >= nx) continue;
					long i = f * plane + (long) r * cols + c;
					boolean on = binary ? (px.get((int) (i >>> 3)) >> (int) (i & 7) & 1) == 1 : (px.get((int) i) & 0xFF) / maxFraction >= 0.5;
					if (!on) continue;
					int idx = (k * ny + y) * nx + x;
					int prev = labels.get(idx);
					if (prev == 0) labels.set(idx, label);
					else if (prev != label.intValue()) overlaps.merge("'" + segmentNames.get((long) prev) + "' and '" + segmentNames.get((long) label) + "'", 1, Integer::sum);
				}
			}
		}
		if (outside > 0) warnings.add(file.getFileName() + ": " + outside + " frames lie beyond the image's slices; ignored");
		for (Map.Entry<String, Integer> e : overlaps.entrySet())
			warnings.add(file.getFileName() + ": segments " + e.getKey() + " overlap in " + e.getValue() + " voxels; the segment listed first keeps them");
		ImageData out = new ImageData(file, labels.image(), true, g, 1, 0, segmentNames)
				.withAttribute("dicom.SegmentationSOPInstanceUID", seg.string(Tags.SOP_INSTANCE_UID, ""));
		for (String w : warnings) out = out.withWarning(w);
		return out.withKnownLesions(labels.lesions()); // counted while drawing: no scan of the label map
	}
}
