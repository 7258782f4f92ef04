package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.demo.DicomExport;

/**
 * The demo patient P01 exported as DICOM (CT series + RTSTRUCT, by {@link DicomExport}): {@code cohort} on a table whose
 * image column points to the patient's DICOM folder (no labels column) writes the same tables as on the NRRD files,
 * and run.json lists the series and structure set UIDs.
 */
class DicomDemoCohortTest {

	@TempDir
	Path dir;

	static Path exportP01(Path dir) throws IOException {
		Path p = dir.resolve("P01_dicom");
		DicomExport.writePatient(CohortCommandTest.DEMO.resolve("P01_image.nrrd"), CohortCommandTest.DEMO.resolve("P01_labels.nrrd"), p, "P01",
				DicomExport.Uids.of("1.2.826.0.1.3680043.10.1.77"));
		return p;
	}

	@Test
	void cohortOnDicomGivesTheSameTablesAsOnNrrd() throws IOException {
		Path dicom = exportP01(dir);
		Path lesions = CohortCommandTest.DEMO.resolve("lesions.csv");
		Path nrrdTable = Files.writeString(dir.resolve("nrrd.csv"), "patient,image,labels,lesions,kvp\nP01," + CohortCommandTest.DEMO.resolve("P01_image.nrrd") + ","
				+ CohortCommandTest.DEMO.resolve("P01_labels.nrrd") + "," + lesions + ",120\n");
		Path dicomTable = Files.writeString(dir.resolve("dicom.csv"), "patient,image,lesions,kvp\nP01," + dicom + "," + lesions + ",120\n");
		Path a = dir.resolve("out_nrrd"), b = dir.resolve("out_dicom");
		assertEquals(0, CohortCommandTest.cohort("cohort", "--cohort", nrrdTable.toString(), "--simulations", "50", "--out", a.toString()));
		assertEquals(0, CohortCommandTest.cohort("cohort", "--cohort", dicomTable.toString(), "--simulations", "50", "--out", b.toString()));
		Map<String, String> x = CohortCommandTest.outputs(a), y = CohortCommandTest.outputs(b);
		assertEquals(x.keySet(), y.keySet());
		// the tables must be equal; complete.txt fingerprints the input files and report.html lists the DICOM UIDs read,
		// so those two name their inputs and differ by design
		for (String f : x.keySet())
			if (!f.endsWith(".png") && !f.endsWith(".svg") && !f.endsWith("complete.txt") && !f.equals("report.html")) assertEquals(x.get(f), y.get(f), f);
		String run = Files.readString(b.resolve("run.json"));
		assertTrue(run.contains("\"dicom_inputs\"") && run.contains("SeriesInstanceUID 1.2.826.0.1.3680043.10.1.77.2")
				&& run.contains("StructureSetSOPInstanceUID 1.2.826.0.1.3680043.10.1.77.4"), run);
	}

	/** {@code response} (two time points) on DICOM folders of P04 and P05 at E0 and E1: the same tables as on their NRRD files. */
	@Test
	void responseOnDicomGivesTheSameTablesAsOnNrrd() throws IOException {
		StringBuilder nrrd = new StringBuilder("patient,timepoint,image,labels,lesions\n"), dicom = new StringBuilder("patient,timepoint,image,lesions\n");
		int root = 80;
		for (String patient : new String[] { "P04", "P05" })
			for (String[] t : new String[][] { { "E0", "", "lesions.csv" }, { "E1", "_t1", "lesions_t1.csv" } }) {
				Path image = CohortCommandTest.DEMO.resolve(patient + t[1] + "_image.nrrd"), labels = CohortCommandTest.DEMO.resolve(patient + t[1] + "_labels.nrrd");
				Path folder = dir.resolve(patient + t[1] + "_dicom");
				DicomExport.writePatient(image, labels, folder, patient, DicomExport.Uids.of("1.2.826.0.1.3680043.10.1." + root++));
				String lesions = CohortCommandTest.DEMO.resolve(t[2]).toString();
				nrrd.append(patient).append(',').append(t[0]).append(',').append(image).append(',').append(labels).append(',').append(lesions).append('\n');
				dicom.append(patient).append(',').append(t[0]).append(',').append(folder).append(',').append(lesions).append('\n');
			}
		Path a = dir.resolve("response_nrrd"), b = dir.resolve("response_dicom");
		for (Object[] run : new Object[][] { { nrrd, a }, { dicom, b } }) {
			Path table = Files.writeString(dir.resolve(run[1] + ".csv"), run[0].toString());
			assertEquals(0, CohortCommandTest.cohort("response", "--cohort", table.toString(), "--variable", "original_firstorder_Mean", "--bootstrap", "100",
					"--out", run[1].toString()));
		}
		Map<String, String> x = CohortCommandTest.outputs(a), y = CohortCommandTest.outputs(b);
		assertEquals(x.keySet(), y.keySet());
		assertTrue(x.containsKey("lesion_response.csv") && x.containsKey("delta_features.csv"), x.keySet().toString());
		for (String f : x.keySet()) if (f.endsWith(".csv")) assertEquals(x.get(f), y.get(f), f);
	}

	/** {@code demo --dicom} writes the named cases as DICOM folders; an unknown case is refused before anything is written. */
	@Test
	void demoWritesCasesAsDicomAndRefusesAnUnknownCase() throws IOException {
		Path out = dir.resolve("demo");
		assertEquals(0, CohortCommandTest.cohort("demo", "--out", out.toString(), "--dicom", "P04,P04_t1"));
		assertTrue(Files.isRegularFile(out.resolve("P04_dicom/RTSTRUCT/rs.dcm")) && Files.isRegularFile(out.resolve("P04_t1_dicom/CT/CT0001.dcm")));
		String err = ExtractCommandsTest.stderrOf(() -> assertEquals(2, Cli.run("demo", "--out", dir.resolve("x").toString(), "--dicom", "P07")));
		assertTrue(err.contains("--dicom: no demo case 'P07'; the cases are P01, P02, P03, P04, P04_t1, P05, P05_t1, P06, P06_t1"), err);
		assertTrue(!Files.exists(dir.resolve("x/P01_image.nrrd")), "refused before anything is written");
	}
}
