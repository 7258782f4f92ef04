package lesionradiomics.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.descriptive.Median;

import lesionradiomics.io.PatientTable;
import lesionradiomics.io.VolumeFormatException;
import lesionradiomics.outcome.Cox;
import lesionradiomics.outcome.CutPoint;
import lesionradiomics.outcome.KaplanMeier;
import lesionradiomics.outcome.LogRank;
import lesionradiomics.outcome.ProportionalHazards;

/**
 * Survival of a patient-level variable: the patient table joined to the clinical table (patients on one side only are
 * listed, never dropped silently), Cox models of the variable (alone, then with the covariates), and with a cut-off
 * (given, the median, or survminer's optimal one) Kaplan–Meier curves, log-rank test and hazard ratio of high vs low —
 * on all patients, or with a seeded train/test split where the cut-off is chosen on the training patients only and
 * applied unchanged to the test patients (Sun et al. 2022's validation).
 */
public final class SurvivalWorkflow {

	/** One joined patient; {@code group} is "low" (value ≤ cut-off), "high" or "" without a cut-off. */
	public record Subject(String patient, double time, boolean event, double value, double[] covariates, String stratum, String set, String group) {}

	/** The Kaplan–Meier curve of one group of one set. */
	public record GroupCurve(String set, String group, int n, int events, KaplanMeier.Curve curve, KaplanMeier.Median median) {}

	/**
	 * One set (all, train or test) split at the cut-off.
	 *
	 * @param logRank high vs low, or null with the reason
	 * @param hazard  Cox of high (1) vs low (0)
	 */
	public record SetResult(String set, List<GroupCurve> curves, LogRank logRank, Cox.Fit hazard, String reason) {}

	/**
	 * @param cutoff        the cut-off applied (NaN without one)
	 * @param cutPoint      the optimisation when asked (on the training set), or null
	 * @param continuous    Cox of the variable alone, all patients
	 * @param multivariate  with the covariates, or null without covariates
	 */
	public record Result(SurvivalOptions options, List<Subject> subjects, double cutoff, CutPoint cutPoint, Cox.Fit continuous,
			ProportionalHazards continuousZph, Cox.Fit multivariate, ProportionalHazards multivariateZph, List<SetResult> sets, List<String> notes) {}

	private SurvivalWorkflow() {}

	/** Reads both tables and runs {@link #run(Map, Map, SurvivalOptions, Path)}. */
	public static Result run(Path patients, Path clinical, SurvivalOptions o) throws IOException {
		return run(PatientTable.read(patients), PatientTable.read(clinical), o, clinical);
	}

