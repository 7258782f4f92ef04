package lesionradiomics.fiji;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.Macro;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import lesionradiomics.progress.Progress;
import lesionradiomics.workflow.ExtractionOptions;
import lesionradiomics.workflow.MapsOptions;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.SamplingOptions;
import lesionradiomics.workflow.ResponseOptions;
import lesionradiomics.workflow.ScoreOptions;
import lesionradiomics.workflow.SurvivalOptions;
import lesionradiomics.workflow.SelectionOptions;

/**
 * An ImageJ 1.x dialog declared as a list of fields (macro key, kind, default), so the fields can be listed without
 * showing it (the front-end option test does) and read back by key instead of by position. Keys are the macro keys;
 * each options record's sections bind the same keys everywhere.
 */
public final class DialogForm {

	enum Kind { STRING, NUMBER, CHOICE, CHECKBOX, FILE, DIRECTORY, IMAGE }

	record Field(String key, Kind kind, String defaultValue, String[] choices, int columns, String units) {}

	/** The values the user gave, by key. */
	static final class Values {
		private final Map<String, String> text = new LinkedHashMap<>();
		private final Map<String, ImagePlus> images = new LinkedHashMap<>();

		String string(String key) { return text.get(key).trim(); }
		double number(String key) { return Double.parseDouble(text.get(key)); }
		int integer(String key) {
			double v = number(key);
			if (v != Math.rint(v)) throw new IllegalArgumentException(key + " must be a whole number, is " + v);
			return (int) v;
		}
		boolean bool(String key) { return Boolean.parseBoolean(text.get(key)); }
		ImagePlus image(String key) { return images.get(key); }
		/** A path field: the value, or an error naming the field when it is empty. */
		java.nio.file.Path path(String key) {
			String v = string(key);
			if (v.isEmpty()) throw new IllegalArgumentException("the field '" + key + "' is empty: choose a file or folder");
			return java.nio.file.Path.of(v);
		}
		/** A path field that may be empty (null then). */
		java.nio.file.Path optionalPath(String key) {
			String v = string(key);
			return v.isEmpty() ? null : java.nio.file.Path.of(v);
		}
	}

	/** README section with every option explained (the dialogs' Help button). */
	static final String HELP = "https://github.com/lesion-radiomics/lesion-radiomics#fiji";

	/** Hints shown beside fields whose format is not obvious. */
	static final Map<String, String> HINTS = Map.ofEntries(Map.entry("resample", "x,y,z mm, e.g. 1,1,1 (blank: the preset's)"),
			Map.entry("bin_range", "min,max,count, e.g. -1000,3000,400"), Map.entry("interpolator", "sitkBSpline, sitkLinear or sitkNearestNeighbor"),
			Map.entry("classes", "e.g. firstorder,glcm (blank: all 7)"),
			Map.entry("image_types", "e.g. Original;LoG:sigma=1,3;Wavelet (blank: Original)"), Map.entry("features", "class:Name, e.g. glcm:Contrast"),
			Map.entry("settings", "name=value;... any pyradiomics setting"), Map.entry("groups", "lesion counts, e.g. 2-5,15- (blank: group column)"),
			Map.entry("exclude_sites", "sites RECIST-like never samples, comma-separated"),
			Map.entry("ratio", "plain I(S)/I instead of 1 - |I(S) - I|/I"), Map.entry("prefer", "representatives, comma-separated (blank: default list)"),
			Map.entry("nan_policy", "NaN/Inf voxels in a lesion: stop, or leave out and list"),
			Map.entry("overwrite", "replace an earlier run's results in the folder"), Map.entry("resume", "continue an interrupted run"),
			Map.entry("patient", "(blank: the only one of the lesion table)"),
			Map.entry("variables", "score and/or feature columns (blank: score and all features)"),
			Map.entry("cutoff", "a value, median or optimal (blank: continuous only)"), Map.entry("variable", "patient table column, e.g. score_min"),
			Map.entry("endpoint", "e.g. os: os_time, os_event (blank: time, event)"), Map.entry("covariates", "clinical columns, comma-separated"),
			Map.entry("aggregations", "mean,median,min,max,vwmean,largest,smallest,vwmean_k (blank: all)"),
			Map.entry("min_volume_ml", "0 = all lesions; the study's subset: 1"), Map.entry("sites", "comma-separated (blank: all)"), Map.entry("seed", "same seed, same numbers"),
			Map.entry("lesion_labels", "e.g. 8,12 (blank: all)"), Map.entry("thresholds", "feature=value;... fraction of the lesion above"),
			Map.entry("habitat_features", "maps to cluster, comma-separated ('none': no habitats)"), Map.entry("show", "maps to open, comma-separated"));

