package lesionradiomics.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import lesionradiomics.io.ImageData;
import lesionradiomics.volume.Geometry;

/**
 * RTSTRUCT (PS3.3 C.8.8.5–6) to a label map on the referenced image grid. Convention (MIRP's ray casting, which
 * plastimatch matches on the shared test data): each CLOSED_PLANAR contour goes to the slice nearest its position
 * along the slice normal; within a slice a voxel belongs to a ROI when its centre lies strictly inside the ROI's
 * contours combined by the even–odd rule (so a contour inside another is a hole). Rays run along the image's y axis,
 * one per column; an edge is crossed when its x range contains the column half-open ([min, max)), so a vertex on the
 * ray counts once. So a centre exactly on the boundary is out when the boundary crosses its column and, on an edge
 * along y, in at the edge of lower x and out at the higher one. Each ROI's label is its ROINumber (so a lesion keeps its
 * number whatever --roi leaves out, and in every export that keeps the numbers: lesion tables and time points match),
 * or 1, 2, … in structure-set order when the numbers are not distinct and within 1..65535; named by ROIName. Where ROIs
 * overlap a voxel keeps the ROI listed first, and the overlap is reported.
 */
public final class RtStruct {

	/** How far (in slices) a contour may lie from a slice plane before it is reported. */
	static final double SLICE_TOLERANCE = 0.25;

	private RtStruct() {}

	/** One ROI of a structure set: its number, name, frame of reference and closed contours (points in mm). */
	record Roi(int number, String name, String frameOfReference, List<double[]> contours, int openContours) {}

	/** The ROIs of a structure set, in structure-set order. */
	static List<Roi> rois(DicomObject rs) throws DicomFormatException {
		Map<Integer, List<double[]>> contours = new TreeMap<>();
		Map<Integer, Integer> open = new TreeMap<>();
		for (DicomObject rc : rs.sequence(Tags.ROI_CONTOUR_SEQUENCE)) {
			int ref = (int) rc.decimal(Tags.REFERENCED_ROI_NUMBER, -1);
			List<double[]> list = contours.computeIfAbsent(ref, k -> new ArrayList<>());
			for (DicomObject c : rc.sequence(Tags.CONTOUR_SEQUENCE)) {
				String type = c.string(Tags.CONTOUR_GEOMETRIC_TYPE, "CLOSED_PLANAR");
				double[] pts = c.decimals(Tags.CONTOUR_DATA);
				if (pts == null || pts.length < 3) continue;
				if (pts.length % 3 != 0)
					throw new DicomFormatException(rs.file(), "ROI number " + ref + ": ContourData holds " + pts.length + " numbers, not x/y/z triples");
				if (!type.equals("CLOSED_PLANAR")) {
					open.merge(ref, 1, Integer::sum);
					continue;
				}
				list.add(pts);
			}
		}
		List<Roi> out = new ArrayList<>();
		for (DicomObject r : rs.sequence(Tags.STRUCTURE_SET_ROI_SEQUENCE)) {
			int number = (int) r.decimal(Tags.ROI_NUMBER, -1);
			out.add(new Roi(number, r.string(Tags.ROI_NAME, "ROI " + number), r.string(Tags.REFERENCED_FRAME_OF_REFERENCE_UID, ""),
					contours.getOrDefault(number, List.of()), open.getOrDefault(number, 0)));
		}
		return out;
	}

