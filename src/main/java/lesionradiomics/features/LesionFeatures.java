package lesionradiomics.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Features of one lesion, in output column order, or the reason they could not be computed. Immutable. */
public final class LesionFeatures {

	private final long label;
	private final long voxelCount;
	private final Map<String, Double> values;
	private final String error;
	private final String note;

	private LesionFeatures(long label, long voxelCount, Map<String, Double> values, String error, String note) {
		this.label = label;
		this.voxelCount = voxelCount;
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		this.error = error;
		this.note = note;
	}

	/** The same result with a note on how it was computed (e.g. voxels excluded), listed beside the failures. */
	public LesionFeatures withNote(String text) {
		return new LesionFeatures(label, voxelCount, values, error, text);
	}

	/** How the lesion was computed when the user should know (e.g. NaN voxels excluded). */
	public Optional<String> note() { return Optional.ofNullable(note); }

	public static LesionFeatures of(long label, long voxelCount, Map<String, Double> values) {
		return new LesionFeatures(label, voxelCount, values, null, null);
	}

	public static LesionFeatures failed(long label, long voxelCount, String reason) {
		return new LesionFeatures(label, voxelCount, Map.of(), reason, null);
	}

	public long label() { return label; }
	public long voxelCount() { return voxelCount; }
	/** Column name ({@code original_<class>_<Feature>}) to value; empty when the lesion failed. */
	public Map<String, Double> values() { return values; }
	public Optional<String> error() { return Optional.ofNullable(error); }
	public boolean ok() { return error == null; }

	/** A value by column name; NaN when absent. */
	public double get(String column) {
		Double v = values.get(column);
		return v == null ? Double.NaN : v;
	}
}
