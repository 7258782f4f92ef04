package lesionradiomics.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterSpecTest {

	@Test
	void theIssuesExampleParsesAndEveryFilterRoundTrips() {
		List<ResponseFilter> f = FilterSpec.parseList("Mean:support=5;LoG:sigma=1.5,boundary=mirror;Laws:kernel=L5E5E5,rotation=invariant,pooling=max,energy=7;"
				+ "Gabor:sigma=10,lambda=4,gamma=0.5,theta=pi/3,step=pi/4,planes=3;Wavelet:family=db3,level=2,band=LLH,rotation=invariant;"
				+ "Simoncelli:level=2,riesz=010;RieszLoG:sigma=2,riesz=002,boundary=zero");
		assertEquals(7, f.size());
		for (ResponseFilter r : f) assertEquals(r, FilterSpec.parse(r.spec()), r.spec());
		assertEquals("Gabor:sigma=10,lambda=4,gamma=0.5,theta=60,step=45,pooling=average,planes=3,boundary=mirror", f.get(3).spec());
		assertEquals(Math.PI / 3, ((GaborFilter) f.get(3)).theta(), 1e-15);
	}

	@Test
	void imageNamesStateFilterAndParametersWithoutUnderscores() {
		assertEquals("log-sigma-1-5-boundary-mirror", FilterSpec.imageName(FilterSpec.parse("LoG:sigma=1.5")));
		assertEquals("wavelet-family-db3-band-llh-level-2-rotation-invariant-pooling-average-boundary-mirror",
				FilterSpec.imageName(FilterSpec.parse("Wavelet:family=db3,level=2,band=LLH,rotation=invariant")));
		assertFalse(FilterSpec.imageName(FilterSpec.parse("Laws:kernel=L5S5,energy=3")).contains("_"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Laws:kernel=L5X5E5|unknown Laws kernel 'X5'", "LoG:sigma=0|sigma must be > 0", "LoG:sigma=-1|sigma must be > 0",
			"Wavelet:family=db2,band=LHL,level=0|level must be >= 1", "Wavelet:family=db2,band=LXL|band 'LXL' does not exist",
			"Wavelet:family=db99,band=LLH|unknown wavelet 'db99'", "Mean:support=5,boundary=reflect101|unknown boundary 'reflect101'",
			"Mean:support=4|odd number", "Gabor:sigma=1|setting 'lambda' is required", "Sobel:size=3|unknown filter 'Sobel'",
			"LoG:sigma=1,colour=red|unknown setting 'colour'", "Simoncelli:level=1,riesz=1x0|riesz must be three digits",
			"Simoncelli:level=1,dims=2,riesz=001|no z Riesz component", "Mean:support=5,boundary=zero,boundary=mirror|given twice" })
	void anInvalidSpecIsOneLineNamingIt(String spec, String why) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterSpec.parseList("Mean:support=3;" + spec));
		assertTrue(e.getMessage().startsWith("invalid filter spec '" + spec + "': "), e.getMessage());
		assertTrue(e.getMessage().contains(why), e.getMessage());
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void rightAngleRotationsAreTheRotationGroup(int dims) {
		assertEquals(dims == 2 ? 4 : 24, Rotations.of(dims).size());
	}

	@Test
	void boundaryIndexMapping() {
		int n = 4;
		int[] mirror = new int[12], periodic = new int[12], nearest = new int[12], zero = new int[12];
		for (int i = -4; i < 8; i++) {
			mirror[i + 4] = Boundary.MIRROR.map(i, n);
			periodic[i + 4] = Boundary.PERIODIC.map(i, n);
			nearest[i + 4] = Boundary.NEAREST.map(i, n);
			zero[i + 4] = Boundary.ZERO.map(i, n);
		}
		// d c b a | a b c d | d c b a, as scipy's reflect
		assertEquals(List.of(3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0), box(mirror));
		assertEquals(List.of(0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3), box(periodic));
		assertEquals(List.of(0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3), box(nearest));
		assertEquals(List.of(-1, -1, -1, -1, 0, 1, 2, 3, -1, -1, -1, -1), box(zero));
	}

	private static List<Integer> box(int[] a) {
		return java.util.Arrays.stream(a).boxed().toList();
	}
}
