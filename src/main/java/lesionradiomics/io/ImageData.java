package lesionradiomics.io;

import java.nio.file.Path;
import java.util.Map;

import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.Volume;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * A volume as a reader found it: the stored pixels, their geometry, the linear rescale to physical units and any
 * segment names. {@link #asVolume()} and {@link #asLabelMap()} give the views the rest of the plugin works on.
 */
public final class ImageData {

	private final Path source;
	private final RandomAccessibleInterval<? extends RealType<?>> stored;
	private final boolean integerStorage;
	private final Geometry geometry;
	private final double slope;
	private final double intercept;
	private final Map<Long, String> segmentNames;
	private final java.util.List<String> warnings;
	/** What identifies the data in its archive (e.g. DICOM UIDs: "dicom.SeriesInstanceUID"), in insertion order. */
	private final Map<String, String> attributes;
	/** The slices of {@link #stored} that are in: all, but for a volume still being decoded (NrrdReader#readStreaming). */
	private final lesionradiomics.volume.SliceGate gate;

	public ImageData(Path source, RandomAccessibleInterval<? extends RealType<?>> stored, boolean integerStorage, Geometry geometry,
			double slope, double intercept, Map<Long, String> segmentNames) {
		this(source, stored, integerStorage, geometry, slope, intercept, segmentNames, java.util.List.of(), Map.of(), lesionradiomics.volume.SliceGate.COMPLETE);
	}

	/** An image whose pixels are still being decoded into {@code stored}, slice after slice, as {@code gate} tells. */
	ImageData(Path source, RandomAccessibleInterval<? extends RealType<?>> stored, boolean integerStorage, Geometry geometry,
			Map<Long, String> segmentNames, lesionradiomics.volume.SliceGate gate) {
		this(source, stored, integerStorage, geometry, 1, 0, segmentNames, java.util.List.of(), Map.of(), gate);
	}

	private ImageData(Path source, RandomAccessibleInterval<? extends RealType<?>> stored, boolean integerStorage, Geometry geometry,
			double slope, double intercept, Map<Long, String> segmentNames, java.util.List<String> warnings, Map<String, String> attributes,
			lesionradiomics.volume.SliceGate gate) {
		this.source = source;
		this.stored = stored;
		this.integerStorage = integerStorage;
		this.geometry = geometry;
		this.slope = slope;
		this.intercept = intercept;
		this.segmentNames = Map.copyOf(segmentNames);
		this.warnings = java.util.List.copyOf(warnings);
		this.attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
		this.gate = gate;
	}

	/** The same data with one more thing the user should know about how it was read (e.g. an assumed spacing). */
	public ImageData withWarning(String warning) {
		java.util.List<String> w = new java.util.ArrayList<>(warnings);
		w.add(warning);
		return new ImageData(source, stored, integerStorage, geometry, slope, intercept, segmentNames, w, attributes, gate);
	}

	/** The same stored pixels with their physical values multiplied by {@code factor} (e.g. Bq/ml to SUV). */
	public ImageData scaled(double factor) {
		return new ImageData(source, stored, integerStorage, geometry, slope * factor, intercept * factor, segmentNames, warnings, attributes, gate);
	}

	/** The same data with other segment names (e.g. ROI names mapped to sites). */
	public ImageData withSegmentNames(Map<Long, String> names) {
		return new ImageData(source, stored, integerStorage, geometry, slope, intercept, names, warnings, attributes, gate);
	}

	/** The same data with one more identifying attribute (e.g. a DICOM UID that run.json lists). */
	public ImageData withAttribute(String key, String value) {
		Map<String, String> a = new java.util.LinkedHashMap<>(attributes);
		a.put(key, value);
		return new ImageData(source, stored, integerStorage, geometry, slope, intercept, segmentNames, warnings, a, gate);
	}

	/** What identifies the data in its archive, e.g. DICOM series and instance UIDs; empty for plain files. */
	public Map<String, String> attributes() { return attributes; }

	/** What the user should know about how the file was read. */
	public java.util.List<String> warnings() { return warnings; }

	public Path source() { return source; }
	public Geometry geometry() { return geometry; }
	/**
	 * This image once all its pixels are in (it may still be inflating: {@link NrrdReader#readStreaming}); a file that
	 * could not be read whole is thrown here, as the reader's {@link java.io.IOException}.
	 */
	public ImageData whole() throws java.io.IOException {
		try {
			gate.awaitAll();
		} catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
		return this;
	}

	/** The pixels as stored, once all are in (throws the reader's error as an {@link java.io.UncheckedIOException}). */
	public RandomAccessibleInterval<? extends RealType<?>> stored() {
		gate.awaitAll();
		return stored;
	}
	public Map<Long, String> segmentNames() { return segmentNames; }

	/** The rescale to physical units (value = stored × slope + intercept) and whether the stored values are integers. */
	double slope() { return slope; }
	double intercept() { return intercept; }
	boolean integerStorage() { return integerStorage; }

	private boolean isRescaled() {
		return slope != 1 || intercept != 0;
	}

	/** Intensities in physical units: the stored pixels, through a rescale view when the file defines one. */
	public Volume asVolume() {
		if (!isRescaled()) return new Volume(stored, geometry, gate);
		RandomAccessibleInterval<DoubleType> scaled = Converters.convert(stored,
				(in, out) -> out.setReal(in.getRealDouble() * slope + intercept), new DoubleType());
		return new Volume(scaled, geometry, gate);
	}

	/**
	 * The pixels as integer labels. Integer files are used as they are; a floating-point file is accepted when every
	 * value is a whole number (some tools save label maps as float), otherwise this is an error naming the file.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public LabelMap asLabelMap() throws VolumeFormatException {
		LabelMap m = labelMap;
		if (m == null) labelMap = m = labelMapView(); // kept: its lesion scan is done once
		return m;
	}

	private volatile LabelMap labelMap;

	/**
	 * This label image with its lesions (bounding box and voxel count per label) already known, as a rasteriser that
	 * counted them gives them: {@link #asLabelMap()} then skips its pass over the voxels. Copies ({@code with…}) scan again.
	 */
	public ImageData withKnownLesions(java.util.SortedMap<Long, lesionradiomics.volume.BoundingBox> lesions) {
		if (!integerStorage || isRescaled()) throw new IllegalStateException("known lesions are for integer label images");
		labelMap = new LabelMap((RandomAccessibleInterval<? extends IntegerType<?>>) (RandomAccessibleInterval) stored(), geometry, segmentNames, lesions);
		return this;
	}

	private LabelMap labelMapView() throws VolumeFormatException {
		gate.awaitAll();
		if (isRescaled())
			throw new VolumeFormatException(source, "a label map must not carry an intensity rescale (slope " + slope + ", intercept " + intercept + ")");
		if (integerStorage) return new LabelMap((RandomAccessibleInterval<? extends IntegerType<?>>) (RandomAccessibleInterval) stored, geometry, segmentNames);
		for (RealType<?> t : net.imglib2.view.Views.flatIterable(stored)) {
			double v = t.getRealDouble();
			if (v != Math.rint(v))
				throw new VolumeFormatException(source, "label map holds a non-integer value " + v + "; labels must be whole numbers");
		}
		RandomAccessibleInterval<LongType> labels = Converters.convert(stored, (in, out) -> out.set((long) in.getRealDouble()), new LongType());
		return new LabelMap(labels, geometry, segmentNames);
	}
}
