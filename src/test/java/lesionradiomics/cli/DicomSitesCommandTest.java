package lesionradiomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.demo.DicomExport;
import lesionradiomics.io.Csv;
import lesionradiomics.volume.Geometry;

/**
 * Lesion tables from the delineation (no {@code --lesions}): an RTSTRUCT of four ROIs (GTV_liver_1, GTV_lung_2 of two
 * separate parts, GTV_bone_3, Heart) written by {@link DicomExport} gives one lesion per ROI, with the site from
 * {@code --site-regex}'s capture or from a {@code --site-map} file, or one per connected component with
 * {@code --split-components} (each keeping its ROI's site); bad regexes, a ROI without a site and a missing map file
 * are one-line errors naming the option, the ROI or the file.
 */
class DicomSitesCommandTest {

	@TempDir
	Path dir;

	static final int NX = 24, NY = 16, NZ = 6;

	/** A CT series + RTSTRUCT; returns the case folder. */
	Path write() throws IOException {
		Geometry g = new Geometry(new long[] { NX, NY, NZ }, new double[] { 1, 1, 2 }, new double[] { -20, -30, 10 }, Geometry.identity());
		short[] hu = new short[NX * NY * NZ];
		int[] labels = new int[hu.length];
		java.util.SplittableRandom r = new java.util.SplittableRandom(7);
		for (int i = 0; i < hu.length; i++) {
			int x = i % NX, y = i / NX % NY, z = i / (NX * NY);
			hu[i] = (short) (r.nextInt(200) - 50);
			boolean slab = z >= 1 && z <= 4;
			if (slab && y >= 2 && y <= 6 && x >= 1 && x <= 5) labels[i] = 1; // liver
			if (slab && y >= 2 && y <= 6 && (x >= 8 && x <= 11 || x >= 15 && x <= 18)) labels[i] = 2; // lung: two parts
			if (slab && y >= 9 && y <= 13 && x >= 2 && x <= 6) labels[i] = 3; // bone
			if (slab && y >= 9 && y <= 13 && x >= 12 && x <= 20) labels[i] = 4; // heart
		}
		DicomExport.Uids uids = DicomExport.Uids.of("1.2.826.0.1.3680043.10.1.62");
		Path p = dir.resolve("case");
		DicomExport.writeSeries(p.resolve("CT"), "S1", hu, g, uids);
		DicomExport.writeStructureSet(p.resolve("RTSTRUCT/rs.dcm"), "S1", labels, Map.of(1, "GTV_liver_1", 2, "GTV_lung_2", 3, "GTV_bone_3", 4, "Heart"), g, uids);
		return p;
	}

	/** label, site of each row of an extract run on the case ({@code extract --classes shape}), or the error. */
	List<String> extract(Path p, String... options) throws IOException {
		Path out = dir.resolve("f" + System.nanoTime() + ".csv");
		List<String> args = new ArrayList<>(List.of("extract", "--image", p.resolve("CT").toString(), "--labels", p.resolve("RTSTRUCT").toString(), "--classes", "shape",
				"--out", out.toString()));
		args.addAll(List.of(options));
		int[] code = new int[1];
		String err = ExtractCommandsTest.stderrOf(() -> code[0] = Cli.run(args.toArray(new String[0])));
		if (code[0] != 0) return List.of("exit " + code[0] + ": " + err.strip());
		List<String> rows = new ArrayList<>();
		for (List<String> row : Csv.read(out).subList(1, Csv.read(out).size())) rows.add(row.get(0) + " " + row.get(1) + " " + row.get(2));
		return rows;
	}

	@Test
	void sitesFromTheRegexCapture() throws IOException {
		Path p = write();
		assertEquals(List.of("S1 1 liver", "S1 2 lung", "S1 3 bone"), extract(p, "--roi", "GTV.*", "--site-regex", "GTV_(liver|lung|bone)_\\d+"));
	}

	@Test
	void sitesFromTheMappingFile() throws IOException {
		Path p = write();
		Path map = Files.writeString(dir.resolve("sites.csv"), "name,site\nGTV_liver_1,liver\ngtv_lung_2,lung\nGTV_bone_3,bone\nHeart,heart\n");
		assertEquals(List.of("S1 1 liver", "S1 2 lung", "S1 3 bone", "S1 4 heart"), extract(p, "--site-map", map.toString()));
		assertEquals(List.of("S1 1 GTV_liver_1", "S1 2 GTV_lung_2", "S1 3 GTV_bone_3", "S1 4 Heart"), extract(p), "no mapping: the ROI name is the site");
	}

	@Test
	void splitComponentsGivesOneLesionPerPartWithItsRoisSite() throws IOException {
		Path p = write();
		assertEquals(List.of("S1 1 liver", "S1 2 lung", "S1 3 lung", "S1 4 bone"),
				extract(p, "--roi", "GTV.*", "--site-regex", "GTV_(liver|lung|bone)_\\d+", "--split-components", "6"));
	}

	@Test
	void refusalsAreOneLineNamingTheOptionRoiOrFile() throws IOException {
		Path p = write();
		String tmp = dir.toString();
		assertEquals(List.of("exit 2: error: site-regex 'GTV_(liver' is not a regular expression: Unclosed group"), extract(p, "--site-regex", "GTV_(liver"));
		assertEquals(List.of("exit 2: error: site-regex 'GTV_liver_\\d+' needs a capture group (…) for the site"), extract(p, "--site-regex", "GTV_liver_\\d+"));
		assertEquals(List.of("exit 2: error: roi 'GTV_(' is not a regular expression: Unclosed group"), extract(p, "--roi", "GTV_("));
		assertEquals(List.of("exit 2: error: " + p.resolve("RTSTRUCT") + ": ROI 'Heart' has no site: it does not match --site-regex 'GTV_(liver|lung|bone)_\\d+'"
				+ " (choose lesions with --roi)"), extract(p, "--site-regex", "GTV_(liver|lung|bone)_\\d+"));
		Path partial = Files.writeString(dir.resolve("partial.csv"), "name,site\nGTV_liver_1,liver\n");
		assertEquals(List.of("exit 2: error: " + p.resolve("RTSTRUCT") + ": ROI 'GTV_lung_2' has no site: it is not in " + partial + " (choose lesions with --roi)"),
				extract(p, "--site-map", partial.toString()));
		assertEquals(List.of("exit 2: error: " + tmp + "/no_such_map.csv: file not found"), extract(p, "--site-map", dir.resolve("no_such_map.csv").toString()));
		Path bad = Files.writeString(dir.resolve("bad.csv"), "name,site\nGTV_liver_1\n");
		assertEquals(List.of("exit 2: error: " + bad + ": line 2: expected name,site"), extract(p, "--site-map", bad.toString()));
	}
}
