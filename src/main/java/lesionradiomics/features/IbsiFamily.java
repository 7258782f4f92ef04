package lesionradiomics.features;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IBSI 1's feature families: their column tag, reference-manual section and class, and the features each declares
 * with {@link IbsiFeature}, in alphabetical order. Column names are
 * {@code ibsi_<tag>_<Feature>}, or {@code ibsi_<tag>_<aggregation>_<Feature>} for texture families.
 */
public enum IbsiFamily {
	MORPHOLOGY("morph", "3.1", "Morphological features", Morphology.class, false),
	LOCAL_INTENSITY("loc", "3.2", "Local intensity features", LocalIntensity.class, false),
	INTENSITY_STATISTICS("stat", "3.3", "Intensity-based statistical features", IntensityStatistics.class, false),
	INTENSITY_HISTOGRAM("ih", "3.4", "Intensity histogram features", IntensityHistogram.class, false),
	INTENSITY_VOLUME_HISTOGRAM("ivh", "3.5", "Intensity-volume histogram features", IntensityVolumeHistogram.class, false),
	GLCM("cm", "3.6", "Grey level co-occurrence based features", IbsiGlcm.class, true),
	GLRLM("rlm", "3.7", "Grey level run length based features", IbsiGlrlm.class, true),
	GLSZM("szm", "3.8", "Grey level size zone based features", IbsiGlszm.class, true),
	GLDZM("dzm", "3.9", "Grey level distance zone based features", Gldzm.class, true),
	NGTDM("ngt", "3.10", "Neighbourhood grey tone difference based features", IbsiNgtdm.class, true),
	NGLDM("ngl", "3.11", "Neighbouring grey level dependence based features", Ngldm.class, true);

	private final String tag, section, title;
	private final boolean texture;
	private final List<Method> features = new ArrayList<>();

	IbsiFamily(String tag, String section, String title, Class<?> type, boolean texture) {
		this.tag = tag;
		this.section = section;
		this.title = title;
		this.texture = texture;
		List<Method> found = new ArrayList<>();
		for (Method m : type.getDeclaredMethods())
			if (m.isAnnotationPresent(IbsiFeature.class)) {
				m.setAccessible(true);
				found.add(m);
			}
		found.sort(Comparator.comparing(Method::getName)); // reflection gives no stable order; alphabetical is
		features.addAll(found);
	}

	public String tag() { return tag; }
	public String section() { return section; }
	public String title() { return title; }
	public boolean texture() { return texture; }

	/** Column suffix (method name, capitalised) of each feature, in order. */
	public List<String> featureNames() {
		List<String> out = new ArrayList<>();
		for (Method m : features) out.add(suffix(m));
		return out;
	}

	private static String suffix(Method m) { return Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1); }

	/** Every feature of the family instance {@code family} into {@code out}, prefixed {@code prefix}. */
	void values(Object family, String prefix, Map<String, Double> out) {
		for (Method m : features) {
			try {
				out.put(prefix + suffix(m), (Double) m.invoke(family));
			} catch (ReflectiveOperationException e) {
				Throwable cause = e.getCause() != null ? e.getCause() : e;
				if (cause instanceof RuntimeException) throw (RuntimeException) cause;
				throw new IllegalStateException(cause);
			}
		}
	}

	/** The column prefix for an aggregation method (null for the non-texture families). */
	public String prefix(IbsiAggregation aggregation) {
		return "ibsi_" + tag + "_" + (aggregation == null ? "" : aggregation.tag() + "_");
	}

	/** The dictionary rows: column (with {@code <aggr>} for the aggregation), IBSI name, IBSI code, section. */
	public List<String[]> dictionary() {
		List<String[]> out = new ArrayList<>();
		for (Method m : features) {
			IbsiFeature f = m.getAnnotation(IbsiFeature.class);
			out.add(new String[] { prefix(null) + (texture ? "<aggr>_" : "") + suffix(m), f.name(), f.code(), section + " " + title });
		}
		return out;
	}

	/** Every family's dictionary as the shipped TSV text. */
	public static String dictionaryTsv() {
		StringBuilder sb = new StringBuilder("column\tibsi_name\tibsi_code\tsection\n");
		for (IbsiFamily fam : values()) for (String[] r : fam.dictionary()) sb.append(String.join("\t", r)).append('\n');
		sb.append("# <aggr>: ");
		List<String> tags = new ArrayList<>();
		for (IbsiAggregation a : IbsiAggregation.values()) tags.add(a.tag() + " = " + a.ibsiName());
		return sb.append(String.join("; ", tags)).append('\n').toString();
	}

	/** Every IBSI feature column, in output order, for 3D or 2D/2.5D texture. */
	public static List<String> columns(boolean threeD) {
		List<String> out = new ArrayList<>();
		for (IbsiFamily f : values()) {
			if (!f.texture) {
				for (String n : f.featureNames()) out.add(f.prefix(null) + n);
				continue;
			}
			boolean directional = f == GLCM || f == GLRLM;
			for (IbsiAggregation a : directional ? IbsiAggregation.directional(threeD) : IbsiAggregation.zonal(threeD))
				for (String n : f.featureNames()) out.add(f.prefix(a) + n);
		}
		return out;
	}

	static Map<String, Double> newRow() { return new LinkedHashMap<>(); }
}
