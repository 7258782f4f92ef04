package lesionradiomics.workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.features.FirstOrder;
import lesionradiomics.io.LongitudinalTable;
import lesionradiomics.outcome.DeltaFeatures;
import lesionradiomics.outcome.FisherExact;
import lesionradiomics.outcome.Recist;
import lesionradiomics.outcome.Roc;
import lesionradiomics.outcome.Spearman;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.ShortAxis;

/**
 * Two time points of each patient (the first two listed): features at both, lesions matched (label or lesion_id),
 * each lesion's RECIST measure (longest in-plane diameter, short axis for lymph nodes) and volume with their changes
 * and classes, the patient's RECIST 1.1 response, delta features and their patient-level aggregate, and the
 * association of a lesion variable with progression. A patient whose scans cannot be read is listed and the others
 * go on.
 */
public final class ResponseWorkflow {

	/** pyradiomics' diameter and volume used for the measures. */
	public static final String DIAMETER = "original_shape_Maximum2DDiameterSlice", VOLUME = "original_shape_MeshVolume",
			VOXEL_VOLUME = "original_shape_VoxelVolume";

	/**
	 * One lesion across the two time points (NaN where absent).
	 *
	 * @param measure  "long axis" or "short axis" (lymph nodes)
	 */
	public record LesionResponse(String patient, String key, String site, String measure, double measure0, double measure1, double volume0, double volume1,
			double voxelVolume0, double voxelVolume1, Recist.LesionClass byDiameter, Recist.LesionClass byVolume) {

		public double relativeMeasureChange() {
			return (measure1 - measure0) / measure0;
		}

		public double relativeVolumeChange() {
			return (volume1 - volume0) / volume0;
		}
	}

	/** The association of the variable with progression in one subgroup (NaN with the reason when not estimable). */
	public record Association(String subgroup, int lesions, int progressive, Roc roc, double bootstrapLower, double bootstrapUpper, Spearman spearman,
			double cutoff, FisherExact fisher, String reason) {}

	/**
	 * @param patients   patient → RECIST response
	 * @param delta      matched lesions' feature changes
	 * @param patientDelta patient → feature → aggregated relative change
	 * @param failures   patient → why it could not be used
	 */
	public record Result(ResponseOptions options, Map<String, List<String>> timepoints, List<LesionResponse> lesions, Map<String, Recist.PatientResponse> patients,
			DeltaFeatures.Result delta, Map<String, Map<String, Double>> patientDelta, List<Association> associations, Map<String, String> failures,
			List<String> notes) {}

	private ResponseWorkflow() {}

	private record Scan(FeatureMatrix features, Map<Long, Double> shortAxis) {}

