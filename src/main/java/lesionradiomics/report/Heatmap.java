package lesionradiomics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;



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
		int n = names.size();
		int cell = Math.max(6, Math.min(56, 640 / Math.max(1, n)));
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, Math.min(12, cell - 2)));
		Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
		BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		Graphics2D pg = probe.createGraphics();
		FontMetrics fm = pg.getFontMetrics(font), tm = pg.getFontMetrics(titleFont);
		int longest = 0;
		for (String s : names) longest = Math.max(longest, fm.stringWidth(s));
		int label = longest;
		int scaleWidth = fm.stringWidth(scaleLabel);
		pg.dispose();
		int left = label + 12, grid = n * cell, bar = 40 + Math.max(40, scaleWidth);
		int width = Math.max(Figure.MIN_WIDTH, left + grid + bar + 20);
		List<String> titleLines = wrap(title, tm, width - 20);
		int top = 16 + titleLines.size() * (tm.getHeight() + 2) + 8;
		int height = Math.max(Figure.MIN_HEIGHT, top + grid + label + 12 + (footnote == null ? 0 : fm.getHeight() + 8));
		return new Figure(title, width, height, g -> {
			g.setColor(Color.BLACK);
			g.setFont(titleFont);
			for (int i = 0; i < titleLines.size(); i++) g.drawString(titleLines.get(i), 10, 22 + i * (tm.getHeight() + 2));
			g.setFont(font);
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++) {
					g.setColor(colour(values[i][j], min, max));
					g.fillRect(left + j * cell, top + i * cell, cell, cell);
				}
			g.setColor(Color.BLACK);
			g.setStroke(new BasicStroke(1));
			g.drawRect(left, top, grid, grid);
			for (int i = 0; i < n; i++) {
				String s = names.get(i);
				g.drawString(s, left - 6 - fm.stringWidth(s), top + i * cell + cell / 2 + fm.getAscent() / 2 - 1);
				AffineTransform saved = g.getTransform();
				g.translate(left + i * cell + cell / 2 + fm.getAscent() / 2 - 1, top + grid + 6);
				g.rotate(Math.PI / 2);
				g.drawString(s, 0, 0);
				g.setTransform(saved);
			}
			int bx = left + grid + 20, bh = Math.max(100, grid);
			for (int y = 0; y < bh; y++) {
				g.setColor(colour(max - (max - min) * y / (bh - 1.0), min, max));
				g.fillRect(bx, top + y, 16, 1);
			}
			g.setColor(Color.BLACK);
			g.drawRect(bx, top, 16, bh);
			g.drawString(fmt(max), bx + 20, top + fm.getAscent());
			g.drawString(fmt(min), bx + 20, top + bh);
			g.drawString(scaleLabel, bx, top - 6);
			if (footnote != null) g.drawString(footnote, 10, top + grid + label + 12 + fm.getAscent());
		});
	}

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
