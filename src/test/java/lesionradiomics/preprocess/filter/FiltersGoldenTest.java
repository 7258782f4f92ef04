package lesionradiomics.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every IBSI 2 filter against response maps computed straight from the IBSI 2 definitions by scipy/numpy (full
 * non-separable kernels, np.rot90 rotations, numpy FFTs: {@code src/test/resources/ibsi2filters/make_golden.py}) on
 * a small random 11×9×7 image — always there, so a fresh clone checks each filter, boundary condition, rotation
 * pooling, à trous level and Fourier-domain filter without ../shared.
 */
class FiltersGoldenTest {

	record Golden(int[] size, double[] spacing, double[] image, Map<String, double[]> cases) {}

	static Golden read() throws IOException {
		Path p = Paths.get(System.getProperty("user.dir")).resolve("src/test/resources/ibsi2filters/golden.txt");
		int[] size = null;
		double[] spacing = null, image = null;
		Map<String, double[]> cases = new LinkedHashMap<>();
		String current = null;
		for (String line : Files.readAllLines(p)) {
			String[] f = line.split(" ");
			switch (f[0]) {
			case "size": size = new int[] { Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]) }; break;
			case "spacing": spacing = new double[] { Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]) }; break;
			case "image": image = numbers(f); break;
			case "case": current = line.substring(5); break;
			case "values": cases.put(current, numbers(f)); break;
			default: throw new IllegalStateException("unexpected line in " + p + ": " + line);
			}
		}
		return new Golden(size, spacing, image, cases);
	}

	private static double[] numbers(String[] f) {
		double[] v = new double[f.length - 1];
		for (int i = 1; i < f.length; i++) v[i - 1] = Double.parseDouble(f[i]);
		return v;
	}

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> out = new ArrayList<>();
		for (String spec : read().cases().keySet()) out.add(Arguments.of(spec));
		return out.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void equalsTheDefinitionComputedByScipy(String spec) throws IOException {
		Golden g = read();
		double[] expected = g.cases().get(spec);
		double[] actual = FilterSpec.parse(spec).apply(g.image(), g.size(), g.spacing());
		assertEquals(expected.length, actual.length);
		double scale = 0;
		for (double e : expected) scale = Math.max(scale, Math.abs(e));
		assertTrue(scale > 1e-6, "golden response of " + spec + " is all zero: the case tests nothing");
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], 1e-9 * scale, spec + " at voxel " + i);
	}
}
