package lesionradiomics.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error messages made readable in a dialog: long lists (every column of a table) shortened to their first items and
 * "…and N more", with a did-you-mean when the message quotes a name close to one of the list, and wrapped to a width a
 * message box can show.
 */
final class Messages {

	private Messages() {}

	/** Items of a list kept in a message. */
	static final int LIST_ITEMS = 8;

	/** Characters per line of a wrapped message. */
	static final int WIDTH = 90;

	/** A comma-separated run of at least LIST_ITEMS + 2 items without spaces inside them. */
	private static final Pattern LIST = Pattern.compile("[^\\s,;:()'\\[\\]]+(?:, ?[^\\s,;:()'\\[\\]]+){" + (LIST_ITEMS + 1) + ",}");

	private static final Pattern QUOTED = Pattern.compile("'([^'\\s]+)'");

	/** The message shortened and wrapped. */
	static String readable(String message) {
		return wrap(shorten(message == null ? "" : message), WIDTH);
	}

	/** Long lists cut to their first items plus "…and N more"; a quoted name that is not in a list gets its closest item. */
	static String shorten(String message) {
		Matcher m = LIST.matcher(message);
		StringBuilder out = new StringBuilder();
		List<String> all = new ArrayList<>();
		while (m.find()) {
			List<String> items = List.of(m.group().split(", ?"));
			all.addAll(items);
			m.appendReplacement(out, Matcher.quoteReplacement(String.join(", ", items.subList(0, LIST_ITEMS)) + " …and " + (items.size() - LIST_ITEMS) + " more"));
		}
		m.appendTail(out);
		if (!all.isEmpty()) {
			Matcher q = QUOTED.matcher(message);
			while (q.find()) {
				String name = q.group(1);
				if (all.contains(name)) continue;
				String best = lesionradiomics.io.Names.closest(name, all);
				if (best != null) {
					out.append(" (did you mean '").append(best).append("'?)");
					break;
				}
			}
		}
		return out.toString();
	}

	/** Lines of at most {@code width} characters, broken at spaces (a longer word stays whole). */
	static String wrap(String text, int width) {
		StringBuilder out = new StringBuilder();
		for (String paragraph : text.split("\n", -1)) {
			if (out.length() > 0) out.append('\n');
			int line = 0;
			for (String word : paragraph.split(" ")) {
				if (line > 0 && line + 1 + word.length() > width) {
					out.append('\n');
					line = 0;
				} else if (line > 0) {
					out.append(' ');
					line++;
				}
				out.append(word);
				line += word.length();
			}
		}
		return out.toString();
	}
}
