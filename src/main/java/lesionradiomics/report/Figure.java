package lesionradiomics.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;

import ij.ImagePlus;
import lesionradiomics.io.AtomicFiles;

/**
 * A figure drawn once, by a painter, on whatever surface it is given: a PNG image, an SVG document (for a paper) or an
 * ImageJ window. Every figure has a title and a size not below {@link #MIN_WIDTH} × {@link #MIN_HEIGHT}.
 */
public final class Figure {

	public static final int MIN_WIDTH = 640, MIN_HEIGHT = 420;

	/**
	 * A figure's size is given in units of 1/100 inch (a 760-unit figure spans a page's text width); PNGs are rendered
	 * at {@link #DEFAULT_DPI} unless a caller asks for another resolution (e.g. 300 for a journal).
	 */
	public static final int UNITS_PER_INCH = 100, DEFAULT_DPI = 200;

	private final String title;
	private final int width, height;
	private final Consumer<Graphics2D> painter;

	public Figure(String title, int width, int height, Consumer<Graphics2D> painter) {
		this.title = title;
		this.width = Math.max(MIN_WIDTH, width);
		this.height = Math.max(MIN_HEIGHT, height);
		this.painter = painter;
	}

	/** A JFreeChart drawn at the given size. */
	public static Figure of(JFreeChart chart, String title, int width, int height) {
		int[] size = { Math.max(MIN_WIDTH, width), Math.max(MIN_HEIGHT, height) };
		return new Figure(title, size[0], size[1], g -> chart.draw(g, new Rectangle2D.Double(0, 0, size[0], size[1])));
	}

	public String title() { return title; }
	public int width() { return width; }
	public int height() { return height; }

	/** The figure at one pixel per unit (the size ImageJ windows show). */
	public BufferedImage image() {
		return image(1);
	}

	/** The figure rendered at {@code scale} pixels per unit (vector drawing, so text and lines stay sharp). */
	public BufferedImage image(double scale) {
		if (!(scale > 0 && scale <= 10)) throw new IllegalArgumentException("figure scale must be in (0, 10], is " + scale);
		BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, img.getWidth(), img.getHeight());
		g.scale(scale, scale);
		painter.accept(g);
		g.dispose();
		return img;
	}

	public String svg() {
		SVGGraphics2D g = new SVGGraphics2D(width, height);
		g.setDefsKeyPrefix("lr"); // JFreeSVG's default is time-based: the same figure must give the same file
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, width, height);
		painter.accept(g);
		return g.getSVGDocument();
	}

	/** The figure as an ImageJ window's image (shown by the caller). */
	public ImagePlus imagePlus() {
		return new ImagePlus(title, image());
	}

	/** Refuses a PNG resolution outside 50..1200 dpi (checked before a run starts, and again when a figure is written). */
	public static int checkDpi(int dpi) {
		if (dpi < 50 || dpi > 1200) throw new IllegalArgumentException("--dpi: figure resolution must be 50..1200 dpi (e.g. 300 for print), is " + dpi);
		return dpi;
	}

	/** Writes {@code file} (.png, at {@link #DEFAULT_DPI}) and the same figure as .svg beside it, each atomically. */
	public void save(Path png) throws IOException {
		save(png, DEFAULT_DPI);
	}

	/** Writes {@code file} (.png at {@code dpi}, which its header records) and the same figure as .svg beside it. */
	public void save(Path png, int dpi) throws IOException {
		checkDpi(dpi);
		BufferedImage img = image((double) dpi / UNITS_PER_INCH);
		AtomicFiles.write(png, out -> Png.write(img, dpi, out));
		String name = png.getFileName().toString();
		Path svgFile = png.resolveSibling((name.endsWith(".png") ? name.substring(0, name.length() - 4) : name) + ".svg");
		String doc = svg();
		AtomicFiles.write(svgFile, out -> out.write(doc.getBytes(StandardCharsets.UTF_8)));
	}
}