	public static Result run(Map<String, Map<String, String>> patients, Map<String, Map<String, String>> clinical, SurvivalOptions o, Path clinicalSource)
			throws IOException {
		if (o.variable().isEmpty()) throw new IllegalArgumentException("give the patient-level variable to analyse (--variable, e.g. score_min)");
		List<String> notes = new ArrayList<>();
		if (patients.isEmpty()) throw new IllegalArgumentException("the patient table has a header but no patient rows");
		if (clinical.isEmpty()) throw new VolumeFormatException(clinicalSource, "the clinical table has a header but no patient rows");
		boolean found = patients.values().stream().anyMatch(r -> r.containsKey(o.variable()));
		if (!found)
			throw new IllegalArgumentException("the patient table has no column '" + o.variable() + "'; it has "
					+ patients.values().stream().findFirst().map(Map::keySet).map(Object::toString).orElse("no rows"));
		for (String c : List.of(o.timeColumn(), o.eventColumn()))
			if (clinical.values().stream().noneMatch(r -> r.containsKey(c)))
				throw new VolumeFormatException(clinicalSource, "the clinical table needs the columns " + o.timeColumn() + " and " + o.eventColumn()
						+ (o.endpoint().isEmpty() ? " (or give --endpoint, e.g. os for os_time/os_event)" : ""));
		if (!o.strata().isEmpty() && clinical.values().stream().noneMatch(r -> r.containsKey(o.strata()))
				&& patients.values().stream().noneMatch(r -> r.containsKey(o.strata())))
			throw new IllegalArgumentException("strata column '" + o.strata() + "' is in neither the clinical nor the patient table");
		for (String c : o.covariates())
			if (clinical.values().stream().noneMatch(r -> r.containsKey(c)) && patients.values().stream().noneMatch(r -> r.containsKey(c)))
				throw new IllegalArgumentException("covariate '" + c + "' is in neither the clinical nor the patient table");

		List<String> noClinical = new ArrayList<>(), noValue = new ArrayList<>();
		List<Subject> subjects = new ArrayList<>();
		for (Map.Entry<String, Map<String, String>> e : patients.entrySet()) {
			String id = e.getKey();
			Map<String, String> c = clinical.get(id);
			if (c == null) {
				noClinical.add(id);
				continue;
			}
			double value = number(e.getValue().get(o.variable()), "patient table: patient " + id + ": " + o.variable(), null);
			double time = number(c.get(o.timeColumn()), "patient " + id + ": " + o.timeColumn(), clinicalSource);
			String ev = c.getOrDefault(o.eventColumn(), "").trim();
			if (!ev.isEmpty() && !ev.equals("0") && !ev.equals("1"))
				throw new VolumeFormatException(clinicalSource, "patient " + id + ": " + o.eventColumn() + " must be 1 (event) or 0 (censored), is '" + ev + "'");
			if (Double.isFinite(time) && time < 0) throw new VolumeFormatException(clinicalSource, "patient " + id + ": negative " + o.timeColumn() + " " + time);
			double[] cov = new double[o.covariates().size()];
			boolean complete = Double.isFinite(value) && Double.isFinite(time) && !ev.isEmpty();
			for (int k = 0; k < cov.length; k++) {
				String name = o.covariates().get(k);
				cov[k] = number(c.containsKey(name) ? c.get(name) : e.getValue().get(name), "patient " + id + ": covariate " + name,
						c.containsKey(name) ? clinicalSource : null);
				complete &= Double.isFinite(cov[k]);
			}
			if (!complete) {
				noValue.add(id);
				continue;
			}
			String stratum = o.strata().isEmpty() ? "" : c.getOrDefault(o.strata(), e.getValue().getOrDefault(o.strata(), "")).trim();
			if (!o.strata().isEmpty() && stratum.isEmpty()) {
				noValue.add(id);
				continue;
			}
			subjects.add(new Subject(id, time, ev.equals("1"), value, cov, stratum, "all", ""));
		}
		List<String> noPatient = new ArrayList<>();
		for (String id : clinical.keySet()) if (!patients.containsKey(id)) noPatient.add(id);
		if (!noClinical.isEmpty()) notes.add(noClinical.size() + " patient(s) of the patient table have no clinical row and are left out: " + String.join(", ", noClinical));
		if (!noPatient.isEmpty()) notes.add(noPatient.size() + " patient(s) of the clinical table have no patient-level row and are left out: " + String.join(", ", noPatient));
		if (!noValue.isEmpty())
			notes.add(noValue.size() + " patient(s) miss the variable, the time, the event or a covariate and are left out: " + String.join(", ", noValue));
		if (subjects.size() < 2) throw new IllegalArgumentException("only " + subjects.size() + " patient(s) with both tables complete: nothing to analyse");

		if (o.trainFraction() > 0) {
			subjects = split(subjects, o);
			long train = subjects.stream().filter(x -> x.set().equals("train")).count(), test = subjects.size() - train;
			if (train < 2 || test < 2) // else the cut-off (chosen on no training patient) or the test comparison silently vanish
				throw new IllegalArgumentException("--train-fraction " + o.trainFraction() + " gives " + train + " training and " + test + " test patient(s) of "
						+ subjects.size() + ": each set needs at least 2; use a fraction nearer 0.5 or no split");
		}
		Model continuous = model(subjects, s -> new double[] { s.value() }, List.of(o.variable()));
		Model multivariate = new Model(null, null);
		if (!o.covariates().isEmpty()) {
			List<String> names = new ArrayList<>(List.of(o.variable()));
			names.addAll(o.covariates());
			java.util.function.Function<Subject, double[]> row = s -> {
				double[] r = new double[1 + s.covariates().length];
				r[0] = s.value();
				System.arraycopy(s.covariates(), 0, r, 1, s.covariates().length);
				return r;
			};
			multivariate = model(subjects, row, names);
		}
		if (continuous.fit().reason() != null) notes.add("Cox of " + o.variable() + ": " + continuous.fit().reason());

		double cutoff = Double.NaN;
		CutPoint cp = null;
		List<Subject> training = subjects.stream().filter(s -> !s.set().equals("test")).toList();
		if (!o.cutoff().isEmpty()) {
			double[] v = training.stream().mapToDouble(Subject::value).toArray();
			if (o.cutoff().equals("median")) cutoff = Median.withDefaults().withCopy(true).evaluate(v); // R's median
			else if (o.cutoff().equals("optimal")) {
				if (training.stream().noneMatch(Subject::event))
					throw new IllegalArgumentException("no events among the " + training.size() + (o.trainFraction() > 0 ? " training" : "")
							+ " patients: an optimal cut-off (maximally selected log-rank) needs events; give --cutoff median or a value");
				cp = CutPoint.optimal(training.stream().mapToDouble(Subject::time).toArray(), events(training), v, o.minprop());
				cutoff = cp.cutoff();
			} else cutoff = Double.parseDouble(o.cutoff());
		}
		List<SetResult> sets = new ArrayList<>();
		if (!Double.isNaN(cutoff)) {
			double cut = cutoff;
			List<Subject> grouped = new ArrayList<>();
			for (Subject s : subjects) grouped.add(new Subject(s.patient(), s.time(), s.event(), s.value(), s.covariates(), s.stratum(), s.set(), s.value() <= cut ? "low" : "high"));
			subjects = grouped;
			for (String set : o.trainFraction() > 0 ? List.of("train", "test") : List.of("all")) sets.add(set(set, subjects));
		} else sets.add(new SetResult("all", List.of(curve("all", "all", subjects)), null, null, "no cut-off asked: the variable is analysed as continuous"));
		return new Result(o, subjects, cutoff, cp, continuous.fit(), continuous.zph(), multivariate.fit(), multivariate.zph(), sets, notes);
	}

