package lesionradiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * IBSI 1 grey level co-occurrence features (reference manual 3.6), Chebyshev distance 1, symmetric matrices over all
 * Ng grey levels. The formulas are pyradiomics' ({@link Glcm}, fed the matrices of the aggregation method): IBSI's
 * joint maximum is pyradiomics' MaximumProbability, joint variance SumSquares, dissimilarity DifferenceAverage, sum
 * variance ClusterTendency (Σ(k − μ_{x+y})² p_{x+y}(k) = Σ(i + j − 2μ)² p(i,j)), angular second moment JointEnergy.
 */
final class IbsiGlcm {

	private final Glcm m;

	IbsiGlcm(IbsiGrid grid, IbsiAggregation aggregation) {
		List<double[][]> matrices = new ArrayList<>();
		for (List<IbsiAggregation.Block> group : aggregation.groups(grid.nz)) {
			List<double[][]> parts = new ArrayList<>();
			for (IbsiAggregation.Block b : group) parts.add(grid.cooccurrence(b));
			double[][] sum = IbsiGrid.sum(parts);
			if (IbsiGrid.total(sum) > 0) matrices.add(sum); // slices or directions without pairs add no matrix
		}
		if (matrices.isEmpty()) matrices.add(new double[grid.ng][grid.ng]);
		m = new Glcm(matrices.toArray(new double[0][][]), grid.rowLevels, grid.ng, false);
	}

	@IbsiFeature(name = "Joint maximum", code = "GYBY") double jointMaximum() { return m.maximumProbability(); }
	@IbsiFeature(name = "Joint average", code = "60VM") double jointAverage() { return m.jointAverage(); }
	@IbsiFeature(name = "Joint variance", code = "UR99") double jointVariance() { return m.sumSquares(); }
	@IbsiFeature(name = "Joint entropy", code = "TU9B") double jointEntropy() { return m.jointEntropy(); }
	@IbsiFeature(name = "Difference average", code = "TF7R") double differenceAverage() { return m.differenceAverage(); }
	@IbsiFeature(name = "Difference variance", code = "D3YU") double differenceVariance() { return m.differenceVariance(); }
	@IbsiFeature(name = "Difference entropy", code = "NTRS") double differenceEntropy() { return m.differenceEntropy(); }
	@IbsiFeature(name = "Sum average", code = "ZGXS") double sumAverage() { return m.sumAverage(); }
	@IbsiFeature(name = "Sum variance", code = "OEEB") double sumVariance() { return m.clusterTendency(); }
	@IbsiFeature(name = "Sum entropy", code = "P6QZ") double sumEntropy() { return m.sumEntropy(); }
	@IbsiFeature(name = "Angular second moment", code = "8ZQL") double angularSecondMoment() { return m.jointEnergy(); }
	@IbsiFeature(name = "Contrast", code = "ACUI") double contrast() { return m.contrast(); }
	@IbsiFeature(name = "Dissimilarity", code = "8S9J") double dissimilarity() { return m.differenceAverage(); }
	@IbsiFeature(name = "Inverse difference", code = "IB1Z") double inverseDifference() { return m.id(); }
	@IbsiFeature(name = "Normalised inverse difference", code = "NDRX") double normalisedInverseDifference() { return m.idn(); }
	@IbsiFeature(name = "Inverse difference moment", code = "WF0Z") double inverseDifferenceMoment() { return m.idm(); }
	@IbsiFeature(name = "Normalised inverse difference moment", code = "1QCO") double normalisedInverseDifferenceMoment() { return m.idmn(); }
	@IbsiFeature(name = "Inverse variance", code = "E8JP") double inverseVariance() { return m.inverseVariance(); }
	@IbsiFeature(name = "Correlation", code = "NI2N") double correlation() { return m.correlation(); }
	@IbsiFeature(name = "Autocorrelation", code = "QWB0") double autocorrelation() { return m.autocorrelation(); }
	@IbsiFeature(name = "Cluster tendency", code = "DG8W") double clusterTendency() { return m.clusterTendency(); }
	@IbsiFeature(name = "Cluster shade", code = "7NFM") double clusterShade() { return m.clusterShade(); }
	@IbsiFeature(name = "Cluster prominence", code = "AE86") double clusterProminence() { return m.clusterProminence(); }
	@IbsiFeature(name = "Information correlation 1", code = "R8DG") double informationCorrelation1() { return m.imc1(); }
	@IbsiFeature(name = "Information correlation 2", code = "JN9H") double informationCorrelation2() { return m.imc2(); }
}
