package lesionradiomics.workflow;

import java.util.ArrayList;
import java.util.List;

import lesionradiomics.preprocess.filter.FilterSpec;
import lesionradiomics.preprocess.filter.ResponseFilter;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.Volume;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The {@code filter} job: the response maps of IBSI 2 filters on a whole image — what users look at before trusting
 * a filtered feature. The specs are all checked before any filter runs.
 */
public final class FilterWorkflow {

	private FilterWorkflow() {}

	/**
	 * One response map.
	 *
	 * @param name   the image-type name of the filter (as in feature columns), also the file name
	 * @param spec   the filter's spec, all settings spelled out
	 * @param values the response, x fastest, on the image's grid
	 */
	public record Response(String name, String spec, double[] values, Geometry geometry) {}

	public static List<Response> run(Volume image, FilterOptions options, Progress progress) {
		List<ResponseFilter> filters = FilterSpec.parseList(options.filters());
		if (filters.isEmpty()) throw new IllegalArgumentException("no filter in '" + options.filters() + "'");
		Geometry g = image.geometry();
		int[] size = { (int) g.size(0), (int) g.size(1), (int) g.size(2) };
		double[] values = voxels(image);
		List<Response> out = new ArrayList<>();
		for (int i = 0; i < filters.size(); i++) {
			progress.checkCancelled();
			ResponseFilter f = filters.get(i);
			progress.update("filter " + f.spec(), i, filters.size());
			out.add(new Response(FilterSpec.imageName(f), f.spec(), f.apply(values, size, g.spacing()), g));
		}
		progress.update("filters", filters.size(), filters.size());
		return out;
	}

	/** The voxels of a volume, x fastest, in physical units. */
	public static double[] voxels(Volume v) {
		long n = v.geometry().voxelCount();
		if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("image of " + n + " voxels is too large to filter");
		double[] out = new double[(int) n];
		Cursor<? extends RealType<?>> c = Views.flatIterable(v.image()).cursor();
		for (int i = 0; i < out.length; i++) out[i] = c.next().getRealDouble();
		return out;
	}
}