	/** Fields whose value is remembered between uses (cosmetic ones only: they never change a result). */
	static final List<String> REMEMBERED = List.of("threads");

	private final String title;
	private final List<Field> fields = new ArrayList<>();

	DialogForm(String title) {
		this.title = title;
	}

	DialogForm string(String key, String value, int columns) { return add(new Field(key, Kind.STRING, value, null, columns, null)); }
	DialogForm number(String key, double value, String units) { return add(new Field(key, Kind.NUMBER, format(value), null, 8, units)); }
	DialogForm choice(String key, String value, String... choices) { return add(new Field(key, Kind.CHOICE, value, choices, 0, null)); }
	DialogForm checkbox(String key, boolean value) { return add(new Field(key, Kind.CHECKBOX, Boolean.toString(value), null, 0, null)); }
	DialogForm file(String key) { return add(new Field(key, Kind.FILE, "", null, 30, null)); }
	DialogForm directory(String key) { return add(new Field(key, Kind.DIRECTORY, "", null, 30, null)); }
	DialogForm image(String key, String value) { return add(new Field(key, Kind.IMAGE, value, null, 0, null)); }

	private DialogForm add(Field f) {
		fields.add(f);
		return this;
	}

	private static String format(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	@Override
	public String toString() {
		return title;
	}

	/** The macro keys, in dialog order. */
	public List<String> keys() {
		List<String> out = new ArrayList<>();
		for (Field f : fields) out.add(f.key());
		return out;
	}

	/** Shows the dialog (or reads the macro options); null when cancelled. */
	Values show() {
		GenericDialog gd = new GenericDialog(title);
		java.awt.Font small = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.ITALIC, 11);
		for (Field f : fields) {
			switch (f.kind()) {
			case STRING: gd.addStringField(f.key(), f.defaultValue(), f.columns()); break;
			case NUMBER: gd.addNumericField(f.key(), REMEMBERED.contains(f.key()) ? ij.Prefs.get("lesionradiomics." + f.key(),
					Double.parseDouble(f.defaultValue())) : Double.parseDouble(f.defaultValue()), f.defaultValue().contains(".") ? 3 : 0, f.columns(),
					f.units() == null ? "" : f.units()); break;
			case CHOICE: gd.addChoice(f.key(), f.choices(), f.defaultValue()); break;
			case CHECKBOX: gd.addCheckbox(f.key(), Boolean.parseBoolean(f.defaultValue())); break;
			case FILE: gd.addFileField(f.key(), f.defaultValue(), f.columns()); break;
			case DIRECTORY: gd.addDirectoryField(f.key(), f.defaultValue(), f.columns()); break;
			default: gd.addImageChoice(f.key(), f.defaultValue());
			}
			// file fields get none: there is no room beside Browse, and their keys ("features") may name other fields' hints
			if (HINTS.containsKey(f.key()) && f.kind() != Kind.FILE && f.kind() != Kind.DIRECTORY) {
				if (f.kind() == Kind.STRING && gd.getStringFields() != null && !gd.getStringFields().isEmpty()) {
					// beside a text field a hint would be pushed past the widest field: the status bar shows it instead
					tooltip((java.awt.Component) gd.getStringFields().lastElement(), HINTS.get(f.key()));
				} else {
					gd.addToSameRow();
					gd.addMessage(HINTS.get(f.key()), small);
				}
			}
		}
		gd.addHelp(HELP);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		Values v = new Values();
		for (Field f : fields) {
			switch (f.kind()) {
			case NUMBER:
				v.text.put(f.key(), Double.toString(gd.getNextNumber()));
				if (REMEMBERED.contains(f.key())) ij.Prefs.set("lesionradiomics." + f.key(), v.text.get(f.key()));
				break;
			case CHOICE: v.text.put(f.key(), gd.getNextChoice()); break;
			case CHECKBOX: v.text.put(f.key(), Boolean.toString(gd.getNextBoolean())); break;
			case IMAGE: v.images.put(f.key(), gd.getNextImage()); break;
			default: v.text.put(f.key(), gd.getNextString());
			}
		}
		return v;
	}

	// Sections shared by the plugins: one per options record, the same keys everywhere.

	DialogForm extraction() {
		ExtractionOptions d = ExtractionOptions.DEFAULTS;
		return file("params").choice("preset", d.preset(), ExtractionOptions.PRESETS.toArray(new String[0])).string("image_types", "", 30)
				.number("bin_width", 0, "(0 = preset's)")
				.number("bin_count", 0, "(0 = use bin width)").string("bin_range", "", 14).string("resample", "", 12).string("interpolator", "", 14)
				.string("classes", "", 30).string("features", "", 30).string("settings", "", 30).choice("split_components", "0", "0", "6", "26")
				.number("min_lesion_mm3", d.minLesionMm3(), "mm3").choice("nan_policy", d.nanPolicy(), ExtractionOptions.NAN_POLICIES.toArray(new String[0]))
				.choice("voi", Bind.PRESET_VOI, Bind.PRESET_VOI, "core", "ring", "core,ring").number("ring_mm", d.ringMm(), "mm").number("threads", 0, "(0 = all cores)");
	}

