package lesionradiomics.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import lesionradiomics.outcome.Recist.Lesion;
import lesionradiomics.outcome.Recist.LesionClass;
import lesionradiomics.outcome.Recist.Response;

/** RECIST 1.1 on hand-made cases covering every rule, boundaries exactly on +20 % and −30 %. */
class RecistTest {

	static final double NA = Double.NaN;

	@Test
	void lesionClassesAtTheBoundaries() {
		Recist.Thresholds t = Recist.Thresholds.DIAMETER;
		assertEquals(LesionClass.PROGRESSIVE, Recist.classify(10, 12, t), "+20 % exactly is progression");
		assertEquals(LesionClass.STABLE, Recist.classify(10, 11.99, t));
		assertEquals(LesionClass.RESPONDING, Recist.classify(10, 7, t), "-30 % exactly is response");
		assertEquals(LesionClass.STABLE, Recist.classify(10, 7.01, t));
		assertEquals(LesionClass.DISAPPEARED, Recist.classify(10, NA, t));
		assertEquals(LesionClass.DISAPPEARED, Recist.classify(10, 0, t));
		assertEquals(LesionClass.NEW, Recist.classify(NA, 8, t));
		assertEquals(LesionClass.PROGRESSIVE, Recist.classify(100, 173, Recist.Thresholds.VOLUME), "+73 % volume");
		assertEquals(LesionClass.RESPONDING, Recist.classify(100, 35, Recist.Thresholds.VOLUME), "-65 % volume");
	}

	@Test
	void targetsAreMeasurableLargestFirstFivePerPatientTwoPerOrgan() {
		List<Lesion> lesions = List.of(new Lesion("a", "liver", 50, 50), new Lesion("b", "liver", 40, 40), new Lesion("c", "liver", 30, 30),
				new Lesion("d", "lung", 20, 20), new Lesion("e", "lung", 9, 9), new Lesion("f", "lymph node", 14, 14), new Lesion("g", "lymph node", 16, 16),
				new Lesion("h", "bone", 12, 12), new Lesion("i", "adrenal", 11, 11), new Lesion("j", "peritoneum", 10.5, 10.5));
		// c: third liver lesion; e: below 10 mm; f: node below 15 mm short axis; j: sixth measurable
		assertEquals(List.of("a", "b", "d", "g", "h"), Recist.targets(lesions).stream().map(Lesion::id).toList());
	}

	@Test
	void patientResponseFollowsEveryRule() {
		// PD by the sum: 20 + 30 = 50 -> 60 is +20 % and +10 mm
		assertEquals(Response.PD, Recist.patient(List.of(new Lesion("a", "liver", 20, 24), new Lesion("b", "lung", 30, 36))).response());
		// +20 % but only +4 mm is not PD: 10 + 10 = 20 -> 24
		assertEquals(Response.SD, Recist.patient(List.of(new Lesion("a", "liver", 10, 12), new Lesion("b", "lung", 10, 12))).response());
		// PR exactly at -30 %
		assertEquals(Response.PR, Recist.patient(List.of(new Lesion("a", "liver", 40, 28), new Lesion("b", "lung", 20, 14))).response());
		// a new lesion is PD whatever the targets do
		Recist.PatientResponse withNew = Recist.patient(List.of(new Lesion("a", "liver", 40, 10), new Lesion("n", "bone", NA, 6)));
		assertEquals(Response.PD, withNew.response());
		assertEquals(1, withNew.newLesions());
		// CR: the non-nodal target disappeared, the node's short axis fell below 10 mm
		assertEquals(Response.CR, Recist.patient(List.of(new Lesion("a", "liver", 25, NA), new Lesion("n", "lymph node", 18, 9))).response());
		// not CR while a node stays at 10 mm: -44 % of the sum is PR
		assertEquals(Response.PR, Recist.patient(List.of(new Lesion("a", "liver", 25, NA), new Lesion("n", "lymph node", 18, 10))).response());
		// nothing measurable: no response, with the reason
		Recist.PatientResponse none = Recist.patient(List.of(new Lesion("a", "liver", 8, 9)));
		assertNull(none.response());
		assertEquals("no measurable lesion at baseline: no target lesion", none.reason());
	}
}
