package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.sampling.PatientLesions;
import lesionradiomics.sampling.Simulation;
import lesionradiomics.sampling.Strategy;

/** Sampling recovery of every patient with the study's strategies, and recovery curves. */
public final class SamplingWorkflow {

	/** Column with the lesion size RECIST and "largest" use. */
	public static final String DIAMETER = "original_shape_Maximum2DDiameterSlice";

	/**
	 * @param simulation per patient and for the cohort: recovered % per strategy and curve point
	 * @param options    the options it ran with
	 * @param excluded   patients without a heterogeneity index to recover, and why (left out of the cohort means)
	 * @param notes      lesions left out, strategies that could not rank lesions
	 */
	public record Result(Simulation.Result simulation, SamplingOptions options, List<Excluded> excluded, List<String> notes) {}

	/** A patient left out of the sampling analysis: its number of analysable lesions and the reason. */
	public record Excluded(String patient, int lesions, String reason) {}

	private SamplingWorkflow() {}

	/**
	 * @param analysed the features distances are computed on
	 * @param full     every feature of the same lesions (lesion sizes come from here)
	 */
	public static Result run(FeatureMatrix analysed, FeatureMatrix full, SamplingOptions o, Execution execution) {
		List<String> notes = new ArrayList<>(checkSites(o.excludeSites(), full));
		List<PatientLesions> patients = new ArrayList<>();
		List<Excluded> excluded = new ArrayList<>();
		for (PatientLesions p : patients(analysed, full, o.scaling(), notes)) {
			// listed, not scored 0 % (which would pull every cohort mean down, exhaustive sampling included)
			String why = p.undefinedIndexReason();
			if (why == null) patients.add(p);
			else {
				excluded.add(new Excluded(p.patient(), p.size(), why));
				notes.add("patient " + p.patient() + " left out of sampling: " + why);
			}
		}
		if (patients.isEmpty()) throw new IllegalArgumentException("no patient has two distinct analysable lesions: nothing to sample");
		List<Strategy> strategies = new ArrayList<>(List.of(Strategy.exhaustive()));
		strategies.addAll(Simulation.studyStrategies(o.excludeSites()));
		Simulation.Result r = new Simulation(o.simulations(), o.seed(), o.ratio()).run(patients, strategies, SamplingOptions.KMIN, o.kmax(),
				execution.executor(), execution.progress());
		return new Result(r, o, excluded, notes);
	}

	/**
	 * A site to exclude that is not in the table but close to one of its sites is a typo ("bones" for "bone") and
	 * refused: it would exclude nothing and the RECIST-like strategy would silently sample bone. One far from every
	 * site (the default "bone" in a cohort without bone lesions) excludes nothing, and a note says so.
	 */
	static List<String> checkSites(List<String> exclude, FeatureMatrix full) {
		List<String> sites = full.lesions().stream().map(FeatureMatrix.Lesion::site).filter(s -> !s.isEmpty()).distinct().sorted().toList();
		List<String> notes = new ArrayList<>();
		for (String s : exclude) {
			if (sites.contains(s)) continue;
			String near = lesionradiomics.io.Names.closest(s, sites);
			if (near != null)
				throw new IllegalArgumentException("--exclude-sites: '" + s + "' is not a site of the lesion table (sites: " + String.join(", ", sites)
						+ "); did you mean " + near + "?");
			notes.add("no lesion at site '" + s + "': the RECIST-like strategy excludes nothing for it");
		}
		return notes;
	}

	/** The patients' lesions and distances, from the analysed features and the lesion sizes of the full table. */
	static List<PatientLesions> patients(FeatureMatrix analysed, FeatureMatrix full, Dissimilarity.Scaling scaling, List<String> notes) {
		boolean haveSize = full.features().contains(DIAMETER);
		if (!haveSize) notes.add("no " + DIAMETER + " column: RECIST and 'largest' strategies cannot rank lesions by size");
		Map<String, Double> size = new HashMap<>();
		if (haveSize) {
			double[] d = full.column(DIAMETER);
			for (int i = 0; i < full.rows(); i++) size.put(full.lesions().get(i).toString(), d[i]);
		}
		List<PatientLesions> out = new ArrayList<>();
		for (Dissimilarity.Patient p : Dissimilarity.perPatient(analysed, new Dissimilarity.Scaler(analysed, scaling))) {
			for (String e : p.excluded) notes.add("patient " + p.patient + ", " + e);
			int n = p.lesions.size();
			long[] labels = new long[n];
			double[] diam = new double[n];
			List<String> sites = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				FeatureMatrix.Lesion l = p.lesions.get(i);
				labels[i] = l.label();
				sites.add(l.site());
				diam[i] = size.getOrDefault(l.toString(), Double.NaN);
			}
			out.add(new PatientLesions(p.patient, labels, sites, diam, p.distance));
		}
		return out;
	}
}
