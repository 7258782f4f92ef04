package lesionradiomics.features;

/**
 * Neighbouring Grey Tone Difference Matrix features of pyradiomics 3.0 ({@code radiomics/ngtdm.py}): for each voxel,
 * |grey level − mean grey level of its neighbours inside the mask| (0 when it has none), summed per grey level (s_i);
 * p_i is the fraction of voxels with grey level i.
 */
public final class Ngtdm {

	private final double[] i;
	private final double[] p;
	private final double[] s;
	private final double voxels;

	public Ngtdm(LesionData lesion) {
		this(matrix(lesion.textureGrid()));
	}

	private Ngtdm(double[][] levelsCountsSums) {
		this(levelsCountsSums[0], levelsCountsSums[1], levelsCountsSums[2]);
	}

	/**
	 * @param levels the grey levels present
	 * @param counts voxels per level
	 * @param sums   s_i per level
	 */
	Ngtdm(double[] levels, double[] counts, double[] sums) {
		i = levels;
		s = sums;
		double total = 0;
		for (double c : counts) total += c;
		voxels = total;
		p = new double[levels.length];
		for (int k = 0; k < p.length; k++) p[k] = counts[k] / total;
	}

	/** {levels, voxels per level, s_i per level} of the lesion. */
	private static double[][] matrix(TextureGrid grid) {
		int rows = grid.presentLevels.length;
		double[] n = new double[rows], s = new double[rows];
		TextureGrid.Padded padded = grid.padded();
		int[] paddedLevels = padded.levels(), offsets = padded.offsets();
		// neighbourhood is symmetric: each of the 13 pairs of directions is visited once per voxel and counts for both
		// voxels (each one's count and sum of the other's level). The sums are of integers, exact in int and in double
		// alike, so the mean sum / count is the 26-neighbour loop's to the bit
		int[] count = new int[paddedLevels.length], sum = new int[paddedLevels.length];
		for (int z = 0; z < grid.nz; z++)
			for (int y = 0; y < grid.ny; y++)
				for (int x = 0, pv = padded.index(0, y, z); x < grid.nx; x++, pv++) {
					int level = paddedLevels[pv];
					if (level == 0) continue;
					for (int k = 0; k < offsets.length; k += 2) {
						int w = pv + offsets[k], other = paddedLevels[w];
						if (other != 0) {
							count[pv]++;
							sum[pv] += other;
							count[w]++;
							sum[w] += level;
						}
					}
				}
		for (int z = 0; z < grid.nz; z++)
			for (int y = 0; y < grid.ny; y++)
				for (int x = 0, pv = padded.index(0, y, z); x < grid.nx; x++, pv++) {
					int level = paddedLevels[pv];
					if (level == 0) continue;
					int c = count[pv];
					double diff = c == 0 ? 0 : Math.abs(level - (double) sum[pv] / c);
					n[grid.levelRow[level]]++;
					s[grid.levelRow[level]] += diff;
				}
		return new double[][] { grid.levelValues(), n, s };
	}

	/** 1 / Σ p_i s_i; 10⁶ when the sum is 0 (flat region), as pyradiomics. */
	@Feature
	double coarseness() {
		double sum = 0;
		for (int k = 0; k < p.length; k++) sum += p[k] * s[k];
		return sum == 0 ? 1e6 : 1 / sum;
	}

	@Feature
	double contrast() {
		int ngp = 0;
		for (double v : p) if (v > 0) ngp++;
		if (ngp * (ngp - 1) == 0) return 0;
		double pairs = 0, sSum = 0;
		for (int a = 0; a < p.length; a++) {
			sSum += s[a];
			for (int b = 0; b < p.length; b++) pairs += p[a] * p[b] * (i[a] - i[b]) * (i[a] - i[b]);
		}
		return pairs * sSum / voxels / (ngp * (ngp - 1.0));
	}

	@Feature
	double busyness() {
		double num = 0, den = 0;
		for (int a = 0; a < p.length; a++) {
			num += p[a] * s[a];
			for (int b = 0; b < p.length; b++) if (p[a] > 0 && p[b] > 0) den += Math.abs(i[a] * p[a] - i[b] * p[b]);
		}
		return den == 0 ? 0 : num / den;
	}

	@Feature
	double complexity() {
		double sum = 0;
		for (int a = 0; a < p.length; a++)
			for (int b = 0; b < p.length; b++) {
				double div = p[a] + p[b];
				if (p[a] == 0 || p[b] == 0 || div == 0) continue;
				sum += Math.abs(i[a] - i[b]) * (p[a] * s[a] + p[b] * s[b]) / div;
			}
		return sum / voxels;
	}

	@Feature
	double strength() {
		double num = 0, sSum = 0;
		for (int a = 0; a < p.length; a++) {
			sSum += s[a];
			for (int b = 0; b < p.length; b++) if (p[a] > 0 && p[b] > 0) num += (p[a] + p[b]) * (i[a] - i[b]) * (i[a] - i[b]);
		}
		return sSum == 0 ? 0 : num / sSum;
	}
}
