package lesionradiomics.fiji;

import java.awt.Font;
import java.awt.Choice;
import java.awt.TextField;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import lesionradiomics.progress.Progress;

/**
 * The one ImageJ 1.x menu entry point of every Lesion Radiomics command: plugins.config names this class with the
 * SciJava command's class as argument, e.g. {@code lesionradiomics.fiji.CommandPlugin("CohortAnalysis")}. The dialog
 * is built from the command's {@code @Parameter} fields (labels, defaults of a fresh instance, choices, min/max, file
 * or folder, required), so the SciJava command is the single definition of a workflow's Fiji parameters. Fields before
 * the first message parameter of a class are on the first page; the groups after message parameters are behind its
 * "Options…" button, packed into pages that fit a 1280 × 800 screen. Macro keys are the fields' names in snake_case
 * (those of the previous release's dialogs), so recorded macros keep working; in a macro every page is read.
 */
public class CommandPlugin implements PlugIn {

	/** SciJava field name → macro key, where the previous release's dialog used another key. */
	static final Map<String, String> KEYS = Map.of("lesions", "lesion_table");

	/** Rows of an options page (a row is ~28 px: 20 rows, headers and buttons stay under 800 px). */
	static final int PAGE_ROWS = 20;

	/** Fields remembered between uses (cosmetic: they never change a result). */
	static final List<String> REMEMBERED = List.of("threads");

	enum Kind { IMAGE, FILE, DIRECTORY, CHOICE, COLUMN, TEXT, NUMBER, WHOLE, SEED, CHECKBOX }

	/** One dialog field bound to one {@code @Parameter} field of the command. */
	record Item(Field field, String key, String label, String group, Kind kind, String[] choices, String style, boolean required,
			String description) {

		/** The GenericDialog label: the macro key's words (underscores, shown as spaces) then the rest of the label. */
		String dialogLabel() {
			String words = key.replace('_', ' ');
			String l = label.isEmpty() ? words : label;
			String head, rest;
			if (l.toLowerCase(Locale.ROOT).startsWith(words)) {
				head = l.substring(0, words.length()).replace(' ', '_');
				rest = l.substring(words.length()).replaceFirst("^[\\s,]+", "");
			} else {
				head = Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('_', ' ').replace(' ', '_');
				rest = ": " + l;
			}
			// the macro key is the label up to its first space or colon (ImageJ's Macro.trimKey)
			return rest.isEmpty() ? head : rest.startsWith(":") ? head + rest : head + " " + rest;
		}

		double min() {
			Parameter p = field.getAnnotation(Parameter.class);
			return p.min().isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(p.min());
		}

		double max() {
			Parameter p = field.getAnnotation(Parameter.class);
			return p.max().isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(p.max());
		}

		/** Style parameter {@code name:value} (e.g. {@code extensions:csv/txt}), or null. */
		String styled(String name) {
			for (String s : style.split(",")) if (s.trim().startsWith(name + ":")) return s.trim().substring(name.length() + 1);
			return null;
		}
	}

	/** A command's dialog: its title, the items of the first page and the option groups. */
	record Form(Class<? extends TaskCommand> command, String title, List<Item> items) {

		List<Item> main() {
			return items.stream().filter(i -> i.group() == null).toList();
		}

		/** The option pages: groups in order, packed into pages of at most {@link #PAGE_ROWS} rows (a header is a row). */
		List<List<Item>> pages() {
			List<List<Item>> pages = new ArrayList<>();
			List<Item> page = new ArrayList<>();
			int rows = 0;
			String group = null;
			for (Item i : items) {
				if (i.group() == null) continue;
				int need = 1 + (i.group().equals(group) ? 0 : 1);
				if (rows + need > PAGE_ROWS && !page.isEmpty()) {
					pages.add(page);
					page = new ArrayList<>();
					rows = 0;
					group = null;
					need = 2;
				}
				page.add(i);
				rows += need;
				group = i.group();
			}
			if (!page.isEmpty()) pages.add(page);
			return pages;
		}