	static ExtractionOptions extraction(Values v) throws java.io.IOException {
		return Bind.extraction(v.optionalPath("params"), v.string("preset"), Bind.unlessZero(v.number("bin_width")), Bind.unlessZero(v.integer("bin_count")),
				v.string("bin_range"), v.string("resample"), v.string("interpolator"), v.string("image_types"), Bind.list(v.string("classes")), Bind.list(v.string("features")), Bind.pairs(v.string("settings")),
				Integer.parseInt(v.string("split_components")), v.number("min_lesion_mm3"), v.string("nan_policy"), Bind.list(v.string("voi")),
				v.number("ring_mm"));
	}

	DialogForm selection() {
		SelectionOptions d = SelectionOptions.DEFAULTS;
		return number("radius", d.radius(), "mm").number("ccc", d.ccc(), "").choice("correlation", Bind.name(d.correlation()), "pearson", "spearman")
				.number("cut", d.cut(), "|r|").number("clusters", d.clusters(), "(0 = cut at |r|)").string("prefer", "", 30);
	}

	static SelectionOptions selection(Values v) {
		return Bind.selection(v.number("radius"), v.number("ccc"), v.string("correlation"), v.number("cut"), v.integer("clusters"),
				Bind.list(v.string("prefer")));
	}

	DialogForm heterogeneity() {
		HeterogeneityOptions d = HeterogeneityOptions.DEFAULTS;
		return choice("scaling", Bind.name(d.scaling()), "minmax", "zscore", "none").string("groups", d.groups(), 10).string("group_column",
				d.groupColumn(), 10);
	}

	static HeterogeneityOptions heterogeneity(Values v) {
		return Bind.heterogeneity(v.string("scaling"), v.string("groups"), v.string("group_column"));
	}

	/** The sampling fields; the scaling comes from {@link #heterogeneity()} or its own choice. */
	DialogForm sampling() {
		SamplingOptions d = SamplingOptions.DEFAULTS;
		return number("simulations", d.simulations(), "").string("seed", Long.toString(d.seed()), 12).checkbox("ratio", d.ratio())
				.string("exclude_sites", String.join(",", d.excludeSites()), 20).number("kmax", d.kmax(), "").number("target", d.target(), "%");
	}

	/** The seed field, a whole number (a text field: a number field would round large seeds). */
	static long seed(Values v) {
		try {
			return Long.parseLong(v.string("seed"));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("seed must be a whole number, is '" + v.string("seed") + "'");
		}
	}

	static SamplingOptions sampling(Values v) {
		return Bind.sampling(v.integer("simulations"), seed(v), v.bool("ratio"), v.string("scaling"), Bind.list(v.string("exclude_sites")),
				v.integer("kmax"), v.number("target"));
	}

	DialogForm scores() {
		ScoreOptions d = ScoreOptions.DEFAULTS;
		return string("variables", "", 30).string("aggregations", "", 30).number("k", d.k(), "largest lesions").number("entropy_bins", d.entropyBins(), "")
				.number("min_volume_ml", d.minVolumeMl(), "mL").string("sites", "", 20);
	}

	static ScoreOptions scores(Values v) {
		return Bind.scores(Bind.list(v.string("variables")), Bind.list(v.string("aggregations")), v.integer("k"), v.integer("entropy_bins"),
				v.number("min_volume_ml"), Bind.list(v.string("sites")));
	}

	DialogForm response() {
		ResponseOptions d = ResponseOptions.DEFAULTS;
		return string("variable", d.variable(), 24).string("cutoff", d.cutoff(), 8).string("min_volume_ml", "", 10).number("progression", d.progression(), "")
				.number("response", d.response(), "").number("volume_progression", d.volumeProgression(), "").number("volume_response", d.volumeResponse(), "")
				.string("delta_site", d.deltaSite(), 12).string("delta_aggregation", d.deltaAggregation().key(), 10).number("bootstrap", d.bootstrap(), "")
				.string("seed", Long.toString(d.seed()), 12);
	}

	static ResponseOptions response(Values v) throws java.io.IOException {
		return Bind.response(extraction(v), v.string("variable"), v.string("cutoff"), Bind.numbers(v.string("min_volume_ml")), v.number("progression"),
				v.number("response"), v.number("volume_progression"), v.number("volume_response"), v.string("delta_site"), v.string("delta_aggregation"),
				v.integer("bootstrap"), seed(v));
	}

