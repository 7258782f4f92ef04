package lesionradiomics.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import lesionradiomics.io.AtomicFiles;

/**
 * One self-contained page that opens offline in any browser: headings, short texts, key tables and the figures that a
 * run wrote as SVG, embedded as data URIs (each figure keeps its own SVG id space, so clip paths of different figures
 * cannot collide). Nothing in it changes between two runs on the same input (timings stay in run.json), so reports
 * compare byte for byte like the tables.
 */
public final class HtmlReport {

	/** Rows shown per table before the rest is summarised as "…and N more rows (see FILE)". */
	static final int MAX_ROWS = 40;

	private final String title;
	private final StringBuilder body = new StringBuilder();
	private final List<String> contents = new ArrayList<>();
	private int figures;

	public HtmlReport(String title) {
		this.title = title;
	}

	/** A numbered section heading, also listed in the page's table of contents. */
	public HtmlReport section(String heading) {
		String id = "s" + (contents.size() + 1);
		contents.add("<li><a href=\"#" + id + "\">" + escape(heading) + "</a></li>");
		body.append("<h2 id=\"").append(id).append("\">").append(escape(heading)).append("</h2>\n");
		return this;
	}

	public HtmlReport paragraph(String text) {
		body.append("<p>").append(escape(text)).append("</p>\n");
		return this;
	}

	/** Messages a reader must not miss (failed patients, notes), as a highlighted list; nothing when empty. */
	public HtmlReport warnings(String heading, List<String> lines) {
		if (lines.isEmpty()) return this;
		body.append("<div class=\"warn\"><strong>").append(escape(heading)).append("</strong><ul>\n");
		for (String l : lines) body.append("<li>").append(escape(l)).append("</li>\n");
		body.append("</ul></div>\n");
		return this;
	}

	/** Name–value pairs (settings, versions) as a two-column table. */
	public HtmlReport keyValues(Map<String, ?> values) {
		body.append("<table class=\"kv\">\n");
		values.forEach((k, v) -> body.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(String.valueOf(v))).append("</td></tr>\n"));
		body.append("</table>\n");
		return this;
	}

	/** A table whose first row is the header; past {@link #MAX_ROWS} rows the rest is counted and its file named. */
	public HtmlReport table(String caption, List<List<String>> rows, String file) {
		if (rows.isEmpty()) return this;
		body.append("<table>\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
		for (String h : rows.get(0)) body.append("<th>").append(escape(h)).append("</th>");
		body.append("</tr></thead>\n<tbody>\n");
		int shown = Math.min(rows.size() - 1, MAX_ROWS);
		for (int i = 1; i <= shown; i++) {
			body.append("<tr>");
			for (String c : rows.get(i)) body.append(isNumber(c) ? "<td class=\"num\">" : "<td>").append(escape(readable(c))).append("</td>");
			body.append("</tr>\n");
		}
		body.append("</tbody></table>\n");
		if (rows.size() - 1 > shown)
			body.append("<p class=\"more\">…and ").append(rows.size() - 1 - shown).append(" more rows (see ").append(escape(file)).append(")</p>\n");
		return this;
	}

	/** The SVG file a report wrote, embedded; a missing file is said in the page instead of a broken image. */
	public HtmlReport figure(Path svg, String caption) throws IOException {
		if (!Files.isRegularFile(svg)) {
			body.append("<p class=\"more\">(figure ").append(escape(svg.getFileName().toString())).append(" was not drawn)</p>\n");
			return this;
		}
		figures++;
		String data = Base64.getEncoder().encodeToString(Files.readAllBytes(svg));
		body.append("<figure><img class=\"fig\" alt=\"").append(escape(caption)).append("\" src=\"data:image/svg+xml;base64,").append(data)
				.append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
		return this;
	}

	public int figureCount() {
		return figures;
	}

	public String html() {
		StringBuilder h = new StringBuilder();
		h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n");
		h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n").append(STYLE).append("</style>\n</head>\n");
		h.append("<body data-figures=\"").append(figures).append("\">\n<h1>").append(escape(title)).append("</h1>\n");
		h.append("<nav><ol>\n").append(String.join("\n", contents)).append("\n</ol></nav>\n");
		h.append(body);
		// lets a headless browser (CI) and a reader see that every figure rendered: the count lands in the footer
		h.append("<footer id=\"status\">Lesion Radiomics report</footer>\n<script>\nwindow.addEventListener('load', function () {\n")
				.append("  var imgs = document.querySelectorAll('img.fig'), ok = 0;\n")
				.append("  imgs.forEach(function (i) { if (i.complete && i.naturalWidth > 0) ok++; });\n")
				.append("  document.body.setAttribute('data-rendered', ok);\n")
				.append("  document.getElementById('status').textContent = 'Lesion Radiomics report: ' + ok + ' of ' + imgs.length + ' figures rendered';\n")
				.append("});\n</script>\n</body>\n</html>\n");
		return h.toString();
	}

	public void write(Path file) throws IOException {
		byte[] bytes = html().getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(file, out -> out.write(bytes));
	}

	private static boolean isNumber(String s) {
		try {
			Double.parseDouble(s);
			return true;
		} catch (NumberFormatException e) {
			return false;
		}
	}

	/**
	 * A table cell as a reader takes it in: numbers to 4 significant digits (0.9136, 1.586e-4), integers and words as
	 * they are; the CSV files beside the page keep full precision.
	 */
	static String readable(String cell) {
		if (!isNumber(cell) || cell.matches("-?\\d+")) return cell;
		double v = Double.parseDouble(cell);
		if (!Double.isFinite(v) || v == 0) return cell;
		double a = Math.abs(v);
		if (a < 1e-3 || a >= 1e6) return String.format(java.util.Locale.ROOT, "%.3e", v).replaceFirst("\\.?0+e", "e").replace("e-0", "e-").replace("e+0", "e+");
		return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
	}

	static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray())
			switch (c) {
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '&' -> b.append("&amp;");
				case '"' -> b.append("&quot;");
				default -> b.append(c);
			}
		return b.toString();
	}

	private static final String STYLE = """
			body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
			  color: #222; line-height: 1.45; }
			h1 { font-size: 1.6em; border-bottom: 2px solid #0072b2; padding-bottom: .3em; }
			h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
			nav ol { columns: 2; }
			table { border-collapse: collapse; margin: 1em 0; font-size: .85em; display: block; overflow-x: auto; }
			caption { text-align: left; font-weight: bold; padding: .3em 0; }
			th, td { border: 1px solid #ddd; padding: .2em .5em; text-align: left; vertical-align: top; }
			td.num { text-align: right; font-variant-numeric: tabular-nums; }
			thead th { background: #f0f4f8; position: sticky; top: 0; }
			table.kv th { background: #f7f7f7; font-weight: normal; }
			.warn { background: #fff4e5; border-left: 4px solid #e69f00; padding: .5em 1em; margin: 1em 0; }
			.more { color: #666; font-size: .85em; }
			figure { margin: 1.5em 0; }
			img.fig { max-width: 100%; height: auto; border: 1px solid #eee; }
			figcaption { color: #555; font-size: .85em; }
			footer { margin-top: 3em; color: #888; font-size: .8em; }
			""";
}
