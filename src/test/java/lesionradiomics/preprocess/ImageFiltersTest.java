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

	/**
	 * Lines of every length from 1 to 40 against pywt's definition written out directly — out[o] = Σ_j filter[j] ·
	 * x[(o + F/2 − j) mod N], terms added from 0 in increasing j — in double and in float32, for coif1's six taps
	 * (whose unwrapped outputs have a loop of their own) and haar's two: bit for bit where the filter does not wrap
	 * around (there the code sums in this order), to rounding where it does (it sums the wrapped terms in pywt's order).
	 */
	@Test
	void periodicConvolutionIsTheDefinitionBitForBit() {
		java.util.SplittableRandom r = new java.util.SplittableRandom(4);
		for (StationaryWavelet.Wavelet w : StationaryWavelet.WAVELETS)
			for (double[] filter : new double[][] { w.lowPass(), w.highPass() })
				for (int n = 1; n <= 40; n++) {
					double[] x = new double[n], out = new double[n];
					float[] x32 = new float[n], out32 = new float[n], filter32 = new float[filter.length];
					for (int i = 0; i < n; i++) x32[i] = (float) (x[i] = r.nextInt(5) == 0 ? -0.0 : r.nextDouble() * 2000 - 1000);
					for (int j = 0; j < filter.length; j++) filter32[j] = (float) filter[j];
					StationaryWavelet.periodicConvolution(x, filter, out);
					StationaryWavelet.periodicConvolution32(x32, filter32, out32);
					int f = filter.length;
					for (int o = 0; o < n; o++) {
						double sum = 0;
						float sum32 = 0;
						for (int j = 0; j < f; j++) {
							int k = Math.floorMod(o + f / 2 - j, n);
							sum += filter[j] * x[k];
							sum32 += filter32[j] * x32[k];
						}
						boolean wraps = o + f / 2 - (f - 1) < 0 || o + f / 2 >= n;
						assertEquals(sum, out[o], wraps ? 1e-12 * 1000 * f : 0, w.name() + " n " + n + " o " + o);
						assertEquals(sum32, out32[o], wraps ? 1e-5f * 1000 * f : 0, w.name() + " float32 n " + n + " o " + o);
					}
				}
	}
}
