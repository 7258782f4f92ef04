package lesionradiomics.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

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

	public BufferedImage image() {
		BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, width, height);
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

	/** Writes {@code file} (.png) and the same figure as .svg beside it, each atomically. */
	public void save(Path png) throws IOException {
		BufferedImage img = image();
		AtomicFiles.write(png, out -> {
			if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer available");
		});
		String name = png.getFileName().toString();
		Path svgFile = png.resolveSibling((name.endsWith(".png") ? name.substring(0, name.length() - 4) : name) + ".svg");
		String doc = svg();
		AtomicFiles.write(svgFile, out -> out.write(doc.getBytes(StandardCharsets.UTF_8)));
	}
}
