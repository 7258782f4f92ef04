package lesionradiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.io.Csv;

/**
 * Wavelet bands and the simple image types against PyWavelets and numpy on a 7×6×5 volume with odd sizes
 * (src/test/resources/filters/make_filter_golden.py made the values).
 */
class ImageFiltersTest {

	static final int[] SIZE = { 7, 6, 5 };

	static Map<String, double[]> golden() throws Exception {
		Map<String, double[]> out = new LinkedHashMap<>();
		for (List<String> row : Csv.read(Path.of("src/test/resources/filters/filter_golden.csv"))) {
			double[] v = new double[row.size() - 1];
			for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(row.get(i + 1));
			out.put(row.get(0), v);
		}
		return out;
	}

	static void assertClose(double[] expected, double[] got, double relative, String what) {
		assertEquals(expected.length, got.length, what);
		for (int i = 0; i < got.length; i++)
			assertEquals(expected[i], got[i], relative * Math.max(1, Math.abs(expected[i])), what + " voxel " + i);
	}

	@Test
	void waveletBandsEqualPyWavelets() throws Exception {
		Map<String, double[]> g = golden();
		Map<String, double[]> bands = StationaryWavelet.decompose(g.get("filter"), SIZE, StationaryWavelet.COIF1, 0, 1);
		assertEquals(List.of("LLH", "LHL", "LHH", "HLL", "HLH", "HHL", "HHH", "LLL"), List.copyOf(bands.keySet()), "pyradiomics' order");
		for (Map.Entry<String, double[]> b : bands.entrySet()) assertClose(g.get("wavelet-" + b.getKey()), b.getValue(), 1e-13, b.getKey());
	}

	@Test
	void simpleImageTypesEqualPyradiomicsFormulas() throws Exception {
		Map<String, double[]> g = golden();
		double[] x = g.get("filter");
		double m = 0;
		for (double v : x) m = Math.max(m, Math.abs(v));
		for (String name : IntensityFilters.NAMES) assertClose(g.get(name), IntensityFilters.apply(name, x, m), 1e-13, name);
	}

	/** A 1-D line shorter than the filter wraps on both sides (pywt's third case). */
	@Test
	void shortLinesWrapAsPyWavelets() {
		double[] out = new double[4];
		StationaryWavelet.periodicConvolution(new double[] { 1, 2, 3, 4 }, StationaryWavelet.COIF1.lowPass(), out);
		// pywt.swt([1, 2, 3, 4], 'coif1', level=1)[0][0] (PyWavelets 1.1.1)
		double[] expected = { 2.4748737341529163, 2.6001195592392525, 4.596194077712559, 4.470948252626223 };
		for (int i = 0; i < 4; i++) assertEquals(expected[i], out[i], 1e-13);
	}
}
