package lesionradiomics.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The margin rule: a filter's response inside a box, computed on the box's crop grown by the filter's margin, equals
 * the whole image's response there — bit for bit for the direct convolutions, to rounding for Gabor — for boxes deep
 * inside the image and boxes touching its border (where the boundary condition acts on the crop as on the image).
 */
class BoxFilteringTest {

	static final int[] SIZE = { 40, 36, 30 };
	static final double[] SPACING = { 0.8, 0.8, 2.5 };
	static final double[] IMAGE = new double[SIZE[0] * SIZE[1] * SIZE[2]];
	static {
		SplittableRandom r = new SplittableRandom(5);
		for (int i = 0; i < IMAGE.length; i++) IMAGE[i] = r.nextInt(-200, 300);
	}

	/** Boxes: inside, at the x = 0 border, at the far corner. */
	static final int[][][] BOXES = { { { 15, 14, 12 }, { 22, 20, 16 } }, { { 0, 10, 10 }, { 5, 15, 14 } }, { { 33, 30, 25 }, { 39, 35, 29 } } };

	@ParameterizedTest
	@ValueSource(strings = { "Mean:support=5,boundary=mirror", "Mean:support=3,dims=2,boundary=zero", "LoG:sigma=1.5,boundary=mirror",
			"LoG:sigma=2,dims=2,boundary=nearest", "Laws:kernel=L5E5E5,rotation=invariant,pooling=max,energy=3,boundary=mirror",
			"Laws:kernel=E3W5,energy=2,boundary=periodic", "Wavelet:family=db3,band=LLH,level=1,rotation=invariant,boundary=mirror",
			"Wavelet:family=haar,band=HHH,level=2,boundary=zero", "Wavelet:family=coif1,band=HL,level=2,boundary=mirror" })
	void directConvolutionsAreEqualToTheLastBit(String spec) {
		ResponseFilter f = FilterSpec.parse(spec);
		double[] whole = f.apply(IMAGE, SIZE, SPACING);
		for (int[][] b : BOXES) assertArrayEquals(box(whole, b), BoxFiltering.inBox(f, i -> IMAGE[i], SIZE, SPACING, b[0], b[1]), 0.0, spec);
	}

	@Test
	void gaborIsEqualToRounding() {
		for (String spec : new String[] { "Gabor:sigma=2,lambda=2,gamma=1.5,theta=0,step=45,planes=3,boundary=mirror", "Gabor:sigma=1.5,lambda=3,theta=30,boundary=zero" }) {
			ResponseFilter f = FilterSpec.parse(spec);
			double[] whole = f.apply(IMAGE, SIZE, SPACING);
			double max = 0;
			for (double v : whole) max = Math.max(max, Math.abs(v));
			for (int[][] b : BOXES) assertArrayEquals(box(whole, b), BoxFiltering.inBox(f, i -> IMAGE[i], SIZE, SPACING, b[0], b[1]), 1e-11 * max, spec);
		}
	}

	@Test
	void fourierDomainFiltersHaveNoMargin() {
		assertNull(FilterSpec.parse("Simoncelli:level=1").margin(SPACING, SIZE));
		assertNull(BoxFiltering.inBox(FilterSpec.parse("RieszLoG:sigma=2,riesz=100"), i -> IMAGE[i], SIZE, SPACING, BOXES[0][0], BOXES[0][1]));
		assertFalse(BoxFiltering.cheaper(FilterSpec.parse("Simoncelli:level=1"), SIZE, SPACING, List.<int[][]>of(BOXES[0])));
	}

	@Test
	void marginsAddUpThePasses() {
		// L5 half-width 2 on every axis once rotated, plus the energy distance
		assertArrayEquals(new int[] { 9, 9, 9 }, FilterSpec.parse("Laws:kernel=L5E5E3,rotation=invariant,energy=7").margin(SPACING, SIZE));
		assertArrayEquals(new int[] { 9, 9, 8 }, FilterSpec.parse("Laws:kernel=L5E5E3,energy=7").margin(SPACING, SIZE));
		// db3: 6 taps + 1 → half-width 3; level 2 adds the dilated 6
		assertArrayEquals(new int[] { 9, 9, 9 }, FilterSpec.parse("Wavelet:family=db3,band=LLH,level=2").margin(SPACING, SIZE));
		// LoG: ⌊4σ/spacing + ½⌋
		assertArrayEquals(new int[] { 8, 8, 2 }, FilterSpec.parse("LoG:sigma=1.5").margin(SPACING, SIZE));
		assertTrue(BoxFiltering.cheaper(FilterSpec.parse("Mean:support=3"), SIZE, SPACING, List.<int[][]>of(BOXES[0])));
		assertFalse(BoxFiltering.cheaper(FilterSpec.parse("LoG:sigma=8"), SIZE, SPACING, List.<int[][]>of(BOXES[0], BOXES[1])));
		assertEquals(0, FilterSpec.parse("Mean:support=5,dims=2").margin(SPACING, SIZE)[2]);
	}

	static double[] box(double[] whole, int[][] b) {
		int bx = b[1][0] - b[0][0] + 1, by = b[1][1] - b[0][1] + 1, bz = b[1][2] - b[0][2] + 1;
		double[] out = new double[bx * by * bz];
		for (int z = 0, i = 0; z < bz; z++)
			for (int y = 0; y < by; y++)
				for (int x = 0; x < bx; x++) out[i++] = whole[b[0][0] + x + SIZE[0] * (b[0][1] + y + SIZE[1] * (b[0][2] + z))];
		return out;
	}
}