		/** The macro keys, first page then options. */
		List<String> keys() {
			return items.stream().map(Item::key).toList();
		}
	}

	/** A command's macro keys (first page, then options), as the dialog reads them. */
	public static List<String> keys(Class<?> command) {
		return form(command.asSubclass(TaskCommand.class)).keys();
	}

	/** A command's dialog title (its menu label without "..."). */
	public static String title(Class<?> command) {
		return form(command.asSubclass(TaskCommand.class)).title();
	}

	static String snake(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	/** The command class named by a plugins.config argument (simple name in this package, or a full name). */
	static Class<? extends TaskCommand> command(String name) {
		try {
			return Class.forName(name.contains(".") ? name : CommandPlugin.class.getPackageName() + "." + name).asSubclass(TaskCommand.class);
		} catch (ClassNotFoundException | ClassCastException e) {
			throw new IllegalArgumentException("no Lesion Radiomics command '" + name + "'");
		}
	}

	/** The form of a command: its own first-page fields, then its superclasses'; option groups from the top superclass down. */
	static Form form(Class<? extends TaskCommand> command) {
		List<Class<?>> chain = new ArrayList<>();
		for (Class<?> c = command; c != TaskCommand.class; c = c.getSuperclass()) chain.add(c);
		List<Item> main = new ArrayList<>(), groups = new ArrayList<>();
		for (int k = chain.size() - 1; k >= 0; k--) {
			String group = null;
			for (Field f : chain.get(k).getDeclaredFields()) {
				Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.type() == ItemIO.OUTPUT || Service.class.isAssignableFrom(f.getType())) continue;
				if (p.visibility() == ItemVisibility.MESSAGE) group = p.label(); // a message parameter starts a group
				else (group == null ? main : groups).add(item(f, p, group));
			}
		}
		// the input files superclasses add (the feature table) first, then the command's own first-page fields, then the
		// rest its superclasses add (e.g. the preset, the output folder)
		List<Item> ordered = new ArrayList<>();
		for (Item i : main) if (i.kind() == Kind.FILE && i.field().getDeclaringClass() != command) ordered.add(i);
		for (Class<?> c : chain) for (Item i : main) if (i.field().getDeclaringClass() == c && !ordered.contains(i)) ordered.add(i);
		ordered.addAll(groups);
		Plugin plugin = command.getAnnotation(Plugin.class);
		return new Form(command, plugin == null || plugin.label().isEmpty() ? command.getSimpleName() : plugin.label(), ordered);
	}

	private static Item item(Field f, Parameter p, String group) {
		f.setAccessible(true);
		String key = KEYS.getOrDefault(f.getName(), snake(f.getName()));
		Class<?> t = f.getType();
		Kind kind;
		if (t == ImagePlus.class) kind = Kind.IMAGE;
		else if (t == File.class) kind = p.style().contains("directory") ? Kind.DIRECTORY : Kind.FILE;
		else if (t == boolean.class) kind = Kind.CHECKBOX;
		else if (t == long.class) kind = Kind.SEED; // a text field: a number field would round a large seed
		else if (t == int.class) kind = Kind.WHOLE;
		else if (t == double.class) kind = Kind.NUMBER;
		else if (p.choices().length > 0) kind = Kind.CHOICE;
		else if (p.style().contains("columns:")) kind = Kind.COLUMN;
		else kind = Kind.TEXT;
		return new Item(f, key, p.label(), group, kind, p.choices(), p.style(), p.required(), p.description());
	}

	// ---------------------------------------------------------------------------------------------------- running

