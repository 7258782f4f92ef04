// Run the whole study (extraction, robust features, heterogeneity, sampling recovery) on a cohort table.
// Fiji or ImageJ 1.x, interactive or headless: ImageJ -batch cohort.ijm "COHORT.csv OUTPUT_DIR"
args = split(getArgument(), " ");
if (args.length < 2) exit("usage: cohort.ijm \"COHORT.csv OUTPUT_DIR\"");
run("Cohort Analysis...", "cohort=[" + args[0] + "] output=[" + args[1] + "] preset=pyradiomics bin_width=0 bin_count=0 resample=[] classes=[] settings=[] threads=0 simulations=100 seed=20220101");
print("Sampling Recovery: " + Table.size("Sampling Recovery") + " rows");
print("Heterogeneity indexes: " + Table.size("Heterogeneity indexes") + " patients");
print("Cohort analysed: results in " + args[1]);
