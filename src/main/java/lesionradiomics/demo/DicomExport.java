package lesionradiomics.demo;

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
import java.util.Map;
import java.util.TreeMap;

import lesionradiomics.volume.Geometry;

/**
 * Writes a synthetic patient as DICOM, for the demo and the DICOM benchmark only (never for patient data): a CT series
 * (explicit VR little endian, 16-bit signed HU, one file per slice) and an RTSTRUCT whose ROIs rasterise back to the
 * label map exactly under the reader's convention: each run of a label's voxels along x on a slice becomes one
 * rectangle contour around the run's voxel squares (half a voxel beyond the centres), so every labelled centre lies
 * strictly inside exactly one contour and no other centre inside any.
 */
public final class DicomExport {

	private DicomExport() {}

	static final String CT = "1.2.840.10008.5.1.4.1.1.2", RTSTRUCT = "1.2.840.10008.5.1.4.1.1.481.3";

	/** The UIDs of one export (derived from a root, so the same call gives the same files). */
	public record Uids(String study, String series, String frame, String structureSet) {
		public static Uids of(String root) {
			return new Uids(root + ".1", root + ".2", root + ".3", root + ".4");
		}
	}

	/**
	 * Writes a demo patient's NRRD image and label map as a DICOM folder: {@code dir/CT/} (the series) and
	 * {@code dir/RTSTRUCT/rs.dcm}, ROIs named {@code <segment name>_<label>} (the label map's segment names are sites).
	 */
	public static void writePatient(Path image, Path labels, Path dir, String patient, Uids uids) throws IOException {
		lesionradiomics.io.ImageData img = lesionradiomics.io.NrrdReader.read(image), lab = lesionradiomics.io.NrrdReader.read(labels);
		int n = (int) img.geometry().voxelCount();
		short[] hu = new short[n];
		int[] label = new int[n];
		int i = 0;
		for (net.imglib2.type.numeric.RealType<?> t : net.imglib2.view.Views.flatIterable(img.asVolume().image())) hu[i++] = (short) t.getRealDouble();
		i = 0;
		for (net.imglib2.type.numeric.RealType<?> t : net.imglib2.view.Views.flatIterable(lab.stored())) label[i++] = (int) t.getRealDouble();
		Map<Integer, String> names = new TreeMap<>();
		lab.segmentNames().forEach((k, v) -> names.put((int) (long) k, v + "_" + k));
		writeSeries(dir.resolve("CT"), patient, hu, img.geometry(), uids);
		writeStructureSet(dir.resolve("RTSTRUCT/rs.dcm"), patient, label, names, img.geometry(), uids);
	}

	/** Writes {@code image} (x fastest) as a CT series into {@code dir}; returns the slices' SOP instance UIDs. */
	public static List<String> writeSeries(Path dir, String patient, short[] image, Geometry g, Uids uids) throws IOException {
		Files.createDirectories(dir);
		int nx = (int) g.size(0), ny = (int) g.size(1), nz = (int) g.size(2);
		double[] d = g.direction(), o = g.origin(), sp = g.spacing();
		List<String> sops = new ArrayList<>();
		ByteBuffer px = ByteBuffer.allocate(nx * ny * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int k = 0; k < nz; k++) {
			double[] ipp = g.toPhysical(new double[] { 0, 0, k });
			String sop = uids.series() + "." + (k + 1);
			sops.add(sop);
			px.clear();
			px.asShortBuffer().put(image, k * nx * ny, nx * ny);
			Map<Integer, byte[]> e = common(CT, sop, "CT", patient, uids);
			e.put(0x0008103E, text("synthetic CT"));
			e.put(0x00180050, text(num(sp[2])));
			e.put(0x00200013, text(Integer.toString(k + 1)));
			e.put(0x00200032, text(num(ipp[0]) + "\\" + num(ipp[1]) + "\\" + num(ipp[2])));
			e.put(0x00200037, text(num(d[0]) + "\\" + num(d[3]) + "\\" + num(d[6]) + "\\" + num(d[1]) + "\\" + num(d[4]) + "\\" + num(d[7])));
			e.put(0x00280002, us(1));
			e.put(0x00280004, text("MONOCHROME2"));
			e.put(0x00280010, us(ny));
			e.put(0x00280011, us(nx));
			e.put(0x00280030, text(num(sp[1]) + "\\" + num(sp[0])));
			e.put(0x00280100, us(16));
			e.put(0x00280101, us(16));
			e.put(0x00280102, us(15));
			e.put(0x00280103, us(1));
			e.put(0x00281052, text("0"));
			e.put(0x00281053, text("1"));
			e.put(0x00281054, text("HU"));
			e.put(0x7FE00010, px.array());
			Files.write(dir.resolve(String.format(Locale.ROOT, "CT%04d.dcm", k + 1)), part10(CT, sop, e));
		}
		return sops;
	}