	@Override
	public void run(String arg) {
		Form form;
		try {
			form = form(command(arg == null ? "" : arg.trim()));
		} catch (IllegalArgumentException e) {
			IJ.error("Lesion Radiomics", e.getMessage());
			return;
		}
		boolean macro = Macro.getOptions() != null;
		Map<String, String> values = defaults(form);
		if (macro) Macro.setOptions(unambiguous(form, Macro.getOptions(), values));
		String error = null;
		while (true) {
			if (!Dialogs.show(form, values, error, macro)) return;
			try {
				TaskCommand c = apply(form, values);
				c.inImageJ = true;
				c.executeLocked();
				return;
			} catch (IOException | IllegalArgumentException e) {
				error = Messages.readable(e.getMessage() == null ? e.toString() : e.getMessage());
				if (!macro) continue; // the dialog again, the values kept, the message on top
				if (ij.macro.Interpreter.isBatchMode()) {
					IJ.log("Lesion Radiomics, " + form.title() + ": error: " + error.replace('\n', ' '));
					ij.macro.Interpreter.abort(); // stops the calling macro without an error dialog
				} else IJ.error(form.title(), error);
				return;
			} catch (Progress.CancelledException e) {
				IJ.showStatus("Lesion Radiomics: cancelled");
				return;
			} catch (Throwable e) {
				java.io.StringWriter trace = new java.io.StringWriter();
				e.printStackTrace(new java.io.PrintWriter(trace));
				IJ.log("Lesion Radiomics, " + form.title() + ": unexpected error, please report:\n" + trace);
				IJ.error(form.title(), "Unexpected error (" + e + "); please report it with the Log window's text.");
				return;
			} finally {
				IJ.showProgress(1.0);
			}
		}
	}

