package lesionradiomics.outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RECIST 1.1 between a baseline and a follow-up, per lesion and per patient. A lesion's measure is its longest
 * in-plane diameter, or its short axis when it is a lymph node (its site names a node). Thresholds are relative
 * changes compared within 1e-9, so a measured 12.0 mm against 10.0 mm is +20 %.
 *
 * <p>Simplifications, stated: only target lesions and new lesions decide the patient's response (no non-target
 * assessment); with two time points the nadir is the baseline.
 */
public final class Recist {

	/** Per-lesion classes. */
	public enum LesionClass {
		PROGRESSIVE, RESPONDING, STABLE, DISAPPEARED, NEW;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Patient overall response. */
	public enum Response { CR, PR, SD, PD }

	/**
	 * @param progression relative increase that is progression (RECIST: 0.20)
	 * @param response    relative decrease that is response (RECIST: 0.30)
	 */
	public record Thresholds(double progression, double response) {
		public static final Thresholds DIAMETER = new Thresholds(0.20, 0.30);
		/** Volumetric reading: about the volume change of a sphere whose diameter changes by +20 % / −30 % (1.2³ − 1, 1 − 0.7³), +73 % / −65 % as usually cited. */
		public static final Thresholds VOLUME = new Thresholds(0.73, 0.65);
	}

	private static final double TOLERANCE = 1e-9;

	/** A lesion measured at baseline and/or follow-up (NaN where absent: new, or disappeared). */
	public record Lesion(String id, String site, double baseline, double followUp) {
		public boolean node() {
			return isNode(site);
		}
	}

	private Recist() {}

	/** True for lymph-node sites ("lymph node", "lymphnode", "node", "LN"). */
	public static boolean isNode(String site) {
		String s = site == null ? "" : site.toLowerCase(Locale.ROOT).replace(" ", "");
		return s.contains("node") || s.equals("ln");
	}

	/** The class of one lesion from its two measures (NaN = absent). */
	public static LesionClass classify(double baseline, double followUp, Thresholds t) {
		if (Double.isNaN(baseline) || baseline == 0 && followUp > 0) return LesionClass.NEW;
		if (Double.isNaN(followUp) || followUp == 0) return LesionClass.DISAPPEARED;
		double change = (followUp - baseline) / baseline;
		if (change >= t.progression() - TOLERANCE) return LesionClass.PROGRESSIVE;
		if (change <= -t.response() + TOLERANCE) return LesionClass.RESPONDING;
		return LesionClass.STABLE;
	}

	/** Measurable at baseline: longest diameter ≥ 10 mm, or short axis ≥ 15 mm for a node. */
	public static boolean measurable(Lesion l) {
		return !Double.isNaN(l.baseline()) && l.baseline() >= (l.node() ? 15 : 10);
	}

	/** Target lesions: the measurable baseline lesions, largest first, at most 5 in all and 2 per organ (site). */
	public static List<Lesion> targets(List<Lesion> lesions) {
		List<Lesion> candidates = new ArrayList<>(lesions.stream().filter(Recist::measurable).toList());
		candidates.sort(Comparator.comparingDouble(Lesion::baseline).reversed().thenComparing(Lesion::id));
		Map<String, Integer> perOrgan = new LinkedHashMap<>();
		List<Lesion> out = new ArrayList<>();
		for (Lesion l : candidates) {
			if (out.size() == 5) break;
			if (perOrgan.merge(l.site(), 1, Integer::sum) > 2) continue;
			out.add(l);
		}
		return out;
	}

	/**
	 * The patient's overall response from its target lesions and the new lesions.
	 *
	 * @param sumBaseline sum of the targets' measures at baseline
	 * @param sumFollowUp at follow-up (a disappeared target counts 0)
	 */
	public record PatientResponse(Response response, List<Lesion> targets, double sumBaseline, double sumFollowUp, double change, int newLesions,
			String reason) {}

	/**
	 * CR: every non-nodal target gone and every nodal target below 10 mm short axis; PR: sum −30 % or more; PD: sum
	 * +20 % or more and at least +5 mm, or a new lesion; SD otherwise.
	 */
	public static PatientResponse patient(List<Lesion> lesions) {
		List<Lesion> targets = targets(lesions);
		int fresh = (int) lesions.stream().filter(l -> Double.isNaN(l.baseline()) && !Double.isNaN(l.followUp()) && l.followUp() > 0).count();
		double b = 0, f = 0;
		for (Lesion l : targets) {
			b += l.baseline();
			f += Double.isNaN(l.followUp()) ? 0 : l.followUp();
		}
		double change = targets.isEmpty() ? Double.NaN : (f - b) / b;
		if (fresh > 0) return new PatientResponse(Response.PD, targets, b, f, change, fresh, fresh + " new lesion(s)");
		if (targets.isEmpty()) return new PatientResponse(null, targets, b, f, change, 0, "no measurable lesion at baseline: no target lesion");
		boolean complete = targets.stream().allMatch(l -> l.node() ? !(l.followUp() >= 10) : Double.isNaN(l.followUp()) || l.followUp() == 0);
		if (complete) return new PatientResponse(Response.CR, targets, b, f, change, 0, null);
		if (change >= 0.20 - TOLERANCE && f - b >= 5 - TOLERANCE) return new PatientResponse(Response.PD, targets, b, f, change, 0, null);
		if (change <= -0.30 + TOLERANCE) return new PatientResponse(Response.PR, targets, b, f, change, 0, null);
		return new PatientResponse(Response.SD, targets, b, f, change, 0, null);
	}
}
