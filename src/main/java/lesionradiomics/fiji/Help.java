package lesionradiomics.fiji;

import java.util.Map;

import org.scijava.plugin.Plugin;

/**
 * A command's usage text, made from its parameters (so it cannot drift from the dialog): what it does, each field's
 * macro key, meaning and default, and the macro call with the defaults. The dialogs' Help button shows it in a window
 * (GenericDialog shows HTML itself: no browser, works offline).
 */
final class Help {

	private Help() {}

	static String html(CommandPlugin.Form form) {
		Map<String, String> defaults = CommandPlugin.defaults(form);
		Plugin plugin = form.command().getAnnotation(Plugin.class);
		StringBuilder s = new StringBuilder("<html><h2>").append(escape(form.title())).append("</h2>");
		if (plugin != null && !plugin.description().isEmpty()) s.append("<p>").append(escape(plugin.description())).append("</p>");
		s.append("<table border=0 cellspacing=2><tr><th align=left>macro key</th><th align=left>field</th><th align=left>default</th></tr>");
		String group = null;
		for (CommandPlugin.Item i : form.items()) {
			if (i.group() != null && !i.group().equals(group)) s.append("<tr><td colspan=3><b>").append(escape(i.group())).append(" (Options…)</b></td></tr>");
			group = i.group();
			s.append("<tr><td><tt>").append(i.key()).append("</tt></td><td>").append(escape(i.label()));
			if (!i.description().isEmpty()) s.append("<br><small>").append(escape(i.description())).append("</small>");
			if (i.choices().length > 0) s.append("<br><small>one of: ").append(escape(String.join(", ", i.choices()))).append("</small>");
			s.append("</td><td>").append(escape(i.kind() == CommandPlugin.Kind.IMAGE ? "(open image)" : defaults.getOrDefault(i.key(), "")))
					.append(i.required() && i.kind() != CommandPlugin.Kind.CHECKBOX ? "" : " <small>(optional)</small>").append("</td></tr>");
		}
		s.append("</table><p>Macro (every key is optional but the required inputs; unchecked boxes are left out):</p><pre>")
				.append(escape(macro(form, defaults))).append("</pre>");
		s.append("<p>Headless: <tt>ImageJ --headless -batch macro.ijm</tt> runs the same code; the command line <tt>lesion-radiomics</tt> offers the same options.</p></html>");
		return s.toString();
	}

	/** The macro call of a form with the given values, as ImageJ's recorder writes it. */
	static String macro(CommandPlugin.Form form, Map<String, String> values) {
		StringBuilder m = new StringBuilder();
		for (CommandPlugin.Item i : form.items()) {
			String v = values.getOrDefault(i.key(), "");
			if (i.kind() == CommandPlugin.Kind.CHECKBOX) {
				if (Boolean.parseBoolean(v)) m.append(' ').append(i.key());
				continue;
			}
			m.append(' ').append(i.key()).append('=').append(v.isEmpty() || v.contains(" ") ? "[" + v + "]" : v);
		}
		// broken into lines of ~80 characters joined with +, so the help window needs no horizontal scrolling
		StringBuilder lines = new StringBuilder("run(\"" + form.title() + "...\", \"");
		int width = lines.length();
		for (String option : m.toString().trim().split(" (?=\\w+(=|$| ))")) {
			if (width + option.length() > 80) {
				lines.append("\"\n    + \"");
				width = 7;
			}
			lines.append(option).append(' ');
			width += option.length() + 1;
		}
		return lines.toString().trim() + "\");";
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
