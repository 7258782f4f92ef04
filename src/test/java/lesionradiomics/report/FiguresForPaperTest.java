package lesionradiomics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lesionradiomics.analysis.HierarchicalClustering;
import lesionradiomics.outcome.Roc;
import lesionradiomics.workflow.ResponseWorkflow;
import lesionradiomics.workflow.SurvivalOptions;
import lesionradiomics.workflow.SurvivalWorkflow;

/** Figures a researcher can put in a paper: resolution, legible heatmaps, readable numbers, counts beside AUCs. */
class FiguresForPaperTest {

	@TempDir
	Path dir;

	private static Figure square() {
		return new Figure("square", 700, 500, g -> g.drawRect(10, 10, 100, 100));
	}

	/** PNG pHYs in pixels per metre, read back with ImageIO's standard PNG metadata. */
	private static long pixelsPerMetre(Path png) throws Exception {
		try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			reader.setInput(in);
			IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
			IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
			return Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis"));
		}
	}

	@Test
	void pngsAreWrittenAtTheirResolutionAndSayIt() throws Exception {
		Path png = dir.resolve("f.png");
		square().save(png); // default: 200 dpi, i.e. 2 pixels per 1/100-inch unit
		BufferedImage img = ImageIO.read(png.toFile());
		assertEquals(1400, img.getWidth());
		assertEquals(1000, img.getHeight());
		assertEquals(Math.round(200 / 0.0254), pixelsPerMetre(png));
		square().save(png, 300);
		assertEquals(2100, ImageIO.read(png.toFile()).getWidth());
		assertEquals(Math.round(300 / 0.0254), pixelsPerMetre(png));
		assertTrue(Files.isRegularFile(dir.resolve("f.svg")));
		assertThrows(IllegalArgumentException.class, () -> square().save(png, 20));
	}

	@Test
	void dissimilarityHeatmapOf69LesionsHasLegibleCellsDendrogramAndSiteBar() {
		int n = 69;
		List<String> names = new ArrayList<>(), sites = new ArrayList<>();
		double[][] d = new double[n][n];
		for (int i = 0; i < n; i++) {
			names.add((i + 1) + " " + (i % 3 == 0 ? "liver" : "bone") + " [1]");
			sites.add(i % 3 == 0 ? "liver" : "bone");
			for (int j = 0; j < n; j++) d[i][j] = i == j ? 0 : Math.abs(i - j) / (double) n;
		}
		Figure plain = Heatmap.figure("t", names, d, 0, 1, "cosine dissimilarity", null);
		Figure annotated = Heatmap.figure("t", names, d, 0, 1, "cosine dissimilarity", null, new HierarchicalClustering(d), new Heatmap.Groups("site", sites));
		// before: 640 / 69 = 9-unit cells with 8-point labels; now at least 12 units a cell
		assertTrue(plain.height() >= 12 * n, "cells of at least 12 units: height " + plain.height());
		assertTrue(annotated.height() > plain.height(), "the dendrogram takes room above the grid");
		assertTrue(annotated.width() > plain.width(), "the site bar takes room beside the labels");
		String svg = annotated.svg();
		assertTrue(svg.contains(">liver<") && svg.contains(">bone<") && svg.contains(">site<"), "site legend in the figure");
	}

	@Test
	void groupColoursFollowTheSortedLegend() {
		Heatmap.Groups g = new Heatmap.Groups("site", List.of("lung", "bone", "lung"));
		assertEquals(List.of("bone", "lung"), g.legend());
		assertEquals(g.colour(0), g.colour(2));
		assertFalse(g.colour(0).equals(g.colour(1)));
	}

	@Test
	void extremeHazardRatiosPrintAsShortWords() {
		// before: 0.0000000000131 and 1050000 (BigDecimal#toPlainString)
		assertEquals("1.31e-11", SurvivalReport.g3(1.31e-11));
		assertEquals("1.05e+6", SurvivalReport.g3(1_050_000));
		assertEquals("2.35", SurvivalReport.g3(2.3456));
		assertEquals("0.00123", SurvivalReport.g3(0.0012345));
		assertEquals("∞", SurvivalReport.g3(Double.POSITIVE_INFINITY));
	}

	@Test
	void hazardRatioPerStandardDeviationBesidePerUnit() throws Exception {
		// six patients, variable 1..6: SD (n − 1) = sqrt(3.5) by hand
		Map<String, Map<String, String>> patients = new LinkedHashMap<>(), clinical = new LinkedHashMap<>();
		double[] time = { 5, 8, 3, 12, 2, 9 };
		int[] event = { 1, 0, 1, 1, 1, 0 };
		for (int i = 0; i < 6; i++) {
			String id = "P" + i;
			patients.put(id, new HashMap<>(Map.of("patient", id, "score", Integer.toString(i + 1))));
			clinical.put(id, new HashMap<>(Map.of("patient", id, "time", Double.toString(time[i]), "event", Integer.toString(event[i]))));
		}
		SurvivalOptions o = new SurvivalOptions("score", "", "", 0.1, List.of(), "", 0, 1, true);
		SurvivalWorkflow.Result r = SurvivalWorkflow.run(patients, clinical, o, null);
		assertEquals(Math.sqrt(3.5), SurvivalReport.termSds(r)[0], 1e-12);
		List<List<String>> cox = SurvivalReport.coxRows(r);
		List<String> h = cox.get(0), row = cox.get(1);
		double coef = Double.parseDouble(row.get(h.indexOf("coef")));
		assertEquals(Math.exp(coef * Math.sqrt(3.5)), Double.parseDouble(row.get(h.indexOf("hr_per_sd"))), 1e-9);
		double lower = Double.parseDouble(row.get(h.indexOf("lower_95")));
		assertEquals(Math.pow(lower, Math.sqrt(3.5)), Double.parseDouble(row.get(h.indexOf("hr_per_sd_lower_95"))), 1e-9);
	}

	@Test
	void rocLegendGivesTheCountsAndWarnsWhenTooFew() {
		Roc roc = Roc.of(new double[] { 0.9, 0.1, 0.2, 0.3, 0.15 }, new boolean[] { true, false, false, false, false });
		ResponseWorkflow.Association a = new ResponseWorkflow.Association("all", 5, 1, roc, Double.NaN, Double.NaN, null, Double.NaN, null, null);
		String legend = ResponseReport.rocLegend(a);
		assertTrue(legend.contains("AUC 1.00"), legend);
		assertTrue(legend.contains("1 progressing vs 4 not"), legend);
		assertTrue(legend.contains("too few"), legend);
	}

	@Test
	void htmlNumbersAreReadableAndTextIsEscaped() {
		assertEquals("0.9136", HtmlReport.readable("0.9135643598"));
		assertEquals("1.585e-4", HtmlReport.readable("-1.5853706910986E-4".substring(1)));
		assertEquals("30", HtmlReport.readable("30"));
		assertEquals("liver", HtmlReport.readable("liver"));
		assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", HtmlReport.escape("a <b> & \"c\""));
		HtmlReport r = new HtmlReport("t");
		List<List<String>> rows = new ArrayList<>(List.of(List.of("n")));
		for (int i = 0; i < HtmlReport.MAX_ROWS + 7; i++) rows.add(List.of(Integer.toString(i)));
		String html = r.section("S").table("c", rows, "x.csv").html();
		assertTrue(html.contains("…and 7 more rows (see x.csv)"), "long tables are shortened");
		assertFalse(html.contains("http"), "nothing is fetched from the network");
	}
}