	private static SetResult set(String set, List<Subject> all) {
		List<Subject> members = all.stream().filter(s -> s.set().equals(set)).toList();
		List<Subject> low = members.stream().filter(s -> s.group().equals("low")).toList(), high = members.stream().filter(s -> s.group().equals("high")).toList();
		List<GroupCurve> curves = new ArrayList<>();
		if (!low.isEmpty()) curves.add(curve(set, "low", low));
		if (!high.isEmpty()) curves.add(curve(set, "high", high));
		if (low.isEmpty() || high.isEmpty())
			return new SetResult(set, curves, null, null, "all " + members.size() + " patients of the " + set + " set are " + (low.isEmpty() ? "above" : "at or below")
					+ " the cut-off: no comparison");
		if (members.stream().noneMatch(Subject::event)) return new SetResult(set, curves, null, null, "no events in the " + set + " set: no comparison");
		LogRank lr = LogRank.test(members.stream().mapToDouble(Subject::time).toArray(), events(members),
				members.stream().map(Subject::group).toArray(String[]::new),
				members.get(0).stratum().isEmpty() ? null : members.stream().map(Subject::stratum).toArray(String[]::new));
		if (Double.isNaN(lr.chiSquare())) return new SetResult(set, curves, null, null, "the log-rank test has no comparison within any stratum");
		Cox.Fit hr = Cox.fit(members.stream().mapToDouble(Subject::time).toArray(), events(members),
				members.stream().map(s -> new double[] { s.group().equals("high") ? 1 : 0 }).toArray(double[][]::new), List.of("high vs low"));
		return new SetResult(set, curves, lr, hr, hr.reason());
	}

	private static GroupCurve curve(String set, String group, List<Subject> members) {
		KaplanMeier.Curve c = KaplanMeier.fit(members.stream().mapToDouble(Subject::time).toArray(), events(members));
		return new GroupCurve(set, group, members.size(), (int) members.stream().filter(Subject::event).count(), c, KaplanMeier.median(c));
	}

	/** A Cox fit and its proportional-hazards test (null when the fit failed). */
	private record Model(Cox.Fit fit, ProportionalHazards zph) {}

	private static Model model(List<Subject> subjects, java.util.function.Function<Subject, double[]> row, List<String> names) {
		double[][] x = subjects.stream().map(row).toArray(double[][]::new);
		double[] time = subjects.stream().mapToDouble(Subject::time).toArray();
		boolean[] event = events(subjects);
		Cox.Fit fit = Cox.fit(time, event, x, names);
		return new Model(fit, fit.reason() != null ? null : ProportionalHazards.test(time, event, x, fit.terms().stream().mapToDouble(Cox.Term::coef).toArray()));
	}

	private static boolean[] events(List<Subject> s) {
		boolean[] e = new boolean[s.size()];
		for (int i = 0; i < e.length; i++) e[i] = s.get(i).event();
		return e;
	}

	/** Seeded split of the patients (sorted by name first, so the input's order does not matter), by event status when asked. */
	static List<Subject> split(List<Subject> subjects, SurvivalOptions o) {
		java.util.Random random = new java.util.Random(o.seed());
		List<List<Subject>> strata = new ArrayList<>();
		List<Subject> sorted = new ArrayList<>(subjects);
		sorted.sort(java.util.Comparator.comparing(Subject::patient));
		if (o.stratifyByEvent()) {
			strata.add(sorted.stream().filter(Subject::event).toList());
			strata.add(sorted.stream().filter(s -> !s.event()).toList());
		} else strata.add(sorted);
		Map<String, String> setOf = new LinkedHashMap<>();
		for (List<Subject> stratum : strata) {
			List<Subject> shuffled = new ArrayList<>(stratum);
			java.util.Collections.shuffle(shuffled, random);
			int train = (int) Math.round(o.trainFraction() * shuffled.size());
			for (int i = 0; i < shuffled.size(); i++) setOf.put(shuffled.get(i).patient(), i < train ? "train" : "test");
		}
		List<Subject> out = new ArrayList<>();
		for (Subject s : subjects) out.add(new Subject(s.patient(), s.time(), s.event(), s.value(), s.covariates(), s.stratum(), setOf.get(s.patient()), s.group()));
		return out;
	}

	/**
	 * A number, or NaN for a missing value (empty, NA, NaN); anything else is an error naming {@code what} (and the
	 * file when known), never a silently missing patient.
	 */
	private static double number(String text, String what, Path file) throws VolumeFormatException {
		if (text == null || text.isBlank() || text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("na")) return Double.NaN;
		try {
			return Double.parseDouble(text.trim());
		} catch (NumberFormatException e) {
			String message = what + " is '" + text.trim() + "', not a number (leave it empty or NA when missing)";
			if (file != null) throw new VolumeFormatException(file, message);
			throw new IllegalArgumentException(message);
		}
	}

}
