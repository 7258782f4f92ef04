package lesionradiomics.features;

import lesionradiomics.volume.LesionRegion;

/**
 * A lesion ready for the feature families: the region as delineated (shape uses it), the mask after resegmentation
 * (intensity and texture use it), the intensities, and the discretised grey levels (0 outside the mask).
 */
public final class LesionData {

	private final LesionRegion region;
	private final boolean[] mask;
	private final int[] grayLevels;
	private final int voxelCount;
	private final FeatureSettings settings;
	private final int levelCount;
	/** Built on first use and shared by the texture families of this lesion (one thread per lesion). */
	private TextureGrid textureGrid;

	public LesionData(LesionRegion region, boolean[] mask, int[] grayLevels, FeatureSettings settings) {
		this(region, mask, grayLevels, settings, 0);
	}

	/**
	 * @param levelCount pyradiomics' Ng when the grey levels were binned over more than this mask (voxel maps: the
	 *                   lesion's highest bin); 0: the highest level in the mask
	 */
	public LesionData(LesionRegion region, boolean[] mask, int[] grayLevels, FeatureSettings settings, int levelCount) {
		this.levelCount = levelCount;
		this.region = region;
		this.mask = mask;
		this.grayLevels = grayLevels;
		this.settings = settings;
		int n = 0;
		for (boolean m : mask) if (m) n++;
		this.voxelCount = n;
	}

	/** The region with its original (delineated) mask. */
	public LesionRegion region() { return region; }
	/** The analysed mask (after resegmentation), read only. */
	public boolean[] mask() { return mask; }
	/** Discretised grey level per voxel of the region, 1.. inside the mask, 0 outside; read only. */
	public int[] grayLevels() { return grayLevels; }
	public int voxelCount() { return voxelCount; }
	public FeatureSettings settings() { return settings; }
	/** Ng given by the caller (0: from the mask). */
	int levelCount() { return levelCount; }
	public int[] size() { return region.size(); }
	public double[] spacing() { return region.spacing(); }
	public double[] values() { return region.values(); }

	TextureGrid textureGrid() {
		if (textureGrid == null) textureGrid = new TextureGrid(this);
		return textureGrid;
	}

	/** Intensities inside the analysed mask, in memory order. */
	public double[] maskedValues() {
		double[] v = region.values(), out = new double[voxelCount];
		for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) out[k++] = v[i];
		return out;
	}

	/** Grey levels inside the analysed mask, in memory order. */
	public int[] maskedGrayLevels() {
		int[] out = new int[voxelCount];
		for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) out[k++] = grayLevels[i];
		return out;
	}
}
