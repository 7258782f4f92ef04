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

	private LesionFeatures(long label, long voxelCount, Map<String, Double> values, String error) {
		this.label = label;
		this.voxelCount = voxelCount;
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		this.error = error;
	}

	public static LesionFeatures of(long label, long voxelCount, Map<String, Double> values) {
		return new LesionFeatures(label, voxelCount, values, null);
	}

	public static LesionFeatures failed(long label, long voxelCount, String reason) {
		return new LesionFeatures(label, voxelCount, Map.of(), reason);
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
