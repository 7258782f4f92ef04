package lesionradiomics.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 CSV: quoted fields, embedded commas/quotes/newlines, a UTF-8 BOM tolerated. */
public final class Csv {

	private Csv() {}

	/** All records of a file, header included, as lists of fields. */
	public static List<List<String>> read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new VolumeFormatException(file, "file not found");
		try {
			return parse(file);
		} catch (java.nio.charset.CharacterCodingException e) { // e.g. an image given as a table: "Input length = 1" before
			throw new VolumeFormatException(file, "not a CSV table: it holds bytes that are not UTF-8 text (an image or another binary file?)");
		}
	}

	private static List<List<String>> parse(Path file) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false, any = false;
			int c = r.read();
			if (c == 0xFEFF) c = r.read();
			for (; c >= 0; c = r.read()) {
				char ch = (char) c;
				any = true;
				if (quoted) {
					if (ch == '"') {
						r.mark(1);
						int next = r.read();
						if (next == '"') field.append('"');
						else {
							quoted = false;
							if (next >= 0) r.reset();
						}
					} else field.append(ch);
				} else if (ch == '"') quoted = true;
				else if (ch == ',') {
					row.add(field.toString());
					field.setLength(0);
				} else if (ch == '\n' || ch == '\r') {
					if (ch == '\r') {
						r.mark(1);
						if (r.read() != '\n') r.reset();
					}
					row.add(field.toString());
					field.setLength(0);
					if (!(row.size() == 1 && row.get(0).isEmpty())) rows.add(row);
					row = new ArrayList<>();
					any = false;
				} else field.append(ch);
			}
			if (quoted) throw new VolumeFormatException(file, "unterminated quoted field at the end of the file");
			if (any) {
				row.add(field.toString());
				if (!(row.size() == 1 && row.get(0).isEmpty())) rows.add(row);
			}
			return rows;
		}
	}

	public static String quote(String s) {
		if (s == null) return "";
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	public static void writeRow(Writer w, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) w.write(',');
			w.write(quote(fields.get(i)));
		}
		w.write('\n');
	}

	/** Writes rows to {@code file} atomically (UTF-8). */
	public static void writeAtomically(Path file, List<List<String>> rows) throws IOException {
		AtomicFiles.write(file, out -> {
			Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
			for (List<String> row : rows) writeRow(w, row);
			w.flush();
		});
	}
}