	/** Writes an RTSTRUCT of {@code labels} (x fastest; label → ROI name) on grid {@code g}, referring to the series. */
	public static void writeStructureSet(Path file, String patient, int[] labels, Map<Integer, String> names, Geometry g, Uids uids) throws IOException {
		int nx = (int) g.size(0), ny = (int) g.size(1), nz = (int) g.size(2);
		Map<Integer, List<double[]>> contours = new TreeMap<>();
		for (int k = 0; k < nz; k++)
			for (int y = 0; y < ny; y++) {
				int row = (k * ny + y) * nx;
				for (int x = 0; x < nx;) {
					int l = labels[row + x];
					if (l == 0) {
						x++;
						continue;
					}
					int end = x;
					while (end + 1 < nx && labels[row + end + 1] == l) end++;
					double[] pts = new double[12];
					double[][] corners = { { x - 0.5, y - 0.5 }, { end + 0.5, y - 0.5 }, { end + 0.5, y + 0.5 }, { x - 0.5, y + 0.5 } };
					for (int c = 0; c < 4; c++) System.arraycopy(g.toPhysical(new double[] { corners[c][0], corners[c][1], k }), 0, pts, 3 * c, 3);
					contours.computeIfAbsent(l, n -> new ArrayList<>()).add(pts);
					x = end + 1;
				}
			}
		ByteArrayOutputStream rois = new ByteArrayOutputStream(), roiContours = new ByteArrayOutputStream(), observations = new ByteArrayOutputStream();
		for (Map.Entry<Integer, List<double[]>> c : contours.entrySet()) {
			int number = c.getKey();
			Map<Integer, byte[]> roi = new TreeMap<>();
			roi.put(0x30060022, text(Integer.toString(number)));
			roi.put(0x30060024, uid(uids.frame()));
			roi.put(0x30060026, text(names.getOrDefault(number, "lesion_" + number)));
			roi.put(0x30060036, text("MANUAL"));
			item(rois, roi);
			ByteArrayOutputStream cs = new ByteArrayOutputStream();
			for (double[] pts : c.getValue()) {
				Map<Integer, byte[]> ct = new TreeMap<>();
				ct.put(0x30060042, text("CLOSED_PLANAR"));
				ct.put(0x30060046, text(Integer.toString(pts.length / 3)));
				StringBuilder sb = new StringBuilder();
				for (double v : pts) sb.append(sb.length() == 0 ? "" : "\\").append(num(v));
				ct.put(0x30060050, text(sb.toString()));
				item(cs, ct);
			}
			Map<Integer, byte[]> rc = new TreeMap<>();
			rc.put(0x30060084, text(Integer.toString(number)));
			rc.put(0x30060040, sequence(cs));
			item(roiContours, rc);
			Map<Integer, byte[]> ob = new TreeMap<>();
			ob.put(0x30060082, text(Integer.toString(number)));
			ob.put(0x30060084, text(Integer.toString(number)));
			ob.put(0x300600A4, text("GTV"));
			item(observations, ob);
		}
		Map<Integer, byte[]> series = new TreeMap<>();
		series.put(0x0020000E, uid(uids.series()));
		ByteArrayOutputStream seriesSeq = new ByteArrayOutputStream();
		item(seriesSeq, series);
		Map<Integer, byte[]> study = new TreeMap<>();
		study.put(0x00081150, uid("1.2.840.10008.3.1.2.3.1"));
		study.put(0x00081155, uid(uids.study()));
		study.put(0x30060014, sequence(seriesSeq));
		ByteArrayOutputStream studySeq = new ByteArrayOutputStream();
		item(studySeq, study);
		Map<Integer, byte[]> frame = new TreeMap<>();
		frame.put(0x00200052, uid(uids.frame()));
		frame.put(0x30060012, sequence(studySeq));
		ByteArrayOutputStream frameSeq = new ByteArrayOutputStream();
		item(frameSeq, frame);
		Map<Integer, byte[]> e = common(RTSTRUCT, uids.structureSet(), "RTSTRUCT", patient, uids);
		e.remove(0x00200052);
		e.put(0x0020000E, uid(uids.structureSet() + ".1"));
		e.put(0x30060002, text("lesions"));
		e.put(0x30060010, sequence(frameSeq));
		e.put(0x30060020, sequence(rois));
		e.put(0x30060039, sequence(roiContours));
		e.put(0x30060080, sequence(observations));
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.write(file, part10(RTSTRUCT, uids.structureSet(), e));
	}

