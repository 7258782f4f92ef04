package lesionradiomics.outcome;

/**
 * Harrell's concordance as R's {@code survival::concordance} of a Cox fit: over the pairs whose shorter time ends in an
 * event (an event before a censoring at the same time), a higher risk score for the shorter time is concordant;
 * C = (concordant + tied risk / 2) / (concordant + discordant + tied risk); pairs with tied event times are left out.
 */
public record Concordance(double concordant, double discordant, double tiedRisk, double tiedTime, double c) {

	/** @param risk the risk score (higher = shorter expected survival), e.g. the Cox linear predictor */
	public static Concordance harrell(double[] time, boolean[] event, double[] risk) {
		double conc = 0, disc = 0, tiedX = 0, tiedY = 0;
		int n = time.length;
		for (int i = 0; i < n; i++) {
			if (!event[i]) continue;
			for (int j = 0; j < n; j++) {
				if (j == i) continue;
				if (time[j] < time[i]) continue;
				if (time[j] == time[i]) {
					if (event[j]) {
						if (j > i) tiedY++; // each tied pair once
						continue;
					}
				}
				if (risk[i] > risk[j]) conc++;
				else if (risk[i] < risk[j]) disc++;
				else tiedX++;
			}
		}
		return new Concordance(conc, disc, tiedX, tiedY, (conc + tiedX / 2) / (conc + disc + tiedX));
	}
}