	DialogForm maps() {
		MapsOptions d = MapsOptions.DEFAULTS;
		return string("lesion_labels", "", 12).number("kernel_radius", d.kernelRadius(), "voxels").string("classes", "", 30).string("features", "", 30)
				.number("bin_width", 0, "(0 = 25)").number("bin_count", 0, "(0 = use bin width)").string("settings", "", 30).checkbox("csv", d.csv())
				.checkbox("nrrd", d.nrrd()).string("thresholds", "", 30).string("habitat_features", MapsOptions.shortNames(d.habitatFeatures()), 46)
				.number("habitats", d.habitats(), "(0 = by silhouette)").number("habitat_kmax", d.habitatKmax(), "")
				.string("seed", Long.toString(d.seed()), 12).number("threads", 0, "(0 = all cores)");
	}

	static MapsOptions maps(Values v) {
		return Bind.maps(Bind.list(v.string("lesion_labels")), v.integer("kernel_radius"), Bind.list(v.string("classes")), Bind.list(v.string("features")),
				Bind.unlessZero(v.number("bin_width")),
				Bind.unlessZero(v.integer("bin_count")), Bind.pairs(v.string("settings")), v.bool("csv"), v.bool("nrrd"), Bind.pairs(v.string("thresholds")),
				Bind.list(v.string("habitat_features")), v.integer("habitats"), v.integer("habitat_kmax"), seed(v));
	}

	DialogForm survival() {
		SurvivalOptions d = SurvivalOptions.DEFAULTS;
		return string("variable", d.variable(), 20).string("endpoint", d.endpoint(), 8).string("cutoff", d.cutoff(), 10).number("minprop", d.minprop(), "")
				.string("covariates", "", 20).string("strata", d.strata(), 10).number("train_fraction", d.trainFraction(), "(0 = no split)").string("seed", Long.toString(d.seed()), 12)
				.checkbox("stratify_by_event", d.stratifyByEvent());
	}

	static SurvivalOptions survival(Values v) {
		return new SurvivalOptions(v.string("variable"), v.string("endpoint"), v.string("cutoff"), v.number("minprop"), Bind.list(v.string("covariates")),
				v.string("strata"), v.number("train_fraction"), seed(v), v.bool("stratify_by_event"));
	}

	/** What a plugin does once its dialog is read. */
	interface Action {
		void run() throws Exception;
	}

	/**
	 * Runs a plugin's work so that every failure reaches the user: input problems as an error dialog naming what is
	 * wrong, cancellation in the status bar, anything unexpected as an error dialog plus the stack trace in the Log
	 * (ImageJ would otherwise swallow it).
	 */
	static void run(String title, Action action) {
		try {
			action.run();
		} catch (java.io.IOException | IllegalArgumentException e) {
			error(title, e.getMessage());
		} catch (Progress.CancelledException e) {
			IJ.showStatus("Lesion Radiomics: cancelled");
		} catch (Throwable e) {
			java.io.StringWriter trace = new java.io.StringWriter();
			e.printStackTrace(new java.io.PrintWriter(trace));
			IJ.log("Lesion Radiomics, " + title + ": unexpected error, please report:\n" + trace);
			error(title, "Unexpected error (" + e + "); please report it with the Log window's text.");
		} finally {
			IJ.showProgress(1.0);
		}
	}

	/** Shows a field's hint in the status bar while the mouse is over it (GenericDialog's fields are AWT: no tooltips). */
	private static void tooltip(java.awt.Component c, String text) {
		c.addMouseListener(new java.awt.event.MouseAdapter() {
			@Override
			public void mouseEntered(java.awt.event.MouseEvent e) {
				IJ.showStatus(text);
			}
		});
	}

	/**
	 * Tells the user what went wrong: an error dialog when someone is there; in a batch-mode macro (a headless run, no
	 * one to click OK) a Log line, and the macro stops.
	 */
	static void error(String title, String message) {
		if (ij.macro.Interpreter.isBatchMode() && Macro.getOptions() != null) {
			IJ.log("Lesion Radiomics, " + title + ": error: " + message);
			ij.macro.Interpreter.abort(); // stops the calling macro without an error dialog
		} else IJ.error(title, message);
	}

	/** Status bar and progress bar; Esc cancels. */
	static Progress imageJProgress() {
		return new Progress() {
			@Override
			public void update(String what, long done, long total) {
				IJ.showProgress((int) done, (int) total);
				IJ.showStatus("Lesion Radiomics: " + what + " " + done + "/" + total);
			}

			@Override
			public boolean isCancelled() {
				return IJ.escapePressed();
			}
		};
	}
}