	private static Map<Integer, byte[]> common(String sopClass, String sop, String modality, String patient, Uids uids) {
		Map<Integer, byte[]> e = new TreeMap<>(Integer::compareUnsigned);
		e.put(0x00080016, uid(sopClass));
		e.put(0x00080018, uid(sop));
		e.put(0x00080020, text("20240101"));
		e.put(0x00080060, text(modality));
		e.put(0x00080070, text("Lesion Radiomics synthetic export"));
		e.put(0x00100010, text(patient));
		e.put(0x00100020, text(patient));
		e.put(0x0020000D, uid(uids.study()));
		e.put(0x0020000E, uid(uids.series()));
		e.put(0x00200052, uid(uids.frame()));
		return e;
	}

	/** DS text: the shortest decimal that reads back as the same double (at most 16 characters, as DS allows). */
	static String num(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		String s = Double.toString(v);
		if (s.length() <= 16 && !s.contains("E")) return s;
		return String.format(Locale.ROOT, "%.9g", v).replaceAll("0+$", "");
	}

	private static byte[] text(String s) {
		byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
		return b.length % 2 == 0 ? b : (s + " ").getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] uid(String s) {
		byte[] b = s.getBytes(StandardCharsets.US_ASCII);
		return b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
	}

	private static byte[] us(int v) {
		return new byte[] { (byte) v, (byte) (v >> 8) };
	}

	/** VRs by tag for the few elements written here (explicit VR needs them). */
	private static String vr(int tag) {
		switch (tag) {
		case 0x00080016: case 0x00080018: case 0x0020000D: case 0x0020000E: case 0x00200052: case 0x00081150: case 0x00081155: case 0x30060024:
		case 0x00020002: case 0x00020003: case 0x00020010: case 0x00020012: return "UI";
		case 0x00080020: return "DA";
		case 0x00080060: case 0x00280004: case 0x30060036: case 0x30060042: case 0x300600A4: return "CS";
		case 0x00100010: return "PN";
		case 0x00100020: case 0x0008103E: case 0x00080070: case 0x30060026: case 0x00281054: return "LO";
		case 0x00180050: case 0x00200032: case 0x00200037: case 0x00280030: case 0x00281052: case 0x00281053: case 0x30060050: return "DS";
		case 0x00200013: case 0x30060022: case 0x30060046: case 0x30060082: case 0x30060084: return "IS";
		case 0x00280002: case 0x00280010: case 0x00280011: case 0x00280100: case 0x00280101: case 0x00280102: case 0x00280103: return "US";
		case 0x30060002: return "SH";
		case 0x7FE00010: return "OW";
		case 0x00020001: return "OB";
		case 0x00020000: return "UL";
		default: return "SQ";
		}
	}

	private static void element(ByteArrayOutputStream out, int tag, byte[] value) {
		String vr = vr(tag);
		ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
		h.putShort((short) (tag >>> 16)).putShort((short) tag).put(vr.getBytes(StandardCharsets.US_ASCII));
		if (vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN")) h.putShort((short) 0).putInt(value.length);
		else h.putShort((short) value.length);
		out.write(h.array(), 0, h.position());
		out.writeBytes(value);
	}

	private static void item(ByteArrayOutputStream seq, Map<Integer, byte[]> elements) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		new TreeMap<Integer, byte[]>(Integer::compareUnsigned) {{ putAll(elements); }}.forEach((t, v) -> element(body, t, v));
		ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		h.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(body.size());
		seq.writeBytes(h.array());
		seq.writeBytes(body.toByteArray());
	}

	private static byte[] sequence(ByteArrayOutputStream items) {
		return items.toByteArray();
	}

	private static byte[] part10(String sopClass, String sop, Map<Integer, byte[]> elements) {
		ByteArrayOutputStream meta = new ByteArrayOutputStream();
		element(meta, 0x00020001, new byte[] { 0, 1 });
		element(meta, 0x00020002, uid(sopClass));
		element(meta, 0x00020003, uid(sop));
		element(meta, 0x00020010, uid("1.2.840.10008.1.2.1"));
		element(meta, 0x00020012, uid("1.2.826.0.1.3680043.10.1.1"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[128]);
		out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
		element(out, 0x00020000, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
		out.writeBytes(meta.toByteArray());
		TreeMap<Integer, byte[]> sorted = new TreeMap<>(Integer::compareUnsigned);
		sorted.putAll(elements);
		sorted.forEach((t, v) -> element(out, t, v));
		return out.toByteArray();
	}
}