	/**
	 * Rasterises the ROIs whose names match {@code roiPattern} (whole name, case-insensitive; null = all) on the grid
	 * of {@code image}. Problems that make a ROI meaningless (another frame of reference, contours not in the slice
	 * plane) are errors naming the ROI; ROIs without closed contours, points off the grid and overlaps are warnings on
	 * the result.
	 */
	public static ImageData rasterise(DicomObject rs, DicomImage image, String roiPattern) throws DicomFormatException {
		Path file = rs.file();
		List<Roi> all = rois(rs);
		if (all.isEmpty()) throw new DicomFormatException(file, "the structure set holds no ROIs");
		Pattern pattern = roiPattern == null || roiPattern.isBlank() ? null : Pattern.compile(roiPattern, Pattern.CASE_INSENSITIVE);
		List<Roi> chosen = new ArrayList<>();
		for (Roi r : all) if (pattern == null || pattern.matcher(r.name()).matches()) chosen.add(r);
		List<String> names = new ArrayList<>();
		for (Roi r : all) names.add(r.name());
		if (chosen.isEmpty()) throw new DicomFormatException(file, "no ROI name matches --roi '" + roiPattern + "'; the ROIs are " + names);
		Geometry g = image.data().geometry();
		int nx = (int) g.size(0), ny = (int) g.size(1), nz = (int) g.size(2);
		if (chosen.size() > 65535) throw new DicomFormatException(file, "more than 65535 ROIs");
		java.util.Set<Integer> numbers = new java.util.HashSet<>();
		boolean own = true;
		for (Roi r : chosen) own &= r.number() >= 1 && r.number() <= 65535 && numbers.add(r.number());
		LabelGrid labels = new LabelGrid(g.size(), own ? java.util.Collections.max(numbers) : chosen.size());
		List<String> warnings = new ArrayList<>();
		Map<Long, String> segmentNames = new LinkedHashMap<>();
		Map<String, Integer> overlaps = new LinkedHashMap<>();
		String imageFor = image.frameOfReferenceUid();
		long label = 0;
		for (Roi r : chosen) {
			if (!r.frameOfReference().isEmpty() && !imageFor.isEmpty() && !r.frameOfReference().equals(imageFor))
				throw new DicomFormatException(file, "ROI '" + r.name() + "' is drawn in frame of reference " + r.frameOfReference() + ", the image series "
						+ image.seriesUid() + " is in " + imageFor + ": this structure set belongs to another image");
			if (r.contours().isEmpty()) {
				warnings.add(file.getFileName() + ": ROI '" + r.name() + "' has no closed contours" + (r.openContours() > 0 ? " (only " + r.openContours()
						+ " open contours or points)" : "") + "; left out");
				continue;
			}
			label = own ? r.number() : label + 1;
			Counts counts = rasteriseRoi(r, g, labels, (int) label, overlaps, segmentNames, file);
			segmentNames.put(label, r.name());
			if (r.openContours() > 0) warnings.add(file.getFileName() + ": ROI '" + r.name() + "': " + r.openContours() + " open contours or points ignored (only CLOSED_PLANAR contours enclose voxels)");
			if (counts.offGrid > 0) warnings.add(String.format(Locale.ROOT, "%s: ROI '%s': %d contour points lie outside the image (up to %.1f mm); only the part inside is kept",
					file.getFileName(), r.name(), counts.offGrid, counts.offGridMm));
			if (counts.offSlice > 0) warnings.add(String.format(Locale.ROOT, "%s: ROI '%s': %d contours lie between slices (up to %.2f slice spacings off); each was put on the nearest slice",
					file.getFileName(), r.name(), counts.offSlice, counts.offSliceMax));
			if (counts.outsideSlices > 0) warnings.add(file.getFileName() + ": ROI '" + r.name() + "': " + counts.outsideSlices + " contours lie beyond the image's first or last slice; ignored");
			if (counts.voxels == 0) {
				warnings.add(file.getFileName() + ": ROI '" + r.name() + "' encloses no voxel centre of the image grid; left out");
				segmentNames.remove(label);
				if (!own) label--;
			}
		}
		for (Map.Entry<String, Integer> e : overlaps.entrySet())
			warnings.add(file.getFileName() + ": ROIs " + e.getKey() + " overlap in " + e.getValue() + " voxels; a voxel belongs to one lesion: the ROI listed first in the structure set keeps it");
		if (segmentNames.isEmpty()) throw new DicomFormatException(file, "none of the chosen ROIs " + namesOf(chosen) + " encloses a voxel of the image");
		ImageData out = new ImageData(file, labels.image(), true, g, 1, 0, segmentNames)
				.withAttribute("dicom.StructureSetSOPInstanceUID", rs.string(Tags.SOP_INSTANCE_UID, ""));
		for (String w : warnings) out = out.withWarning(w);
		return out.withKnownLesions(labels.lesions()); // counted while drawing: no scan of the label map
	}

	private static List<String> namesOf(List<Roi> rois) {
		List<String> n = new ArrayList<>();
		for (Roi r : rois) n.add(r.name());
		return n;
	}

	static final class Counts {
		int offGrid, offSlice, outsideSlices;
		double offGridMm, offSliceMax;
		long voxels;
	}

