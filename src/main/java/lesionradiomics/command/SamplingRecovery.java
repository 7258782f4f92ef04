package lesionradiomics.command;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.sampling.Recovery;
import lesionradiomics.sampling.Simulation;

/** SciJava command "Sampling Recovery" (headless, scriptable); the menu entry is the ImageJ 1.x plugin. */
@Plugin(type = Command.class, headless = true, label = "Sampling Recovery")
public class SamplingRecovery extends TaskCommand {

	@Parameter(label = "Lesion features (CSV)")
	private File features;

	@Parameter(label = "Selected features (list, optional)", required = false)
	private File selected;

	@Parameter(label = "Simulations", min = "1")
	private int simulations = 500;

	@Parameter(label = "Seed")
	private long seed = 20220101L;

	@Parameter(label = "Plain ratio I(S)/I instead of 1 - |I(S) - I|/I")
	private boolean ratio = false;

	@Parameter(label = "Sites excluded from RECIST-like")
	private String exclude = "bone";

	@Parameter(label = "Output folder", required = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Sampling Recovery")
	private ResultsTable recovery;

	@Parameter(type = ItemIO.OUTPUT, label = "Recovery Curves")
	private ResultsTable curves;

	@Override
	protected String title() {
		return "Sampling Recovery";
	}

	@Override
	protected void execute() throws java.io.IOException {
		AnalysisInput in = new AnalysisInput(features.toPath(), selected == null ? null : selected.toPath());
		SamplingTask.Options o = new SamplingTask.Options();
		o.simulations = simulations;
		o.seed = seed;
		o.plainRatio = ratio;
		o.recistLikeExcluded = SettingsFactory.list(exclude);
		List<String> notes = new ArrayList<>();
		Simulation.Result r = SamplingTask.run(SamplingTask.patients(in.analysed, in.full, o.scaling, notes), o, Runtime.getRuntime().availableProcessors(),
				progress());
		for (String n : notes) warn(n);
		if (output != null) SamplingTask.write(r, o, output.toPath());
		recovery = ResultsTables.of(SamplingTask.tableRows(r));
		curves = ResultsTables.of(SamplingTask.longRows(r.curves, "k"));
		if (showing()) {
			recovery.show("Sampling Recovery");
			curves.show("Recovery Curves");
			for (Recovery.Index i : Recovery.Index.values()) SamplingTask.curve(r, i, o.targetPercent).show();
		}
	}
}
