package lesionradiomics.command;

import java.util.Map;

import ij.gui.GenericDialog;
import lesionradiomics.features.FeatureSettings;

/** The extraction-settings fields shared by the ImageJ 1.x dialogs (field names are the macro keys). */
final class DialogFields {

	private DialogFields() {}

	static void addSettings(GenericDialog gd) {
		gd.addChoice("preset", new String[] { "pyradiomics", "study" }, "pyradiomics");
		gd.addNumericField("bin_width", 0, 2, 8, "(0 = preset: 25, study 10)");
		gd.addNumericField("bin_count", 0, 0, 8, "(0 = use bin width)");
		gd.addStringField("resample", "", 12);
		gd.addStringField("classes", "", 30);
		gd.addStringField("settings", "", 30);
		gd.addNumericField("threads", 0, 0, 4, "(0 = all cores)");
	}

	/** Reads the fields added by {@link #addSettings} (threads excepted), in order. */
	static FeatureSettings readSettings(GenericDialog gd) {
		String preset = gd.getNextChoice();
		double binWidth = gd.getNextNumber();
		int binCount = (int) gd.getNextNumber();
		String resample = gd.getNextString();
		String classes = gd.getNextString();
		String params = gd.getNextString();
		Map<String, String> extra = new java.util.LinkedHashMap<>();
		for (String kv : params.trim().isEmpty() ? new String[0] : params.trim().split("\\s*;\\s*")) {
			String[] p = kv.split("=", 2);
			if (p.length != 2) throw new IllegalArgumentException("settings are name=value pairs separated by ';', got '" + kv + "'");
			extra.put(p[0].trim(), p[1].trim());
		}
		return SettingsFactory.build(preset, binWidth, binCount, resample, SettingsFactory.list(classes), null, extra);
	}

	static int readThreads(GenericDialog gd) {
		return SettingsFactory.threads((int) gd.getNextNumber());
	}
}
