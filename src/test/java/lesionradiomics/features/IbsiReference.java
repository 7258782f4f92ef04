package lesionradiomics.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import lesionradiomics.io.VolumeReaders;
import lesionradiomics.testing.SharedReference;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * IBSI 1's reference values ({@code ../shared/reference/ibsi/ibsi1_reference_values.json}) matched to our columns by
 * family, IBSI feature name and aggregation, and compared with IBSI's tolerance (the printed precision, half a unit
 * of the last digit, where the table gives none).
 */
final class IbsiReference {

	/** One reference row: the column it names, its value and tolerance, and how it reads in IBSI's table. */
	record Row(String column, double value, double tolerance, String label) {}

	private IbsiReference() {}

	static JsonObject json() throws IOException {
		Path p = SharedReference.require("ibsi/ibsi1_reference_values.json");
		return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
	}

	/** The rows of one configuration ("dig", "A"…"E") that have a value. */
	static List<Row> rows(JsonObject json, String config) {
		Map<String, String> byName = new HashMap<>();
		for (IbsiFamily f : IbsiFamily.values())
			for (String[] d : f.dictionary()) byName.put(f.tag() + "|" + d[1], d[0]);
		List<Row> out = new ArrayList<>();
		for (JsonElement e : json.getAsJsonArray("values")) {
			JsonObject o = e.getAsJsonObject();
			if (!o.get("config").getAsString().equals(config) || o.get("v").isJsonNull()) continue;
			String family = o.get("family").getAsString();
			String name = o.get("feature").getAsString().replace("\\ :sup:`th`", "th");
			String table = o.get("table").isJsonNull() ? "" : o.get("table").getAsString();
			if (family.equals("ivh") && (name.equals("Volume at intensity fraction") || name.equals("Intensity at volume fraction")))
				name += table.contains("10%") ? " 10%" : " 90%";
			String column = byName.get(family + "|" + name);
			if (column == null) throw new AssertionError("no column for IBSI feature " + family + " '" + name + "'");
			String aggr = o.get("aggr").getAsString();
			if (!aggr.isEmpty()) column = column.replace("<aggr>", IbsiAggregation.byName(aggr).tag());
			double v = o.get("v").getAsDouble();
			double t = o.get("t").isJsonNull() ? printedPrecision(o.get("value").getAsString()) : o.get("t").getAsDouble();
			out.add(new Row(column, v, t, family + " " + name + (aggr.isEmpty() ? "" : " [" + aggr + "]")));
		}
		return out;
	}

	/** Half a unit of the last printed digit of a value as IBSI prints it ("0.0285" → 0.00005, "1.49 \\times 10^{3}" → 5). */
	static double printedPrecision(String text) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+(?:\\.([0-9]+))?)(?:\\s*\\\\times\\s*10\\^\\{(-?[0-9]+)\\})?").matcher(text);
		if (!m.find()) throw new AssertionError("cannot read IBSI value '" + text + "'");
		int decimals = m.group(2) == null ? 0 : m.group(2).length();
		int exponent = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
		return 0.5 * Math.pow(10, exponent - decimals);
	}

	/** Compares every row, returns the misses as text (empty when all agree). */
	static List<String> misses(List<Row> rows, Map<String, Double> computed) {
		List<String> out = new ArrayList<>();
		for (Row r : rows) {
			Double v = computed.get(r.column());
			if (v == null) out.add(r.label() + ": column " + r.column() + " not computed");
			else if (!(Math.abs(v - r.value()) <= r.tolerance() * (1 + 1e-9) + 1e-12))
				out.add(String.format("%s: %s = %.6g, IBSI %.6g ± %.3g", r.label(), r.column(), v, r.value(), r.tolerance()));
		}
		return out;
	}

	/** A NIfTI/NRRD volume's values, x fastest, and its size and spacing. */
	record Image(int[] size, double[] spacing, double[] values, lesionradiomics.volume.Geometry geometry) {}

	static Image read(Path file) throws IOException {
		lesionradiomics.volume.Volume vol = VolumeReaders.read(file).asVolume();
		lesionradiomics.volume.Geometry g = vol.geometry();
		int[] size = { (int) g.size(0), (int) g.size(1), (int) g.size(2) };
		double[] v = new double[size[0] * size[1] * size[2]];
		int i = 0;
		for (RealType<?> t : Views.flatIterable(vol.image())) v[i++] = t.getRealDouble();
		return new Image(size, g.spacing(), v, g);
	}
}
