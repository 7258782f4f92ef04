package lesionradiomics.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The figures' PNG writer against an independent decoder (ImageIO's PNG reader): every pixel comes back. */
class PngTest {

	private static int[] pixels(BufferedImage img) {
		return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
	}

	private static BufferedImage roundTrip(BufferedImage img, int dpi) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Png.write(img, dpi, out);
		return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
	}

	@Test
	void everyPixelOfAFigureComesBack() throws Exception {
		BufferedImage img = new Figure("lines", 700, 450, g -> {
			g.setColor(java.awt.Color.RED);
			g.drawLine(0, 0, 700, 450);
			g.setColor(new java.awt.Color(12, 200, 99));
			g.fillOval(100, 50, 300, 200);
			g.drawString("Lesion Radiomics", 50, 400);
		}).image(1.5);
		BufferedImage back = roundTrip(img, 200);
		assertEquals(img.getWidth(), back.getWidth());
		assertEquals(img.getHeight(), back.getHeight());
		assertArrayEquals(pixels(img), pixels(back));
	}

	/** Random colours (every byte difference of the Sub filter, wrapping below 0) in an image of another layout (read pixel by pixel). */
	@Test
	void randomColoursInAnotherLayoutComeBack() throws Exception {
		Random random = new Random(5);
		BufferedImage img = new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR);
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, random.nextInt(1 << 24));
		assertArrayEquals(pixels(img), pixels(roundTrip(img, 96)));
		BufferedImage sub = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < sub.getHeight(); y++)
			for (int x = 0; x < sub.getWidth(); x++) sub.setRGB(x, y, random.nextInt(1 << 24));
		BufferedImage part = sub.getSubimage(5, 3, 50, 30); // shares the parent's buffer: not the packed fast path
		assertArrayEquals(pixels(part), pixels(roundTrip(part, 96)));
		assertArrayEquals(pixels(sub), pixels(roundTrip(sub, 96)));
	}
}