	public static Result run(Map<String, List<LongitudinalTable.Scan>> cohort, ResponseOptions o, Execution execution) throws IOException {
		if (!o.extraction().featureSettings().enabledFeatures().isEmpty() && !o.extraction().featureSettings().enabledFeatures().containsKey("shape"))
			throw new IllegalArgumentException("the response needs the shape features (diameters and volumes): add shape to the classes");
		checkVariable(o);
		List<String> notes = new ArrayList<>();
		Map<String, String> failures = new LinkedHashMap<>();
		Map<String, List<String>> timepoints = new LinkedHashMap<>();
		List<FeatureMatrix> all0 = new ArrayList<>(), all1 = new ArrayList<>();
		Map<String, Double> shortAxes = new LinkedHashMap<>(); // patient/time/label -> mm
		int done = 0;
		for (Map.Entry<String, List<LongitudinalTable.Scan>> p : cohort.entrySet()) {
			execution.progress().checkCancelled();
			List<LongitudinalTable.Scan> scans = p.getValue();
			if (scans.size() > 2) notes.add("patient " + p.getKey() + ": " + scans.size() + " time points, the first two (" + scans.get(0).timepoint() + ", "
					+ scans.get(1).timepoint() + ") are compared");
			try {
				Scan s0 = scan(p.getKey(), scans.get(0), o, execution), s1 = scan(p.getKey(), scans.get(1), o, execution);
				all0.add(s0.features());
				all1.add(s1.features());
				s0.shortAxis().forEach((l, v) -> shortAxes.put(p.getKey() + "/0/" + l, v));
				s1.shortAxis().forEach((l, v) -> shortAxes.put(p.getKey() + "/1/" + l, v));
				timepoints.put(p.getKey(), List.of(scans.get(0).timepoint(), scans.get(1).timepoint()));
			} catch (IOException | IllegalArgumentException e) {
				failures.put(p.getKey(), e.getMessage());
			}
			execution.progress().update("patients", ++done, cohort.size());
		}
		if (all0.isEmpty()) {
			List<String> why = new ArrayList<>();
			failures.forEach((patient, reason) -> why.add("patient " + patient + ": " + reason));
			throw new IllegalArgumentException(failures.isEmpty() ? "the longitudinal table lists no patient" : "no patient could be evaluated: "
					+ String.join("; ", why));
		}
		FeatureMatrix m0 = CohortWorkflow.concat(all0), m1 = CohortWorkflow.concat(all1);
		DeltaFeatures.Result delta = DeltaFeatures.of(m0, m1);
		notes.addAll(delta.notes());

		Recist.Thresholds diameter = new Recist.Thresholds(o.progression(), o.response()), volume = new Recist.Thresholds(o.volumeProgression(), o.volumeResponse());
		Lookup at0 = Lookup.of(m0), at1 = Lookup.of(m1);
		List<LesionResponse> lesions = new ArrayList<>();
		for (DeltaFeatures.Pair pair : delta.pairs())
			lesions.add(lesion(pair.patient(), pair.key(), pair.baseline(), pair.followUp(), at0, at1, shortAxes, diameter, volume));
		for (FeatureMatrix.Lesion l : delta.disappeared()) lesions.add(lesion(l.patient(), key(l), l, null, at0, at1, shortAxes, diameter, volume));
		for (FeatureMatrix.Lesion l : delta.appeared()) lesions.add(lesion(l.patient(), key(l), null, l, at0, at1, shortAxes, diameter, volume));

		Map<String, Recist.PatientResponse> patients = new LinkedHashMap<>();
		for (String patient : timepoints.keySet()) {
			List<Recist.Lesion> rl = new ArrayList<>();
			for (LesionResponse l : lesions) if (l.patient().equals(patient)) rl.add(new Recist.Lesion(l.key(), l.site(), l.measure0(), l.measure1()));
			patients.put(patient, Recist.patient(rl));
		}
		Map<String, Map<String, Double>> patientDelta = patientDelta(delta, at0, o);
		List<Association> associations = o.variable().isEmpty() ? List.of() : associations(lesions, delta, at0, o, notes);
		return new Result(o, timepoints, lesions, patients, delta, patientDelta, associations, failures, notes);
	}

	private static String key(FeatureMatrix.Lesion l) {
		return l.annotations().containsKey(DeltaFeatures.LESION_ID) ? l.annotations().get(DeltaFeatures.LESION_ID) : Long.toString(l.label());
	}

	private static Scan scan(String patient, LongitudinalTable.Scan s, ResponseOptions o, Execution execution) throws IOException {
		ExtractionWorkflow.Input in = ExtractionWorkflow.read(s.image(), s.labels(), s.lesions(), patient, o.extraction());
		ExtractionWorkflow.Result r = ExtractionWorkflow.run(in, o.extraction(), execution);
		// a lesion that could not be computed would otherwise be absent: "new" at follow-up (PD) or "disappeared" at
		// baseline, a RECIST call nobody made; the patient is listed as not evaluable instead
		List<String> failed = new ArrayList<>();
		for (lesionradiomics.features.FeatureTable.Row row : r.table().failed())
			failed.add("label " + row.label() + (row.annotations().containsKey(DeltaFeatures.LESION_ID) ? " (lesion_id "
					+ row.annotations().get(DeltaFeatures.LESION_ID) + ")" : "") + ": " + row.features().error().orElse("not computed"));
		if (!failed.isEmpty())
			throw new IllegalArgumentException("time point " + s.timepoint() + ": " + String.join("; ", failed) + "; without it the lesion would be "
					+ "called new or disappeared, so the patient's response is not evaluated (remove the lesion from both time points to evaluate the rest)");
		FeatureMatrix m = MemoryStore.matrix(r.table());
		Map<Long, Double> axes = new LinkedHashMap<>();
		LabelMap labels = in.labels().asLabelMap();
		Map<Long, BoundingBox> boxes = labels.lesions();
		for (FeatureMatrix.Lesion l : m.lesions())
			if (Recist.isNode(l.site()) && boxes.containsKey(l.label())) axes.put(l.label(), ShortAxis.of(labels, l.label(), boxes.get(l.label())).shortAxis());
		return new Scan(m, axes);
	}