	/** Rasterises one ROI into {@code labels}, slice by slice (even–odd over all its contours on a slice). */
	private static Counts rasteriseRoi(Roi r, Geometry g, LabelGrid labels, int label, Map<String, Integer> overlaps, Map<Long, String> names, Path file)
			throws DicomFormatException {
		int nx = (int) g.size(0), ny = (int) g.size(1), nz = (int) g.size(2);
		double[] o = g.origin(), d = g.direction(), sp = g.spacing();
		Counts counts = new Counts();
		Map<Integer, List<double[]>> bySlice = new TreeMap<>(); // slice → polygons as x0,y0,x1,y1,… in index units
		for (double[] pts : r.contours()) {
			int m = pts.length / 3;
			double[] xy = new double[2 * m];
			double zMin = Double.POSITIVE_INFINITY, zMax = Double.NEGATIVE_INFINITY, zSum = 0;
			for (int i = 0; i < m; i++) {
				double px = pts[3 * i] - o[0], py = pts[3 * i + 1] - o[1], pz = pts[3 * i + 2] - o[2];
				double ix = (d[0] * px + d[3] * py + d[6] * pz) / sp[0];
				double iy = (d[1] * px + d[4] * py + d[7] * pz) / sp[1];
				double iz = (d[2] * px + d[5] * py + d[8] * pz) / sp[2];
				xy[2 * i] = ix;
				xy[2 * i + 1] = iy;
				zMin = Math.min(zMin, iz);
				zMax = Math.max(zMax, iz);
				zSum += iz;
				if (ix < -0.5 || iy < -0.5 || ix > nx - 0.5 || iy > ny - 0.5) {
					counts.offGrid++;
					double ex = Math.max(Math.max(-0.5 - ix, ix - (nx - 0.5)), 0) * sp[0], ey = Math.max(Math.max(-0.5 - iy, iy - (ny - 0.5)), 0) * sp[1];
					counts.offGridMm = Math.max(counts.offGridMm, Math.hypot(ex, ey));
				}
			}
			if (zMax - zMin > 0.5)
				throw new DicomFormatException(file, String.format(Locale.ROOT,
						"ROI '%s': a contour is not in the image's slice plane (its points span %.2f slice spacings); the structure set was drawn on another orientation",
						r.name(), zMax - zMin));
			double z = zSum / m;
			int k = (int) Math.round(z);
			if (Math.abs(z - k) > SLICE_TOLERANCE) {
				counts.offSlice++;
				counts.offSliceMax = Math.max(counts.offSliceMax, Math.abs(z - k));
			}
			if (k < 0 || k >= nz) {
				counts.outsideSlices++;
				continue;
			}
			bySlice.computeIfAbsent(k, x -> new ArrayList<>()).add(xy);
		}
		// per slice, each edge's crossings go to the columns it spans (scanline buckets: O(edges + crossings), not
		// columns × edges); the crossing values and the rule are those of a ray per column over every edge
		int[] start = new int[nx + 1];
		double[] crossings = new double[64], sorted = new double[64];
		for (Map.Entry<Integer, List<double[]>> e : bySlice.entrySet()) {
			int base = e.getKey() * nx * ny;
			Arrays.fill(start, 0);
			int total = 0;
			for (int pass = 0; pass < 2; pass++) {
				if (pass == 1) {
					for (int c = 0, sum = 0; c <= nx; c++) { // counts → first index per column
						int cnt = start[c];
						start[c] = sum;
						sum += cnt;
					}
					if (sorted.length < total) sorted = new double[total];
				}
				for (double[] poly : e.getValue()) {
					int m = poly.length / 2;
					for (int i = 0; i < m; i++) {
						int j = (i + 1) % m;
						double x1 = poly[2 * i], y1 = poly[2 * i + 1], x2 = poly[2 * j], y2 = poly[2 * j + 1];
						if (x1 == x2) continue; // parallel to the ray
						// columns col with min(x1, x2) <= col < max(x1, x2)
						int from = Math.max(0, (int) Math.ceil(Math.min(x1, x2))), to = Math.min(nx - 1, (int) Math.ceil(Math.max(x1, x2)) - 1);
						for (int col = from; col <= to; col++) {
							if (pass == 0) {
								start[col]++;
								total++;
							} else sorted[start[col]++] = y1 + (col - x1) * (y2 - y1) / (x2 - x1);
						}
					}
				}
			}
			// after the fill, start[col] is the end of col's crossings (and the beginning of col + 1's)
			for (int col = 0, begin = 0; col < nx; begin = start[col], col++) {
				int n = start[col] - begin;
				if (n < 2) continue;
				if (crossings.length < n) crossings = new double[n];
				System.arraycopy(sorted, begin, crossings, 0, n);
				Arrays.sort(crossings, 0, n);
				// a voxel centre is inside when an odd number of crossings lies strictly before and strictly after it
				int lo = Math.max(0, (int) Math.ceil(crossings[0])), hi = Math.min(ny - 1, (int) Math.floor(crossings[n - 1]));
				int below = 0;
				for (int row = lo; row <= hi; row++) {
					while (below < n && crossings[below] < row) below++;
					int at = below;
					while (at < n && crossings[at] == row) at++;
					int above = n - at;
					if ((below & 1) == 1 && (above & 1) == 1) {
						int idx = base + row * nx + col;
						int prev = labels.get(idx);
						if (prev == 0) {
							labels.set(idx, label);
							counts.voxels++;
						} else if (prev != label) overlaps.merge("'" + names.get((long) prev) + "' and '" + r.name() + "'", 1, Integer::sum);
					}
				}
			}
		}
		return counts;
	}
}
