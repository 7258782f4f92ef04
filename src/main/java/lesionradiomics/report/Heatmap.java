package lesionradiomics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

import lesionradiomics.analysis.HierarchicalClustering;

/**
 * A labelled heatmap of a square matrix (e.g. |correlation| of features, or dissimilarity of lesions) with names on
 * both axes, a colour bar and a title; rendered with Java2D so it works headless, saved as PNG.
 */
public final class Heatmap {

	private Heatmap() {}

	/**
	 * @param values     matrix in display order; NaN cells are grey
	 * @param min        value of the lowest colour
	 * @param max        value of the highest colour
	 * @param scaleLabel what the colours measure (shown by the colour bar)
	 * @param footnote   explanation of the labels (may be null)
	 */
	public static Figure figure(String title, List<String> names, double[][] values, double min, double max, String scaleLabel, String footnote) {
		return figure(title, names, values, min, max, scaleLabel, footnote, null, null);
	}

	/**
	 * A heatmap with, optionally, the dendrogram that ordered it drawn above the columns and a colour bar of each row's
	 * group (e.g. the lesion's site) beside the labels, with its legend under the colour scale.
	 *
	 * @param tree   the clustering whose leaf order {@code names} follow (null: no dendrogram)
	 * @param groups each row's group, in display order (null: no group bar)
	 */
	public static Figure figure(String title, List<String> names, double[][] values, double min, double max, String scaleLabel, String footnote,
			HierarchicalClustering tree, Groups groups) {
		int n = names.size();
		// at least 12 units a cell (labels of 10 pt stay legible at 69 lesions), the grid at most ~1000 units wide
		int cell = Math.max(12, Math.min(56, 1000 / Math.max(1, n)));
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(12, cell - 2)));
		Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 15);
		BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		Graphics2D pg = probe.createGraphics();
		FontMetrics fm = pg.getFontMetrics(font), tm = pg.getFontMetrics(titleFont);
		int longest = 0;
		for (String s : names) longest = Math.max(longest, fm.stringWidth(s));
		int legendWidth = fm.stringWidth(scaleLabel);
		if (groups != null) {
			legendWidth = Math.max(legendWidth, fm.stringWidth(groups.title()));
			for (String g : groups.legend()) legendWidth = Math.max(legendWidth, 16 + fm.stringWidth(g));
		}
		pg.dispose();
		int label = longest, groupBar = groups == null ? 0 : 14, dendro = tree == null || n < 2 ? 0 : 80;
		int left = label + 12 + groupBar, grid = n * cell, bar = 40 + Math.max(60, legendWidth);
		int width = Math.max(Figure.MIN_WIDTH, left + grid + bar + 20);
		List<String> titleLines = wrap(title, tm, width - 20);
		int top = 16 + titleLines.size() * (tm.getHeight() + 2) + 8 + dendro;
		int legendHeight = groups == null ? 0 : 30 + 16 * groups.legend().size();
		int height = Math.max(Figure.MIN_HEIGHT,
				Math.max(top + grid + label + 12 + groupBar, top + Math.max(100, Math.min(grid, 300)) + 30 + legendHeight)
						+ (footnote == null ? 0 : fm.getHeight() + 8));
		int gridLeft = left, gridTop = top;
		return new Figure(title, width, height, g -> {
			g.setColor(Color.BLACK);
			g.setFont(titleFont);
			for (int i = 0; i < titleLines.size(); i++) g.drawString(titleLines.get(i), 10, 22 + i * (tm.getHeight() + 2));
			g.setFont(font);
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++) {
					g.setColor(colour(values[i][j], min, max));
					g.fillRect(gridLeft + j * cell, gridTop + i * cell, cell, cell);
				}
			g.setColor(Color.BLACK);
			g.setStroke(new BasicStroke(1));
			g.drawRect(gridLeft, gridTop, grid, grid);
			if (groups != null)
				for (int i = 0; i < n; i++) {
					g.setColor(groups.colour(i));
					g.fillRect(gridLeft - groupBar, gridTop + i * cell, groupBar - 2, cell); // rows
					g.fillRect(gridLeft + i * cell, gridTop + grid + 2, cell, groupBar - 2); // columns
				}
			g.setColor(Color.BLACK);
			for (int i = 0; i < n; i++) {
				String s = names.get(i);
				g.drawString(s, gridLeft - groupBar - 6 - fm.stringWidth(s), gridTop + i * cell + cell / 2 + fm.getAscent() / 2 - 1);
				AffineTransform saved = g.getTransform();
				g.translate(gridLeft + i * cell + cell / 2 + fm.getAscent() / 2 - 1, gridTop + grid + groupBar + 6);
				g.rotate(Math.PI / 2);
				g.drawString(s, 0, 0);
				g.setTransform(saved);
			}
			if (dendro > 0) drawDendrogram(g, tree, gridLeft, gridTop - 6, cell, dendro - 12);
			int bx = gridLeft + grid + 20, bh = Math.max(100, Math.min(grid, 300));
			for (int y = 0; y < bh; y++) {
				g.setColor(colour(max - (max - min) * y / (bh - 1.0), min, max));
				g.fillRect(bx, gridTop + y, 16, 1);
			}
			g.setColor(Color.BLACK);
			g.drawRect(bx, gridTop, 16, bh);
			g.drawString(fmt(max), bx + 20, gridTop + fm.getAscent());
			g.drawString(fmt((min + max) / 2), bx + 20, gridTop + bh / 2 + fm.getAscent() / 2);
			g.drawString(fmt(min), bx + 20, gridTop + bh);
			g.drawString(scaleLabel, bx, gridTop - 6);
			if (groups != null) {
				int ly = gridTop + bh + 30;
				g.drawString(groups.title(), bx, ly);
				for (String name : groups.legend()) {
					ly += 16;
					g.setColor(groups.colourOf(name));
					g.fillRect(bx, ly - 10, 11, 11);
					g.setColor(Color.BLACK);
					g.drawString(name, bx + 16, ly);
				}
			}
			if (footnote != null) g.drawString(footnote, 10, height - 8);
		});
	}

	/**
	 * The dendrogram of {@code tree} over columns of {@code cell} units starting at {@code left}, its root {@code depth}
	 * units above {@code bottom}; merge heights drawn to scale (the tallest finite merge at the top).
	 */
	private static void drawDendrogram(Graphics2D g, HierarchicalClustering tree, int left, int bottom, int cell, int depth) {
		int[] order = tree.leafOrder();
		int n = order.length;
		List<HierarchicalClustering.Merge> merges = tree.merges();
		double[] x = new double[2 * n - 1], y = new double[2 * n - 1];
		for (int pos = 0; pos < n; pos++) {
			x[order[pos]] = left + pos * cell + cell / 2.0;
			y[order[pos]] = bottom;
		}
		double top = 0;
		for (HierarchicalClustering.Merge m : merges) if (Double.isFinite(m.height)) top = Math.max(top, m.height);
		double scale = top > 0 ? depth / top : 0;
		g.setColor(Color.DARK_GRAY);
		g.setStroke(new BasicStroke(1f));
		java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
		for (int k = 0; k < merges.size(); k++) {
			HierarchicalClustering.Merge m = merges.get(k);
			int node = n + k;
			double h = Double.isFinite(m.height) ? m.height : top;
			x[node] = (x[m.left] + x[m.right]) / 2;
			y[node] = bottom - h * scale;
			path.moveTo(x[m.left], y[m.left]);
			path.lineTo(x[m.left], y[node]);
			path.lineTo(x[m.right], y[node]);
			path.lineTo(x[m.right], y[m.right]);
		}
		g.draw(path);
	}

	/** Each row's group (e.g. site), with a colour per distinct group in order of first appearance. */
	public static final class Groups {
		private final String title;
		private final List<String> ofRow;
		private final List<String> legend;

		public Groups(String title, List<String> ofRow) {
			this.title = title;
			this.ofRow = List.copyOf(ofRow);
			this.legend = ofRow.stream().distinct().sorted().toList();
		}

		String title() { return title; }
		List<String> legend() { return legend; }
		Color colour(int row) { return colourOf(ofRow.get(row)); }

		Color colourOf(String group) {
			int k = legend.indexOf(group);
			return GROUP_COLOURS[k % GROUP_COLOURS.length];
		}
	}

	/** Qualitative colours for group bars (Okabe–Ito, then Tol's muted), distinct from the white–red scale's ends. */
	private static final Color[] GROUP_COLOURS = { new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
			new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), Color.BLACK, new Color(51, 34, 136), new Color(136, 204, 238),
			new Color(68, 170, 153), new Color(153, 153, 51), new Color(170, 68, 153), new Color(136, 34, 85) };

	/** Words of {@code text} in lines no wider than {@code width}. */
	static List<String> wrap(String text, FontMetrics fm, int width) {
		List<String> lines = new java.util.ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && fm.stringWidth(line + " " + word) > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.length() == 0 ? "" : " ").append(word);
		}
		if (line.length() > 0) lines.add(line.toString());
		return lines;
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
	}

	/** Colour stops white → orange → dark red ("OrRd"-like), interpolated linearly; grey for NaN. */
	private static final int[][] STOPS = { { 255, 247, 236 }, { 253, 187, 132 }, { 239, 101, 72 }, { 179, 0, 0 }, { 100, 0, 0 } };

	static Color colour(double v, double min, double max) {
		if (Double.isNaN(v)) return Color.LIGHT_GRAY;
		double t = max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0;
		double pos = t * (STOPS.length - 1);
		int k = Math.min(STOPS.length - 2, (int) Math.floor(pos));
		double f = pos - k;
		int[] a = STOPS[k], b = STOPS[k + 1];
		return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])), (int) Math.round(a[2] + f * (b[2] - a[2])));
	}
}
