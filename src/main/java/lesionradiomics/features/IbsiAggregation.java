package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * IBSI 1's texture aggregation methods (reference manual 3.1.x "aggregating features"): which matrices are built,
 * which are merged (summed) before the features are computed, and over which the features are averaged. Co-occurrence
 * and run length matrices have the six direction-wise methods; zone and neighbourhood matrices have no direction and
 * take 2D (per slice, averaged), 2.5D (slices merged) or 3D.
 */
public enum IbsiAggregation {
	AVG_2D("2D, averaged", "2D_avg"),
	SLICE_MERGED_2D("2D, slice-merged", "2D_smrg"),
	DIRECTION_MERGED_2_5D("2.5D, direction-merged", "2_5D_dmrg"),
	MERGED_2_5D("2.5D, merged", "2_5D_mrg"),
	AVG_3D("3D, averaged", "3D_avg"),
	MERGED_3D("3D, merged", "3D_mrg"),
	/** Zone and neighbourhood families: one matrix per slice, features averaged over slices. */
	SLICES_2D("2D", "2D"),
	/** Zone and neighbourhood families: the slices' matrices summed. */
	MERGED_SLICES_2_5D("2.5D", "2_5D"),
	/** Zone and neighbourhood families: one matrix of the volume. */
	VOLUME_3D("3D", "3D");

	private final String ibsiName;
	private final String tag;

	IbsiAggregation(String ibsiName, String tag) {
		this.ibsiName = ibsiName;
		this.tag = tag;
	}

	/** As the IBSI tables print it, e.g. "2.5D, direction-merged". */
	public String ibsiName() { return ibsiName; }
	/** The part of a column name, e.g. "2_5D_dmrg". */
	public String tag() { return tag; }

	/** True for the directional methods (GLCM, GLRLM). */
	public boolean directional() { return ordinal() <= MERGED_3D.ordinal(); }

	/** True when the matrices are in-plane (2D or 2.5D). */
	public boolean inPlane() { return this != AVG_3D && this != MERGED_3D && this != VOLUME_3D; }

	/** The directional methods of 2D/2.5D ({@code threeD} false) or 3D texture. */
	public static List<IbsiAggregation> directional(boolean threeD) {
		return threeD ? List.of(AVG_3D, MERGED_3D) : List.of(AVG_2D, SLICE_MERGED_2D, DIRECTION_MERGED_2_5D, MERGED_2_5D);
	}

	/** The zone/neighbourhood methods of 2D/2.5D or 3D texture. */
	public static List<IbsiAggregation> zonal(boolean threeD) {
		return threeD ? List.of(VOLUME_3D) : List.of(SLICES_2D, MERGED_SLICES_2_5D);
	}

	public static IbsiAggregation byName(String ibsiName) {
		for (IbsiAggregation a : values()) if (a.ibsiName.equals(ibsiName)) return a;
		throw new IllegalArgumentException("unknown IBSI aggregation '" + ibsiName + "'");
	}

	/** One block of a directional matrix: direction d over slices [z0, z1). */
	record Block(int[] d, int z0, int z1) {}

	/**
	 * The groups of blocks of a directional method: the blocks of a group are summed into one matrix, the features
	 * are averaged over the groups.
	 */
	List<List<Block>> groups(int nz) {
		List<List<Block>> out = new ArrayList<>();
		int[][] d2 = IbsiGrid.DIRECTIONS_2D, d3 = IbsiGrid.DIRECTIONS_3D;
		switch (this) {
		case AVG_2D:
			for (int z = 0; z < nz; z++) for (int[] d : d2) out.add(List.of(new Block(d, z, z + 1)));
			break;
		case SLICE_MERGED_2D:
			for (int z = 0; z < nz; z++) {
				List<Block> g = new ArrayList<>();
				for (int[] d : d2) g.add(new Block(d, z, z + 1));
				out.add(g);
			}
			break;
		case DIRECTION_MERGED_2_5D:
			for (int[] d : d2) out.add(List.of(new Block(d, 0, nz)));
			break;
		case MERGED_2_5D: {
			List<Block> g = new ArrayList<>();
			for (int[] d : d2) g.add(new Block(d, 0, nz));
			out.add(g);
			break;
		}
		case AVG_3D:
			for (int[] d : d3) out.add(List.of(new Block(d, 0, nz)));
			break;
		case MERGED_3D: {
			List<Block> g = new ArrayList<>();
			for (int[] d : d3) g.add(new Block(d, 0, nz));
			out.add(g);
			break;
		}
		default:
			throw new IllegalStateException(this + " is not directional");
		}
		return out;
	}

	/** The slice ranges of a zone/neighbourhood method: one matrix per range; 2.5D merges them afterwards. */
	int[][] sliceRanges(int nz) {
		if (this == VOLUME_3D) return new int[][] { { 0, nz } };
		int[][] out = new int[nz][];
		for (int z = 0; z < nz; z++) out[z] = new int[] { z, z + 1 };
		return out;
	}
}