	private static LesionResponse lesion(String patient, String key, FeatureMatrix.Lesion l0, FeatureMatrix.Lesion l1, Lookup m0, Lookup m1,
			Map<String, Double> shortAxes, Recist.Thresholds diameter, Recist.Thresholds volume) {
		String site = l0 != null ? l0.site() : l1.site();
		boolean node = Recist.isNode(site);
		double d0 = node ? shortAxis(shortAxes, patient + "/0/", l0) : m0.get(l0, DIAMETER), d1 = node ? shortAxis(shortAxes, patient + "/1/", l1) : m1.get(l1, DIAMETER);
		double v0 = m0.get(l0, VOLUME), v1 = m1.get(l1, VOLUME);
		return new LesionResponse(patient, key, site, node ? "short axis" : "long axis", d0, d1, v0, v1, m0.get(l0, VOXEL_VOLUME), m1.get(l1, VOXEL_VOLUME),
				Recist.classify(d0, d1, diameter), Recist.classify(v0, v1, volume));
	}

	private static double shortAxis(Map<String, Double> shortAxes, String prefix, FeatureMatrix.Lesion l) {
		return l == null ? Double.NaN : shortAxes.getOrDefault(prefix + l.label(), Double.NaN);
	}

	/** A time point's features looked up by lesion (NaN for an absent lesion or feature), without scanning the table. */
	private record Lookup(FeatureMatrix m, Map<FeatureMatrix.Lesion, Integer> rows) {
		static Lookup of(FeatureMatrix m) {
			Map<FeatureMatrix.Lesion, Integer> rows = new java.util.IdentityHashMap<>();
			for (int i = 0; i < m.rows(); i++) rows.put(m.lesions().get(i), i);
			return new Lookup(m, rows);
		}

		double get(FeatureMatrix.Lesion l, String feature) {
			Integer row = l == null ? null : rows.get(l);
			int c = m.features().indexOf(feature);
			return row == null || c < 0 ? Double.NaN : m.get(row, c);
		}
	}

	/** Each feature's relative change aggregated per patient (over the chosen site), weights = baseline volumes. */
	private static Map<String, Map<String, Double>> patientDelta(DeltaFeatures.Result delta, Lookup m0, ResponseOptions o) {
		Map<String, Map<String, Double>> out = new LinkedHashMap<>();
		Map<String, List<DeltaFeatures.Pair>> byPatient = new LinkedHashMap<>();
		for (DeltaFeatures.Pair p : delta.pairs())
			if (o.deltaSite().isEmpty() || p.baseline().site().equalsIgnoreCase(o.deltaSite())) byPatient.computeIfAbsent(p.patient(), k -> new ArrayList<>()).add(p);
		byPatient.forEach((patient, pairs) -> {
			double[] volumes = pairs.stream().mapToDouble(p -> m0.get(p.baseline(), VOLUME)).toArray();
			Map<String, Double> values = new LinkedHashMap<>();
			for (int f = 0; f < delta.features().size(); f++) {
				int ff = f;
				values.put(delta.features().get(f), o.deltaAggregation().apply(pairs.stream().mapToDouble(p -> p.relative()[ff]).toArray(), volumes, 3));
			}
			out.put(patient, values);
		});
		return out;
	}

	/**
	 * The variable must name a column the extraction will write (or delta_ of one): checked before any image is read,
	 * not after every time point was extracted.
	 */
	static void checkVariable(ResponseOptions o) {
		if (o.variable().isEmpty()) return;
		boolean isDelta = o.variable().startsWith(ResponseOptions.DELTA);
		String feature = isDelta ? o.variable().substring(ResponseOptions.DELTA.length()) : o.variable();
		List<String> columns = lesionradiomics.features.FeatureRegistry.columns(o.extraction().featureSettings());
		if (!columns.contains(feature))
			throw new IllegalArgumentException("--variable '" + o.variable() + "' is not a feature column of this extraction (nor delta_ of one)"
					+ lesionradiomics.io.Names.didYouMean(feature, columns).replace("did you mean ", "did you mean " + (isDelta ? ResponseOptions.DELTA : "")));
	}

