package lesionradiomics.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import lesionradiomics.volume.Geometry;
import net.imglib2.img.Img;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * Wraps an ImageJ 1.x stack (8-, 16- or 32-bit, one channel and frame) as an ImgLib2 image without copying the
 * pixels. Spacing comes from the calibration (mm; cm and µm are converted), the origin from its x/y/zOrigin, and a
 * linear calibration function (e.g. signed 16-bit CT: value − 32768, DICOM rescale) becomes the rescale to physical
 * units, so the core sees Hounsfield units.
 */
public final class ImagePlusAdapter {

	private ImagePlusAdapter() {}

	public static ImageData wrap(ImagePlus imp) {
		if (imp.getNChannels() > 1 || imp.getNFrames() > 1)
			throw new IllegalArgumentException("image '" + imp.getTitle() + "' has several channels or frames; a single 3D volume is needed");
		if (imp.getBitDepth() == 24) throw new IllegalArgumentException("image '" + imp.getTitle() + "' is RGB; a greyscale volume is needed");
		ImageStack stack = imp.getStack();
		long[] dims = { imp.getWidth(), imp.getHeight(), imp.getStackSize() };
		Img<? extends RealType<?>> img = planar(stack, imp.getBitDepth(), dims);
		Calibration cal = imp.getCalibration();
		double scale = unitScale(imp.getTitle(), cal.getUnit());
		double[] spacing = { cal.pixelWidth * scale, cal.pixelHeight * scale, cal.pixelDepth * scale };
		double[] origin = { -cal.xOrigin * spacing[0], -cal.yOrigin * spacing[1], -cal.zOrigin * spacing[2] };
		double slope = 1, intercept = 0;
		if (imp.getBitDepth() != 32 && cal.calibrated()) {
			double[] c = cal.getCoefficients();
			if (cal.getFunction() != Calibration.STRAIGHT_LINE || c == null || c.length < 2)
				throw new IllegalArgumentException("image '" + imp.getTitle() + "' has a non-linear calibration function; "
						+ "convert it to 32-bit first (Image > Type > 32-bit)");
			intercept = c[0];
			slope = c[1];
		}
		Path source = imp.getOriginalFileInfo() != null && imp.getOriginalFileInfo().directory != null
				? Path.of(imp.getOriginalFileInfo().directory, String.valueOf(imp.getOriginalFileInfo().fileName))
				: Path.of(imp.getTitle());
		boolean integer = imp.getBitDepth() != 32;
		return new ImageData(source, img, integer, new Geometry(dims, spacing, origin, Geometry.identity()), slope, intercept, segmentNames(imp));
	}

	/** ImagePlus property holding a label map's segment names ("1=liver;2=lung"), set by the importer. */
	public static final String SEGMENTS = "LesionRadiomics.Segments";

