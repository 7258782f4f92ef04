package lesionradiomics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LesionTableTest {

	@TempDir
	Path dir;

	Path csv(String text) throws IOException {
		Path p = dir.resolve("lesions.csv");
		Files.writeString(p, text);
		return p;
	}

	@Test
	void readsColumnsInAnyOrderWithQuotesAndExtras() throws IOException {
		LesionTable t = LesionTable.read(csv("\uFEFFSite,Label,Patient,size_mm\n\"lymph node, hilar\",3,P1,12\nliver,1,P1,30\nlung,2,P2,8\n"));
		assertEquals(List.of("P1", "P2"), t.patients());
		assertEquals("lymph node, hilar", t.forPatient("P1").find(3).get().site());
		assertEquals("12", t.find(3).get().extra().get("size_mm"));
		assertEquals(2, t.forPatient("P1").lesions().size());
	}

	@Test
	void badTablesNameFileLineAndProblem() throws IOException {
		String m = assertThrows(VolumeFormatException.class, () -> LesionTable.read(csv("patient,label\nP1,1\n"))).getMessage();
		assertTrue(m.contains("lesions.csv") && m.contains("site"), m);
		m = assertThrows(VolumeFormatException.class, () -> LesionTable.read(csv("patient,label,site\nP1,one,liver\n"))).getMessage();
		assertTrue(m.contains("line 2") && m.contains("'one'"), m);
		m = assertThrows(VolumeFormatException.class, () -> LesionTable.read(csv("patient,label,site\nP1,1,liver\nP1,1,lung\n"))).getMessage();
		assertTrue(m.contains("line 3") && m.contains("twice"), m);
		m = assertThrows(VolumeFormatException.class, () -> LesionTable.read(csv("patient,label,site\nP1,0,liver\n"))).getMessage();
		assertTrue(m.contains("background"), m);
	}
}
