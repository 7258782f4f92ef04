package lesionradiomics.features;

/**
 * IBSI 1 neighbourhood grey tone difference features (reference manual 3.10): Chebyshev distance 1 (8 neighbours in a
 * slice for 2D and 2.5D, 26 in 3D), neighbours outside the intensity mask left out, and voxels without any neighbour
 * left out of s_i, n_i and N_v,c (IBSI; pyradiomics counts them with s = 0). The formulas are pyradiomics'
 * ({@link Ngtdm}); 2D averages the slices' features, 2.5D sums the slices' s_i and n_i.
 */
final class IbsiNgtdm {

	private final Ngtdm[] slices;

	IbsiNgtdm(IbsiGrid grid, IbsiAggregation aggregation) {
		int[][] ranges = aggregation.sliceRanges(grid.nz);
		int[] steps = grid.neighbourSteps(aggregation.inPlane());
		int[] lv = grid.padded;
		double[] nAll = new double[grid.ng], sAll = new double[grid.ng];
		java.util.List<Ngtdm> out = new java.util.ArrayList<>();
		for (int[] r : ranges) {
			double[] n = new double[grid.ng], s = new double[grid.ng];
			// in scan order, as s_i is a floating-point sum; the zero border bounds the neighbourhood (single slices
			// with in-plane neighbours, or all slices)
			for (int z = r[0]; z < r[1]; z++)
				for (int y = 0; y < grid.ny; y++)
					for (int p = grid.index(0, y, z), end = p + grid.nx; p < end; p++) {
						int level = lv[p];
						if (level == 0) continue;
						int count = 0, sum = 0;
						for (int st : steps) {
							int l = lv[p + st];
							count += l != 0 ? 1 : 0;
							sum += l; // 0 outside the mask
						}
						if (count == 0) continue;
						n[level - 1]++;
						s[level - 1] += Math.abs(level - (double) sum / count);
					}
			if (aggregation == IbsiAggregation.MERGED_SLICES_2_5D) {
				for (int k = 0; k < grid.ng; k++) {
					nAll[k] += n[k];
					sAll[k] += s[k];
				}
			} else if (total(n) > 0) out.add(new Ngtdm(grid.rowLevels, n, s));
		}
		if (aggregation == IbsiAggregation.MERGED_SLICES_2_5D) out.add(new Ngtdm(grid.rowLevels, nAll, sAll));
		slices = out.toArray(new Ngtdm[0]);
	}

	private static double total(double[] v) {
		double t = 0;
		for (double x : v) t += x;
		return t;
	}

	private double mean(java.util.function.ToDoubleFunction<Ngtdm> f) {
		double s = 0;
		for (Ngtdm m : slices) s += f.applyAsDouble(m);
		return slices.length == 0 ? Double.NaN : s / slices.length;
	}

	@IbsiFeature(name = "Coarseness", code = "QCDE") double coarseness() { return mean(Ngtdm::coarseness); }
	@IbsiFeature(name = "Contrast", code = "65HE") double contrast() { return mean(Ngtdm::contrast); }
	@IbsiFeature(name = "Busyness", code = "NQ30") double busyness() { return mean(Ngtdm::busyness); }
	@IbsiFeature(name = "Complexity", code = "HDEZ") double complexity() { return mean(Ngtdm::complexity); }
	@IbsiFeature(name = "Strength", code = "1X9X") double strength() { return mean(Ngtdm::strength); }
}
