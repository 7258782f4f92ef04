import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Frame;
import java.awt.Label;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;

/**
 * GUI test driver, in ImageJ's own JVM so it can look inside the windows: every menu entry of plugins.config opened
 * as a user does (through the generic adapter), each dialog page screenshot and its size checked against 1280 × 800,
 * Help's window, an error round trip (the dialog comes back with the values kept and the message), then every command
 * run by macro on the demo data (.ci/gui/all_commands.ijm) and the label map and feature map windows checked for a
 * display range that shows their values. Usage (plugins.dir = an ImageJ folder with the plugin installed):
 * java -Dplugins.dir=DIR -cp ij.jar .ci/gui/Driver.java TEST_DATA OUT_DIR
 */
public class Driver {

	static final List<String> problems = new ArrayList<>();
	static final StringBuilder report = new StringBuilder();
	static Path out;
	static Robot robot;

	public static void main(String[] args) throws Exception {
		String data = new File(args[0]).getAbsolutePath();
		out = Path.of(args[1]);
		Files.createDirectories(out);
		robot = new Robot();
		new ImageJ();
		sleep(2000);
		IJ.run("NRRD or NIfTI (Lesion Radiomics)...", "open=[" + data + "/P04_image.nrrd]");
		IJ.run("NRRD or NIfTI (Lesion Radiomics)...", "open=[" + data + "/P04_labels.nrrd]");
		ImagePlus labels = WindowManager.getImage("P04_labels.nrrd");
		displayRange(labels, "label map");
		readable(labels, "label map");
		check(labels.getWindow(), "image_label_map");

		List<String> commands = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("plugins.config")))
			if (line.contains("CommandPlugin(")) commands.add(line.replaceAll("^[^\"]*\"([^\"]+)\".*$", "$1"));
		for (String command : commands) dialogs(command);
		help("Cohort Analysis...");
		errorRoundTrip(data);

		for (int id : WindowManager.getIDList()) { // the macro opens its own copies
			ImagePlus imp = WindowManager.getImage(id);
			imp.changes = false;
			imp.close();
		}
		Path results = out.resolve("run");
		Files.createDirectories(results);
		Thread watchdog = new Thread(Driver::failOnDialog, "dialog watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		IJ.runMacroFile(new File(".ci/gui/all_commands.ijm").getAbsolutePath(), data + " " + results);
		watchdog.interrupt();
		String log = IJ.getLog() == null ? "" : IJ.getLog();
		for (String title : List.of("P04 label 1 firstorder_Mean", "P04 label 1 glcm_JointEntropy")) {
			ImagePlus map = WindowManager.getImage(title);
			if (map == null) problems.add("feature map window missing: " + title);
			else {
				displayRange(map, "feature map " + title);
				readable(map, "feature map " + title);
				shoot(map.getWindow(), "image_" + title.replace(' ', '_'));
			}
		}
		// every window the commands opened (images, figures, tables) fits the screen too
		for (Window w : Window.getWindows())
			if (w.isShowing() && w instanceof Frame f && !(w instanceof ImageJ) && !f.getTitle().startsWith("screen_")) { // screen_: the test's own screen capture
				int width = w.getWidth(), height = w.getHeight();
				report.append("window '").append(f.getTitle()).append("': ").append(width).append("x").append(height).append('\n');
				if (width > 1280 || height > 800) problems.add("window " + f.getTitle() + " is " + width + "x" + height + ", larger than 1280x800");
			}
		Files.writeString(out.resolve("gui_report.txt"), report + "LOG:\n" + log + "\n" + (problems.isEmpty() ? "OK\n" : "PROBLEMS:\n" + String.join("\n", problems) + "\n"));
		System.out.println(report);
		if (log.contains("Exception") || log.contains("Unexpected error")) problems.add("the Log reports an error");
		if (!problems.isEmpty()) {
			System.out.println("GUI test problems:\n" + String.join("\n", problems));
			System.exit(1);
		}
		System.out.println("GUI test: every dialog page fits 1280x800, error round trip keeps the values, label and feature maps show their values");
		System.exit(0);
	}

	/** Opens a menu entry with no macro options (the user's way), checks and screenshots each page, then cancels. */
	static void dialogs(String command) throws Exception {
		String title = command.replace("...", "");
		Thread t = new Thread(() -> run(command));
		t.start();
		Dialog d = await(title, 20000);
		if (d == null) { // close what did open, so the rest of the test does not stop at it
			List<String> shown = new ArrayList<>();
			for (Window w : Window.getWindows())
				if (w instanceof Dialog o && w.isShowing()) {
					shown.add(o.getTitle());
					press(button(o, "Cancel"));
				}
			problems.add(command + ": no dialog titled '" + title + "' (showing: " + shown + ")");
			return;
		}
		String name = title.replaceAll("[^A-Za-z0-9]+", "_");
		check(d, "dialog_" + name);
		Button options = button(d, "Options…");
		if (options != null) {
			press(options);
			for (int page = 1; page <= 6; page++) {
				Dialog o = await(title + ": options", 5000);
				if (o == null) break;
				check(o, "dialog_" + name + "_options_" + page);
				if (!o.getTitle().matches(".*\\d+/\\d+") || o.getTitle().matches(".*(\\d+)/\\1")) {
					press(button(o, "Cancel"));
					break;
				}
				press(button(o, "OK"));
				sleep(800);
			}
		} else press(button(d, "Cancel"));
		t.join(20000);
	}

	static void help(String command) throws Exception {
		String title = command.replace("...", "");
		Thread t = new Thread(() -> run(command));
		t.start();
		Dialog d = await(title, 20000);
		press(button(d, "Help"));
		sleep(1500);
		Window help = null;
		for (Window w : Window.getWindows()) if (w.isShowing() && w != d && w instanceof Dialog && ((Dialog) w).getTitle().contains(title) && !w.equals(d)) help = w;
		if (help == null) for (Window w : Window.getWindows()) if (w.isShowing() && w instanceof Dialog && w != d) help = w;
		if (help == null) problems.add("Help opened no window");
		else {
			report.append("help window: ").append(((Dialog) help).getTitle()).append('\n');
			check(help, "help_" + title.replace(' ', '_'));
			help.dispose();
		}
		press(button(d, "Cancel"));
		t.join(20000);
	}

	/** A missing cohort table: OK → the dialog comes back with the message and the typed values. */
	static void errorRoundTrip(String data) throws Exception {
		Thread t = new Thread(() -> run("Cohort Analysis..."));
		t.start();
		Dialog d = await("Cohort Analysis", 20000);
		List<TextField> fields = fields(d);
		String missing = data + "/no_such_cohort.csv", folder = out.resolve("failing").toString();
		fields.get(0).setText(missing);
		fields.get(1).setText(folder);
		press(button(d, "OK"));
		sleep(1500);
		Dialog again = await("Cohort Analysis", 20000);
		if (again == null || again == d) {
			problems.add("error round trip: the dialog did not come back");
			return;
		}
		check(again, "dialog_error_round_trip");
		String message = labels(again);
		List<TextField> kept = fields(again);
		boolean keptValues = kept.get(0).getText().equals(missing) && kept.get(1).getText().replaceAll("/$", "").equals(folder); // a folder field adds "/"
		boolean named = message.contains("no_such_cohort.csv") && message.contains("file not found");
		report.append("error round trip: message shown ").append(named).append(", values kept ").append(keptValues).append('\n');
		if (!keptValues) problems.add("error round trip: values not kept: " + kept.get(0).getText() + ", " + kept.get(1).getText());
		if (!named) problems.add("error round trip: no message naming the file: " + message);
		press(button(again, "Cancel"));
		t.join(20000);
	}

	static void check(Window w, String name) throws Exception {
		sleep(1500); // placed and painted
		int width = w.getWidth(), height = w.getHeight();
		report.append(name).append(": ").append(width).append("x").append(height).append('\n');
		if (width > 1280 || height > 800) problems.add(name + " is " + width + "x" + height + ", larger than 1280x800");
		shoot(w, name);
	}

	/** An image window magnified to a readable size: its canvas at least ~512 px on the long side (when the screen allows). */
	static void readable(ImagePlus imp, String what) {
		java.awt.Dimension c = imp.getCanvas().getSize();
		report.append(what).append(" '").append(imp.getTitle()).append("': canvas ").append(c.width).append("x").append(c.height).append(" at zoom ")
				.append(imp.getCanvas().getMagnification()).append('\n');
		if (Math.max(c.width, c.height) < Math.min(448, 32 * Math.max(imp.getWidth(), imp.getHeight()))) problems.add(what + " " + imp.getTitle() + ": window too small to read, canvas " + c.width + "x" + c.height);
	}

	static void displayRange(ImagePlus imp, String what) {
		double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
		report.append(what).append(" '").append(imp.getTitle()).append("': display range ").append(min).append("..").append(max).append(", slice ")
				.append(imp.getCurrentSlice()).append('/').append(imp.getStackSize()).append('\n');
		if (!(max > min)) problems.add(what + " " + imp.getTitle() + ": empty display range " + min + ".." + max);
	}

	static void shoot(Window w, String name) throws Exception {
		if (w == null) return;
		w.toFront();
		sleep(800);
		Rectangle r = new Rectangle(w.getLocationOnScreen(), w.getSize());
		ImageIO.write(robot.createScreenCapture(r), "png", out.resolve(name + ".png").toFile());
	}

	/**
	 * While the macro runs no dialog should show (every value is given): one that stays up 5 s is an error message or a
	 * dialog waiting for a person, which would hang the test until its timeout. Ends the test with the dialog's text.
	 */
	static void failOnDialog() {
		java.util.Map<Window, Long> since = new java.util.HashMap<>();
		while (!Thread.currentThread().isInterrupted()) {
			long now = System.currentTimeMillis();
			for (Window w : Window.getWindows()) {
				if (!(w instanceof Dialog d) || !w.isShowing()) {
					since.remove(w);
					continue;
				}
				long first = since.computeIfAbsent(w, k -> now);
				if (now - first > 5000) {
					String text = d.getTitle() + ": " + labels(d).trim() + " (fields: " + fields(d).stream().map(TextField::getText).toList()
							+ "; images open: " + java.util.Arrays.toString(WindowManager.getImageTitles()) + ")";
					System.out.println("GUI test: the macro stopped at a dialog: " + text);
					try {
						Files.writeString(out.resolve("run").resolve("gui_report.txt"), report + "PROBLEMS:\nthe macro stopped at a dialog: " + text + "\n");
					} catch (java.io.IOException e) {
						System.out.println(e);
					}
					Runtime.getRuntime().halt(1);
				}
			}
			try {
				Thread.sleep(500);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	static Dialog await(String titlePrefix, long ms) {
		long end = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < end) {
			for (Window w : Window.getWindows())
				if (w instanceof Dialog dl && w.isShowing() && dl.getTitle().startsWith(titlePrefix) && !dl.getTitle().equals("Help")) return dl;
			sleep(200);
		}
		return null;
	}

	static Button button(Container c, String label) {
		for (Component k : c.getComponents()) {
			if (k instanceof Button b && b.getLabel().trim().equals(label)) return b; // ImageJ pads "  OK  "
			if (k instanceof Container sub) {
				Button b = button(sub, label);
				if (b != null) return b;
			}
		}
		return null;
	}

	static List<TextField> fields(Container c) {
		List<TextField> out = new ArrayList<>();
		for (Component k : c.getComponents()) {
			if (k instanceof TextField f) out.add(f);
			else if (k instanceof Container sub) out.addAll(fields(sub));
		}
		return out;
	}

	static String labels(Container c) {
		StringBuilder s = new StringBuilder();
		for (Component k : c.getComponents()) {
			if (k instanceof Label l) s.append(l.getText()).append(' ');
			else if (k instanceof Container sub) s.append(labels(sub));
			if (k instanceof ij.gui.MultiLineLabel m) {
				try {
					java.lang.reflect.Field f = ij.gui.MultiLineLabel.class.getDeclaredField("lines");
					f.setAccessible(true);
					s.append(String.join(" ", (String[]) f.get(m))).append(' ');
				} catch (ReflectiveOperationException e) {
					s.append(e);
				}
			}
		}
		return s.toString();
	}

	static void press(Button b) {
		if (b == null) {
			problems.add("a button is missing");
			return;
		}
		java.awt.EventQueue.invokeLater(() -> {
			for (var l : b.getActionListeners()) l.actionPerformed(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, b.getLabel()));
		});
		sleep(300);
	}

	/** A menu command as a user starts it; cancelling its dialog ends the run quietly. */
	static void run(String command) {
		try {
			IJ.run(command);
		} catch (RuntimeException e) {
			if (!"Macro canceled".equals(e.getMessage())) throw e;
		}
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
