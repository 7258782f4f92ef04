package lesionradiomics.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;

/**
 * Voxel-wise feature maps with pyradiomics' semantics (voxelBased, maskedKernel, one voxel per batch): for every voxel
 * of a lesion, the first-order and texture features of the cube of side 2r + 1 around it, clipped to the image and
 * restricted to the lesion; neighbours, runs and zones stay inside that cube; grey levels are binned once over the
 * whole lesion and Ng is the lesion's highest bin. This is the straightforward computation (each kernel on its own),
 * the reference for a faster incremental one.
 */
public final class VoxelMaps {

	/**
	 * @param voxels   image indexes (x, y, z) of the lesion's voxels, in linear-index order
	 * @param features the feature names ({@code original_<class>_<Feature>})
	 * @param values   per voxel, per feature
	 */
	public record Maps(int[][] voxels, List<String> features, double[][] values) {}

	private VoxelMaps() {}

	public static Maps compute(Volume image, LabelMap labels, long label, FeatureSettings settings, int radius) {
		BoundingBox box = labels.lesions().get(label);
		if (box == null) throw new IllegalArgumentException("label " + label + " is not in the label map");
		BoundingBox padded = box.padded(radius, image.geometry().size());
		LesionRegion region = LesionRegion.crop(image, labels, label, padded);
		boolean[] mask = region.mask();
		double[] values = region.values();
		int count = region.voxelCount();
		double[] masked = region.maskedValues();
		int[] bins = settings.discretizer().discretize(masked);
		int[] grey = new int[mask.length];
		int ng = 0;
		for (int i = 0, k = 0; i < mask.length; i++)
			if (mask[i]) {
				grey[i] = bins[k++];
				ng = Math.max(ng, grey[i]);
			}
		int[] size = region.size();
		Map<String, Set<String>> enabled = settings.enabledFeatures();
		List<String> names = null;
		int[][] voxels = new int[count][];
		double[][] out = new double[count][];
		int v = 0;
		for (int z = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++) {
					int i = x + size[0] * (y + size[1] * z);
					if (!mask[i]) continue;
					int[] lo = { Math.max(0, x - radius), Math.max(0, y - radius), Math.max(0, z - radius) };
					int[] ks = { Math.min(size[0] - 1, x + radius) - lo[0] + 1, Math.min(size[1] - 1, y + radius) - lo[1] + 1,
							Math.min(size[2] - 1, z + radius) - lo[2] + 1 };
					LesionRegion kernel = region.sub(lo, ks);
					int[] kg = new int[ks[0] * ks[1] * ks[2]];
					for (int kz = 0, j = 0; kz < ks[2]; kz++)
						for (int ky = 0; ky < ks[1]; ky++)
							for (int kx = 0; kx < ks[0]; kx++, j++) kg[j] = grey[(lo[0] + kx) + size[0] * ((lo[1] + ky) + size[1] * (lo[2] + kz))];
					LesionData data = new LesionData(kernel, kernel.mask(), kg, settings, ng);
					Map<String, Double> f = new LinkedHashMap<>();
					for (FeatureRegistry.FeatureClass c : FeatureRegistry.classes()) {
						if (c.name().equals("shape") || !enabled.isEmpty() && !enabled.containsKey(c.name())) continue;
						c.compute(data, enabled.getOrDefault(c.name(), Set.of())).forEach((k, val) -> f.put("original_" + c.name() + "_" + k, val));
					}
					if (names == null) names = new ArrayList<>(f.keySet());
					voxels[v] = new int[] { (int) padded.min(0) + x, (int) padded.min(1) + y, (int) padded.min(2) + z };
					out[v++] = f.values().stream().mapToDouble(Double::doubleValue).toArray();
				}
		if (values.length == 0) throw new IllegalArgumentException("empty lesion");
		return new Maps(voxels, names, out);
	}
}
