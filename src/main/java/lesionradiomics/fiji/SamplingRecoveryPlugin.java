package lesionradiomics.fiji;

import ij.IJ;
import ij.plugin.PlugIn;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SamplingReport;
import lesionradiomics.sampling.Recovery;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.SamplingOptions;
import lesionradiomics.workflow.SamplingWorkflow;

/** Plugins › Lesion Radiomics › Sampling Recovery (ImageJ 1.x entry, macro-recordable). */
public class SamplingRecoveryPlugin implements PlugIn {

	static final String TITLE = "Sampling Recovery";

	public static DialogForm form() {
		return new DialogForm(TITLE).file("features").file("selected").sampling()
				.choice("scaling", Bind.name(HeterogeneityOptions.DEFAULTS.scaling()), "minmax", "zscore", "none").number("threads", 0, "(0 = all cores)")
				.directory("output");
	}

	@Override
	public void run(String arg) {
		DialogForm.Values v = form().show();
		if (v == null) return;
		DialogForm.run(TITLE, () -> {
			SamplingOptions o = DialogForm.sampling(v);
			FeatureInput in = FeatureInput.read(v.path("features"), v.optionalPath("selected"));
			SamplingWorkflow.Result r;
			try (Execution execution = Execution.of(v.integer("threads"), DialogForm.imageJProgress())) {
				r = SamplingWorkflow.run(in.analysed(), in.full(), o, execution);
			}
			for (String n : r.notes()) IJ.log("Lesion Radiomics: " + n);
			if (v.optionalPath("output") != null) SamplingReport.write(r, v.optionalPath("output"));
			ResultsTables.of(SamplingReport.tableRows(r.simulation())).show("Sampling Recovery");
			ResultsTables.of(SamplingReport.longRows(r.simulation().curves, "k")).show("Recovery Curves");
			for (Recovery.Index i : Recovery.Index.values()) SamplingReport.curve(r.simulation(), i, o.target()).imagePlus().show();
		});
	}
}