	/** Label → segment name from the {@link #SEGMENTS} property (empty when absent or unreadable). */
	static Map<Long, String> segmentNames(ImagePlus imp) {
		Object text = imp.getProperty(SEGMENTS);
		Map<Long, String> out = new java.util.TreeMap<>();
		if (!(text instanceof String)) return out;
		for (String pair : ((String) text).split(";")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) continue;
			try {
				out.put(Long.parseLong(pair.substring(0, eq).trim()), pair.substring(eq + 1).trim());
			} catch (NumberFormatException e) {
				// not one of ours: ignored
			}
		}
		return out;
	}

	/**
	 * A copy of a volume as an ImagePlus (what File › Import shows): whole-number data within 0..65535 as 16-bit (label
	 * maps), anything else as 32-bit in physical units; calibration in mm with the origin.
	 */
	public static ImagePlus toImagePlus(ImageData d, String title) {
		int nx = (int) d.geometry().size(0), ny = (int) d.geometry().size(1), nz = (int) d.geometry().size(2);
		net.imglib2.RandomAccessibleInterval<? extends RealType<?>> img = d.asVolume().image();
		boolean shortRange = true;
		for (RealType<?> t : net.imglib2.view.Views.flatIterable(img)) {
			double v = t.getRealDouble();
			if (v != Math.rint(v) || v < 0 || v > 65535) {
				shortRange = false;
				break;
			}
		}
		ImageStack stack = new ImageStack(nx, ny);
		net.imglib2.Cursor<? extends RealType<?>> c = net.imglib2.view.Views.flatIterable(img).cursor();
		for (int z = 0; z < nz; z++) {
			if (shortRange) {
				short[] px = new short[nx * ny];
				for (int i = 0; i < px.length; i++) px[i] = (short) c.next().getRealDouble();
				stack.addSlice(new ij.process.ShortProcessor(nx, ny, px, null));
			} else {
				float[] px = new float[nx * ny];
				for (int i = 0; i < px.length; i++) px[i] = (float) c.next().getRealDouble();
				stack.addSlice(new ij.process.FloatProcessor(nx, ny, px));
			}
		}
		ImagePlus imp = new ImagePlus(title, stack);
		spatial(imp.getCalibration(), d.geometry());
		imp.resetDisplayRange();
		if (!d.segmentNames().isEmpty()) {
			StringBuilder names = new StringBuilder();
			new java.util.TreeMap<>(d.segmentNames()).forEach((label, name) -> names.append(names.length() == 0 ? "" : ";").append(label).append('=')
					.append(name.replace(";", ",").replace("=", "-")));
			imp.setProperty(SEGMENTS, names.toString()); // kept by ImageJ, read back by wrap(): sites for Extract
			imp.setProperty("Info", "Segments (label=name): " + names);
		}
		return imp;
	}

	/**
	 * A copy of an image with integer stored values (a DICOM series) as ImageJ's own DICOM opener shows one: 16-bit
	 * pixels (signed values offset by 32768) and a straight-line calibration to physical units named {@code unit}
	 * (e.g. HU, SUVbw). {@link #wrap} reads the calibration back as the rescale, so every command sees the same values.
	 * Images that do not fit 16 bits, or are stored as floating point, open as {@link #toImagePlus} with that value unit.
	 */
	public static ImagePlus toCalibratedImagePlus(ImageData d, String title, String unit) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		boolean integer = d.integerStorage();
		for (RealType<?> t : net.imglib2.view.Views.flatIterable(d.stored())) {
			double v = t.getRealDouble();
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		int offset = min >= 0 && max <= 65535 ? 0 : min >= -32768 && max <= 32767 ? 32768 : (int) min;
		if (!integer || !(max + offset <= 65535) || Math.abs(min) > Integer.MAX_VALUE) {
			ImagePlus imp = toImagePlus(d, title);
			imp.getCalibration().setValueUnit(unit);
			return imp;
		}
		int nx = (int) d.geometry().size(0), ny = (int) d.geometry().size(1), nz = (int) d.geometry().size(2);
		ImageStack stack = new ImageStack(nx, ny);
		net.imglib2.Cursor<? extends RealType<?>> c = net.imglib2.view.Views.flatIterable(d.stored()).cursor();
		for (int z = 0; z < nz; z++) {
			short[] px = new short[nx * ny];
			for (int i = 0; i < px.length; i++) px[i] = (short) ((int) c.next().getRealDouble() + offset);
			stack.addSlice(new ij.process.ShortProcessor(nx, ny, px, null));
		}
		ImagePlus imp = new ImagePlus(title, stack);
		spatial(imp.getCalibration(), d.geometry());
		// physical = slope × (pixel − offset) + intercept
		imp.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { d.intercept() - d.slope() * offset, d.slope() }, unit);
		imp.resetDisplayRange();
		return imp;
	}

	/** Spacing in mm and the origin, as {@link #wrap} reads them back. */
	private static void spatial(Calibration cal, Geometry g) {
		cal.setUnit("mm");
		cal.pixelWidth = g.spacing(0);
		cal.pixelHeight = g.spacing(1);
		cal.pixelDepth = g.spacing(2);
		double[] o = g.origin();
		cal.xOrigin = -o[0] / cal.pixelWidth;
		cal.yOrigin = -o[1] / cal.pixelHeight;
		cal.zOrigin = -o[2] / cal.pixelDepth;
	}

	private static double unitScale(String title, String unit) {
		String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
		switch (u) {
		case "mm": case "millimeter": case "millimetre": return 1;
		case "cm": return 10;
		case "m": case "meter": case "metre": return 1000;
		case "µm": case "um": case "micron": case "microns": case "micrometer": return 1e-3;
		case "pixel": case "pixels": case "": return 1; // uncalibrated: 1 voxel = 1 mm, as SimpleITK assumes
		default: throw new IllegalArgumentException("image '" + title + "' has calibration unit '" + unit + "'; use mm");
		}
	}

	private static Img<? extends RealType<?>> planar(ImageStack stack, int bitDepth, long[] dims) {
		int n = stack.getSize();
		switch (bitDepth) {
		case 8: {
			List<ByteArray> planes = new ArrayList<>();
			for (int z = 1; z <= n; z++) planes.add(new ByteArray((byte[]) stack.getPixels(z)));
			PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(planes, dims, new Fraction());
			img.setLinkedType(new UnsignedByteType(img));
			return img;
		}
		case 16: {
			List<ShortArray> planes = new ArrayList<>();
			for (int z = 1; z <= n; z++) planes.add(new ShortArray((short[]) stack.getPixels(z)));
			PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(planes, dims, new Fraction());
			img.setLinkedType(new UnsignedShortType(img));
			return img;
		}
		case 32: {
			List<FloatArray> planes = new ArrayList<>();
			for (int z = 1; z <= n; z++) planes.add(new FloatArray((float[]) stack.getPixels(z)));
			PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, dims, new Fraction());
			img.setLinkedType(new FloatType(img));
			return img;
		}
		default:
			throw new IllegalArgumentException("unsupported bit depth " + bitDepth);
		}
	}
}