	/** The dialog's first values: a fresh command's field values (the options records' defaults), images by role. */
	static Map<String, String> defaults(Form form) {
		Map<String, String> out = new LinkedHashMap<>();
		TaskCommand fresh = instance(form.command());
		for (Item i : form.items()) {
			Object v;
			try {
				v = i.field().get(fresh);
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
			String text = v == null ? "" : v instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : v.toString();
			if (REMEMBERED.contains(i.key())) text = ij.Prefs.get("lesionradiomics." + i.key(), text);
			out.put(i.key(), text);
		}
		Images.defaults(form, out);
		Tables.defaults(form, out);
		return out;
	}

	static TaskCommand instance(Class<? extends TaskCommand> c) {
		try {
			var constructor = c.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(c + " needs a no-argument constructor", e);
		}
	}

	/** A command with the dialog's values; an input problem names the field. */
	static TaskCommand apply(Form form, Map<String, String> values) throws IOException {
		TaskCommand c = instance(form.command());
		for (Item i : form.items()) {
			String v = values.getOrDefault(i.key(), "").trim();
			Object o = switch (i.kind()) {
			case IMAGE -> Images.open(i.key(), v);
			case FILE, DIRECTORY -> file(i, v);
			case CHECKBOX -> Boolean.parseBoolean(v);
			case SEED -> {
				try {
					yield Long.parseLong(v);
				} catch (NumberFormatException e) {
					throw new IllegalArgumentException(i.key() + " must be a whole number, is '" + v + "'");
				}
			}
			case WHOLE, NUMBER -> number(i, v);
			default -> v;
			};
			if (o == null && i.field().getType().isPrimitive()) continue;
			try {
				i.field().set(c, o);
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
		return c;
	}

	private static Object number(Item i, String v) {
		double x;
		try {
			x = Double.parseDouble(v);
		} catch (NumberFormatException e) {
			x = Double.NaN;
		}
		if (Double.isNaN(x)) throw new IllegalArgumentException(i.key() + " must be a number, is '" + v + "'");
		if (x < i.min() || x > i.max())
			throw new IllegalArgumentException(i.key() + " must be " + (i.max() == Double.POSITIVE_INFINITY ? "at least " + fmt(i.min())
					: i.min() == Double.NEGATIVE_INFINITY ? "at most " + fmt(i.max()) : "between " + fmt(i.min()) + " and " + fmt(i.max())) + ", is " + fmt(x));
		if (i.kind() == Kind.NUMBER) return x;
		if (x != Math.rint(x)) throw new IllegalArgumentException(i.key() + " must be a whole number, is " + x);
		return (int) x;
	}

	static String fmt(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}

	private static File file(Item i, String v) throws IOException {
		if (v.isEmpty()) {
			if (i.required()) throw new IllegalArgumentException("the field '" + i.key() + "' is empty: choose a " + (i.kind() == Kind.DIRECTORY ? "folder" : "file"));
			return null;
		}
		File table = Tables.asFile(i, v);
		if (table != null) return table;
		String ext = i.styled("extensions");
		if (ext != null && new File(v).isFile()) {
			boolean fits = false;
			for (String e : ext.split("/")) fits |= v.toLowerCase(Locale.ROOT).endsWith("." + e);
			if (!fits) throw new IllegalArgumentException(i.key() + ": " + v + " is not a ." + ext.replace("/", " or .") + " file");
		}
		return new File(v);
	}

	/**
	 * A macro's options rewritten so that ImageJ reads every key from its own {@code key=value}: Macro.getValue takes the
	 * first {@code key=} not preceded by a letter, so {@code lambda} would be read out of {@code fixed_lambda=0.1} (when
	 * lambda is left out, or written after it). Each key that is the tail of another of the form's keys is put first,
	 * with the value the macro gave it (read strictly: at the start or after a space, outside brackets) or its default.
	 */
	static String unambiguous(Form form, String options, Map<String, String> defaults) {
		Map<String, String> given = macroValues(options);
		StringBuilder first = new StringBuilder();
		for (Item i : form.items()) {
			if (i.kind() == Kind.CHECKBOX) continue; // ImageJ matches checkboxes strictly (after a space)
			boolean tail = form.items().stream().anyMatch(o -> !o.key().equals(i.key()) && o.key().endsWith(i.key())
					&& !Character.isLetter(o.key().charAt(o.key().length() - i.key().length() - 1)));
			if (!tail) continue;
			String v = given.getOrDefault(i.key(), defaults.getOrDefault(i.key(), ""));
			first.append(i.key()).append("=[").append(v).append("] ");
		}
		return first + options;
	}

	/** A macro options string's {@code key=value} and {@code key=[value]} pairs, read as the recorder writes them. */
	static Map<String, String> macroValues(String options) {
		Map<String, String> out = new LinkedHashMap<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|\\s)(\\w+)(?:=(?:\\[([^\\]]*)\\]|(\\S*)))?").matcher(options);
		while (m.find()) if (m.group(2) != null || m.group(3) != null) out.putIfAbsent(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
		return out;
	}

	/** Remembers the cosmetic fields of a run. */
	static void remember(Map<String, String> values) {
		for (String k : REMEMBERED) if (values.containsKey(k)) ij.Prefs.set("lesionradiomics." + k, values.get(k));
	}

	static final Font HEADER = new Font(Font.SANS_SERIF, Font.BOLD, 12);

	/** The GenericDialog pages of a form. */
	static final class Dialogs {

		private Dialogs() {}

		/** Help windows at most this size (ImageJ's HTML dialog takes 80 % of the screen's height; the text scrolls). */
		static final int HELP_WIDTH = 800, HELP_HEIGHT = 700;

		/** Caps a Help window opened from a page to {@link #HELP_WIDTH} × {@link #HELP_HEIGHT}. */
		static final java.awt.event.AWTEventListener FIT_HELP = e -> {
			if (e.getID() == java.awt.event.WindowEvent.WINDOW_OPENED && e.getSource() instanceof ij.gui.HTMLDialog d
					&& (d.getWidth() > HELP_WIDTH || d.getHeight() > HELP_HEIGHT))
				d.setSize(Math.min(d.getWidth(), HELP_WIDTH), Math.min(d.getHeight(), HELP_HEIGHT));
		};

		/** Shows the first page (and the options pages when asked for, or in a macro); false when cancelled. */
		static boolean show(Form form, Map<String, String> values, String error, boolean macro) {
			boolean screen = !java.awt.GraphicsEnvironment.isHeadless();
			if (screen) java.awt.Toolkit.getDefaultToolkit().addAWTEventListener(FIT_HELP, java.awt.AWTEvent.WINDOW_EVENT_MASK);
			try {
				return pages(form, values, error, macro);
			} finally {
				if (screen) java.awt.Toolkit.getDefaultToolkit().removeAWTEventListener(FIT_HELP);
			}
		}

		private static boolean pages(Form form, Map<String, String> values, String error, boolean macro) {
			GenericDialog gd = page(form.title(), form, form.main(), values, error);
			List<List<Item>> pages = form.pages();
			if (!pages.isEmpty()) gd.enableYesNoCancel("OK", "Options…");
			gd.showDialog();
			if (gd.wasCanceled()) return false;
			read(gd, form.main(), values);
			if (macro || !gd.wasOKed()) {
				for (int p = 0; p < pages.size(); p++) {
					GenericDialog o = page(form.title() + ": options" + (pages.size() > 1 ? " " + (p + 1) + "/" + pages.size() : ""), form, pages.get(p), values, null);
					o.showDialog();
					if (o.wasCanceled()) return false;
					read(o, pages.get(p), values);
				}
			}
			remember(values);
			return true;
		}

		static GenericDialog page(String title, Form form, List<Item> items, Map<String, String> values, String error) {
			GenericDialog gd = new GenericDialog(title);
			if (error != null) gd.addMessage(error, HEADER, java.awt.Color.RED.darker());
			String group = null;
			for (Item i : items) {
				if (i.group() != null && !i.group().equals(group)) gd.addMessage(i.group(), HEADER);
				group = i.group();
				add(gd, i, values.getOrDefault(i.key(), ""));
			}
			Tables.linkColumns(components(gd.getStringFields(), TextField.class), components(gd.getChoices(), Choice.class), items, values);
			gd.addHelp(Help.html(form));
			return gd;
		}

		/** A dialog's components of one kind (its text fields, its choices), in the order they were added. */
		private static <T> List<T> components(java.util.Vector<?> added, Class<T> kind) {
			return added == null ? List.of() : added.stream().map(kind::cast).toList();
		}

		private static void add(GenericDialog gd, Item i, String v) {
			String label = i.dialogLabel();
			switch (i.kind()) {
			case IMAGE -> {
				String[] titles = Images.titles(i.key(), Macro.getOptions() != null);
				gd.addChoice(label, titles.length == 0 ? new String[] { "" } : titles, v);
			}
			case FILE -> gd.addFileField(label, v, 30);
			case DIRECTORY -> gd.addDirectoryField(label, v, 30);
			case CHECKBOX -> gd.addCheckbox(label, Boolean.parseBoolean(v));
			case CHOICE -> gd.addChoice(label, i.choices(), v);
			case COLUMN -> gd.addChoice(label, Tables.columnChoices(v, List.of()), v);
			case WHOLE, NUMBER -> {
				double x = Double.parseDouble(v);
				gd.addNumericField(label, x, x == Math.rint(x) ? 0 : 3, 8, "");
			}
			default -> gd.addStringField(label, v, Math.min(40, Math.max(12, v.length() + 2)));
			}
		}

		/** The page's values back into the map, in the order the fields were added. */
		private static void read(GenericDialog gd, List<Item> items, Map<String, String> values) {
			for (Item i : items) {
				String v = switch (i.kind()) {
				case IMAGE, CHOICE, COLUMN -> gd.getNextChoice();
				case CHECKBOX -> Boolean.toString(gd.getNextBoolean());
				case WHOLE, NUMBER -> {
					double x = gd.getNextNumber();
					yield Double.isNaN(x) ? "NaN" : fmt(x);
				}
				default -> gd.getNextString();
				};
				values.put(i.key(), v);
			}
		}
	}
}
