import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.File;

import javax.imageio.ImageIO;

/** Screenshot of the whole X display (DISPLAY) as PNG: java .ci/gui/Capture.java out.png */
public class Capture {
	public static void main(String[] args) throws Exception {
		Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
		ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(args[0]));
	}
}
