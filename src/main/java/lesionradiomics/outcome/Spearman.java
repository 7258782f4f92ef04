package lesionradiomics.outcome;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Spearman's rank correlation as R's {@code cor.test(method = "spearman")} with ties (average ranks): rho is the
 * Pearson correlation of the ranks, the two-sided p-value the t approximation with n − 2 degrees of freedom (R uses it
 * whenever there are ties; without ties and n < 1290 R computes an exact p, which this does not).
 */
public record Spearman(int n, double rho, double pValue) {

	public static Spearman test(double[] x, double[] y) {
		int n = x.length;
		if (n < 3) throw new IllegalArgumentException("Spearman's test needs at least 3 pairs, has " + n);
		NaturalRanking rank = new NaturalRanking(TiesStrategy.AVERAGE);
		double rho = new PearsonsCorrelation().correlation(rank.rank(x), rank.rank(y));
		double t = rho / Math.sqrt((1 - rho * rho) / (n - 2));
		double p = 2 * TDistribution.of(n - 2).survivalProbability(Math.abs(t));
		return new Spearman(n, rho, Math.min(1, p));
	}
}
