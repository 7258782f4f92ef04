package lesionradiomics.fiji;

import java.awt.Choice;
import java.awt.Frame;
import java.awt.TextField;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ij.WindowManager;
import ij.measure.ResultsTable;
import lesionradiomics.io.Csv;

/**
 * Tables as inputs: a table field (style {@code table:col,col}) takes a CSV file or the title of an open ResultsTable
 * having those columns (e.g. the "Lesion Features" table just produced); a column field (style
 * {@code columns:field}) offers the columns of the table in that field.
 */
final class Tables {

	private Tables() {}

	/** The titles of the open ResultsTables, most recent last. */
	static List<String> openTitles() {
		List<String> out = new ArrayList<>();
		Frame[] frames = WindowManager.getNonImageWindows();
		if (frames != null) for (Frame f : frames) if (ResultsTable.getResultsTable(f.getTitle()) != null) out.add(f.getTitle());
		return out;
	}

	/** The columns a table field requires, or null for a field that takes no open table. */
	static List<String> required(CommandPlugin.Item i) {
		String cols = i.styled("table");
		return cols == null ? null : List.of(cols.split("/"));
	}

	/**
	 * Empty required table fields default to the most recent open table with the required columns (never optional
	 * ones: an open table would silently become an input; never in a macro, which names its inputs).
	 */
	static void defaults(CommandPlugin.Form form, Map<String, String> values) {
		if (ij.Macro.getOptions() != null) return;
		for (CommandPlugin.Item i : form.items()) {
			List<String> need = required(i);
			if (need == null || !i.required() || !values.getOrDefault(i.key(), "").isEmpty()) continue;
			for (String t : openTitles())
				if (Arrays.asList(ResultsTable.getResultsTable(t).getHeadings()).containsAll(need)) values.put(i.key(), t);
		}
	}

	/**
	 * The file a table field's value stands for: null for a path (the caller uses it as given); the title of an open
	 * table (no such file) gives a temporary CSV of the table, with full precision.
	 */
	static File asFile(CommandPlugin.Item i, String value) throws IOException {
		if (required(i) == null || new File(value).exists()) return null;
		ResultsTable rt = ResultsTable.getResultsTable(value);
		if (rt == null) return null;
		Path csv = Files.createTempFile("lesion-radiomics-table-", ".csv");
		csv.toFile().deleteOnExit();
		Csv.writeAtomically(csv, rows(rt));
		return csv.toFile();
	}

	/** A ResultsTable as CSV rows (header first): numbers in full precision, whole numbers without ".0". */
	static List<List<String>> rows(ResultsTable rt) {
		List<String> header = new ArrayList<>();
		for (String h : rt.getHeadings()) if (!h.isBlank()) header.add(h);
		List<List<String>> rows = new ArrayList<>();
		rows.add(header);
		for (int r = 0; r < rt.size(); r++) {
			List<String> row = new ArrayList<>();
			for (String h : header) {
				if (h.equals("Label")) {
					row.add(rt.getLabel(r));
					continue;
				}
				double d = rt.getValue(h, r);
				row.add(Double.isNaN(d) ? rt.getStringValue(h, r) : CommandPlugin.fmt(d));
			}
			rows.add(row);
		}
		return rows;
	}

	/** The columns of a table field's value (an open table or a CSV file's header); empty when there is none yet. */
	static List<String> columns(String value) {
		if (value == null || value.isBlank()) return List.of();
		ResultsTable rt = new File(value).isFile() ? null : ResultsTable.getResultsTable(value);
		if (rt != null) return Arrays.stream(rt.getHeadings()).filter(h -> !h.isBlank()).toList();
		try {
			List<List<String>> rows = Csv.read(Path.of(value));
			return rows.isEmpty() ? List.of() : rows.get(0);
		} catch (IOException | RuntimeException e) {
			return List.of();
		}
	}

	/** A column field's choices: the current value first (it may not be a column yet), then the table's columns. */
	static String[] columnChoices(String current, List<String> columns) {
		Set<String> out = new LinkedHashSet<>();
		out.add(current);
		for (String c : columns) if (!c.equals("patient")) out.add(c);
		return out.toArray(new String[0]);
	}

	/**
	 * Fills each column field of a page from its table field, and again whenever the table field changes. The fields'
	 * components are found by counting, in the page's order, the fields that make text fields and choices.
	 */
	static void linkColumns(List<TextField> texts, List<Choice> choices, List<CommandPlugin.Item> items, Map<String, String> values) {
		Map<String, TextField> textOf = new java.util.HashMap<>();
		Map<CommandPlugin.Item, Choice> choiceOf = new java.util.HashMap<>();
		int t = 0, c = 0;
		for (CommandPlugin.Item i : items) {
			switch (i.kind()) {
			case FILE, DIRECTORY, TEXT, SEED -> textOf.put(i.key(), texts.get(t++));
			case IMAGE, CHOICE -> c++;
			case COLUMN -> choiceOf.put(i, choices.get(c++));
			default -> {}
			}
		}
		choiceOf.forEach((i, choice) -> {
			String source = i.styled("columns");
			TextField field = textOf.get(source);
			Runnable fill = () -> {
				String selected = choice.getSelectedItem();
				choice.removeAll();
				for (String s : columnChoices(selected, columns(field == null ? values.get(source) : field.getText().trim()))) choice.add(s);
				choice.select(selected);
			};
			fill.run();
			if (field != null) field.addTextListener(e -> fill.run());
		});
	}
}
