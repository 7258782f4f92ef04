package lesionradiomics.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import lesionradiomics.analysis.Dissimilarity;
import lesionradiomics.analysis.FeatureMatrix;
import lesionradiomics.io.Csv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heterogeneity}: intra-patient heterogeneity of a lesion feature table. */
@Command(name = "heterogeneity", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Intra-patient, inter-lesion heterogeneity: CV per patient and per organ, cosine dissimilarity,",
				"maximal tumoral divergence (MTD) and average tumoral heterogeneity (ATH), t-tests and rank-sum tests.",
				"Writes cv_per_patient.csv, cv_per_organ.csv, cv_summary.csv, heterogeneity_indexes.csv, lesion_clusters.csv,",
				"tests.csv, cv_by_class.png, heterogeneity_indexes.png and one dissimilarity_<patient>.png per patient." })
final class HeterogeneityCli implements Callable<Integer> {

	@Option(names = "--features", required = true, paramLabel = "FEATURES.csv", description = "Lesion features (patient,label,site,features...), e.g. from extract or select.")
	Path features;

	@Option(names = "--selected", paramLabel = "LIST", description = "Use only these features (one per line, e.g. selected_features.txt from select).")
	Path selected;

	@Option(names = "--scaling", paramLabel = "S", description = "minmax (default: [0,1] over all lesions), zscore or none.")
	String scaling = "minmax";

	@Option(names = "--groups", paramLabel = "A,B", description = "Patient groups for the rank-sum test by lesion count (default 2-5,15-).")
	String groups = "2-5,15-";

	@Option(names = "--group-table", paramLabel = "TABLE.csv", description = "Table with patient and a group column (lesion or cohort table) instead of --groups.")
	Path groupTable;

	@Option(names = "--group-column", paramLabel = "NAME", description = "Column of --group-table holding the group (default: group).")
	String groupColumn = "group";

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
	Path out;

	@Override
	public Integer call() throws Exception {
		FeatureMatrix m = new AnalysisInput(features, selected).analysed;
		HeterogeneityTask.Groups g = groupTable == null ? HeterogeneityTask.Groups.parse(groups) : new HeterogeneityTask.Groups(groupsFrom(groupTable, groupColumn));
		HeterogeneityTask.Result r = HeterogeneityTask.run(m, Dissimilarity.Scaling.parse(scaling), g);
		HeterogeneityTask.write(r, out);
		for (String n : r.notes) System.err.println("note: " + n);
		System.err.printf("%d patients, %d lesions, %d features; results in %s%n", r.dissimilarity.size(), m.rows(), m.columns(), out);
		return 0;
	}

	static Map<String, String> groupsFrom(Path table, String column) throws java.io.IOException {
		List<List<String>> rows = Csv.read(table);
		int p = rows.get(0).indexOf("patient"), g = rows.get(0).indexOf(column);
		if (p < 0 || g < 0) throw new lesionradiomics.io.VolumeFormatException(table, "needs the columns patient and " + column + "; header is " + rows.get(0));
		Map<String, String> out = new LinkedHashMap<>();
		for (List<String> row : rows.subList(1, rows.size())) out.putIfAbsent(row.get(p).trim(), row.get(g).trim());
		return out;
	}
}
