package lesionradiomics.features;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The feature classes and their features, discovered from {@link Feature}-annotated methods (as pyradiomics discovers
 * {@code get<Name>FeatureValue}). Class order and in-class (ordinal) name order are those of pyradiomics' output.
 */
public final class FeatureRegistry {

	/** One feature class: its pyradiomics name, how to build it for a lesion, and its features by name. */
	public static final class FeatureClass {
		private final String name;
		private final Function<LesionData, Object> factory;
		private final Map<String, MethodHandle> features;

		FeatureClass(String name, Class<?> type, Function<LesionData, Object> factory) {
			this.name = name;
			this.factory = factory;
			// pyradiomics orders a class's features by method name, get<Name>FeatureValue: MeanAbsoluteDeviation before Mean
			Map<String, MethodHandle> found = new TreeMap<>(java.util.Comparator.comparing((String feature) -> feature + "FeatureValue"));
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			for (Method m : type.getDeclaredMethods()) {
				Feature f = m.getAnnotation(Feature.class);
				if (f == null) continue;
				if (m.getParameterCount() != 0 || m.getReturnType() != double.class || Modifier.isStatic(m.getModifiers()))
					throw new IllegalStateException(type + "." + m.getName() + " must be a no-argument double method");
				String featureName = f.value().isEmpty() ? Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1) : f.value();
				try {
					m.setAccessible(true);
					found.put(featureName, lookup.unreflect(m).asType(java.lang.invoke.MethodType.methodType(double.class, Object.class)));
				} catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			}
			this.features = Collections.unmodifiableMap(found);
		}

		public String name() { return name; }
		public Set<String> featureNames() { return features.keySet(); }

		/** Computes the named features (all when {@code names} is empty) for one lesion, in registry order. */
		public Map<String, Double> compute(LesionData lesion, Set<String> names) {
			Object family = factory.apply(lesion);
			Map<String, Double> out = new LinkedHashMap<>();
			for (Map.Entry<String, MethodHandle> e : features.entrySet())
				if (names.isEmpty() || names.contains(e.getKey())) out.put(e.getKey(), value(e.getValue(), family));
			return out;
		}

		/**
		 * The named features (all when {@code names} is empty) in registry order, looked up once for callers that read
		 * them from many instances of the family (voxel maps: one per voxel), for {@link #values}.
		 */
		MethodHandle[] select(Set<String> names) {
			List<MethodHandle> out = new ArrayList<>();
			for (Map.Entry<String, MethodHandle> e : features.entrySet()) if (names.isEmpty() || names.contains(e.getKey())) out.add(e.getValue());
			return out.toArray(MethodHandle[]::new);
		}

		/** Writes the {@link #select selected} features of an instance of this class's family into {@code out} from {@code at}. */
		static void values(MethodHandle[] selected, Object family, double[] out, int at) {
			for (int k = 0; k < selected.length; k++) out[at + k] = value(selected[k], family);
		}

		private static double value(MethodHandle feature, Object family) {
			try {
				return (double) feature.invokeExact(family);
			} catch (RuntimeException | Error ex) {
				throw ex;
			} catch (Throwable t) {
				throw new IllegalStateException(t);
			}
		}
	}

	private static final List<FeatureClass> CLASSES = List.of(
			new FeatureClass("shape", Shape.class, Shape::new),
			new FeatureClass("firstorder", FirstOrder.class, FirstOrder::new),
			new FeatureClass("glcm", Glcm.class, Glcm::new),
			new FeatureClass("gldm", Gldm.class, Gldm::new),
			new FeatureClass("glrlm", Glrlm.class, Glrlm::new),
			new FeatureClass("glszm", Glszm.class, Glszm::new),
			new FeatureClass("ngtdm", Ngtdm.class, Ngtdm::new));

	private FeatureRegistry() {}

	public static List<FeatureClass> classes() { return CLASSES; }

	public static List<String> classNames() {
		List<String> out = new ArrayList<>();
		for (FeatureClass c : CLASSES) out.add(c.name());
		return out;
	}

	public static FeatureClass get(String name) {
		for (FeatureClass c : CLASSES) if (c.name().equals(name)) return c;
		throw new IllegalArgumentException("unknown feature class '" + name + "'; known: " + classNames());
	}

	public static Set<String> featureNames(String className) {
		return get(className).featureNames();
	}

	/**
	 * Column names ({@code <image>_<class>_<Feature>}) that the settings enable, in pyradiomics' output order: shape
	 * (of the original image, whatever the image types), then each image's other classes.
	 */
	public static List<String> columns(FeatureSettings settings) {
		if (settings.ibsi()) {
			List<String> ibsi = IbsiFamily.columns(settings.texture3D());
			ibsi.addAll(IbsiExtraction.DIAGNOSTICS);
			return ibsi;
		}
		List<String> out = new ArrayList<>();
		Map<String, Set<String>> enabled = settings.enabledFeatures();
		List<String> images = new ArrayList<>(List.of("shape"));
		for (ImageType t : settings.imageTypes()) images.addAll(t.names());
		for (String image : images)
			for (FeatureClass c : CLASSES) {
				boolean shape = c.name().equals("shape");
				if (shape != image.equals("shape") || !enabled.isEmpty() && !enabled.containsKey(c.name())) continue;
				Set<String> wanted = enabled.getOrDefault(c.name(), Set.of());
				for (String f : c.featureNames()) if (wanted.isEmpty() || wanted.contains(f)) out.add((shape ? "original" : image) + "_" + c.name() + "_" + f);
			}
		return out;
	}
}