	private static List<Association> associations(List<LesionResponse> lesions, DeltaFeatures.Result delta, Lookup m0, ResponseOptions o, List<String> notes) {
		boolean isDelta = o.variable().startsWith(ResponseOptions.DELTA);
		String feature = isDelta ? o.variable().substring(ResponseOptions.DELTA.length()) : o.variable();
		int f = delta.features().indexOf(feature);
		if (f < 0) throw new IllegalArgumentException("variable '" + o.variable() + "' is not a feature (or delta_ of a feature) of the extraction");
		// the matched lesions (a disappeared lesion did not progress; new lesions have no baseline)
		List<double[]> rows = new ArrayList<>(); // value, progressive, relative volume change, baseline volume (mL)
		List<String> sites = new ArrayList<>(), patients = new ArrayList<>();
		Map<String, LesionResponse> byKey = new LinkedHashMap<>();
		for (LesionResponse l : lesions) byKey.put(l.patient() + "/" + l.key(), l);
		for (DeltaFeatures.Pair p : delta.pairs()) {
			LesionResponse l = byKey.get(p.patient() + "/" + p.key());
			double v = isDelta ? p.relative()[f] : m0.get(p.baseline(), feature);
			if (!Double.isFinite(v)) continue;
			rows.add(new double[] { v, l.byDiameter() == Recist.LesionClass.PROGRESSIVE ? 1 : 0, l.relativeVolumeChange(), l.volume0() / 1000 });
			sites.add(l.site());
			patients.add(l.patient());
		}
		notes.add("lesions of one patient are not independent: the DeLong interval assumes they are, the patient-level bootstrap interval does not");
		List<Association> out = new ArrayList<>();
		out.add(association("all lesions", rows, patients, o));
		for (String site : sites.stream().distinct().sorted().toList()) {
			List<Integer> idx = new ArrayList<>();
			for (int i = 0; i < sites.size(); i++) if (sites.get(i).equals(site)) idx.add(i);
			out.add(association("site " + site, idx.stream().map(rows::get).toList(), idx.stream().map(patients::get).toList(), o));
		}
		for (double min : o.minVolumeMl()) {
			List<Integer> idx = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) if (rows.get(i)[3] >= min) idx.add(i);
			out.add(association("baseline volume >= " + min + " mL", idx.stream().map(rows::get).toList(), idx.stream().map(patients::get).toList(), o));
		}
		return out;
	}

	private static Association association(String name, List<double[]> rows, List<String> patients, ResponseOptions o) {
		int n = rows.size(), prog = (int) rows.stream().filter(r -> r[1] == 1).count();
		if (prog == 0 || prog == n) return new Association(name, n, prog, null, Double.NaN, Double.NaN, null, Double.NaN, null,
				n == 0 ? "no lesion" : "all " + n + " lesions are " + (prog == 0 ? "non-" : "") + "progressive: no ROC");
		double[] v = rows.stream().mapToDouble(r -> r[0]).toArray();
		boolean[] y = new boolean[n];
		for (int i = 0; i < n; i++) y[i] = rows.get(i)[1] == 1;
		Roc roc = Roc.of(v, y);
		double[] volumeChange = rows.stream().mapToDouble(r -> r[2]).toArray();
		Spearman sp = n >= 3 ? Spearman.test(v, volumeChange) : null;
		double cut = o.cutoff().equals("youden") ? roc.threshold() : Double.parseDouble(o.cutoff());
		int a = 0, b = 0, c = 0, d = 0; // above the cut-off (predicted progressive) x progressive
		for (int i = 0; i < n; i++) {
			boolean high = v[i] >= cut;
			if (high && y[i]) a++;
			else if (high) b++;
			else if (y[i]) c++;
			else d++;
		}
		double[] boot = bootstrap(v, y, patients, o);
		return new Association(name, n, prog, roc, boot[0], boot[1], sp, cut, FisherExact.test(a, b, c, d), null);
	}

	/** Percentile 95 % interval of the AUC over patients resampled with replacement (their lesions kept together), seeded. */
	private static double[] bootstrap(double[] v, boolean[] y, List<String> patients, ResponseOptions o) {
		if (o.bootstrap() == 0) return new double[] { Double.NaN, Double.NaN };
		List<String> ids = patients.stream().distinct().sorted().toList();
		Map<String, List<Integer>> of = new LinkedHashMap<>();
		for (int i = 0; i < patients.size(); i++) of.computeIfAbsent(patients.get(i), k -> new ArrayList<>()).add(i);
		SplittableRandom random = new SplittableRandom(o.seed());
		List<Double> aucs = new ArrayList<>();
		for (int b = 0; b < o.bootstrap(); b++) {
			List<Integer> pick = new ArrayList<>();
			for (int k = 0; k < ids.size(); k++) pick.addAll(of.get(ids.get(random.nextInt(ids.size()))));
			double[] bv = pick.stream().mapToDouble(i -> v[i]).toArray();
			boolean[] by = new boolean[pick.size()];
			int pos = 0;
			for (int k = 0; k < by.length; k++) if (by[k] = y[pick.get(k)]) pos++;
			if (pos == 0 || pos == by.length) continue; // a resample with one class has no AUC
			aucs.add(Roc.auc(bv, by));
		}
		if (aucs.size() < 10) return new double[] { Double.NaN, Double.NaN };
		double[] s = aucs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new double[] { FirstOrder.percentile(s, 2.5), FirstOrder.percentile(s, 97.5) };
	}
}
