package lesionradiomics.io.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import lesionradiomics.io.Csv;
import lesionradiomics.io.VolumeFormatException;

/**
 * How DICOM input is chosen and named.
 *
 * @param series    SeriesInstanceUID of the image series (blank: the only one, or the one the delineation refers to)
 * @param roi       regular expression a ROI/segment name must match as a whole (case-insensitive; blank: all)
 * @param siteMap   CSV {@code name,site} mapping ROI/segment names to sites (null: none)
 * @param siteRegex regular expression whose first capture group is the site (e.g. {@code GTV_(liver|lung|bone)_\d+})
 * @param suv       PET: "bw" (SUV body weight, default), "sul" (lean body mass) or "none" (values as stored)
 */
public record DicomOptions(String series, String roi, Path siteMap, String siteRegex, String suv) {

	public static final DicomOptions DEFAULTS = new DicomOptions("", "", null, "", "bw");

	public DicomOptions(String series, String roi, Path siteMap, String siteRegex) {
		this(series, roi, siteMap, siteRegex, "bw");
	}

	/** The PET conversion asked for. */
	public PetSuv.Kind suvKind() {
		return PetSuv.Kind.valueOf(suv.toUpperCase(Locale.ROOT));
	}

	public DicomOptions {
		series = series == null ? "" : series.trim();
		roi = roi == null ? "" : roi.trim();
		siteRegex = siteRegex == null ? "" : siteRegex.trim();
		suv = suv == null || suv.isBlank() ? "bw" : suv.trim().toLowerCase(Locale.ROOT);
		if (!List.of("bw", "sul", "none").contains(suv)) throw new IllegalArgumentException("suv must be bw, sul or none, is '" + suv + "'");
		for (String[] r : new String[][] { { "roi", roi }, { "site-regex", siteRegex } })
			try {
				if (!r[1].isEmpty()) Pattern.compile(r[1]);
			} catch (PatternSyntaxException e) {
				throw new IllegalArgumentException(r[0] + " '" + r[1] + "' is not a regular expression: " + e.getDescription());
			}
		if (!siteRegex.isEmpty() && Pattern.compile(siteRegex).matcher("").groupCount() < 1)
			throw new IllegalArgumentException("site-regex '" + siteRegex + "' needs a capture group (…) for the site");
	}

	/** True when nothing maps names to sites (the ROI/segment name is the site). */
	boolean keepsNames() {
		return siteMap == null && siteRegex.isEmpty();
	}

	/** ROI/segment name → site by the mapping file, else the regex's first group, else the name itself. */
	Map<Long, String> sites(Map<Long, String> names, Path delineation) throws IOException {
		if (keepsNames()) return names;
		Map<String, String> map = new LinkedHashMap<>();
		if (siteMap != null) {
			List<List<String>> rows = Csv.read(siteMap);
			for (int i = 0; i < rows.size(); i++) {
				List<String> r = rows.get(i);
				if (r.size() < 2) throw new VolumeFormatException(siteMap, "line " + (i + 1) + ": expected name,site");
				if (i == 0 && r.get(0).trim().equalsIgnoreCase("name")) continue;
				map.put(r.get(0).trim().toLowerCase(Locale.ROOT), r.get(1).trim());
			}
		}
		Pattern p = siteRegex.isEmpty() ? null : Pattern.compile(siteRegex, Pattern.CASE_INSENSITIVE);
		Map<Long, String> out = new LinkedHashMap<>();
		for (Map.Entry<Long, String> e : new java.util.TreeMap<>(names).entrySet()) { // in label order: the first ROI without a site is named
			String site = map.get(e.getValue().toLowerCase(Locale.ROOT));
			if (site == null && p != null) {
				Matcher m = p.matcher(e.getValue());
				if (m.matches() && m.group(1) != null) site = m.group(1);
			}
			if (site == null)
				throw new VolumeFormatException(delineation, "ROI '" + e.getValue() + "' has no site: it " + (siteMap != null ? "is not in " + siteMap : "")
						+ (siteMap != null && p != null ? " and " : "") + (p != null ? "does not match --site-regex '" + siteRegex + "'" : "") + " (choose lesions with --roi)");
			out.put(e.getKey(), site);
		}
		return out;
	}
}
