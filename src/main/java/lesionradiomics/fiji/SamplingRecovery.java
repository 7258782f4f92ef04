package lesionradiomics.fiji;

import lesionradiomics.workflow.Bind;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.util.Arrays;

import ij.measure.ResultsTable;
import lesionradiomics.report.Figure;
import lesionradiomics.report.ResultsTables;
import lesionradiomics.report.SamplingReport;
import lesionradiomics.sampling.Recovery;
import lesionradiomics.workflow.Execution;
import lesionradiomics.workflow.FeatureInput;
import lesionradiomics.workflow.HeterogeneityOptions;
import lesionradiomics.workflow.SamplingOptions;
import lesionradiomics.workflow.SamplingWorkflow;

/** "Sampling Recovery": SciJava command (headless, scriptable); the menu entry is {@link CommandPlugin}. */
@Plugin(type = Command.class, headless = true, label = "Sampling Recovery",
		description = "How much of each patient's heterogeneity (MTD, ATH) samples of 1..k lesions recover: random, largest and RECIST-like "
				+ "sampling simulated, with recovery curves and the lesions needed for the target.")
public class SamplingRecovery extends FeatureTableCommand {

	@Parameter(label = "Simulations", min = "1", persist = false)
	private int simulations = SamplingOptions.DEFAULTS.simulations();

	@Parameter(label = "Seed", persist = false)
	private long seed = SamplingOptions.DEFAULTS.seed();

	@Parameter(label = "Ratio: plain I(S)/I instead of 1 - |I(S) - I|/I", persist = false)
	private boolean ratio = SamplingOptions.DEFAULTS.ratio();

	@Parameter(label = "Scaling", choices = { "minmax", "zscore", "none" }, persist = false)
	private String scaling = Bind.name(HeterogeneityOptions.DEFAULTS.scaling());

	@Parameter(label = "Exclude sites from RECIST-like sampling, comma-separated", required = false, persist = false)
	private String excludeSites = String.join(",", SamplingOptions.DEFAULTS.excludeSites());

	@Parameter(label = "Kmax: largest k of the recovery curves", min = "2", persist = false)
	private int kmax = SamplingOptions.DEFAULTS.kmax();

	@Parameter(label = "Target: recovery target (%)", min = "1", max = "100", persist = false)
	private double target = SamplingOptions.DEFAULTS.target();

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Sampling Recovery")
	private ResultsTable recovery;

	@Parameter(type = ItemIO.OUTPUT, label = "Recovery Curves")
	private ResultsTable curves;

	@Override
	protected void execute() throws java.io.IOException {
		SamplingOptions o = Bind.sampling(simulations, seed, ratio, scaling, Bind.list(excludeSites), kmax, target);
		FeatureInput in = input();
		SamplingWorkflow.Result r;
		try (Execution execution = Execution.of(threads, progress())) {
			r = SamplingWorkflow.run(in.analysed(), in.full(), o, execution);
		}
		for (String n : r.notes()) warn(n);
		if (output != null) SamplingReport.write(r, output.toPath());
		recovery = ResultsTables.of(SamplingReport.tableRows(r.simulation()));
		curves = ResultsTables.of(SamplingReport.longRows(r.simulation().curves, "k"));
		if (showing()) {
			showOutputs(Arrays.stream(Recovery.Index.values()).map(i -> SamplingReport.curve(r.simulation(), i, o.target())).toArray(Figure[]::new));
		}
	}
}
